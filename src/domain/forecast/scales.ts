import type { Band } from "../band";
import { invalid, notFound } from "../errors";
import type { HcasZone, PayData } from "../pay";
import type { ProvenanceStatus } from "../provenance";
import { nextYear } from "./dates";

/** How sure a forecast figure is: the catalog's own status, or "assumed" for a year the catalog does not have. */
export type ForecastStatus = ProvenanceStatus | "assumed";

export interface YearHcas {
  percent: number;
  minimum: number;
  maximum: number;
}

export interface YearOnCosts {
  niRate: number;
  niThreshold: number;
  pensionEmployerRate: number;
  pensionFullRate: number;
  levyRate: number;
  status: ForecastStatus;
}

/** One financial year's pay points, HCAS and on-cost rules as the forecast uses them. */
export interface YearScale {
  year: string;
  /** "assumed" for a year built from the year before and an award. */
  status: ForecastStatus;
  /** The award (percent) that made an assumed year; null for a catalog year. */
  award: number | null;
  /** Full-time annual pay per band, lowest point first. */
  pay: ReadonlyMap<Band, readonly number[]>;
  hcas: ReadonlyMap<HcasZone, YearHcas>;
  onCosts: YearOnCosts;
}

/** Rounds to the nearest pound, half up, exactly for awards given to two decimal places. */
export function roundToPound(amount: number): number {
  return Math.round(amount + 1e-9);
}

/** A figure after an award: the year before × (1 + award %), to the nearest pound. */
export function uplift(amount: number, awardPercent: number): number {
  return roundToPound((amount * (10_000 + Math.round(awardPercent * 100))) / 10_000);
}

function catalogScale(data: PayData, year: string, nation: string): YearScale | null {
  const scale = data.payScales.find((s) => s.year === year && s.nation === nation);
  if (!scale) return null;
  const pay = new Map<Band, number[]>();
  for (const b of scale.bands) pay.set(b.band, b.points.map((p) => p.annual));
  if (!pay.has("1") && pay.has("2")) pay.set("1", pay.get("2")!);
  const hcas = new Map<HcasZone, YearHcas>();
  for (const h of data.hcas.filter((x) => x.year === year)) hcas.set(h.zone, { percent: h.percent, minimum: h.minimum, maximum: h.maximum });
  const statuses = scale.bands.map((b) => b.provenance.status);
  const status = (["indicative", "derived", "secondary", "confirmed"] as const).find((s) => statuses.includes(s)) ?? "confirmed";
  return { year, status, award: null, pay, hcas, onCosts: onCostsFor(data, year) };
}

/** The year's on-cost rules, or the last known ones carried forward (status "assumed"). */
function onCostsFor(data: PayData, year: string): YearOnCosts {
  const known = [...data.onCosts].sort((a, b) => a.year.localeCompare(b.year));
  const exact = known.find((o) => o.year === year);
  const rules = exact ?? [...known].reverse().find((o) => o.year < year);
  if (!rules) throw notFound(`no on-cost rules for ${year} or any year before it; years available: ${known.map((o) => o.year).join(", ")}`);
  return {
    niRate: rules.employerNi.rate,
    niThreshold: rules.employerNi.secondaryThreshold,
    pensionEmployerRate: rules.pension.employerRate,
    pensionFullRate: rules.pension.fullRate,
    levyRate: rules.apprenticeshipLevy.rate,
    status: exact ? exact.employerNi.provenance.status : "assumed",
  };
}

/** A year made from the year before: every pay point and the HCAS minimum and maximum × (1 + award %), rounded. */
export function upliftedScale(before: YearScale, year: string, awardPercent: number, onCosts: YearOnCosts): YearScale {
  const pay = new Map<Band, number[]>();
  for (const [band, points] of before.pay) pay.set(band, points.map((p) => uplift(p, awardPercent)));
  const hcas = new Map<HcasZone, YearHcas>();
  for (const [zone, h] of before.hcas) hcas.set(zone, { percent: h.percent, minimum: uplift(h.minimum, awardPercent), maximum: uplift(h.maximum, awardPercent) });
  return { year, status: "assumed", award: awardPercent, pay, hcas, onCosts };
}

export interface ScaleRequest {
  /** Financial years to build, in order, consecutive. */
  years: readonly string[];
  /** Award (percent) per year the catalog does not have; missing = 0 ("no award assumed"). */
  awards?: Readonly<Record<string, number>>;
  nation?: string;
}

/**
 * Pay scales for each year asked: the catalog's years as they are, each later year the year before × (1 + that
 * year's award), rounded to the pound and marked "assumed"; on-cost rules carried forward where none are published.
 */
export function forecastScales(data: PayData, request: ScaleRequest): YearScale[] {
  const nation = request.nation ?? "england";
  const awards = request.awards ?? {};
  const catalogYears = data.payScales.filter((s) => s.nation === nation).map((s) => s.year).sort();
  const first = catalogYears[0];
  if (!first) throw notFound(`no ${nation} pay scale in the catalog`);
  for (const [year, award] of Object.entries(awards)) {
    if (catalogYears.includes(year)) throw invalid(`${year} has pay points in the catalog: an award applies only to later years (${nextYear(catalogYears.at(-1)!)} on)`);
    if (!(Number.isFinite(award) && award > -100 && award <= 100)) throw invalid(`an award of ${award}% for ${year} is not a percentage from 0 to 100`);
  }
  const wanted = request.years;
  if (wanted.length === 0) return [];
  if (wanted[0]! < first) throw notFound(`no ${nation} pay scale for ${wanted[0]}: the catalog starts at ${first}`);
  const byYear = new Map<string, YearScale>();
  let previous: YearScale | null = null;
  for (let year = first; year <= wanted.at(-1)!; year = nextYear(year)) {
    const scale: YearScale = catalogScale(data, year, nation) ?? upliftedScale(previous!, year, awards[year] ?? 0, onCostsFor(data, year));
    byYear.set(year, scale);
    previous = scale;
  }
  return wanted.map((y) => byYear.get(y)!);
}

/** The scale a funded rate would give: the year before × (1 + funded %), rounded, with the year's own on-costs. */
export function fundedScale(before: YearScale, actual: YearScale, fundedPercent: number): YearScale {
  if (!(Number.isFinite(fundedPercent) && fundedPercent > -100 && fundedPercent <= 100)) {
    throw invalid(`a funded rate of ${fundedPercent}% for ${actual.year} is not a percentage from 0 to 100`);
  }
  return upliftedScale(before, actual.year, fundedPercent, actual.onCosts);
}

