import { describeInput, invalid } from "./errors";

/**
 * A calendar date as yyyy-mm-dd, from yyyy-mm-dd or the UK's dd/mm/yyyy (what Excel in a UK locale writes to
 * CSV). A date that is not on the calendar (2025-02-30, 31/04/2025) is refused, never rolled into the next month.
 */
export function parseIsoDate(input: unknown): string {
  const text = typeof input === "string" ? input.trim() : "";
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else throw invalid(`${describeInput(input)} is not a date: give it as yyyy-mm-dd`);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw invalid(`${describeInput(input)} is not a date on the calendar`);
  }
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
