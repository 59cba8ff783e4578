/**
 * The Costing tab's writes, as jobs for the sheets writer: the pay reference tables, one post's cost, the staffing
 * plan (through buildStaffingPlan), and scenario B with the comparison. Each reads what the workbook holds first, so nothing the
 * user did is lost, and stops at the first conflict.
 */
import type { Catalog } from "../../catalog";
import { type PlanParameters, type PlannedPost, defaultYear, parsePlannedPost } from "../../domain";
import type { CellValue, TableData, WorkbookAdapter } from "../../excel/adapter";
import { compareScenariosSheet } from "../../sheets/compareScenarios";
import { ON_COSTS_TABLE, PAY_SCALES_TABLE, PAY_SCALE_HEADERS, onCostsSheet, payScalesSheet } from "../../sheets/payReference";
import { parseRange } from "../../sheets/plan";
import { type PostCostSheetInput, postCostSheet } from "../../sheets/postCost";
import { PLAN_INPUT_HEADERS, planNames, staffingPlanSheet } from "../../sheets/staffingPlan";
import { buildStaffingPlan, readOnCosts } from "../../workbook/costing";
import { rowsByHeaders } from "../../workbook/tableRows";
import { cellDateToIso, formatMoney, formatRate, joinWords } from "./costingText";
import type { JobReport, SheetsJob, SheetsJobOptions } from "../writing/useSheetsWriter";
import { costingWords } from "./describeSheets";

const q = (text: string): string => `“${text}”`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/** Years in a table's "Year" column. */
function yearsIn(table: TableData | null): Set<string> {
  return new Set(rowsByHeaders(table, ["Year"]).map((r) => text(r[0])).filter((y) => y !== ""));
}

interface PayTablesWritten {
  readonly years: readonly string[];
  /** Years already in the workbook, kept though not chosen. */
  readonly kept: readonly string[];
  /** Pay figures the user edited, kept. */
  readonly edited: number;
}

/**
 * "Pay scales" and "On-costs" for the chosen years. Years already in either table stay (a plan costed for one of
 * them keeps working), and pay figures the user edited win over the catalog's. Null at a conflict.
 */
async function writePayTables(
  workbook: WorkbookAdapter,
  catalog: Catalog,
  chosen: readonly string[],
  onConflict: SheetsJobOptions["onConflict"],
): Promise<PayTablesWritten | null> {
  const [pay, onCosts] = await Promise.all([workbook.readTable(PAY_SCALES_TABLE), workbook.readTable(ON_COSTS_TABLE)]);
  const already = new Set([...yearsIn(pay), ...yearsIn(onCosts)]);
  const catalogYears = catalog.pay.payScales.map((s) => s.year);
  const years = catalogYears.filter((y) => chosen.includes(y) || already.has(y));
  const payPlan = payScalesSheet(catalog, years, rowsByHeaders(pay, PAY_SCALE_HEADERS));
  const first = await workbook.writeSheetPlan(payPlan, { onConflict });
  if (first.status === "conflict") return null;
  const second = await workbook.writeSheetPlan(onCostsSheet(catalog.pay, years, await readOnCosts(workbook)), { onConflict });
  if (second.status === "conflict") return null;
  const edited = payPlan.blocks.flatMap((b) => (b.kind === "table" ? b.rows : [])).filter((r) => r[7] === "edited in workbook").length;
  return { years, kept: years.filter((y) => !chosen.includes(y)), edited };
}

const editedLine = (edited: number): string =>
  `${plural(edited, "pay figure")} you edited ${edited === 1 ? "is" : "are"} kept, marked “edited in workbook”.`;

/** "Pay scales" and "On-costs" for the chosen years (see writePayTables). */
export function payTablesJob(catalog: Catalog, chosen: readonly string[]): SheetsJob {
  return {
    title: "Pay tables inserted",
    sheets: 2,
    words: costingWords,
    async run(workbook: WorkbookAdapter, { onConflict }: SheetsJobOptions): Promise<JobReport> {
      const tables = await writePayTables(workbook, catalog, chosen, onConflict);
      if (!tables) return {};
      const { years, kept, edited } = tables;
      const lines = [`Years: ${joinWords(years)}.`];
      if (kept.length > 0) lines.push(`${joinWords(kept)} ${kept.length === 1 ? "was" : "were"} already in the workbook and stay${kept.length === 1 ? "s" : ""}.`);
      if (edited > 0) lines.push(editedLine(edited));
      return { lines };
    },
  };
}

/**
 * One post's cost on the "Post cost" sheet, after the Pay scales and On-costs its formulas read (the post's year
 * added to those already there). Putting another post on it refreshes the same sheet.
 */
export function postCostSheetJob(catalog: Catalog, input: PostCostSheetInput, paneTotal: number): SheetsJob {
  return {
    title: "Post cost put on a sheet",
    sheets: 3,
    words: costingWords,
    async run(workbook: WorkbookAdapter, { onConflict }: SheetsJobOptions): Promise<JobReport> {
      const tables = await writePayTables(workbook, catalog, [input.year], onConflict);
      if (!tables) return {};
      const written = await workbook.writeSheetPlan(postCostSheet(input), { onConflict });
      if (written.status === "conflict") return {};
      const lines = [
        `${q(written.sheetName)} costs band ${input.band} ${input.point}, ${input.wte} WTE, ${input.year} with formulas over the Pay scales and On-costs sheets: ${formatMoney(paneTotal)} a year with the catalog's figures, as here.`,
      ];
      if (tables.edited > 0) lines.push(`${editedLine(tables.edited)} The sheet uses them, so its total may differ from the one here.`);
      return { lines };
    },
  };
}

function describeParameters(values: readonly CellValue[]): string {
  const [year, pension, levy, vacancy] = values;
  const vacancyText = typeof vacancy === "number" ? formatRate(vacancy) : text(vacancy);
  return `year ${text(year)}, ${text(pension)} pension, levy ${text(levy)}, vacancy factor ${vacancyText}`;
}

function sameParameters(values: readonly CellValue[], p: PlanParameters): boolean {
  return (
    text(values[0]) === p.year &&
    text(values[1]).toLowerCase() === p.pensionBasis &&
    text(values[2]).toLowerCase() === (p.includeLevy ? "yes" : "no") &&
    Number(values[3]) === p.vacancyFactor
  );
}

/** The staffing plan and its sheets, adding `posts`; posts already in the plan (by name) and the user's edits stay. */
export function staffingPlanJob(catalog: Catalog, posts: readonly PlannedPost[], parameters: PlanParameters): SheetsJob {
  return {
    title: "Staffing plan built",
    sheets: 4,
    words: costingWords,
    async run(workbook: WorkbookAdapter, { onConflict }: SheetsJobOptions): Promise<JobReport> {
      const names = planNames();
      const [plan, params] = await Promise.all([workbook.readTable(names.table), workbook.readTable(names.parameters)]);
      const existing = new Set(rowsByHeaders(plan, ["Post"]).map((r) => text(r[0]).toLowerCase()));
      const already = posts.filter((p) => existing.has(p.post.trim().toLowerCase())).map((p) => q(p.post));
      const outcome = await buildStaffingPlan(workbook, catalog, { posts, parameters }, { onConflict });
      const planWritten = outcome.plan?.status === "written";
      if (!planWritten) return {};
      const lines = [
        outcome.postsAdded === 0 ? "No posts added." : `Added ${plural(outcome.postsAdded, "post")}.`,
      ];
      if (outcome.postsKept > 0) lines.push(`Kept the ${plural(outcome.postsKept, "post")} already in the plan as you left them.`);
      if (already.length > 0) {
        lines.push(`${joinWords(already)} ${already.length === 1 ? "was" : "were"} already in the plan: not added again.`);
      }
      const values = rowsByHeaders(params, ["Value"]).map((r) => r[0] ?? null);
      if (values.length === 4 && !sameParameters(values, parameters)) {
        lines.push(`The plan keeps the parameters on its sheet (${describeParameters(values)}); change them there.`);
      }
      return { lines };
    },
  };
}

export interface PlanPostsRead {
  readonly posts: PlannedPost[];
  /** Rows that could not be read as a post, with the sheet row in each message. */
  readonly failures: string[];
}

/** A staffing plan table's rows as posts; a row that fails says which sheet row it is and why. */
export function planPostsFromTable(table: TableData): PlanPostsRead {
  const headerRow = parseRange(table.address).top;
  const posts: PlannedPost[] = [];
  const failures: string[] = [];
  table.rows.forEach((row, i) => {
    const [cells] = rowsByHeaders({ ...table, rows: [row] }, PLAN_INPUT_HEADERS);
    if (!cells) return; // a blank row
    const [post, role, band, point, wte, hcasZone, status, start, startDate, endDate, costCentre] = cells;
    try {
      posts.push(
        parsePlannedPost(
          { post, role, band, point, wte, hcasZone, status, startInBand: cellDateToIso(start), startDate: cellDateToIso(startDate), endDate: cellDateToIso(endDate), costCentre },
          `Row ${headerRow + 1 + i}`,
        ),
      );
    } catch (e) {
      failures.push((e as Error).message);
    }
  });
  return { posts, failures };
}

const roleColumn = (table: TableData | null): string[] => rowsByHeaders(table, ["Role"]).map((r) => text(r[0]));

function unique(titles: readonly string[]): string[] {
  return [...new Set(titles.map((t) => t.trim()).filter((t) => t !== ""))];
}

/**
 * Scenario B as a copy of the plan's posts (only when it does not exist yet: after that it is the user's to
 * change), then the comparison of the two.
 */
export function compareJob(catalog: Catalog): SheetsJob {
  return {
    title: "Scenarios compared",
    words: costingWords,
    async run(workbook: WorkbookAdapter, { onConflict }: SheetsJobOptions): Promise<JobReport> {
      const a = planNames();
      const b = planNames("B");
      const [planA, planB, paramsA] = await Promise.all([workbook.readTable(a.table), workbook.readTable(b.table), workbook.readTable(a.parameters)]);
      if (!planA) {
        return { nothingToDo: `There is no staffing plan to compare yet: build one first (the ${q(a.sheet)} sheet with table ${a.table}).` };
      }
      const lines: string[] = [];
      let warnings: JobReport["warnings"];
      let rolesB = roleColumn(planB);
      if (!planB) {
        const { posts, failures } = planPostsFromTable(planA);
        const values = rowsByHeaders(paramsA, ["Value"]).map((r) => r[0] ?? null);
        const parameters: PlanParameters = { year: defaultYear(catalog.pay), pensionBasis: "employer", includeLevy: false, vacancyFactor: 0 };
        const roleTitles = unique([...catalog.roles.map((r) => r.title), ...posts.map((p) => p.role)]);
        const written = await workbook.writeSheetPlan(
          staffingPlanSheet(catalog, { posts, parameters, roleTitles, ...(values.length === 4 ? { existingParameters: values } : {}) }, b),
          { onConflict },
        );
        if (written.status === "conflict") return {};
        rolesB = posts.map((p) => p.role);
        lines.push(`Scenario B starts as a copy of the ${plural(posts.length, "post")} in the plan: change it on ${q(written.sheetName)}.`);
        if (failures.length > 0) warnings = { title: `Not copied to scenario B: ${plural(failures.length, "row")}`, lines: failures };
      } else {
        lines.push(`Scenario B was already there and is left as it is: only the comparison was rewritten.`);
      }
      const roles = unique([...catalog.roles.map((r) => r.title), ...roleColumn(planA), ...rolesB]);
      const compared = await workbook.writeSheetPlan(compareScenariosSheet(roles, a, b), { onConflict });
      if (compared.status === "conflict") return {};
      return warnings ? { lines, warnings } : { lines };
    },
  };
}
