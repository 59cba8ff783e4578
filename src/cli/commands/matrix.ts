import { readFileSync } from "node:fs";
import type { Catalog } from "../../catalog";
import {
  DEFAULT_MIN_HOLDERS,
  type PreviousRegister,
  type PreviousRow,
  type RegisterCell,
  type Role,
  type TeamMember,
  checkUniqueColumns,
  checkUniqueNames,
  findRole,
  invalid,
  normalizeText,
  parseSkillStatus,
  rebuildRegister,
  registerColumn,
  readTeamMember,
  statusCell,
  teamCoverage,
} from "../../domain";
import { progressionPlan, roleMatrixPlan, teamPlans } from "../../sheets/skillMix";
import type { SheetPlan } from "../../sheets/plan";
import { type CliIo, UsageError } from "../io";
import { parseCsv } from "../teamCsv";
import { matrixRolesFor } from "../../workbook/skillMix";
import { writeXlsx } from "../xlsx/writeWorkbook";

export const matrixUsage = "wfp matrix --out <file.xlsx> [--roles id,id,…] [--team team.csv] [--progression from-id,to-id]";

export const matrixOptions = {
  out: { type: "string" },
  roles: { type: "string" },
  team: { type: "string" },
  progression: { type: "string" },
} as const;

export interface MatrixFlags {
  out?: string;
  roles?: string;
  team?: string;
  progression?: string;
}

/** Column names people use for the person fields of a team skills CSV; every other column is a competence. */
const PERSON_COLUMNS = {
  name: ["name", "person", "pseudonymous id", "id", "post"],
  role: ["role"],
  band: ["band"],
  wte: ["wte", "fte"],
  reviewDate: ["review date", "reviewed"],
} as const;

export interface TeamSkillsCsv {
  readonly team: TeamMember[];
  /** The register as the CSV gives it: its competence columns and each person's statuses. */
  readonly previous: PreviousRegister;
}

/**
 * Reads a team skills CSV: name, role, band and WTE, then one column per competence (a catalog title, alias or id,
 * or a competence of the team's own) with a status per person. A status that is no status, a duplicate name or
 * two columns for one competence are refused, naming the line and column.
 */
export function readTeamSkillsCsv(catalog: Catalog, text: string, source: string): TeamSkillsCsv {
  const { headers, rows } = parseCsv(text, source);
  const find = (names: readonly string[]) => headers.find((h) => names.some((n) => normalizeText(n) === normalizeText(h)));
  const columnOf = Object.fromEntries(Object.entries(PERSON_COLUMNS).map(([field, names]) => [field, find(names)])) as Record<keyof typeof PERSON_COLUMNS, string | undefined>;
  if (!columnOf.name) throw invalid(`${source} has no 'name' column; its columns are: ${headers.join(", ")}`);
  const personHeaders = new Set(Object.values(columnOf).filter((h): h is string => h !== undefined));
  const competenceHeaders = headers.filter((h) => !personHeaders.has(h) && h !== "");
  const competences = competenceHeaders.map((h) => registerColumn(catalog, h));
  checkUniqueColumns(competences);

  const team: TeamMember[] = [];
  const previousRows: PreviousRow[] = [];
  for (const { line, fields } of rows) {
    const where = `${source} line ${line}`;
    const get = (field: keyof typeof PERSON_COLUMNS) => (columnOf[field] === undefined ? "" : fields[columnOf[field]]);
    const member = readTeamMember({ name: get("name"), role: get("role"), band: get("band"), wte: get("wte") }, where);
    const statuses = new Map<string, RegisterCell>();
    competenceHeaders.forEach((header, c) => {
      let status;
      try {
        status = parseSkillStatus(fields[header]);
      } catch (e) {
        throw invalid(`${where}, column '${header}': ${(e as Error).message}`);
      }
      if (status !== null) statuses.set(competences[c]!.key, statusCell(status));
    });
    const review = (get("reviewDate") ?? "").trim();
    team.push(member);
    previousRows.push({ person: { ...member, reviewDate: review === "" ? null : review }, statuses, removed: false });
  }
  checkUniqueNames(
    team.map((m) => m.name),
    (i) => `${source} line ${rows[i]!.line}`,
  );
  return { team, previous: { competences, rows: previousRows } };
}

function readFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw invalid(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The roles named on the command line, or every Liaison and Diversion and RECONNECT role in the catalog. */
function matrixRoles(catalog: Catalog, list: string | undefined): Role[] {
  if (list === undefined) return matrixRolesFor(catalog);
  const names = list.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (names.length === 0) throw new UsageError(`--roles needs at least one role id; usage: ${matrixUsage}`);
  return matrixRolesFor(catalog, names);
}

/** The two roles of --progression, checked before any file is read. */
function progressionRoles(catalog: Catalog, text: string | undefined): [Role, Role] | null {
  if (text === undefined) return null;
  const pair = text.split(",").map((s) => s.trim());
  if (pair.length !== 2 || pair.some((s) => s === "")) throw new UsageError(`--progression takes two role ids: from,to; usage: ${matrixUsage}`);
  return [findRole(catalog.roles, pair[0]), findRole(catalog.roles, pair[1])];
}

const percent = (fraction: number | null): string => (fraction === null ? "no competences needed" : `${Math.round(fraction * 100)}% covered`);

/** `wfp matrix`: the skill-mix sheets as an .xlsx, from the same sheet plans the add-in writes. */
export async function matrixCommand(catalog: Catalog, args: readonly string[], flags: MatrixFlags, io: CliIo): Promise<void> {
  if (args.length > 0) throw new UsageError(`unexpected '${args[0]}'; usage: ${matrixUsage}`);
  if (!flags.out) throw new UsageError(`--out is required; usage: ${matrixUsage}`);
  const roles = matrixRoles(catalog, flags.roles);
  const progression = progressionRoles(catalog, flags.progression);
  const plans: SheetPlan[] = [roleMatrixPlan(catalog, roles)];
  const lines = [`Role matrix of ${roles.length} role${roles.length === 1 ? "" : "s"}`];
  const notes: string[] = [];
  if (flags.team) {
    const { team, previous } = readTeamSkillsCsv(catalog, readFile(flags.team), flags.team);
    const rebuild = rebuildRegister(catalog, team, previous);
    const teamSheets = teamPlans(catalog, rebuild);
    plans.push(...teamSheets);
    const totals = teamCoverage(rebuild.register, DEFAULT_MIN_HOLDERS);
    lines.push(
      `team skills of ${team.length} ${team.length === 1 ? "person" : "people"} × ${rebuild.register.competences.length} competences ` +
        `(${percent(totals.fraction)}; ${totals.noHolder} with no holder, ${totals.singlePoint} single points of failure)`,
    );
    for (const u of rebuild.unknownRoles) {
      notes.push(`${u.name}: ${u.role === "" ? "no role given" : `'${u.role}' is not a role in the catalog`}; their competences are as the CSV gives them`);
    }
    const own = rebuild.register.competences.filter((c) => c.competence === null).map((c) => c.title);
    if (own.length > 0) notes.push(`not in the catalog, kept as the team's own competences: ${own.join("; ")}`);
  }
  if (progression) {
    const [from, to] = progression;
    plans.push(progressionPlan(catalog, from, to));
    lines.push(`progression ${from.title} → ${to.title}`);
  }
  await writeXlsx(plans, flags.out);
  io.out(`Wrote ${flags.out}: ${lines.join("; ")}.\n${notes.map((n) => `Note: ${n}\n`).join("")}`);
}
