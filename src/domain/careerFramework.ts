import type { Band } from "./band";
import { describeInput, invalid } from "./errors";
import type { Provenance } from "./provenance";

/** Skills for Health Career Framework levels, 1 (initial entry) to 9 (more senior staff). */
export const CAREER_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type CareerLevel = (typeof CAREER_LEVELS)[number];

export interface CareerLevelDefinition {
  level: CareerLevel;
  title: string;
  descriptor: string;
  /**
   * Bands the level loosely relates to. Indicative only: the framework says levels "do not automatically
   * read across" to Agenda for Change, so this is never used to set a band.
   */
  indicativeBands: readonly Band[];
  provenance: Provenance;
  indicativeBandsProvenance: Provenance;
}

export function isCareerLevel(value: unknown): value is CareerLevel {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 9;
}

/** Reads 7, "7", "Level 7", "level 7". */
export function parseCareerLevel(input: unknown): CareerLevel {
  const n =
    typeof input === "number"
      ? input
      : typeof input === "string" && /^\s*(level\s*)?\d+\s*$/i.test(input)
        ? Number.parseInt(input.replace(/\D/g, ""), 10)
        : Number.NaN;
  if (isCareerLevel(n)) return n;
  throw invalid(`${describeInput(input)} is not a Career Framework level (1–9)`);
}
