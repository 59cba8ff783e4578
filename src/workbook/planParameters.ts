/**
 * The staffing plan's parameters as its Parameters table holds them now. Once a plan exists the sheet's values
 * decide (its formulas read them), so the task pane costs posts waiting to be added at these, not at its own fields.
 */
import type { WorkbookAdapter } from "../excel/adapter";
import type { PlanParameters } from "../domain";
import { PLAN_PARAMETERS_TABLE } from "../sheets/staffingPlan";
import { rowsByHeaders } from "./tableRows";

/** The plan's parameters, or null when the workbook has no plan (or its Parameters table is not the add-in's four rows). */
export async function readPlanParameters(workbook: WorkbookAdapter): Promise<PlanParameters | null> {
  const rows = rowsByHeaders(await workbook.readTable(PLAN_PARAMETERS_TABLE), ["Parameter", "Value"]);
  const value = (name: string) => rows.find((r) => String(r[0] ?? "").trim().toLowerCase() === name)?.[1] ?? null;
  const year = value("year");
  if (year === null || String(year).trim() === "") return null;
  const pension = String(value("pension basis") ?? "").trim().toLowerCase();
  const levy = String(value("include levy") ?? "").trim().toLowerCase();
  const vacancy = Number(value("vacancy factor") ?? 0);
  return {
    year: String(year).trim(),
    pensionBasis: pension === "full" ? "full" : "employer",
    includeLevy: levy === "yes" || levy === "true",
    vacancyFactor: Number.isFinite(vacancy) ? vacancy : 0,
  };
}
