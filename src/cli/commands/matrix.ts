import type { Catalog } from "../../catalog";
import { DEFAULT_MIN_HOLDERS, type Role, findRole, rebuildRegister, teamCoverage } from "../../domain";
import { progressionPlan, roleMatrixPlan, teamPlans } from "../../sheets/skillMix";
import type { SheetPlan } from "../../sheets/plan";
import { type CliIo, UsageError } from "../io";
import { readTeamSkillsFile } from "../../input";
import { readInputBytes } from "../files";
import { matrixRolesFor } from "../../workbook/skillMix";
import { xlsxOutput } from "../safeWrite";
import { checkRegisterFits } from "../xlsx/limits";
import { writeXlsx } from "../xlsx/writeWorkbook";

export const matrixUsage = "wfp matrix --out <file.xlsx> [--force] [--roles id,id,…] [--team team.csv] [--progression from-id,to-id] [--verbose]";

export const matrixOptions = {
  out: { type: "string" },
  force: { type: "boolean" },
  roles: { type: "string" },
  team: { type: "string" },
  progression: { type: "string" },
  verbose: { type: "boolean" },
} as const;

export interface MatrixFlags {
  out?: string;
  force?: boolean;
  roles?: string;
  team?: string;
  progression?: string;
  verbose?: boolean;
}

/** How many notes name one by one before the rest are counted ("and 1,250 more; --verbose lists them"). */
const NOTES_SHOWN = 5;

/** A list for a note: all of it when short or with --verbose, else the first few and a count of the rest. */
export function summarised(items: readonly string[], verbose: boolean): string {
  if (verbose || items.length <= NOTES_SHOWN) return items.join("; ");
  const rest = items.length - NOTES_SHOWN;
  return `${items.slice(0, NOTES_SHOWN).join("; ")} and ${rest.toLocaleString("en-GB")} more (--verbose lists them)`;
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
  const output = xlsxOutput(flags, matrixUsage, [flags.team]);
  const roles = matrixRoles(catalog, flags.roles);
  const progression = progressionRoles(catalog, flags.progression);
  const plans: SheetPlan[] = [roleMatrixPlan(catalog, roles)];
  const lines = [`Role matrix of ${roles.length} role${roles.length === 1 ? "" : "s"}`];
  const notes: string[] = [];
  if (flags.team) {
    const { team, previous, warnings } = readTeamSkillsFile(catalog, readInputBytes(flags.team), flags.team);
    for (const w of warnings) io.err(`wfp: note: ${w}\n`);
    checkRegisterFits(team.length, previous.competences.length, flags.team);
    const rebuild = rebuildRegister(catalog, team, previous);
    const teamSheets = teamPlans(catalog, rebuild);
    plans.push(...teamSheets);
    const totals = teamCoverage(rebuild.register, DEFAULT_MIN_HOLDERS);
    lines.push(
      `team skills of ${team.length} ${team.length === 1 ? "person" : "people"} × ${rebuild.register.competences.length} competences ` +
        `(${percent(totals.fraction)}; ${totals.noHolder} with no holder, ${totals.singlePoint} single points of failure)`,
    );
    const unknown = rebuild.unknownRoles.map((u) => `${u.name} (${u.role === "" ? "no role given" : `'${u.role}'`})`);
    if (unknown.length > 0) {
      notes.push(
        `${summarised(unknown, flags.verbose === true)}: ${unknown.length === 1 ? "a role" : "roles"} not in the catalog; their competences are as the CSV gives them`,
      );
    }
    const own = rebuild.register.competences.filter((c) => c.competence === null).map((c) => c.title);
    if (own.length > 0) notes.push(`not in the catalog, kept as the team's own competences: ${summarised(own, flags.verbose === true)}`);
  }
  if (progression) {
    const [from, to] = progression;
    plans.push(progressionPlan(catalog, from, to));
    lines.push(`progression ${from.title} → ${to.title}`);
  }
  await output.write((path) => writeXlsx(plans, path));
  io.out(`Wrote ${flags.out}: ${lines.join("; ")}.\n${notes.map((n) => `Note: ${n}\n`).join("")}`);
}
