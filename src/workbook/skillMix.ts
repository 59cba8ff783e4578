import type { Catalog } from "../catalog";
import type { CellValue, TableData, WorkbookAdapter, WriteOptions, WriteResult } from "../excel/adapter";
import {
  type PreviousRegister,
  type PreviousRow,
  type RegisterCell,
  type RegisterRebuild,
  type Role,
  type TeamMember,
  checkUniqueColumns,
  checkUniqueNames,
  findRole,
  invalid,
  notFound,
  readRegisterCell,
  readTeamMember,
  rebuildRegister,
  registerColumn,
} from "../domain";
import type { SheetPlan } from "../sheets/plan";
import {
  DEFAULT_SETTINGS,
  REGISTER_FIXED_HEADERS,
  REGISTER_PERSON_HEADERS,
  SKILL_MIX_KEYS,
  SKILL_MIX_TABLES,
  type TeamSkillsSettings,
  progressionPlan,
  roleMatrixPlan,
  teamPlans,
} from "../sheets/skillMix";
import { STAFFING_PLAN_TABLE } from "../sheets/staffingPlan";
import { rowsByHeaders } from "./tableRows";
import { inWriteOrder } from "./writeOrder";
import { writePlans as writePlansInOrder } from "./writePlans";

/** Who is on the team the register is built for. */
export type TeamSource =
  /** The people in post in the workbook's staffing plan (a vacant post has nobody to hold skills). */
  | { readonly kind: "staffingPlan" }
  /** A list the user gives (a pasted list, a team CSV). */
  | { readonly kind: "list"; readonly people: readonly TeamMember[] }
  /** The people as the register lists them now: after the user edited roles or added rows in it. */
  | { readonly kind: "register" };

export interface SkillMixRequest {
  readonly source: TeamSource;
  /** Roles for the Role matrix (ids or titles); default every Liaison and Diversion and RECONNECT role. */
  readonly matrixRoles?: readonly string[];
  /** Leave the Role matrix out (it changes only with the catalog). */
  readonly skipRoleMatrix?: boolean;
  /** Also write role A → role B. */
  readonly progression?: { readonly from: string; readonly to: string };
}

export interface SkillMixWriteOptions extends WriteOptions {
  /** Called before each sheet is written: its key, and where it is in the run (1-based) of `count` sheets. */
  readonly onSheet?: (key: string, index: number, count: number) => void;
}

/** What a build did, for the task pane to report: nothing here is silent. */
export interface SkillMixOutcome {
  /** Each sheet's write result, in the order written; stops at the first conflict. */
  readonly results: readonly { readonly key: string; readonly result: WriteResult }[];
  readonly people: number;
  readonly competences: number;
  readonly rebuild: Omit<RegisterRebuild, "register" | "removed">;
}

/** Headers of a register row (also the removed list's): the person columns, then every other column is a competence. */
const PERSON_FIELDS = ["name", "role", "band", "level", "wte", "reviewDate"] as const;

/** A register cell read back: Excel gives a date as its serial number. */
function reviewDateOf(value: CellValue): string | null {
  if (value === null || value === "") return null;
  if (typeof value === "number" && Number.isFinite(value)) {
    return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
  }
  return String(value).trim() === "" ? null : String(value);
}

/**
 * A register table as the user left it: person fields found by header, every other column (not one the add-in
 * computes) a competence, each status by competence key. Rows without a name are skipped, the rest must read.
 */
function previousRows(catalog: Catalog, table: TableData, removed: boolean, where: string): { rows: PreviousRow[]; headers: string[] } {
  const fixed = new Set(REGISTER_FIXED_HEADERS.map((h) => h.toLowerCase()));
  const headers = table.headers.filter((h) => !fixed.has(h.trim().toLowerCase()) && h.trim() !== "");
  const keys = headers.map((h) => registerColumn(catalog, h).key);
  const rows: PreviousRow[] = [];
  rowsByHeaders(table, [...REGISTER_PERSON_HEADERS, ...headers]).forEach((cells, i) => {
    const field = Object.fromEntries(PERSON_FIELDS.map((f, c) => [f, cells[c] ?? null]));
    const statuses = cells.slice(PERSON_FIELDS.length);
    if (field.name === null || String(field.name).trim() === "") {
      if (statuses.some((v) => v !== null && v !== "")) throw invalid(`${where} row ${i + 1} has statuses but no name: give the person a name`);
      return;
    }
    const member = readTeamMember(field, `${where} row ${i + 1}`);
    const byKey = new Map<string, RegisterCell>();
    statuses.forEach((value, c) => {
      const cell = readRegisterCell(value);
      if (cell.kind !== "blank") byKey.set(keys[c]!, cell);
    });
    rows.push({ person: { ...member, reviewDate: reviewDateOf(field.reviewDate ?? null) }, statuses: byKey, removed });
  });
  return { rows, headers };
}

/** The register and its removed list as they are in the workbook, or null when there is no register yet. */
export async function readRegister(workbook: WorkbookAdapter, catalog: Catalog): Promise<PreviousRegister | null> {
  const [register, removed] = await Promise.all([workbook.readTable(SKILL_MIX_TABLES.teamSkills), workbook.readTable(SKILL_MIX_TABLES.removed)]);
  if (!register && !removed) return null;
  const active = register ? previousRows(catalog, register, false, "The Team skills register") : { rows: [], headers: [] };
  const gone = removed ? previousRows(catalog, removed, true, "The Left the team list") : { rows: [], headers: [] };
  const seen = new Set<string>();
  const competences = [...active.headers, ...gone.headers]
    .map((h) => registerColumn(catalog, h))
    .filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
  checkUniqueColumns(active.headers.map((h) => registerColumn(catalog, h)));
  return { competences, rows: [...active.rows, ...gone.rows] };
}

/** The people in post in the staffing plan, in plan order. */
export async function readStaffingPlanTeam(workbook: WorkbookAdapter): Promise<TeamMember[]> {
  const plan = await workbook.readTable(STAFFING_PLAN_TABLE);
  if (!plan) throw notFound("There is no staffing plan in this workbook: build it first, or give a list of people");
  const rows = rowsByHeaders(plan, ["Post", "Role", "Band", "WTE", "Status"]);
  const inPost = rows.filter((r) => String(r[4] ?? "").trim().toLowerCase() !== "vacant");
  const team = inPost.map((r) => readTeamMember({ name: r[0], role: r[1], band: r[2], wte: r[3] }, `Staffing plan post '${String(r[0] ?? "").trim()}'`));
  checkUniqueNames(
    team.map((m) => m.name),
    (i) => `Staffing plan post ${i + 1} in post`,
  );
  return team;
}

/** The staffing plan's vacant posts (no one to hold skills: a register built from the plan leaves them out). */
export async function readStaffingPlanVacancies(workbook: WorkbookAdapter): Promise<string[]> {
  const rows = rowsByHeaders(await workbook.readTable(STAFFING_PLAN_TABLE), ["Post", "Status"]);
  return rows.filter((r) => String(r[1] ?? "").trim().toLowerCase() === "vacant").map((r) => String(r[0] ?? "").trim());
}

/** The register's settings as the user left them (holders wanted, hide counts below). */
async function readSettings(workbook: WorkbookAdapter): Promise<TeamSkillsSettings> {
  const values = rowsByHeaders(await workbook.readTable(SKILL_MIX_TABLES.settings), ["Value"]).map((r) => r[0] ?? null);
  return values.length === 2 ? { minHolders: values[0]!, suppression: values[1]! } : DEFAULT_SETTINGS;
}

/** The roles for the Role matrix: those asked for, or every Liaison and Diversion and RECONNECT role. */
export function matrixRolesFor(catalog: Catalog, ids?: readonly string[]): Role[] {
  // The default matrix is the L&D and RECONNECT roles; a role of another service is shown when asked for.
  if (!ids || ids.length === 0) return catalog.roles.filter((r) => r.service !== "other");
  return [...new Set(ids.map((id) => findRole(catalog.roles, id)))];
}

async function teamFor(workbook: WorkbookAdapter, source: TeamSource, previous: PreviousRegister | null): Promise<TeamMember[]> {
  if (source.kind === "list") return [...source.people];
  if (source.kind === "staffingPlan") return readStaffingPlanTeam(workbook);
  if (!previous) throw notFound("There is no Team skills register in this workbook yet: build it from the staffing plan or a list");
  return previous.rows.filter((r) => !r.removed).map((r) => ({ name: r.person.name, role: r.person.role, band: r.person.band, wte: r.person.wte }));
}

/**
 * Builds or rebuilds the skill-mix sheets in a workbook without losing what the user did. The register, its
 * removed list and its settings are read first; every status and review date is carried into the new register by
 * person and competence, people no longer on the team move to "Left the team" with their statuses, and
 * competences are added for new roles. The outcome lists everything that moved, for the task pane to show.
 * Nothing is written when the team cannot be read (a duplicate name, a band that is no band): the error says where.
 */
export async function buildSkillMix(
  workbook: WorkbookAdapter,
  catalog: Catalog,
  request: SkillMixRequest,
  options: SkillMixWriteOptions = {},
): Promise<SkillMixOutcome> {
  const [previous, settings, managed] = await Promise.all([readRegister(workbook, catalog), readSettings(workbook), workbook.listManaged()]);
  const team = await teamFor(workbook, request.source, previous);
  const rebuild = rebuildRegister(catalog, team, previous);
  const hasRemovedSheet = managed.some((m) => m.key === SKILL_MIX_KEYS.removed);
  const plans: SheetPlan[] = [
    ...teamPlans(catalog, rebuild, { settings, alwaysWriteRemoved: hasRemovedSheet }),
    ...(request.skipRoleMatrix ? [] : [roleMatrixPlan(catalog, matrixRolesFor(catalog, request.matrixRoles))]),
    ...(request.progression
      ? [progressionPlan(catalog, findRole(catalog.roles, request.progression.from), findRole(catalog.roles, request.progression.to))]
      : []),
  ];
  const results = await writePlans(workbook, plans, options);
  const { register, removed: _removed, ...report } = rebuild;
  return { results, people: register.people.length, competences: register.competences.length, rebuild: report };
}

/** Writes the Role matrix alone (the task pane's "Role matrix" button). */
export async function buildRoleMatrix(workbook: WorkbookAdapter, catalog: Catalog, roles?: readonly string[], options: SkillMixWriteOptions = {}) {
  return writePlans(workbook, [roleMatrixPlan(catalog, matrixRolesFor(catalog, roles))], options);
}

/** Writes role A → role B alone. */
export async function buildProgression(workbook: WorkbookAdapter, catalog: Catalog, from: string, to: string, options: SkillMixWriteOptions = {}) {
  return writePlans(workbook, [progressionPlan(catalog, findRole(catalog.roles, from), findRole(catalog.roles, to))], options);
}

/** Writes the plans, each after the sheets whose tables its formulas name (see inWriteOrder), in one go where it can. */
async function writePlans(workbook: WorkbookAdapter, given: readonly SheetPlan[], options: SkillMixWriteOptions) {
  return writePlansInOrder(workbook, inWriteOrder(given), options);
}
