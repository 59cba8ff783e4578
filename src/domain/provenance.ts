/**
 * How sure a figure is (shared/reference): confirmed = official or checked against a second source;
 * secondary = one non-official source; derived = calculated from confirmed figures;
 * indicative = shown for guidance only, never as fact.
 */
export const PROVENANCE_STATUSES = ["confirmed", "secondary", "derived", "indicative"] as const;
export type ProvenanceStatus = (typeof PROVENANCE_STATUSES)[number];

/** Where a figure comes from; every figure the product ships carries one. */
export interface Provenance {
  source: string;
  /** The year the figure applies to or was published, e.g. "2025/26" or "2023". */
  year: string;
  status: ProvenanceStatus;
  note?: string;
}
