import type { Catalog } from "../catalog";
import type { CellValue, TableData, TableRequest, WorkbookAdapter, WriteResult } from "../excel/adapter";
import {
  EXCEL_EPOCH_OFFSET,
  type Forecast,
  type ForecastPost,
  type ForecastSettings,
  forecastPay,
  invalid,
  isoOf,
  parsePensionBasis,
  parsePlannedPost,
} from "../domain";
import {
  FORECAST_INPUT_HEADERS,
  FORECAST_TABLES,
  distinct,
  forecastRatesSheet,
  forecastSheet,
  forecastSummarySheet,
  payAwardsOf,
} from "../sheets/forecast";
import { PAY_AWARDS_TABLE, PAY_AWARD_HEADERS, PAY_SCALES_TABLE, PAY_SCALE_HEADERS, type PayAward, onCostsSheet, payScalesSheet } from "../sheets/payReference";
import type { SheetPlan } from "../sheets/plan";
import { PLAN_INPUT_HEADERS, STAFFING_PLAN_TABLE } from "../sheets/staffingPlan";
import { ON_COSTS_TABLES, onCostsFrom } from "./costing";
import { readInputColumns } from "./readTables";
import { rowsByHeaders } from "./tableRows";
import { type WritePlansOptions, writePlans } from "./writePlans";

export interface BuildForecastRequest {
  /** The horizon, and the awards and funded rates chosen now (percent); other parameters the workbook keeps. */
  settings: ForecastSettings;
  /** Posts to add; default: the staffing plan's posts. A post already in the Forecast keeps its row as it is. */
  posts?: readonly ForecastPost[];
}

export interface BuildForecastOutcome {
  results: { key: string; result: WriteResult }[];
  postsAdded: number;
  postsKept: number;
  /** The forecast as the sheets compute it (the Forecast rows as they now are), for the task pane; null if none. */
  forecast: Forecast | null;
  /** Rows that could not be costed, each naming its sheet row and why. */
  problems: string[];
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
/** A date cell (an Excel serial number, or text as typed) as yyyy-mm-dd; blank stays blank. */
const isoCell = (v: CellValue | undefined): string => (typeof v === "number" && Number.isFinite(v) ? isoOf(Math.round(v) - EXCEL_EPOCH_OFFSET) : text(v));

/** One Forecast (or staffing plan) row as a forecast post; a bad row throws naming `where`. */
export function forecastPostFromCells(cells: readonly CellValue[], where: string): ForecastPost {
  const [post, role, costCentre, band, point, wte, hcasZone, status, startInBand, startDate, endDate] = cells;
  const planned = parsePlannedPost({ post, role, band, point, wte, hcasZone, status, startInBand: isoCell(startInBand) }, where);
  const dates = { startDate: isoCell(startDate), endDate: isoCell(endDate) };
  for (const [key, value] of Object.entries(dates)) {
    if (value !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw invalid(`${where}: '${value}' is not a ${key === "startDate" ? "start" : "end"} date: give it as yyyy-mm-dd`);
  }
  const { point: plannedPoint, ...rest } = planned;
  return {
    ...rest,
    costCentre: text(costCentre),
    ...(text(point) !== "" ? { point: plannedPoint } : {}),
    ...(dates.startDate ? { startDate: dates.startDate } : {}),
    ...(dates.endDate ? { endDate: dates.endDate } : {}),
  };
}

/** A table's rows read as posts, each failure naming its sheet row. */
function postsOf(table: TableData | null, rows: readonly (readonly CellValue[])[]): { posts: ForecastPost[]; problems: string[] } {
  const headerRow = table ? Number(/\d+/.exec(table.address)![0]) : 0;
  const posts: ForecastPost[] = [];
  const problems: string[] = [];
  rows.forEach((cells, i) => {
    try {
      posts.push(forecastPostFromCells(cells, `Row ${headerRow + 1 + i}`));
    } catch (e) {
      problems.push((e as Error).message);
    }
  });
  return { posts, problems };
}

/** The staffing plan's rows in the Forecast's input order: its start and end dates and cost centre come along. */
function planRowsAsForecast(plan: TableData | null): CellValue[][] {
  return rowsByHeaders(plan, PLAN_INPUT_HEADERS).map(([post, role, band, point, wte, zone, status, start, startDate, endDate, costCentre]) => [
    post ?? null,
    role ?? null,
    costCentre ?? null,
    band ?? null,
    point ?? null,
    wte ?? null,
    zone ?? null,
    status ?? null,
    start ?? null,
    startDate ?? null,
    endDate ?? null,
  ]);
}

/** Awards as the workbook holds them (fractions), and the request's (percent) winning for the years it names. */
function mergedAwards(settings: ForecastSettings, existing: readonly (readonly CellValue[])[]): PayAward[] {
  const fromRequest = payAwardsOf(settings);
  const kept = new Map(existing.map((r) => [text(r[0]), r]));
  return fromRequest.map((a) => {
    const mine = kept.get(a.year);
    const named = (rates: Readonly<Record<string, number>> | undefined) => rates !== undefined && a.year in rates;
    return {
      year: a.year,
      award: named(settings.awards) || !mine || typeof mine[1] !== "number" ? a.award : mine[1],
      funded: named(settings.funded) || !mine ? a.funded : typeof mine[2] === "number" ? mine[2] : null,
    };
  });
}

/** Settings as the sheets will compute them: the workbook's parameters and awards where it has them. */
function effectiveSettings(settings: ForecastSettings, parameters: readonly CellValue[], awards: readonly PayAward[], catalogYears: readonly string[]): ForecastSettings {
  const [pension, levy, vacancy, proration] = parameters;
  const assumedOnly = (list: PayAward[]) => list.filter((a) => !catalogYears.includes(a.year));
  return {
    ...settings,
    awards: Object.fromEntries(assumedOnly([...awards]).map((a) => [a.year, Math.round(a.award * 1e6) / 1e4])),
    funded: Object.fromEntries(awards.filter((a) => a.funded !== null).map((a) => [a.year, Math.round(a.funded! * 1e6) / 1e4])),
    ...(parameters.length === 4
      ? {
          pensionBasis: parsePensionBasis(text(pension)),
          includeLevy: levy === true || text(levy).toLowerCase() === "yes",
          vacancyFactor: typeof vacancy === "number" ? vacancy : settings.vacancyFactor,
          proration: text(proration).toLowerCase() === "calendar" ? "calendar" : "monthly",
        }
      : {}),
  };
}

/**
 * Builds or rebuilds the forecast without losing what the user did: the Forecast rows (dates, WTE, points they
 * edited, rows they added), the parameters, awards and pay figures they changed are read first and carried; posts
 * new in the staffing plan are added. Reference tables are written before the sheets whose formulas name them.
 */
export async function buildForecast(workbook: WorkbookAdapter, catalog: Catalog, request: BuildForecastRequest, options: WritePlansOptions = {}): Promise<BuildForecastOutcome> {
  // One read of every table the build needs; of the Forecast (a column per month) and the staffing plan, only the
  // columns the user types in, so a refresh of 2,000 posts × 60 months reads a few thousand cells, not 300,000.
  const wanted: TableRequest[] = [
    { name: FORECAST_TABLES.posts, columns: FORECAST_INPUT_HEADERS },
    FORECAST_TABLES.parameters,
    PAY_AWARDS_TABLE,
    PAY_SCALES_TABLE,
    ...ON_COSTS_TABLES,
    ...(request.posts ? [] : [{ name: STAFFING_PLAN_TABLE, columns: PLAN_INPUT_HEADERS }]),
  ];
  const [existing = null, parameters = null, awardsTable = null, pay = null, onCostsTable = null, hcasTable = null, plan = null] = await readInputColumns(workbook, wanted);
  const onCosts = onCostsFrom(onCostsTable, hcasTable);
  const keptRows = rowsByHeaders(existing, FORECAST_INPUT_HEADERS);
  const keptNames = new Set(keptRows.map((r) => text(r[0]).toLowerCase()));
  const fromPlan = request.posts ? { posts: [...request.posts], problems: [] as string[] } : postsOf(plan, planRowsAsForecast(plan));
  const added = fromPlan.posts.filter((p) => !keptNames.has(p.post.trim().toLowerCase()));
  const parameterValues = rowsByHeaders(parameters, ["Value"]).map((r) => r[0] ?? null);
  const catalogYears = catalog.pay.payScales.map((s) => s.year);
  const awards = mergedAwards(request.settings, rowsByHeaders(awardsTable, PAY_AWARD_HEADERS));
  const settings = effectiveSettings(request.settings, parameterValues, awards, catalogYears);

  const kept = postsOf(existing, keptRows);
  const all = [...kept.posts, ...added];
  const plans: SheetPlan[] = [
    payScalesSheet(catalog, catalogYears, rowsByHeaders(pay, PAY_SCALE_HEADERS), awards),
    onCostsSheet(catalog.pay, catalogYears, onCosts, awards),
    forecastRatesSheet(catalog, settings, parameterValues.length === 4 ? parameterValues : undefined),
    forecastSheet(catalog, { posts: added, settings, existingRows: keptRows }),
    forecastSummarySheet({ settings, costCentres: distinct(all.map((p) => p.costCentre)), roles: distinct(all.map((p) => p.role)) }),
  ];
  // All five sheets in one go where the workbook can (one snapshot, shared round trips), in the order above.
  const results: BuildForecastOutcome["results"] = await writePlans(workbook, plans, options);
  let forecast: Forecast | null = null;
  const problems = [...fromPlan.problems, ...kept.problems];
  try {
    forecast = forecastPay(catalog.pay, all, settings);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return { results, postsAdded: added.length, postsKept: keptRows.length, forecast, problems };
}
