import type { Catalog } from "../../catalog";
import { type PlanParameters, type PlannedPost, defaultYear, invalid, normalizeYear, parsePensionBasis } from "../../domain";
import { onCostsSheet, payScalesSheet } from "../../sheets/payReference";
import { planSummarySheet } from "../../sheets/planSummary";
import { compareScenariosSheet } from "../../sheets/compareScenarios";
import { planNames, staffingPlanSheet } from "../../sheets/staffingPlan";
import { type CliIo, UsageError } from "../io";
import { readTeamFile } from "../../input";
import { readInputBytes } from "../files";
import { xlsxOutput } from "../safeWrite";
import { writeXlsx } from "../xlsx/writeWorkbook";

export const planUsage =
  "wfp plan --out <file.xlsx> [--force] [--team team.csv] [--compare team-b.csv] [--year 2025/26] [--pension employer|full] [--levy] [--vacancy 0.03]";

export const planOptions = {
  out: { type: "string" },
  force: { type: "boolean" },
  team: { type: "string" },
  compare: { type: "string" },
  year: { type: "string" },
  pension: { type: "string" },
  levy: { type: "boolean" },
  vacancy: { type: "string" },
} as const;

export interface PlanFlags {
  out?: string;
  force?: boolean;
  team?: string;
  compare?: string;
  year?: string;
  pension?: string;
  levy?: boolean;
  vacancy?: string;
}

export function planParameters(catalog: Catalog, flags: PlanFlags): PlanParameters {
  const year = flags.year ? normalizeYear(flags.year) : defaultYear(catalog.pay);
  if (!catalog.pay.payScales.some((s) => s.year === year)) {
    throw invalid(`no pay scale for ${year}; years available: ${catalog.pay.payScales.map((s) => s.year).join(", ")}`);
  }
  const vacancyFactor = flags.vacancy === undefined ? 0 : Number(flags.vacancy);
  if (!(vacancyFactor >= 0 && vacancyFactor < 1)) throw invalid(`'${flags.vacancy}' is not a vacancy factor: give a fraction such as 0.03`);
  return { year, pensionBasis: parsePensionBasis(flags.pension), includeLevy: flags.levy ?? false, vacancyFactor };
}

/**
 * The staffing-plan workbook: the plan with native formulas and its summary, pay scales and on-costs; with a
 * second team, scenario B beside it and a comparison of the two.
 */
export function planWorkbookPlans(catalog: Catalog, posts: readonly PlannedPost[], parameters: PlanParameters, scenarioB?: readonly PlannedPost[]) {
  const years = catalog.pay.payScales.map((s) => s.year);
  const roleTitles = [
    ...new Set([...catalog.roles.map((r) => r.title), ...[...posts, ...(scenarioB ?? [])].map((p) => p.role).filter((r) => r !== "")]),
  ];
  return [
    staffingPlanSheet(catalog, { posts, parameters, roleTitles }),
    planSummarySheet(roleTitles),
    ...(scenarioB
      ? [staffingPlanSheet(catalog, { posts: scenarioB, parameters, roleTitles }, planNames("B")), compareScenariosSheet(roleTitles)]
      : []),
    payScalesSheet(catalog, years),
    onCostsSheet(catalog.pay, years),
  ];
}

function readTeam(catalog: Catalog, path: string, year: string, io: CliIo): PlannedPost[] {
  const { posts, warnings } = readTeamFile(readInputBytes(path), path, catalog.pay, { year });
  for (const w of warnings) io.err(`wfp: note: ${w}\n`);
  return posts;
}

export async function planCommand(catalog: Catalog, args: readonly string[], flags: PlanFlags, io: CliIo): Promise<void> {
  if (args.length > 0) throw new UsageError(`unexpected '${args[0]}'; usage: ${planUsage}`);
  const output = xlsxOutput(flags, planUsage, [flags.team, flags.compare]);
  const parameters = planParameters(catalog, flags);
  const posts = flags.team ? readTeam(catalog, flags.team, parameters.year, io) : [];
  const scenarioB = flags.compare ? readTeam(catalog, flags.compare, parameters.year, io) : undefined;
  await output.write((path) => writeXlsx(planWorkbookPlans(catalog, posts, parameters, scenarioB), path));
  io.out(`Wrote ${flags.out}: ${posts.length} post${posts.length === 1 ? "" : "s"}, costed for ${parameters.year} (${parameters.pensionBasis} pension${parameters.includeLevy ? ", with levy" : ""})${scenarioB ? `, compared with ${scenarioB.length} posts in scenario B` : ""}.\n`);
}
