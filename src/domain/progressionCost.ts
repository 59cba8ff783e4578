import { parseBand } from "./band";
import { parseIsoDate } from "./date";
import { describeInput, invalid, notFound } from "./errors";
import { type PayData, type PayPointName, checkWte, hcasRateFor, normalizeYear, onCostsFor, parseHcasZone, parsePensionBasis, payFor } from "./pay";
import { type CostLines, costLines } from "./postCost";

export interface YearWithStepInput {
  band: unknown;
  wte?: unknown;
  year: unknown;
  /** ISO date (yyyy-mm-dd) the person started on the band's entry point. */
  startInBand: string;
  hcasZone?: unknown;
  pensionBasis?: unknown;
  includeLevy?: boolean;
}

export interface PayPeriod {
  point: PayPointName;
  months: number;
  fullTimePay: number;
}

export interface YearWithStepCost extends CostLines {
  year: string;
  periods: PayPeriod[];
}

function dateParts(text: string): { y: number; m: number; d: number } {
  const [y, m, d] = parseIsoDate(text).split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

/** Month index counted from year 0, January = 0. */
const monthIndex = (y: number, m: number): number => y * 12 + (m - 1);

/**
 * A financial year's cost for a person whose pay step falls inside the year: the months before the step at
 * the old point, the months after at the new one. The step takes effect on its anniversary; at month
 * granularity, the new point counts from the step's month when the anniversary is the 1st, else from the
 * month after (so a part month is paid at the lower point: a cautious budget).
 */
export function yearCostWithStep(data: PayData, input: YearWithStepInput): YearWithStepCost {
  const band = parseBand(input.band);
  const year = normalizeYear(input.year);
  const wte = checkWte(input.wte ?? 1);
  const start = dateParts(input.startInBand);
  const progression = data.progression.find((p) => p.band === (band === "1" ? "2" : band));
  if (!progression) throw notFound(`no pay progression for band ${band}`);
  const fyStart = monthIndex(Number(year.slice(0, 4)), 4);
  const fyEnd = fyStart + 12;
  const startMonth = monthIndex(start.y, start.m) + (start.d === 1 ? 0 : 1);
  if (startMonth >= fyEnd) throw invalid(`${input.startInBand} is after the end of ${year}: the person is not in the band that year`);

  // Month (index) from which each point applies.
  const pointStarts: number[] = [startMonth];
  let elapsedYears = 0;
  for (const years of progression.yearsToNext) {
    elapsedYears += years;
    pointStarts.push(startMonth + elapsedYears * 12);
  }
  const points = pointsOf(data, band, year);
  const periods: PayPeriod[] = [];
  for (let i = 0; i < pointStarts.length; i++) {
    const from = Math.max(pointStarts[i]!, fyStart);
    const to = Math.min(i + 1 < pointStarts.length ? pointStarts[i + 1]! : Number.POSITIVE_INFINITY, fyEnd);
    if (to > from) periods.push({ point: points[i]!.point, months: to - from, fullTimePay: points[i]!.annual });
  }
  const rules = onCostsFor(data, year);
  const zone = parseHcasZone(input.hcasZone);
  const basis = parsePensionBasis(input.pensionBasis);
  const lines = costLines(
    periods.map((p) => ({ share: p.months / 12, fullTimePay: p.fullTimePay })),
    wte,
    zone === "none" ? null : hcasRateFor(data, zone, year),
    rules.employerNi.rate,
    rules.employerNi.secondaryThreshold,
    basis === "full" ? rules.pension.fullRate : rules.pension.employerRate,
    input.includeLevy ? rules.apprenticeshipLevy.rate : 0,
  );
  return { ...lines, year, periods };
}

function pointsOf(data: PayData, band: ReturnType<typeof parseBand>, year: string): { point: PayPointName; annual: number }[] {
  const count = data.progression.find((p) => p.band === (band === "1" ? "2" : band))!.yearsToNext.length + 1;
  return Array.from({ length: count }, (_, i) => {
    const pay = payFor(data, band, i + 1, year);
    return { point: pay.point, annual: pay.annual };
  });
}
