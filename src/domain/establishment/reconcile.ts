import { type Band, compareBands } from "../band";
import { invalid } from "../errors";
import { caseFoldKey } from "../text";
import { type PayData, type PayPointName, type PensionBasis, onCostsFor, payFor } from "../pay";
import { costLines } from "../postCost";
import { addMonths, daysBetween, isBankCategory, statusKind } from "./esrFields";
import type { FundedPosition, StaffAssignment } from "./inputs";

export const POSITION_STATUSES = ["Filled", "Part vacant", "Vacant", "Over-established"] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

/** A variance smaller than this is Filled: WTE are kept to two decimal places. */
export const FILLED_TOLERANCE = 0.005;
export const FIXED_TERM_MONTHS = 3;
export const LONG_VACANCY_DAYS = 90;

export interface EstablishmentParameters {
  /** ISO date the reconciliation is made as at (today, by default). */
  asAt: string;
  year: string;
  pensionBasis: PensionBasis;
  includeLevy: boolean;
}

export interface AssignmentReconciliation {
  assignment: StaffAssignment;
  /** The funded position it sits on, or null: unfunded. */
  funded: FundedPosition | null;
  counted: boolean;
  absent: boolean;
  bank: boolean;
  bandMismatch: boolean;
  fixedTermEnding: boolean;
  point: PayPointName;
  pointFrom: "spinal point" | "top: no spinal point";
  /** The year's cost of the assignment at its band and point; 0 when not counted. */
  cost: number;
  /** Where it is summed: its position's cost centre, band and role when funded; its own otherwise. */
  group: { costCentre: string; band: Band; role: string };
}

export interface PositionReconciliation {
  funded: FundedPosition;
  inPostWte: number;
  varianceWte: number;
  vacantWte: number;
  overEstablishedWte: number;
  absentWte: number;
  bankWte: number;
  status: PositionStatus;
  bandMismatches: number;
  fixedTermEnding: number;
  vacantOver90Days: boolean;
  fundedCost: number;
  fundedCostBasis: "budget" | "band top";
  inPostCost: number;
}

export interface EstablishmentFigures {
  fundedWte: number;
  /** Every counted assignment, on a funded position or not. */
  inPostWte: number;
  vacantWte: number;
  overEstablishedWte: number;
  unfundedWte: number;
  absentWte: number;
  bankWte: number;
  /** In-post WTE on funded positions ÷ all counted in-post WTE; null when nobody is counted. */
  matchRate: number | null;
  fundedCost: number;
  inPostCost: number;
}

export interface GroupFigures extends EstablishmentFigures {
  key: string;
}

export interface EstablishmentReconciliation {
  parameters: EstablishmentParameters;
  positions: PositionReconciliation[];
  assignments: AssignmentReconciliation[];
  unfunded: AssignmentReconciliation[];
  bandMismatches: AssignmentReconciliation[];
  totals: EstablishmentFigures;
  byCostCentre: GroupFigures[];
  byBand: GroupFigures[];
  byRole: GroupFigures[];
}

/** Filled within the tolerance; Vacant when nobody is in post; otherwise over or part vacant. */
export function positionStatus(fundedWte: number, inPostWte: number): PositionStatus {
  const variance = fundedWte - inPostWte;
  if (Math.abs(variance) < FILLED_TOLERANCE) return "Filled";
  if (inPostWte === 0) return "Vacant";
  return inPostWte > fundedWte ? "Over-established" : "Part vacant";
}

interface Rates {
  ni: number;
  threshold: number;
  pension: number;
  levy: number;
}

function ratesFor(data: PayData, parameters: EstablishmentParameters): Rates {
  const rules = onCostsFor(data, parameters.year);
  return {
    ni: rules.employerNi.rate,
    threshold: rules.employerNi.secondaryThreshold,
    pension: parameters.pensionBasis === "full" ? rules.pension.fullRate : rules.pension.employerRate,
    levy: parameters.includeLevy ? rules.apprenticeshipLevy.rate : 0,
  };
}

const costAt = (fullTimePay: number, wte: number, r: Rates): number =>
  costLines([{ share: 1, fullTimePay }], wte, null, r.ni, r.threshold, r.pension, r.levy).total;

const emptyFigures = (): EstablishmentFigures => ({
  fundedWte: 0,
  inPostWte: 0,
  vacantWte: 0,
  overEstablishedWte: 0,
  unfundedWte: 0,
  absentWte: 0,
  bankWte: 0,
  matchRate: null,
  fundedCost: 0,
  inPostCost: 0,
});

function finish(f: EstablishmentFigures): EstablishmentFigures {
  return { ...f, matchRate: f.inPostWte === 0 ? null : (f.inPostWte - f.unfundedWte) / f.inPostWte };
}

/**
 * Funded establishment against staff in post. Counted in post: assignments whose category is not bank and whose
 * status is not an ended one; absences count and are also reported. Positions are matched literally (the id as
 * written, after trimming), so `P-1` never takes staff on `p-1`.
 */
export function reconcileEstablishment(
  data: PayData,
  funded: readonly FundedPosition[],
  staff: readonly StaffAssignment[],
  parameters: EstablishmentParameters,
): EstablishmentReconciliation {
  const rates = ratesFor(data, parameters);
  const byPosition = new Map(funded.map((p) => [p.position, p]));
  const fixedTermLimit = addMonths(parameters.asAt, FIXED_TERM_MONTHS);
  const topPay = new Map<Band, number>();
  const pay = (band: Band, point: PayPointName): number => {
    if (point === "top") {
      const known = topPay.get(band);
      if (known !== undefined) return known;
    }
    const annual = payFor(data, band, point, parameters.year).annual;
    if (point === "top") topPay.set(band, annual);
    return annual;
  };

  const assignments = staff.map((a): AssignmentReconciliation => {
    const position = byPosition.get(a.position) ?? null;
    const kind = statusKind(a.status);
    const bank = isBankCategory(a.category);
    const counted = !bank && kind !== "ended";
    const point = a.point ?? "top";
    let cost = 0;
    if (counted) {
      try {
        cost = costAt(pay(a.band, point), a.wte, rates);
      } catch (e) {
        throw invalid(`assignment ${a.assignment}: ${(e as Error).message}`);
      }
    }
    return {
      assignment: a,
      funded: position,
      counted,
      absent: counted && kind === "absent",
      bank: bank && kind !== "ended",
      bandMismatch: counted && position !== null && position.band !== a.band,
      fixedTermEnding: counted && a.fixedTermEnd !== null && a.fixedTermEnd >= parameters.asAt && a.fixedTermEnd <= fixedTermLimit,
      point,
      pointFrom: a.point === null ? "top: no spinal point" : "spinal point",
      cost,
      group: position
        ? { costCentre: position.costCentre, band: position.band, role: position.role }
        : { costCentre: a.costCentre, band: a.band, role: a.positionTitle },
    };
  });

  const onPosition = new Map<string, AssignmentReconciliation[]>();
  for (const a of assignments) {
    if (!a.funded) continue;
    const list = onPosition.get(a.funded.position) ?? [];
    list.push(a);
    onPosition.set(a.funded.position, list);
  }

  const positions = funded.map((p): PositionReconciliation => {
    const on = onPosition.get(p.position) ?? [];
    let inPostWte = 0;
    let absentWte = 0;
    let bankWte = 0;
    let inPostCost = 0;
    for (const a of on) {
      if (a.counted) inPostWte += a.assignment.wte;
      if (a.absent) absentWte += a.assignment.wte;
      if (a.bank) bankWte += a.assignment.wte;
      inPostCost += a.cost;
    }
    const varianceWte = p.fundedWte - inPostWte;
    const status = positionStatus(p.fundedWte, inPostWte);
    let fundedCost: number;
    try {
      fundedCost = p.budget ?? p.fundedWte * costAt(pay(p.band, "top"), 1, rates);
    } catch (e) {
      throw invalid(`position ${p.position}: ${(e as Error).message}`);
    }
    return {
      funded: p,
      inPostWte,
      varianceWte,
      vacantWte: Math.max(0, varianceWte),
      overEstablishedWte: Math.max(0, -varianceWte),
      absentWte,
      bankWte,
      status,
      bandMismatches: on.filter((a) => a.bandMismatch).length,
      fixedTermEnding: on.filter((a) => a.fixedTermEnding).length,
      vacantOver90Days:
        (status === "Vacant" || status === "Part vacant") && p.vacantSince !== null && daysBetween(p.vacantSince, parameters.asAt) > LONG_VACANCY_DAYS,
      fundedCost,
      fundedCostBasis: p.budget === null ? "band top" : "budget",
      inPostCost,
    };
  });

  // Grouped without case, as the workbook's SUMIFS groups: "A100" and "a100" are one cost centre, shown as first written.
  const groups = (keyOf: (g: AssignmentReconciliation["group"]) => string) => {
    const figures = new Map<string, EstablishmentFigures>();
    const spelling = new Map<string, string>();
    const get = (text: string): EstablishmentFigures => {
      const key = caseFoldKey(text);
      let f = figures.get(key);
      if (!f) {
        figures.set(key, (f = emptyFigures()));
        spelling.set(key, text);
      }
      return f;
    };
    for (const p of positions) {
      const f = get(keyOf({ costCentre: p.funded.costCentre, band: p.funded.band, role: p.funded.role }));
      f.fundedWte += p.funded.fundedWte;
      f.vacantWte += p.vacantWte;
      f.overEstablishedWte += p.overEstablishedWte;
      f.fundedCost += p.fundedCost;
    }
    for (const a of assignments) {
      if (!a.counted && !a.bank) continue;
      const f = get(keyOf(a.group));
      if (a.counted) f.inPostWte += a.assignment.wte;
      if (a.counted && !a.funded) f.unfundedWte += a.assignment.wte;
      if (a.absent) f.absentWte += a.assignment.wte;
      if (a.bank) f.bankWte += a.assignment.wte;
      f.inPostCost += a.cost;
    }
    return new Map([...figures.entries()].map(([key, f]) => [spelling.get(key)!, f]));
  };
  const listed = (figures: Map<string, EstablishmentFigures>, order: (a: string, b: string) => number): GroupFigures[] =>
    [...figures.entries()].sort(([a], [b]) => order(a, b)).map(([key, f]) => ({ key, ...finish(f) }));
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

  const all = groups(() => "");
  return {
    parameters,
    positions,
    assignments,
    unfunded: assignments.filter((a) => a.counted && !a.funded),
    bandMismatches: assignments.filter((a) => a.bandMismatch),
    totals: finish(all.get("") ?? emptyFigures()),
    byCostCentre: listed(groups((g) => g.costCentre), byText),
    byBand: listed(groups((g) => g.band), (a, b) => compareBands(a as Band, b as Band)),
    byRole: listed(groups((g) => g.role), byText),
  };
}
