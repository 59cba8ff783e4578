import { describeInput, invalid } from "./errors";

/** Agenda for Change pay bands, in order. */
export const BANDS = ["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"] as const;
export type Band = (typeof BANDS)[number];

const BAND_INDEX: ReadonlyMap<string, number> = new Map(BANDS.map((b, i) => [b, i]));

export function isBand(value: unknown): value is Band {
  return typeof value === "string" && BAND_INDEX.has(value);
}

/**
 * Reads a band the way people type it: 5, "5", "8a", "8A", "Band 8a", "band 8 a", "8-a".
 * Anything else (8e, 10, 7.5, a blank) is refused with a message naming what was typed.
 */
export function parseBand(input: unknown): Band {
  if (typeof input === "number") {
    if (Number.isInteger(input) && isBand(String(input))) return String(input) as Band;
    throw invalid(`${describeInput(input)} is not an Agenda for Change band (1–7, 8a–8d or 9)`);
  }
  if (typeof input !== "string") {
    throw invalid(`${describeInput(input)} is not an Agenda for Change band (1–7, 8a–8d or 9)`);
  }
  const compact = input
    .trim()
    .toLowerCase()
    .replace(/^band\b/, "")
    .replace(/[\s\-_]+/g, "");
  if (isBand(compact)) return compact;
  throw invalid(`${describeInput(input)} is not an Agenda for Change band (1–7, 8a–8d or 9)`);
}

/** Position of a band in pay order (1 → 0, 9 → 11). */
export function bandIndex(band: Band): number {
  return BAND_INDEX.get(band)!;
}

/** Sort comparator in pay order: 7 < 8a < 8b < 9. */
export function compareBands(a: Band, b: Band): number {
  return bandIndex(a) - bandIndex(b);
}

/** The band as people read it: "Band 8a". */
export function bandLabel(band: Band): string {
  return `Band ${band}`;
}
