import {
  type Band,
  type HcasZone,
  type PayPointName,
  type PostStatus,
  MAX_WTE,
  describeInput,
  invalid,
  parseBand,
  parseHcasZone,
  parseIsoDate,
  parsePayPoint,
} from "../domain";

/**
 * Cell readers for column specs: each reads a trimmed, non-blank cell or throws a DomainError whose message is
 * the reason (readColumns adds the file line and the column).
 */

export const textCell = (cell: string): string => cell;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A plain number (no thousands separators, no units) from `min` to `max`, called `what` in messages. */
export function numberCell(what: string, min: number, max: number): (cell: string) => number {
  return (cell) => {
    const n = NUMBER.test(cell) ? Number(cell) : Number.NaN;
    if (!Number.isFinite(n) || n < min || n > max) throw invalid(`${describeInput(cell)} is not ${what} from ${min} to ${max}`);
    return n;
  };
}

export const wteCell = numberCell("a WTE", 0, MAX_WTE);

/** Contracted hours a week as WTE: hours ÷ the pay scale's full-time hours (37.5 under Agenda for Change). */
export function hoursAsWteCell(fullTimeHours: number): (cell: string) => number {
  const hours = numberCell("a number of hours a week", 0, MAX_WTE * fullTimeHours);
  return (cell) => hours(cell) / fullTimeHours;
}

/** A band: "5", "Band 5", "8a", "8A". */
export const bandCell = (cell: string): Band => parseBand(/^\d+$/.test(cell) ? Number(cell) : cell);

/** A pay point as written (a name or 1–3); which point of the band it is needs the band: see payPointOf. */
export const payPointCell = (cell: string): PayPointName | 1 | 2 | 3 => parsePayPoint(cell);

export const hcasZoneCell = (cell: string): HcasZone | "none" => parseHcasZone(cell);

/** A date on the calendar, returned as yyyy-mm-dd. */
export const dateCell = (cell: string): string => parseIsoDate(cell);

export const postStatusCell = (cell: string): PostStatus => {
  const t = cell.toLowerCase().replace(/\s+/g, " ");
  if (t === "in post") return "In post";
  if (t === "vacant") return "Vacant";
  throw invalid(`${describeInput(cell)} is not a status: give "In post" or "Vacant"`);
};
