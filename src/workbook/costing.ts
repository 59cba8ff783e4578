import type { Catalog } from "../catalog";
import type { TableData, WorkbookAdapter, WriteOptions, WriteResult } from "../excel/adapter";
import type { PlanParameters, PlannedPost } from "../domain";
import {
  HCAS_HEADERS,
  HCAS_TABLE,
  ON_COSTS_TABLE,
  PAY_AWARDS_TABLE,
  PAY_AWARD_HEADERS,
  type PayAward,
  ON_COST_HEADERS,
  PAY_SCALES_TABLE,
  PAY_SCALE_HEADERS,
  type ExistingOnCosts,
  onCostsSheet,
  payScalesSheet,
} from "../sheets/payReference";
import { planSummarySheet } from "../sheets/planSummary";
import { PLAN_INPUT_HEADERS, PLAN_PARAMETERS_TABLE, STAFFING_PLAN_TABLE, staffingPlanSheet } from "../sheets/staffingPlan";
import { rowsByHeaders } from "./tableRows";
import { inWriteOrder } from "./writeOrder";

export interface BuildPlanRequest {
  /** Posts to add; a post whose name is already in the plan is left as the user has it. */
  posts: readonly PlannedPost[];
  /** Used for a new plan; an existing plan keeps the parameters the user set. */
  parameters: PlanParameters;
  /** Pay years to put in the Pay scales table (default: every year the catalog has). */
  years?: readonly string[];
}

export interface BuildPlanOutcome {
  /**
   * Each sheet's write result, in the order written (the reference tables first: the plan's formulas name them);
   * stops at the first conflict.
   */
  results: { key: string; result: WriteResult }[];
  /** The staffing plan's own result, or null when an earlier sheet's conflict stopped the write before it. */
  plan: WriteResult | null;
  postsAdded: number;
  postsKept: number;
}

/**
 * Builds or rebuilds the costing sheets in a workbook without losing what the user did: the plan's input
 * cells, rows the user added, the parameters they set and pay figures they edited are read first and carried
 * into the new plans; only the add-in's own columns (the formulas) are rewritten.
 */
export async function buildStaffingPlan(
  workbook: WorkbookAdapter,
  catalog: Catalog,
  request: BuildPlanRequest,
  options?: WriteOptions,
): Promise<BuildPlanOutcome> {
  const [existingPlan, existingParameters, existingPay, existingOnCosts, awards] = await Promise.all([
    workbook.readTable(STAFFING_PLAN_TABLE),
    workbook.readTable(PLAN_PARAMETERS_TABLE),
    workbook.readTable(PAY_SCALES_TABLE),
    readOnCosts(workbook),
    readPayAwards(workbook),
  ]);
  const keptRows = rowsByHeaders(existingPlan, PLAN_INPUT_HEADERS);
  const keptNames = new Set(keptRows.map((r) => String(r[0] ?? "").trim().toLowerCase()));
  const postsAdded = request.posts.filter((p) => !keptNames.has(p.post.trim().toLowerCase())).length;
  const roleTitles = [
    ...new Set([
      ...catalog.roles.map((r) => r.title),
      ...keptRows.map((r) => String(r[1] ?? "").trim()),
      ...request.posts.map((p) => p.role.trim()),
    ]),
  ].filter((r) => r !== "");
  const parameterValues = rowsByHeaders(existingParameters, ["Value"]).map((r) => r[0] ?? null);
  const years = request.years ?? catalog.pay.payScales.map((s) => s.year);

  const planSheet = staffingPlanSheet(catalog, {
      posts: request.posts,
      parameters: request.parameters,
      roleTitles,
      existingRows: keptRows,
      ...(parameterValues.length === 4 ? { existingParameters: parameterValues } : {}),
    });
  const plans = inWriteOrder([
    planSheet,
    planSummarySheet(roleTitles),
    // A forecast's assumed years and awards stay: the Pay scales sheet is the forecast's too.
    payScalesSheet(catalog, years, rowsByHeaders(existingPay, PAY_SCALE_HEADERS), awards),
    onCostsSheet(catalog.pay, years, existingOnCosts, awards),
  ]);
  const results: BuildPlanOutcome["results"] = [];
  for (const plan of plans) {
    const result = await workbook.writeSheetPlan(plan, options);
    results.push({ key: plan.key, result });
    if (result.status === "conflict") break;
  }
  const plan = results.find((r) => r.key === planSheet.key)?.result ?? null;
  return { results, plan, postsAdded, postsKept: keptRows.length };
}

/** The On-costs sheet's two tables as the user has them, so a rate they edited survives a refresh. */
export async function readOnCosts(workbook: WorkbookAdapter): Promise<ExistingOnCosts> {
  const [onCosts, hcas] = await Promise.all([workbook.readTable(ON_COSTS_TABLE), workbook.readTable(HCAS_TABLE)]);
  return onCostsFrom(onCosts, hcas);
}

/** The tables readOnCosts reads, for a flow that reads them with others. */
export const ON_COSTS_TABLES = [ON_COSTS_TABLE, HCAS_TABLE] as const;

/** readOnCosts' answer from its two tables (ON_COSTS_TABLES) read already. */
export function onCostsFrom(onCosts: TableData | null, hcas: TableData | null): ExistingOnCosts {
  return { onCosts: rowsByHeaders(onCosts, ON_COST_HEADERS), hcas: rowsByHeaders(hcas, HCAS_HEADERS) };
}

/** The Pay awards a forecast left in the workbook (fractions), so rewriting Pay scales keeps its assumed years. */
export async function readPayAwards(workbook: WorkbookAdapter): Promise<PayAward[]> {
  const rows = rowsByHeaders(await workbook.readTable(PAY_AWARDS_TABLE), PAY_AWARD_HEADERS);
  return rows.map((r) => ({ year: String(r[0] ?? "").trim(), award: typeof r[1] === "number" ? r[1] : 0, funded: typeof r[2] === "number" ? r[2] : null }));
}
