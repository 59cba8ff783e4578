import type { Band } from "./band";
import {
  DEFAULT_NATION,
  type HcasZone,
  type PayData,
  type PayPointName,
  type PensionBasis,
  checkWte,
  hcasRateFor,
  onCostsFor,
  parseHcasZone,
  parsePensionBasis,
  payFor,
} from "./pay";
import { invalid } from "./errors";
import type { Provenance } from "./provenance";

export interface PostCostInput {
  band: unknown;
  /** Default "top": the usual budgeting basis. */
  point?: unknown;
  /** Default 1. */
  wte?: unknown;
  /** Default: the latest year whose figures are not indicative. */
  year?: unknown;
  hcasZone?: unknown;
  pensionBasis?: unknown;
  includeLevy?: boolean;
  nation?: string;
}

/** Every line of a post's annual cost, in pounds, unrounded (round only when shown). */
export interface CostLines {
  basic: number;
  hcas: number;
  employerNI: number;
  pension: number;
  levy: number;
  total: number;
}

export interface PostCost extends CostLines {
  band: Band;
  payBand: Band;
  point: PayPointName;
  year: string;
  wte: number;
  hcasZone: HcasZone | "none";
  pensionBasis: PensionBasis;
  includeLevy: boolean;
  fullTimePay: number;
  rates: { hcasPercent: number; hcasMinimum: number; hcasMaximum: number; niRate: number; niThreshold: number; pensionRate: number; levyRate: number };
  sources: Provenance[];
  notes: string[];
}

/**
 * The annual cost of a post with every line shown:
 * basic = full-time pay × WTE; HCAS = min(max(% × full-time pay, minimum), maximum) × WTE;
 * employer NI = rate × max(0, basic + HCAS − threshold) (the threshold is per employee, not pro-rated);
 * pension = rate × (basic + HCAS) (HCAS is pensionable); levy = 0.5% × (basic + HCAS) only when asked
 * (it is an organisation-level charge).
 */
export function postCost(data: PayData, input: PostCostInput): PostCost {
  const pay = payFor(data, input.band, input.point ?? "top", input.year, input.nation ?? DEFAULT_NATION);
  const wte = checkWte(input.wte ?? 1);
  const zone = parseHcasZone(input.hcasZone);
  const pensionBasis = parsePensionBasis(input.pensionBasis);
  const includeLevy = input.includeLevy ?? false;
  const rules = onCostsFor(data, pay.year);
  const hcasRate = zone === "none" ? null : hcasRateFor(data, zone, pay.year);
  const lines = costLines(
    [{ share: 1, fullTimePay: pay.annual }],
    wte,
    hcasRate,
    rules.employerNi.rate,
    rules.employerNi.secondaryThreshold,
    pensionBasis === "full" ? rules.pension.fullRate : rules.pension.employerRate,
    includeLevy ? rules.apprenticeshipLevy.rate : 0,
  );
  const sources = [pay.provenance, rules.employerNi.provenance, rules.pension.provenance];
  if (hcasRate) sources.push(hcasRate.provenance, ...(hcasRate.minimumProvenance ? [hcasRate.minimumProvenance] : []));
  if (includeLevy) sources.push(rules.apprenticeshipLevy.provenance);
  // The lines named one by one: V8 copies `...lines` into a literal this size on a slow path, 20× the rest of the call.
  return {
    basic: lines.basic,
    hcas: lines.hcas,
    employerNI: lines.employerNI,
    pension: lines.pension,
    levy: lines.levy,
    total: lines.total,
    band: pay.band,
    payBand: pay.payBand,
    point: pay.point,
    year: pay.year,
    wte,
    hcasZone: zone,
    pensionBasis,
    includeLevy,
    fullTimePay: pay.annual,
    rates: {
      hcasPercent: hcasRate?.percent ?? 0,
      hcasMinimum: hcasRate?.minimum ?? 0,
      hcasMaximum: hcasRate?.maximum ?? 0,
      niRate: rules.employerNi.rate,
      niThreshold: rules.employerNi.secondaryThreshold,
      pensionRate: pensionBasis === "full" ? rules.pension.fullRate : rules.pension.employerRate,
      levyRate: includeLevy ? rules.apprenticeshipLevy.rate : 0,
    },
    sources,
    notes: pay.notes,
  };
}

/** HCAS on one full-time pay figure, before WTE. */
export function hcasOn(fullTimePay: number, rate: { percent: number; minimum: number; maximum: number } | null): number {
  if (!rate) return 0;
  return Math.min(Math.max((rate.percent / 100) * fullTimePay, rate.minimum), rate.maximum);
}

/**
 * The lines for a year made of periods at different pay (a step inside the year): each period's share of the
 * year at its own pay; NI on the year's total against the annual threshold.
 */
export function costLines(
  periods: readonly { share: number; fullTimePay: number }[],
  wte: number,
  hcasRate: { percent: number; minimum: number; maximum: number } | null,
  niRate: number,
  niThreshold: number,
  pensionRate: number,
  levyRate: number,
): CostLines {
  let basic = 0;
  let hcas = 0;
  for (const p of periods) {
    basic += p.share * p.fullTimePay * wte;
    hcas += p.share * hcasOn(p.fullTimePay, hcasRate) * wte;
  }
  const pensionable = basic + hcas;
  const employerNI = niRate * Math.max(0, pensionable - niThreshold);
  const pension = pensionRate * pensionable;
  const levy = levyRate * pensionable;
  return { basic, hcas, employerNI, pension, levy, total: basic + hcas + employerNI + pension + levy };
}

/**
 * Rounds money to the penny for display, half away from zero, as ROUND(x,2) does on a sheet. Like Excel and
 * LibreOffice it rounds the decimal a figure stands for (read to 15 significant digits), not its binary
 * approximation: 0.5% of £53,755 is 268.77499999999997 in binary, 268.775 in decimal, and £268.78 shown.
 */
export function roundPennies(amount: number): number {
  const pence = Number((Math.abs(amount) * 100).toPrecision(15));
  return (Math.sign(amount) * Math.round(pence)) / 100;
}

/**
 * The one rounding rule for money people read (the CLI, the task pane): each cost line rounded half away from
 * zero to the penny, and the total the sum of the rounded lines, so the lines shown always add up to the total
 * shown. The domain's own figures stay unrounded; round only when shown.
 */
export function roundedCostLines(lines: CostLines): CostLines {
  const basic = roundPennies(lines.basic);
  const hcas = roundPennies(lines.hcas);
  const employerNI = roundPennies(lines.employerNI);
  const pension = roundPennies(lines.pension);
  const levy = roundPennies(lines.levy);
  // Summed in whole pennies, so no binary fraction creeps into the total.
  const total = (Math.round(basic * 100) + Math.round(hcas * 100) + Math.round(employerNI * 100) + Math.round(pension * 100) + Math.round(levy * 100)) / 100;
  return { basic, hcas, employerNI, pension, levy, total };
}

/** A future year's figure from a pay award: 3.3% → amount × 1.033. */
export function upliftForAward(amount: number, awardPercent: number): number {
  return amount * (1 + awardPercent / 100);
}

/** A plan's total after a vacancy factor (a budgeting allowance for posts expected to be vacant). */
export function applyVacancyFactor(total: number, vacancyFactor: number): number {
  if (!(vacancyFactor >= 0 && vacancyFactor < 1)) {
    throw invalid(`a vacancy factor is a fraction from 0 to under 1 (3% is 0.03), not ${vacancyFactor}`);
  }
  return total * (1 - vacancyFactor);
}
