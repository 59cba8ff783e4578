import type { Catalog } from "../../catalog";
import {
  type Forecast,
  type ForecastPost,
  type ForecastSettings,
  MAX_FORECAST_YEARS,
  dayOf,
  financialYearOf,
  forecastPay,
  invalid,
  normalizeYear,
  parsePensionBasis,
  roundPennies,
  roundedCostLines,
} from "../../domain";
import { type CliIo, UsageError, printJson } from "../io";
import { readForecastTeamFile } from "../../input";
import { readInputBytes } from "../files";
import { forecastWorkbookPlans } from "../../sheets/forecast/workbookPlans";
import { xlsxOutput } from "../safeWrite";
import { writeXlsx } from "../xlsx/writeWorkbook";

export const forecastUsage =
  "wfp forecast --team team.csv [--from 2026/27] [--years 3] [--award 2027/28=2.5,…] [--funded 2026/27=2.8,…] [--pension employer|full] [--levy] [--vacancy 0.03] [--proration monthly|calendar] [--out forecast.xlsx [--force]] [--json]";

export const forecastOptions = {
  team: { type: "string" },
  from: { type: "string" },
  years: { type: "string" },
  award: { type: "string" },
  funded: { type: "string" },
  pension: { type: "string" },
  levy: { type: "boolean" },
  vacancy: { type: "string" },
  proration: { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
} as const;

export interface ForecastFlags {
  team?: string;
  from?: string;
  years?: string;
  award?: string;
  funded?: string;
  pension?: string;
  levy?: boolean;
  vacancy?: string;
  proration?: string;
  out?: string;
  force?: boolean;
}

/** "2027/28=2.5,2028/29=2.5" → { "2027/28": 2.5, "2028/29": 2.5 } (percent). */
export function parseYearRates(text: string | undefined, flag: string): Record<string, number> {
  if (text === undefined) return {};
  const rates: Record<string, number> = {};
  for (const part of text.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const m = /^([^=]+)=\s*(-?\d+(?:\.\d+)?)\s*%?$/.exec(part);
    if (!m) throw invalid(`--${flag} '${part}' is not year=percent, such as 2027/28=2.5`);
    rates[normalizeYear(m[1]!.trim())] = Number(m[2]);
  }
  return rates;
}

export function forecastSettings(flags: ForecastFlags, today = new Date()): ForecastSettings {
  const fromYear = flags.from ? normalizeYear(flags.from) : financialYearOf(dayOf(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()));
  const years = flags.years === undefined ? 3 : Number(flags.years);
  if (!(Number.isInteger(years) && years >= 1 && years <= MAX_FORECAST_YEARS)) throw invalid(`--years '${flags.years}' is not a whole number of years from 1 to ${MAX_FORECAST_YEARS}`);
  const vacancyFactor = flags.vacancy === undefined ? 0 : Number(flags.vacancy);
  if (!(vacancyFactor >= 0 && vacancyFactor < 1)) throw invalid(`'${flags.vacancy}' is not a vacancy factor: give a fraction such as 0.03`);
  const proration = flags.proration ?? "monthly";
  if (proration !== "monthly" && proration !== "calendar") throw invalid(`--proration '${proration}' is not monthly or calendar`);
  return {
    fromYear,
    years,
    awards: parseYearRates(flags.award, "award"),
    funded: parseYearRates(flags.funded, "funded"),
    pensionBasis: parsePensionBasis(flags.pension),
    includeLevy: flags.levy ?? false,
    vacancyFactor,
    proration,
  };
}

const p = roundPennies;

/** The forecast as `--json` prints it: pounds to the penny. */
export function forecastJson(forecast: Forecast) {
  return {
    settings: forecast.settings,
    years: forecast.years.map((y) => ({
      year: y.year,
      status: y.status,
      award: y.award,
      funded: y.funded,
      basic: p(y.basic),
      hcas: p(y.hcas),
      employerNI: p(y.employerNI),
      pension: p(y.pension),
      levy: p(y.levy),
      total: p(y.total),
      drift: p(y.drift),
      awardGap: p(y.awardGap),
      vacancy: p(y.vacancy),
      budget: p(y.budget),
    })),
    posts: forecast.posts.map((post) => ({ post: post.post.post, years: post.years.map((y) => ({ year: y.year, total: p(y.total), drift: p(y.drift), awardGap: p(y.awardGap) })) })),
    months: forecast.months.map((m) => ({ month: m.month, total: p(m.total) })),
  };
}

function readTeam(catalog: Catalog, path: string, year: string, io: CliIo): ForecastPost[] {
  const { posts, warnings } = readForecastTeamFile(readInputBytes(path), path, catalog.pay, { year });
  for (const w of warnings) io.err(`wfp: note: ${w}\n`);
  return posts;
}

// One formatter for every figure (Number.toLocaleString with options builds a new one on each call).
const PENCE = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money = (n: number): string => PENCE.format(p(n));

/** `wfp forecast --team team.csv …`: each year's lines, drift and award gap; with --out the Forecast workbook. */
export async function forecastCommand(catalog: Catalog, args: readonly string[], flags: ForecastFlags, json: boolean, io: CliIo): Promise<void> {
  if (args.length > 0) throw new UsageError(`unexpected '${args[0]}'; usage: ${forecastUsage}`);
  if (!flags.team) throw new UsageError(`--team is required; usage: ${forecastUsage}`);
  const output = flags.out === undefined ? null : xlsxOutput(flags, forecastUsage, [flags.team]);
  const settings = forecastSettings(flags);
  // Points are checked against the catalog's pay scale for the first year it has on or before the forecast's start.
  const catalogYears = catalog.pay.payScales.map((s) => s.year).sort();
  const posts = readTeam(catalog, flags.team, [...catalogYears].reverse().find((y) => y <= settings.fromYear) ?? catalogYears[0]!, io);
  const forecast = forecastPay(catalog.pay, posts, settings);
  if (output) await output.write((path) => writeXlsx(forecastWorkbookPlans(catalog, posts, settings), path));
  if (json) {
    printJson(io, forecastJson(forecast));
    return;
  }
  const lines = [
    `Pay forecast for ${posts.length} post${posts.length === 1 ? "" : "s"}, ${forecast.years[0]!.year} to ${forecast.years.at(-1)!.year} (${settings.pensionBasis} pension${settings.includeLevy ? ", with levy" : ""}, ${settings.proration} proration)`,
    ["year", "status", "basic", "HCAS", "employer NI", "pension", "levy", "total", "drift", "award gap", "vacancy", "budget"].join("\t"),
    ...forecast.years.map((y) => {
      // The one rounding rule (roundedCostLines): each line to the penny, the total their sum, and the budget the
      // total plus the vacancy line as printed, so every printed row adds up.
      const shown = roundedCostLines(y);
      const vacancy = p(y.vacancy);
      const budget = (Math.round(shown.total * 100) + Math.round(vacancy * 100)) / 100;
      return [
        y.year,
        y.status === "assumed" ? `assumed (${y.award === 0 ? "no award assumed" : `${y.award}% award`})` : y.status,
        ...[shown.basic, shown.hcas, shown.employerNI, shown.pension, shown.levy, shown.total, y.drift, y.awardGap, vacancy, budget].map(money),
      ].join("\t");
    }),
    ...(flags.out ? [`Wrote ${flags.out}.`] : []),
  ];
  io.out(`${lines.join("\n")}\n`);
}
