/**
 * "Check this Excel": the add-in's own sheets written into scratch sheets of the open workbook, calculated by the
 * workbook itself, read back and compared with the domain. In Excel this makes Excel the oracle for every native
 * formula the add-in writes (and for a WFP function in a cell); on a workbook that does not calculate (the demo's
 * in-memory workbook) the write is still proved and each calculated check says it needs Excel.
 *
 * Scratch sheets have keys of their own ("self-check:…"), tables and names prefixed with "Chk_", so they never
 * meet the user's sheets or the add-in's real ones; they are removed at the end, whatever happened.
 */
import type { Catalog } from "../catalog";
import type { CellValue, TableData, WorkbookAdapter } from "../excel/adapter";
import {
  type PlannedPost,
  caseFoldKey,
  competenceCover,
  coverLabel,
  defaultYear,
  jeScoreToBand,
  personCoverage,
  postCost,
  rebuildRegister,
} from "../domain";
import { readTeamSkillsCsv } from "../input";
import { compareScenariosSheet } from "../sheets/compareScenarios";
import { JE_BANDS_TABLE, bandLookup, jeReferenceSheet } from "../sheets/jeReference";
import { onCostsSheet, payScalesSheet } from "../sheets/payReference";
import { type PlanCell, type SheetPlan, formula, isFormulaCell } from "../sheets/plan";
import { PLAN_BY_BAND_TABLE, PLAN_BY_ROLE_TABLE, planSummarySheet } from "../sheets/planSummary";
import { roleProfileSheet } from "../sheets/roleProfile";
import { SKILL_MIX_TABLES, progressionPlan, roleMatrixPlan, teamPlans } from "../sheets/skillMix";
import { STAFFING_PLAN_TABLE, planNames, staffingPlanSheet } from "../sheets/staffingPlan";
import { inWriteOrder } from "./writeOrder";

export type CheckStatus = "passed" | "failed" | "needs Excel";

export interface CheckResult {
  readonly title: string;
  readonly status: CheckStatus;
  /** What was compared, and every difference found: lines to copy into a report. */
  readonly details: readonly string[];
}

export interface SelfCheckReport {
  readonly checks: readonly CheckResult[];
  /** Whether the workbook calculated (Excel); false on a workbook that holds formulas without computing them. */
  readonly calculated: boolean;
}

export interface SelfCheckOptions {
  /** Called as the check moves on: what it is doing now. */
  readonly onStep?: (step: string) => void;
  /** How long to wait for a WFP function to leave #BUSY! (ms). */
  readonly functionTimeoutMs?: number;
}

export const SELF_CHECK_PREFIX = "Chk_";
const KEY_PREFIX = "self-check:";

// ---- The scratch workbook: real sheet plans, with names of their own ----

/** Posts whose roles a criterion would read as patterns or fold together, so Excel proves they match literally. */
function checkPosts(): PlannedPost[] {
  const rows: [string, string, PlannedPost["band"], PlannedPost["point"], number, PlannedPost["hcasZone"]][] = [
    ["Lead", "RECONNECT Service Manager", "8a", "top", 1, "inner-london"],
    ["Peer 1", "Peer Support Worker", "3", "entry", 0.8, "none"],
    ["Peer 2", "peer support worker", "3", "top", 0.5, "outer-london"],
    ["Nurse A", "Nurse*", "6", "top", 1, "fringe"],
    ["Nurse B", "Nurse?", "5", "entry", 0.6, "none"],
    ["Odd 1", "<>Peer", "4", "top", 1, "none"],
    ["Odd 2", "~x", "7", "top", 0.4, "none"],
  ];
  return rows.map(([post, role, band, point, wte, hcasZone]) => ({ post, role, band, point, wte, hcasZone, status: "In post" }));
}

/** A team with statuses, and competence headings that need escaping in a structured reference. */
const SKILLS_CSV = [
  "Name,Role,Band,WTE,Manage budgets,Communicate with people from vulnerable groups,Kim's [on-call] #1 @home",
  "Lead,RECONNECT Service Manager,8a,1,Competent,Competent,Developing",
  "Peer 1,RECONNECT Peer Support Worker,3,0.8,,Competent,Competent",
  "Peer 2,RECONNECT Peer Support Worker,3,0.5,Not required,Developing,",
  "Nurse A,Nurse*,6,1,Competent,,Not yet",
].join("\n");

const JE_SCORES = [160, 215, 270, 326, 395, 480, 539, 598, 655, 720] as const;

/** Cells Excel computes with the add-in's JE formula and with WFP functions, next to what the domain says. */
const CHECKS_TABLE = "Self_Check";
function checksSheet(catalog: Catalog, year: string): SheetPlan {
  const je = JE_SCORES.map((score) => [`JE band of ${score}`, formula(bandLookup(String(score))), jeScoreToBand(catalog.jeScheme, score)]);
  const cost = postCost(catalog.pay, { band: "6", wte: 0.8, point: "top", year });
  const functions = [
    ["WFP.JEBAND(598)", formula("=WFP.JEBAND(598)"), jeScoreToBand(catalog.jeScheme, 598)],
    [`WFP.POSTCOST("6",0.8,"top","${year}")`, formula(`=WFP.POSTCOST("6",0.8,"top","${year}")`), cost.total],
  ];
  return {
    key: "checks",
    name: "Checks",
    blocks: [
      { kind: "range", at: "A1", rows: [["Workforce Planner self-check: scratch sheet, removed when the check ends"]] },
      {
        kind: "table",
        name: CHECKS_TABLE,
        at: "A3",
        columns: [{ header: "Check" }, { header: "Value" }, { header: "Expected" }],
        rows: [...je, ...functions],
      },
    ],
  };
}

/** Every kind of sheet the add-in makes, from the check's own team. */
function realPlans(catalog: Catalog): SheetPlan[] {
  const year = defaultYear(catalog.pay);
  const parameters = { year, pensionBasis: "employer" as const, includeLevy: false, vacancyFactor: 0.03 };
  const posts = checkPosts();
  const roleTitles = [...new Set([...catalog.roles.map((r) => r.title), ...posts.map((p) => p.role)])];
  const years = catalog.pay.payScales.map((s) => s.year);
  const { team, previous } = readTeamSkillsCsv(catalog, SKILLS_CSV, "self-check team");
  const rebuild = rebuildRegister(catalog, team, previous);
  const [first, second] = catalog.roles;
  return [
    payScalesSheet(catalog, years),
    onCostsSheet(catalog.pay, years),
    jeReferenceSheet(catalog),
    staffingPlanSheet(catalog, { posts, parameters, roleTitles }),
    staffingPlanSheet(catalog, { posts: posts.slice(0, 4), parameters, roleTitles }, planNames("B")),
    planSummarySheet(roleTitles),
    compareScenariosSheet(roleTitles),
    ...teamPlans(catalog, rebuild),
    roleMatrixPlan(catalog, catalog.roles.filter((r) => r.service !== "other")),
    ...(first && second ? [progressionPlan(catalog, first, second), roleProfileSheet(catalog, first)] : []),
    checksSheet(catalog, year),
  ];
}

/**
 * An identifier in a formula renamed when it is one of `names` (a table or a defined name), outside strings and
 * outside brackets (column names stay as they are).
 */
export function renameInFormula(text: string, names: ReadonlyMap<string, string>): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (ch === '"' && depth === 0) {
      const end = text.indexOf('"', i + 1);
      const stop = end < 0 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (depth > 0 && ch === "'") {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === "[" || ch === "]") {
      depth += ch === "[" ? 1 : -1;
      out += ch;
      i++;
      continue;
    }
    const word = depth === 0 && !/[A-Za-z0-9_.\\]$/.test(out) ? /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(text.slice(i)) : null;
    if (word) {
      out += names.get(word[0].toLowerCase()) ?? word[0];
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The plans as scratch sheets: own keys, numbered sheet names, every table and name (and reference to it) prefixed. */
export function scratchPlans(plans: readonly SheetPlan[]): SheetPlan[] {
  const names = new Map<string, string>();
  for (const plan of plans) {
    for (const block of plan.blocks) if (block.kind === "table") names.set(block.name.toLowerCase(), `${SELF_CHECK_PREFIX}${block.name}`);
    for (const name of plan.names ?? []) names.set(name.name.toLowerCase(), `${SELF_CHECK_PREFIX}${name.name}`);
  }
  const renameFormulas = <T>(value: T): T => {
    if (Array.isArray(value)) return value.map(renameFormulas) as T;
    if (value === null || typeof value !== "object") return value;
    const cell = value as unknown as PlanCell;
    if (isFormulaCell(cell) && typeof cell.formula === "string") return formula(renameInFormula(cell.formula, names)) as unknown as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = renameFormulas(v);
    const validation = out as { kind?: unknown; source?: unknown };
    if (validation.kind === "listRange" && typeof validation.source === "string") validation.source = renameInFormula(validation.source, names);
    return out as T;
  };
  return plans.map((plan, i) => {
    const renamed = renameFormulas(plan);
    return {
      ...renamed,
      key: `${KEY_PREFIX}${plan.key}`,
      name: `Check ${i + 1} ${plan.name}`.slice(0, 31).trim(),
      blocks: renamed.blocks.map((b) => (b.kind === "table" ? { ...b, name: names.get(b.name.toLowerCase())! } : b)),
      ...(plan.names ? { names: renamed.names!.map((n) => ({ ...n, name: names.get(n.name.toLowerCase())! })) } : {}),
    };
  });
}

/** The scratch sheets the check writes. */
/** In the order Excel accepts them: each after the sheets whose tables and names its formulas use. */
export const selfCheckPlans = (catalog: Catalog): SheetPlan[] => inWriteOrder(scratchPlans(realPlans(catalog)));

// ---- Comparing what the workbook computed with the domain ----

const scratch = (table: string): string => `${SELF_CHECK_PREFIX}${table}`;
// One formatter for every figure (Number.toLocaleString with options builds a new one on each call).
const PENCE = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money = (n: number): string => `£${PENCE.format(n)}`;

function column(table: TableData, header: string): CellValue[] {
  const c = table.headers.indexOf(header);
  if (c < 0) throw new Error(`${table.name} has no column '${header}'`);
  return table.rows.map((r) => r[c] ?? null);
}

/** A comparison: every line that differs, or none. */
class Comparison {
  readonly problems: string[] = [];
  readonly compared: string[] = [];
  number(what: string, actual: CellValue, expected: number, within = 0.005): void {
    this.compared.push(what);
    if (typeof actual !== "number" || Math.abs(actual - expected) > within) this.problems.push(`${what}: Excel ${show(actual)}, expected ${expected}`);
  }
  equal(what: string, actual: CellValue, expected: CellValue): void {
    this.compared.push(what);
    if (actual !== expected) this.problems.push(`${what}: Excel ${show(actual)}, expected ${show(expected)}`);
  }
  result(title: string, summary: string): CheckResult {
    return this.problems.length === 0
      ? { title, status: "passed", details: [`${summary}: ${this.compared.length} values equal the domain's.`] }
      : { title, status: "failed", details: [`${summary}: ${this.problems.length} of ${this.compared.length} values differ.`, ...this.problems] };
  }
}

const show = (v: CellValue): string => (v === null ? "(empty)" : typeof v === "string" ? `'${v}'` : String(v));

type Read = (table: string) => Promise<TableData>;

async function checkPostCosts(read: Read, catalog: Catalog): Promise<CheckResult> {
  const year = defaultYear(catalog.pay);
  const plan = await read(scratch(STAFFING_PLAN_TABLE));
  const c = new Comparison();
  const posts = checkPosts();
  const totals = column(plan, "Total");
  const checks = column(plan, "Check");
  posts.forEach((p, i) => {
    c.number(`${p.post} (${p.role}, band ${p.band} ${p.point}, ${p.wte} WTE, HCAS ${p.hcasZone}) total`, totals[i] ?? null, postCost(catalog.pay, { ...p, year }).total);
    c.equal(`${p.post} check`, checks[i] ?? null, "OK");
  });
  return c.result("Post costs", `${posts.length} posts costed for ${year}`);
}

async function checkPlanTotals(read: Read, catalog: Catalog): Promise<CheckResult> {
  const year = defaultYear(catalog.pay);
  const posts = checkPosts();
  const cost = (ps: readonly PlannedPost[]) => ps.reduce((n, p) => n + postCost(catalog.pay, { ...p, year }).total, 0);
  const c = new Comparison();
  const byRole = await read(scratch(PLAN_BY_ROLE_TABLE));
  const roles = column(byRole, "Role");
  const rolePosts = column(byRole, "Posts");
  const roleCost = column(byRole, "Cost");
  roles.forEach((role, i) => {
    const mine = posts.filter((p) => caseFoldKey(p.role) === caseFoldKey(String(role ?? "")));
    c.number(`By role '${String(role)}' posts`, rolePosts[i] ?? null, mine.length, 0);
    c.number(`By role '${String(role)}' cost`, roleCost[i] ?? null, cost(mine));
  });
  const byBand = await read(scratch(PLAN_BY_BAND_TABLE));
  const bandCost = column(byBand, "Cost");
  column(byBand, "Band").forEach((band, i) => {
    c.number(`By band ${String(band)} cost`, bandCost[i] ?? null, cost(posts.filter((p) => p.band === String(band))));
  });
  const all = [...rolePosts, ...roleCost];
  if (all.length === 0) c.problems.push("The by-role table is empty");
  return c.result("Plan totals", `${posts.length} posts, ${money(cost(posts))}, by role (literal match, case folded) and by band`);
}

async function checkCoverage(read: Read, catalog: Catalog): Promise<CheckResult> {
  const { team, previous } = readTeamSkillsCsv(catalog, SKILLS_CSV, "self-check team");
  const register = rebuildRegister(catalog, team, previous).register;
  const c = new Comparison();
  const table = await read(scratch(SKILL_MIX_TABLES.teamSkills));
  const needed = column(table, "Needed");
  const competent = column(table, "Competent");
  const coverage = column(table, "Coverage");
  personCoverage(register).forEach((p, i) => {
    c.number(`${p.name} needed`, needed[i] ?? null, p.needed, 0);
    c.number(`${p.name} competent`, competent[i] ?? null, p.competent, 0);
    if (p.fraction !== null) c.number(`${p.name} coverage`, coverage[i] ?? null, p.fraction, 1e-9);
  });
  const cover = await read(scratch(SKILL_MIX_TABLES.cover));
  const byTitle = new Map(competenceCover(register).map((x) => [x.title, x]));
  const labels = column(cover, "Cover");
  column(cover, "Competence").forEach((title, i) => {
    const expected = byTitle.get(String(title));
    if (!expected) c.problems.push(`Cover of '${String(title)}': not a competence of the register`);
    else c.equal(`Cover of '${expected.title}'`, labels[i] ?? null, coverLabel(expected));
  });
  return c.result("Coverage", `${register.people.length} people × ${register.competences.length} competences (one heading with ' [ ] # @)`);
}

async function checkJeBands(read: Read): Promise<CheckResult> {
  const table = await read(scratch(CHECKS_TABLE));
  const c = new Comparison();
  const [checks, values, expected] = [column(table, "Check"), column(table, "Value"), column(table, "Expected")];
  checks.forEach((check, i) => {
    if (String(check).startsWith("JE band")) c.equal(String(check), values[i] ?? null, expected[i] ?? null);
  });
  return c.result("JE bands", `Bands of ${JE_SCORES.length} scores by INDEX/MATCH over ${JE_BANDS_TABLE}`);
}

async function checkFunctions(workbook: WorkbookAdapter, timeoutMs: number): Promise<CheckResult> {
  // Custom functions compute asynchronously: a cell reads #BUSY! until its function answers.
  const started = Date.now();
  let table = await readOrThrow(workbook, scratch(CHECKS_TABLE));
  const pending = (t: TableData) => column(t, "Value").some((v) => v === "#BUSY!" || v === "#GETTING_DATA");
  while (pending(table) && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    table = await readOrThrow(workbook, scratch(CHECKS_TABLE));
  }
  const c = new Comparison();
  const [checks, values, expected] = [column(table, "Check"), column(table, "Value"), column(table, "Expected")];
  checks.forEach((check, i) => {
    if (!String(check).startsWith("WFP.")) return;
    const want = expected[i] ?? null;
    if (typeof want === "number") c.number(String(check), values[i] ?? null, want);
    else c.equal(String(check), values[i] ?? null, want);
  });
  const result = c.result("WFP functions in a cell", "Custom functions typed into a cell");
  if (result.status === "failed" && column(table, "Value").some((v) => v === "#NAME?")) {
    return { ...result, details: [...result.details, "#NAME? means Excel has not loaded the add-in's WFP functions: reopen the add-in and check again."] };
  }
  return result;
}

async function readOrThrow(workbook: WorkbookAdapter, name: string): Promise<TableData> {
  const table = await workbook.readTable(name);
  if (!table) throw new Error(`the scratch table ${name} is not in the workbook`);
  return table;
}

const CALCULATED_CHECKS = ["Post costs", "Plan totals", "Coverage", "JE bands", "WFP functions in a cell"] as const;

/**
 * Runs the self-check: writes the scratch sheets, lets the workbook calculate, compares, and removes the scratch
 * sheets (in a finally, so a failure leaves nothing behind that the check can remove).
 */
export async function runSelfCheck(workbook: WorkbookAdapter, catalog: Catalog, options: SelfCheckOptions = {}): Promise<SelfCheckReport> {
  const step = options.onStep ?? (() => undefined);
  const plans = selfCheckPlans(catalog);
  const written: string[] = [];
  const checks: CheckResult[] = [];
  try {
    const problems: string[] = [];
    for (const [i, plan] of plans.entries()) {
      step(`Writing scratch sheet ${i + 1} of ${plans.length}: ${plan.name}`);
      try {
        const result = await workbook.writeSheetPlan(plan);
        if (result.status === "written") written.push(plan.key);
        else problems.push(`${plan.name}: ${result.conflicts.length} conflict(s) on '${result.sheetName}'`);
      } catch (error) {
        problems.push(`${plan.name}: ${(error as Error).message}`);
      }
    }
    checks.push(
      problems.length === 0
        ? { title: "Writing every kind of sheet", status: "passed", details: [`${plans.length} scratch sheets written: ${plans.map((p) => p.name).join("; ")}.`] }
        : { title: "Writing every kind of sheet", status: "failed", details: [`${problems.length} of ${plans.length} sheets not written.`, ...problems] },
    );

    if (!workbook.calculate) {
      for (const title of CALCULATED_CHECKS) {
        checks.push({ title, status: "needs Excel", details: ["This workbook holds formulas without calculating them (the demo workbook): run the check in Excel."] });
      }
    } else {
      step("Calculating");
      await workbook.calculate();
      const read: Read = (name) => readOrThrow(workbook, name);
      const run = async (title: string, check: () => Promise<CheckResult>) => {
        step(`Comparing: ${title}`);
        try {
          checks.push(await check());
        } catch (error) {
          checks.push({ title, status: "failed", details: [`Could not read the result: ${(error as Error).message}`] });
        }
      };
      await run("Post costs", () => checkPostCosts(read, catalog));
      await run("Plan totals", () => checkPlanTotals(read, catalog));
      await run("Coverage", () => checkCoverage(read, catalog));
      await run("JE bands", () => checkJeBands(read));
      await run("WFP functions in a cell", () => checkFunctions(workbook, options.functionTimeoutMs ?? 10_000));
    }
  } finally {
    step("Removing the scratch sheets");
    const left: string[] = [];
    for (const key of written.reverse()) {
      try {
        if (!(await removeScratch(workbook, key))) left.push(key);
      } catch (error) {
        left.push(`${key} (${(error as Error).message})`);
      }
    }
    checks.push(
      left.length === 0
        ? { title: "Removing the scratch sheets", status: "passed", details: [`${written.length} scratch sheets removed; no other sheet touched.`] }
        : { title: "Removing the scratch sheets", status: "failed", details: ["Not removed (delete them by hand; their names start with 'Check'):", ...left] },
    );
  }
  return { checks, calculated: workbook.calculate !== undefined };
}

async function removeScratch(workbook: WorkbookAdapter, key: string): Promise<boolean> {
  if (!key.startsWith(KEY_PREFIX)) return false;
  if (!workbook.removeManagedSheet) return false;
  return workbook.removeManagedSheet(key);
}

/** The report as text to copy: one line per check, its details indented. */
export function selfCheckText(report: SelfCheckReport): string {
  return report.checks.map((c) => [`${c.status.toUpperCase()}: ${c.title}`, ...c.details.map((d) => `  ${d}`)].join("\n")).join("\n");
}
