import { describeInput, invalid } from "../errors";

/**
 * Dates as whole days since 1 January 1970 (UTC), so a month's days and an anniversary are integer arithmetic.
 * Excel's serial date is this number + 25569.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
export const EXCEL_EPOCH_OFFSET = 25_569;

export function dayOf(y: number, m: number, d: number): Day {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function parseIsoDay(text: string, what = "a date"): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return dayOf(y, mo, d);
  }
  throw invalid(`${describeInput(text)} is not ${what}: give it as yyyy-mm-dd`);
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function parts(day: Day): { y: number; m: number; d: number } {
  const date = new Date(day * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The same day `months` months later, as Excel's EDATE: an anniversary of 29 February falls on 28 February.
 */
export function edate(day: Day, months: number): Day {
  const { y, m, d } = parts(day);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return dayOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** One calendar month of a forecast. */
export interface ForecastMonth {
  /** "2026-04". */
  key: string;
  /** The financial year it belongs to, "2026/27". */
  year: string;
  first: Day;
  last: Day;
  days: number;
}

/** The twelve months April to March of a financial year "2026/27". */
export function monthsOfYear(year: string): ForecastMonth[] {
  const start = Number(year.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const y = i < 9 ? start : start + 1;
    const m = ((i + 3) % 12) + 1;
    const days = daysInMonth(y, m);
    const first = dayOf(y, m, 1);
    return { key: `${y}-${String(m).padStart(2, "0")}`, year, first, last: first + days - 1, days };
  });
}

/** 365, or 366 when the financial year holds 29 February. */
export function daysInFinancialYear(year: string): number {
  const start = Number(year.slice(0, 4));
  return dayOf(start + 1, 4, 1) - dayOf(start, 4, 1);
}

/** The financial year ("2026/27") a day falls in: April to March. */
export function financialYearOf(day: Day): string {
  const { y, m } = parts(day);
  const start = m >= 4 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** "2026/27" → "2027/28". */
export function nextYear(year: string, by = 1): string {
  const start = Number(year.slice(0, 4)) + by;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}
