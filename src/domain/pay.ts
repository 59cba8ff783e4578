import { type Band, parseBand } from "./band";
import { describeInput, invalid, notFound } from "./errors";
import type { Provenance } from "./provenance";

/** Agenda for Change pay points within a band, lowest first. Bands have one, two or three. */
export const PAY_POINTS = ["entry", "intermediate", "top"] as const;
export type PayPointName = (typeof PAY_POINTS)[number];

export interface PayPoint {
  point: PayPointName;
  /** Full-time annual pay in pounds. */
  annual: number;
}

export interface PayBand {
  band: Band;
  points: readonly PayPoint[];
  provenance: Provenance;
}

/** One nation's pay scale for one financial year ("2025/26"). */
export interface PayScale {
  nation: string;
  year: string;
  hoursPerWeek: number;
  bands: readonly PayBand[];
}

export const HCAS_ZONES = ["inner-london", "outer-london", "fringe"] as const;
export type HcasZone = (typeof HCAS_ZONES)[number];

/** High Cost Area Supplement for one zone and year: a % of basic pay held between a minimum and maximum. */
export interface HcasRate {
  year: string;
  zone: HcasZone;
  label: string;
  percent: number;
  minimum: number;
  maximum: number;
  provenance: Provenance;
  /** Where the minimum is less sure than the rest (2025/26). */
  minimumProvenance?: Provenance;
}

export interface OnCostRules {
  year: string;
  employerNi: { rate: number; secondaryThreshold: number; provenance: Provenance };
  pension: { employerRate: number; fullRate: number; centralRate: number; provenance: Provenance };
  apprenticeshipLevy: { rate: number; allowance: number; provenance: Provenance };
}

/** Years from each point to the next: band 5 → [2, 2] (entry → intermediate after 2 years → top after 2 more). */
export interface Progression {
  band: Band;
  yearsToNext: readonly number[];
  provenance: Provenance;
}

export interface PayData {
  payScales: readonly PayScale[];
  progression: readonly Progression[];
  hcas: readonly HcasRate[];
  onCosts: readonly OnCostRules[];
}

export const DEFAULT_NATION = "england";

/** Reads "entry", "Intermediate", "top", 1, 2, 3, "mid". */
export function parsePayPoint(input: unknown): PayPointName | 1 | 2 | 3 {
  if (typeof input === "number" && (input === 1 || input === 2 || input === 3)) return input;
  if (typeof input === "string") {
    const t = input.trim().toLowerCase();
    if (t === "1" || t === "2" || t === "3") return Number(t) as 1 | 2 | 3;
    if (t === "mid" || t === "middle") return "intermediate";
    const found = PAY_POINTS.find((p) => p === t);
    if (found) return found;
  }
  throw invalid(`${describeInput(input)} is not a pay point: give "entry", "intermediate" or "top" (or 1, 2, 3)`);
}

/** Reads "2025/26", "2025-26", "2025/2026", "25/26" and the starting year 2025 as the financial year "2025/26". */
export function normalizeYear(input: unknown): string {
  const text = typeof input === "number" ? String(input) : typeof input === "string" ? input.trim() : "";
  let m = /^(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const start = Number(m[1]);
    const end = Number(m[2]!.slice(-2));
    if ((start + 1) % 100 === end) return `${start}/${String(end).padStart(2, "0")}`;
  }
  m = /^(\d{2})\s*[/\-–]\s*(\d{2})$/.exec(text);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return `20${m[1]}/${m[2]}`;
  if (/^\d{4}$/.test(text)) {
    const start = Number(text);
    return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
  }
  throw invalid(`${describeInput(input)} is not a financial year: give it as 2025/26`);
}

export function availableYears(data: PayData, nation = DEFAULT_NATION): string[] {
  return data.payScales.filter((s) => s.nation === nation).map((s) => s.year);
}

/** The pay scale of a year ("2025/26", 2025, "25/26") and nation; a year with no scale is refused. */
export function payScaleFor(data: PayData, year: unknown, nation = DEFAULT_NATION): PayScale {
  const wanted = normalizeYear(year);
  const scale = data.payScales.find((s) => s.year === wanted && s.nation === nation);
  if (!scale) {
    throw notFound(`no ${nation} pay scale for ${wanted}; years available: ${availableYears(data, nation).join(", ")}`);
  }
  return scale;
}

/** The year to use when none is given: the latest one whose figures are not merely indicative. */
export function defaultYear(data: PayData, nation = DEFAULT_NATION): string {
  const scales = data.payScales.filter((s) => s.nation === nation);
  const firm = scales.filter((s) => s.bands.every((b) => b.provenance.status !== "indicative"));
  const chosen = (firm.length > 0 ? firm : scales).map((s) => s.year).sort();
  const latest = chosen[chosen.length - 1];
  if (!latest) throw notFound(`no ${nation} pay scale in the catalog`);
  return latest;
}

export const BAND_1_CLOSED =
  "Band 1 closed to new entrants on 1 December 2018: staff on it are paid at the band 2 rate in England";

export interface ResolvedPay {
  band: Band;
  /** The band the pay comes from (2 for a band 1 post). */
  payBand: Band;
  point: PayPointName;
  year: string;
  annual: number;
  provenance: Provenance;
  notes: string[];
}

/** Full-time annual pay for a band, point and year. Band 1 is paid at band 2 and says so in `notes`. */
export function payFor(data: PayData, bandInput: unknown, pointInput: unknown = "top", yearInput?: unknown, nation = DEFAULT_NATION): ResolvedPay {
  const band = parseBand(bandInput);
  const year = yearInput === undefined || yearInput === null || yearInput === "" ? defaultYear(data, nation) : normalizeYear(yearInput);
  const scale = payScaleFor(data, year, nation);
  const notes: string[] = [];
  let payBand = band;
  if (band === "1" && !scale.bands.some((b) => b.band === "1")) {
    payBand = "2";
    notes.push(BAND_1_CLOSED);
  }
  const bandPay = scale.bands.find((b) => b.band === payBand);
  if (!bandPay) throw notFound(`the ${year} pay scale has no band ${payBand}`);
  const point = resolvePoint(bandPay, parsePayPoint(pointInput));
  return { band, payBand, point: point.point, year, annual: point.annual, provenance: bandPay.provenance, notes };
}

/**
 * The one reading of a pay point, everywhere: "entry", "intermediate", "top" by name, or 1, 2, 3 as the band's
 * first, second, third point (band 3's point 2 is its top). A point the band lacks is refused with the band's
 * points listed. Returns the point's name in that band.
 */
export function payPointOf(data: PayData, bandInput: unknown, pointInput: unknown, yearInput?: unknown): PayPointName {
  return payFor(data, bandInput, pointInput, yearInput).point;
}

function describePoints(b: PayBand): string {
  return b.points.length === 1 ? "one pay point" : `${b.points.length} pay points (${b.points.map((p) => p.point).join(", ")})`;
}

function resolvePoint(b: PayBand, wanted: PayPointName | 1 | 2 | 3): PayPoint {
  if (typeof wanted === "number") {
    const p = b.points[wanted - 1];
    if (!p) throw invalid(`band ${b.band} has ${describePoints(b)}: there is no point ${wanted}`);
    return p;
  }
  // A one-point band's only point is both its entry and its top: name it as asked.
  if (b.points.length === 1 && wanted !== "intermediate") return { ...b.points[0]!, point: wanted };
  if (wanted === "entry") return b.points[0]!;
  if (wanted === "top") return b.points[b.points.length - 1]!;
  const p = b.points.find((x) => x.point === wanted);
  if (!p) throw invalid(`band ${b.band} has ${describePoints(b)}: there is no intermediate point`);
  return p;
}

/** The pay point a person reaches after `yearsInBand` years in the band. */
export function payPointAfterYears(data: PayData, bandInput: unknown, yearsInBand: unknown): PayPointName {
  const band = parseBand(bandInput);
  if (typeof yearsInBand !== "number" || !Number.isFinite(yearsInBand) || yearsInBand < 0) {
    throw invalid(`${describeInput(yearsInBand)} is not a number of years in band: give 0 or more`);
  }
  const progression = data.progression.find((p) => p.band === (band === "1" ? "2" : band));
  if (!progression) throw notFound(`no pay progression for band ${band}`);
  const scale = payScaleFor(data, defaultYear(data));
  const points = scale.bands.find((b) => b.band === progression.band)!.points;
  let elapsed = 0;
  for (let i = 0; i < progression.yearsToNext.length; i++) {
    elapsed += progression.yearsToNext[i]!;
    if (yearsInBand < elapsed) return points[i]!.point;
  }
  return points[points.length - 1]!.point;
}

export function hcasRateFor(data: PayData, zone: HcasZone, year: string): HcasRate {
  const rate = data.hcas.find((h) => h.zone === zone && h.year === year);
  if (!rate) {
    const years = [...new Set(data.hcas.filter((h) => h.zone === zone).map((h) => h.year))];
    throw notFound(`no ${zone} High Cost Area Supplement for ${year}; years available: ${years.join(", ")}`);
  }
  return rate;
}

export function onCostsFor(data: PayData, year: string): OnCostRules {
  const rules = data.onCosts.find((o) => o.year === year);
  if (!rules) throw notFound(`no on-cost rules for ${year}; years available: ${data.onCosts.map((o) => o.year).join(", ")}`);
  return rules;
}

/** Reads "none", "inner-london", "Inner London", "outer london", "fringe"; blank is none. */
export function parseHcasZone(input: unknown): HcasZone | "none" {
  if (input === null || input === undefined) return "none";
  if (typeof input === "string") {
    const t = input.trim().toLowerCase().replace(/[\s_]+/g, "-");
    if (t === "" || t === "none" || t === "no") return "none";
    const found = HCAS_ZONES.find((z) => z === t);
    if (found) return found;
  }
  throw invalid(`${describeInput(input)} is not a High Cost Area zone: give none, inner-london, outer-london or fringe`);
}

export type PensionBasis = "employer" | "full";

/** "employer" = the 14.38% the employer pays locally; "full" = 23.78%, including the 9.4% paid centrally. */
export function parsePensionBasis(input: unknown): PensionBasis {
  if (input === null || input === undefined || (typeof input === "string" && input.trim() === "")) return "employer";
  if (typeof input === "string") {
    const t = input.trim().toLowerCase();
    if (t === "employer" || t === "local") return "employer";
    if (t === "full") return "full";
  }
  throw invalid(`${describeInput(input)} is not a pension basis: give "employer" (local cost) or "full"`);
}

export const MAX_WTE = 1.5;

export function checkWte(input: unknown): number {
  if (typeof input !== "number" || !Number.isFinite(input)) throw invalid(`${describeInput(input)} is not a WTE: give a number such as 1 or 0.6`);
  if (input < 0) throw invalid(`WTE ${input} is negative: give 0 to ${MAX_WTE}`);
  if (input > MAX_WTE) throw invalid(`WTE ${input} is above ${MAX_WTE}: one post is at most ${MAX_WTE} WTE`);
  return input;
}
