import { BANDS, type Band, isBand } from "../band";
import { describeInput, invalid } from "../errors";
import type { PayPointName } from "../pay";

/**
 * How ESR's words are read. Each rule is a list of words so that the sheets can write the same rule as a native
 * formula (SEARCH over the status text): the domain and a workbook recalculated without the add-in agree.
 */
export const ESR_RULES = {
  /** A category containing this word is bank: reported, never counted in post. */
  bankWord: "bank",
  /** A status containing one of these, or starting with `endedPrefix`, is over: not counted. */
  endedWords: ["terminat", "ended", "inactive"],
  endedPrefix: "end ",
  /** A status containing one of these is an absence: counted in post and reported as absent WTE. */
  absentWords: ["matern", "adopt", "patern", "parental", "sick", "suspend", "secondment out", "out on", "career break"],
  /** ESR's standard week: `Contracted Hours` ÷ this is the FTE. */
  fullTimeHours: 37.5,
} as const;

export type StatusKind = "active" | "absent" | "ended";

const lower = (text: string): string => text.trim().toLowerCase();

/** `Active Assignment` → active; `Maternity & Adoption` → absent; `Terminate Assignment`, `End` → ended. Blank is active. */
export function statusKind(status: string): StatusKind {
  const s = lower(status);
  if (ESR_RULES.endedWords.some((w) => s.includes(w)) || `${s} `.startsWith(ESR_RULES.endedPrefix)) return "ended";
  if (ESR_RULES.absentWords.some((w) => s.includes(w))) return "absent";
  return "active";
}

export function isBankCategory(category: string): boolean {
  return lower(category).includes(ESR_RULES.bankWord);
}

/** The words a band is written with in ESR that are not the band itself, removed in this order. */
export const BAND_NOISE = ["review body", "band", "range", "-", " ", "_"] as const;

/** The band key a formula computes from the text: lower case, the noise words removed. */
export function bandKey(text: string): string {
  let key = text.toLowerCase();
  for (const noise of BAND_NOISE) key = key.split(noise).join("");
  return key;
}

/** Reads a band as ESR writes it: `Band 6`, `Review Body Band 6`, `Review Body Band 8 - Range A`, `8A`, `6`. */
export function parseEsrBand(input: unknown): Band {
  const text = typeof input === "number" ? String(input) : typeof input === "string" ? input : "";
  const key = bandKey(text);
  if (isBand(key)) return key;
  throw invalid(`${describeInput(input)} is not an Agenda for Change band (${BANDS[0]}–7, 8a–8d or 9)`);
}

/** The pay point words a Spinal Point may hold; blank means top (the budgeting basis), said so in the output. */
export const POINT_WORDS: Readonly<Record<string, PayPointName>> = { entry: "entry", intermediate: "intermediate", mid: "intermediate", top: "top" };

export function parseEsrPoint(input: unknown): PayPointName | null {
  if (input === null || input === undefined) return null;
  const text = lower(String(input));
  if (text === "") return null;
  const point = POINT_WORDS[text];
  if (!point) throw invalid(`${describeInput(input)} is not a pay point: give entry, intermediate or top, or leave it blank for top`);
  return point;
}

/** A WTE from `FTE`, or from `Contracted Hours` ÷ 37.5 when there is no FTE. */
export function parseAssignmentWte(fte: unknown, hours: unknown): number {
  const number = (v: unknown): number | null => {
    if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
    if (typeof v !== "string" || v.trim() === "") return null;
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v.trim()) ? Number(v.trim()) : NaN;
  };
  const f = number(fte);
  if (f !== null) {
    if (!(f >= 0 && f <= 1.5)) throw invalid(`FTE ${describeInput(fte)} is not a number from 0 to 1.5`);
    return f;
  }
  const h = number(hours);
  if (h !== null) {
    if (!(h >= 0 && h <= 1.5 * ESR_RULES.fullTimeHours)) throw invalid(`Contracted Hours ${describeInput(hours)} is not a number of hours a week from 0 to ${1.5 * ESR_RULES.fullTimeHours}`);
    return h / ESR_RULES.fullTimeHours;
  }
  throw invalid("there is no FTE (nor Contracted Hours)");
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoOf(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/**
 * A date as ESR and Excel give it: `2026-03-31`, `31/03/2026` (UK order), `31-MAR-2026`, or an Excel serial
 * number (a cell read from the workbook, also as its 5 digits). Blank is null; anything else is refused.
 */
export function parseEsrDate(input: unknown): string | null {
  if (input === null || input === undefined || (typeof input === "string" && input.trim() === "")) return null;
  const serial = typeof input === "number" ? input : /^\d{5}$/.test(String(input).trim()) ? Number(String(input).trim()) : NaN;
  if (Number.isInteger(serial) && serial > 60 && serial < 2_958_466) {
    return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10);
  }
  const text = String(input).trim();
  let iso: string | null = null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  if (m) iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[-\s]([A-Za-z]{3})[A-Za-z]*[-\s](\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    if (month >= 0) iso = isoOf(Number(m[3]), month + 1, Number(m[1]));
  }
  if (!iso) throw invalid(`${describeInput(input)} is not a date: give it as yyyy-mm-dd or dd/mm/yyyy`);
  return iso;
}

/** Days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Excel's EDATE: the same day `months` later, held to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
