import type { Catalog } from "../../catalog";
import { type TeamMember, rebuildRegister } from "../../domain";
import { readTeamFile, readTeamSkillsFile } from "../../input";
import { readInputBytes, readInputText } from "../files";
import { jeReferenceSheet } from "../../sheets/jeReference";
import type { SheetPlan } from "../../sheets/plan";
import { roleProfileSheet } from "../../sheets/roleProfile";
import { roleMatrixPlan, teamPlans } from "../../sheets/skillMix";
import { catalogSheetFromJson, loadCatalogJson } from "../../workbook/catalog";
import { matrixRolesFor } from "../../workbook/skillMix";
import { type CliIo, UsageError } from "../io";
import { xlsxOutput } from "../safeWrite";
import { checkRegisterFits } from "../xlsx/limits";
import { writeXlsx } from "../xlsx/writeWorkbook";
import { type PlanFlags, planParameters, planWorkbookPlans } from "./plan";

export const workbookUsage =
  "wfp workbook --out <file.xlsx> [--force] [--roles id,id,…] [--team team.csv] [--skills skills.csv] [--catalog mine.json] [--year 2025/26] [--pension employer|full] [--levy] [--vacancy 0.03]";

export const workbookOptions = {
  out: { type: "string" },
  force: { type: "boolean" },
  roles: { type: "string" },
  team: { type: "string" },
  skills: { type: "string" },
  catalog: { type: "string" },
  year: { type: "string" },
  pension: { type: "string" },
  levy: { type: "boolean" },
  vacancy: { type: "string" },
} as const;

export interface WorkbookFlags extends PlanFlags {
  roles?: string;
  skills?: string;
  catalog?: string;
}

/**
 * Every sheet the add-in makes, from the same sheet plans: the staffing plan and its summary, the team's skills
 * (from a skills CSV, or the plan's people with nothing recorded yet), the role matrix, a profile per role, the
 * JE and banding reference, pay scales and on-costs. For a finance analyst or a commissioner without the add-in.
 */
export function workbookPlans(builtIn: Catalog, flags: WorkbookFlags): { plans: SheetPlan[]; summary: string[]; warnings: string[] } {
  // A workbook catalog (exported from the add-in as JSON) adds its roles, and travels on the Catalog sheet.
  const catalogText = flags.catalog ? readInputText(flags.catalog) : null;
  const catalog = catalogText === null ? builtIn : loadCatalogJson(builtIn, catalogText);
  const roleIds = flags.roles?.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const roles = matrixRolesFor(catalog, roleIds);
  const parameters = planParameters(catalog, flags);
  const warnings: string[] = [];
  const teamRead = flags.team ? readTeamFile(readInputBytes(flags.team), flags.team, catalog.pay, { year: parameters.year }) : null;
  const posts = teamRead?.posts ?? [];
  warnings.push(...(teamRead?.warnings ?? []));
  const [staffingPlan, planSummary, payScales, onCosts] = planWorkbookPlans(catalog, posts, parameters);
  const summary = [`${posts.length} post${posts.length === 1 ? "" : "s"} costed for ${parameters.year}`];

  let team: SheetPlan[] = [];
  if (flags.skills) {
    const { team: people, previous, warnings: skillsWarnings } = readTeamSkillsFile(catalog, readInputBytes(flags.skills), flags.skills);
    warnings.push(...skillsWarnings);
    checkRegisterFits(people.length, previous.competences.length, flags.skills);
    team = teamPlans(catalog, rebuildRegister(catalog, people, previous));
    summary.push(`team skills of ${people.length} people`);
  } else if (posts.length > 0) {
    // Everyone in post, one row each, with nothing recorded yet: the register to fill in.
    const people: TeamMember[] = posts.filter((p) => p.status === "In post").map((p) => ({ name: p.post, role: p.role, band: p.band, wte: p.wte }));
    team = teamPlans(catalog, rebuildRegister(catalog, people, null));
    summary.push(`a team skills register for the ${people.length} people in post`);
  }
  summary.push(`profiles of ${roles.length} roles`);
  if (catalogText !== null) summary.push(`the Catalog sheet from ${flags.catalog}`);
  return {
    plans: [
      staffingPlan!,
      planSummary!,
      ...team,
      roleMatrixPlan(catalog, roles),
      ...roles.map((r) => roleProfileSheet(catalog, r)),
      jeReferenceSheet(catalog),
      payScales!,
      onCosts!,
      ...(catalogText === null ? [] : [catalogSheetFromJson(builtIn, catalogText)]),
    ],
    summary,
    warnings,
  };
}

export async function workbookCommand(catalog: Catalog, args: readonly string[], flags: WorkbookFlags, io: CliIo): Promise<void> {
  if (args.length > 0) throw new UsageError(`unexpected '${args[0]}'; usage: ${workbookUsage}`);
  const output = xlsxOutput(flags, workbookUsage, [flags.team, flags.skills, flags.catalog]);
  const { plans, summary, warnings } = workbookPlans(catalog, flags);
  for (const w of warnings) io.err(`wfp: note: ${w}\n`);
  await output.write((path) => writeXlsx(plans, path));
  io.out(`Wrote ${flags.out}: ${plans.length} sheets; ${summary.join("; ")}.\n`);
}
