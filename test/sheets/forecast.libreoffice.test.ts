import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import { type Forecast, type ForecastGroup, type ForecastPost, type ForecastSettings, type Lines, forecastBy, forecastPay, horizonYears, isoOf, monthsOfYear, roundPennies, roundedCostLines } from "../../src/domain";
import { FORECAST_HEADER_ROW, FORECAST_INPUT_HEADERS, forecastWorkbookPlans, monthHeader, totalHeader } from "../../src/sheets/forecast";
import { type PlanCell, type TableBlock, excelDate } from "../../src/sheets/plan";
import { wfp } from "../support/cli";
import { sampleForecastPosts } from "../support/forecastPosts";
import { recalculateWithLibreOffice, recalculatedTableAt, resultOf } from "../support/libreoffice";

/**
 * The Forecast sheet is proved, not trusted: written to .xlsx with its native formulas, recalculated by
 * LibreOffice, and every post-year must equal the domain's forecast within a penny; the CLI's JSON too. The
 * summary shows money under the one rounding rule, so its figures are checked to the very penny: the By year rows
 * equal what `wfp forecast` prints, and every row's lines add up to its Total.
 */
const catalog = defaultCatalog();
const roles = catalog.roles.map((r) => r.title);
const settings: ForecastSettings = {
  fromYear: "2026/27",
  years: 3,
  awards: { "2027/28": 2.5, "2028/29": 3 },
  funded: { "2027/28": 1.5 },
  pensionBasis: "employer",
  includeLevy: true,
  vacancyFactor: 0.03,
  proration: "monthly",
};
const posts = sampleForecastPosts(200, roles);
const domain = forecastPay(catalog.pay, posts, settings);

function headerRowOf(workbook: ExcelJS.Workbook, sheetName: string, firstHeader: string, after = 0): number {
  let found = 0;
  workbook.getWorksheet(sheetName)!.eachRow((row, n) => {
    if (found === 0 && n > after && row.getCell(1).value === firstHeader) found = n;
  });
  return found;
}

function expectPenny(actual: unknown, expected: number, where: string): void {
  expect(typeof actual, `${where}: ${String(actual)}`).toBe("number");
  expect(Math.abs((actual as number) - expected), `${where}: ${String(actual)} vs ${expected}`).toBeLessThan(0.01);
}

/** Whole pennies of a recalculated figure the sheet rounded (ROUND(…,2) leaves no fraction of a penny). */
function penniesOf(actual: unknown, where: string): number {
  expect(typeof actual, `${where}: ${String(actual)}`).toBe("number");
  const pence = (actual as number) * 100;
  expect(Math.abs(pence - Math.round(pence)), `${where}: ${String(actual)} is not a whole number of pennies`).toBeLessThan(1e-6);
  return Math.round(pence);
}

/** The very same penny: for the figures the summary rounds, compared with what is printed. */
function expectSamePenny(actual: unknown, expected: number, where: string): void {
  expect(penniesOf(actual, where), `${where}: ${String(actual)} vs ${expected}`).toBe(Math.round(expected * 100));
}

/** The summary's lines, in their order, as the domain names them. */
const LINE_HEADERS = ["Basic", "HCAS", "Employer NI", "Pension", "Levy", "Total", "Drift", "Award gap"];
const LINE_KEYS = ["basic", "hcas", "employerNI", "pension", "levy", "total", "drift", "awardGap"] as const;
type SummaryLines = Record<(typeof LINE_KEYS)[number], number>;

/** A summary row as shown: the cost lines and total by roundedCostLines, drift and award gap each to the penny. */
const shown = (lines: Lines & { drift: number; awardGap: number }): SummaryLines => ({ ...roundedCostLines(lines), drift: roundPennies(lines.drift), awardGap: roundPennies(lines.awardGap) });

function expectLines(cells: readonly unknown[], lines: SummaryLines, where: string): void {
  LINE_KEYS.forEach((k, i) => expectSamePenny(cells[i], lines[k], `${where} ${k}`));
}

/** A recalculated row's cost lines add up to its Total, to the penny exactly. */
function expectAddsUp(lines: readonly unknown[], total: unknown, where: string): void {
  expect(
    lines.reduce<number>((sum, l, i) => sum + penniesOf(l, `${where} line ${i + 1}`), 0),
    `${where}: lines ${lines.map(String).join(" + ")} vs total ${String(total)}`,
  ).toBe(penniesOf(total, `${where} total`));
}

/** A team as a CSV for `wfp forecast`. */
function teamCsv(team: readonly ForecastPost[]): string {
  const dir = mkdtempSync(join(tmpdir(), "wfp-forecast-cli-"));
  const csv = join(dir, "team.csv");
  const cell = (v: unknown) => (v === undefined ? "" : /[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  writeFileSync(
    csv,
    ["Post,Role,Cost centre,Band,Point,WTE,HCAS zone,Status,Start date in band,Start date,End date", ...team.map((p) => [p.post, p.role, p.costCentre, p.band, p.point, p.wte, p.hcasZone, p.status, p.startInBand, p.startDate, p.endDate].map(cell).join(","))].join("\n"),
  );
  return csv;
}
/** The flags that give `settings` above. */
const FORECAST_FLAGS = ["--from", "2026/27", "--years", "3", "--award", "2027/28=2.5,2028/29=3", "--funded", "2027/28=1.5", "--levy", "--vacancy", "0.03"];

/** `wfp forecast`'s printed year rows: year, then basic … budget as numbers (the printed pounds and pence). */
async function printedYears(team: readonly ForecastPost[], flags: readonly string[]): Promise<{ year: string; figures: number[] }[]> {
  const { code, stdout, stderr } = await wfp("forecast", "--team", teamCsv(team), ...flags);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const lines = stdout.split("\n");
  expect(lines[1]).toBe("year\tstatus\tbasic\tHCAS\temployer NI\tpension\tlevy\ttotal\tdrift\taward gap\tvacancy\tbudget");
  return lines
    .filter((l) => /^\d{4}\/\d{2}\t/.test(l))
    .map((l) => {
      const [year, , ...money] = l.split("\t");
      for (const m of money) expect(m, l).toMatch(/^-?[\d,]+\.\d\d$/);
      return { year: year!, figures: money.map((m) => Number(m.replace(/,/g, ""))) };
    });
}

/** The recalculated By year rows equal the printed rows figure for figure, and the domain under the rounding rule. */
function expectByYearAsPrinted(workbook: ExcelJS.Workbook, forecast: Forecast, printed: { year: string; figures: number[] }[]): void {
  const byYear = recalculatedTableAt(workbook, "Forecast summary", headerRowOf(workbook, "Forecast summary", "Year"));
  expect(byYear.headers).toEqual(["Year", ...LINE_HEADERS, "Vacancy", "Budget"]);
  expect(printed.map((p) => p.year)).toEqual(forecast.years.map((y) => y.year));
  expect(byYear.rows.map((r) => r[0])).toEqual(forecast.years.map((y) => y.year));
  forecast.years.forEach((y, i) => {
    const r = byYear.rows[i]!;
    expect(printed[i]!.figures).toHaveLength(10);
    printed[i]!.figures.forEach((figure, j) => expectSamePenny(r[j + 1], figure, `${y.year} ${byYear.headers[j + 1]!} as printed`));
    expectLines(r.slice(1), shown(y), y.year);
    expectSamePenny(r[9], roundPennies(y.vacancy), `vacancy ${y.year}`);
    expectAddsUp(r.slice(1, 6), r[6], `By year ${y.year}`);
    expect(penniesOf(r[6], y.year) + penniesOf(r[9], y.year), `budget ${y.year}`).toBe(penniesOf(r[10], y.year));
    expect(Math.abs((r[10] as number) - y.budget), `budget ${y.year}`).toBeLessThan(0.05);
  });
}

/** The recalculated By month rows: each line to the penny as the domain gives it, each row and the totals row adding up. */
function expectMonthsAsShown(workbook: ExcelJS.Workbook, forecast: Forecast): void {
  const monthHeaderRow = headerRowOf(workbook, "Forecast summary", "Month");
  const byMonth = recalculatedTableAt(workbook, "Forecast summary", monthHeaderRow);
  expect(byMonth.headers).toEqual(["Month", "Year", "Basic and HCAS", "Employer NI", "Pension and levy", "Total"]);
  expect(byMonth.rows).toHaveLength(forecast.months.length);
  const { pensionBasis, includeLevy } = forecast.settings;
  forecast.months.forEach((m, i) => {
    // The domain keeps each month's total; its lines follow from the posts' pay that month and the year's rates.
    const r = byMonth.rows[i]!;
    const onCosts = forecast.scales.find((s) => s.year === m.year)!.onCosts;
    const pay = forecast.posts.reduce((sum, p) => sum + p.monthsPay[i]!, 0);
    const rate = (pensionBasis === "full" ? onCosts.pensionFullRate : onCosts.pensionEmployerRate) + (includeLevy ? onCosts.levyRate : 0);
    const expected = [pay, m.total - pay - rate * pay, rate * pay].map(roundPennies);
    expected.forEach((e, j) => expectSamePenny(r[j + 2], e, `month ${m.month} ${byMonth.headers[j + 2]!}`));
    expectAddsUp(r.slice(2, 5), r[5], `month ${m.month}`);
    expect(Math.abs((r[5] as number) - m.total), `month ${m.month}`).toBeLessThan(0.02);
  });
  // The totals row sums the rounded months: its lines add up to its Total too.
  const totals = workbook.getWorksheet("Forecast summary")!.getRow(monthHeaderRow + 1 + byMonth.rows.length);
  expect(totals.getCell(1).value).toBe("Total");
  const totalCells = [3, 4, 5, 6].map((c) => resultOf(totals.getCell(c)));
  totalCells.forEach((t, j) => expect(penniesOf(t, `month totals ${j}`)).toBe(byMonth.rows.reduce((sum, r) => sum + penniesOf(r[j + 2], "month"), 0)));
  expectAddsUp(totalCells.slice(0, 3), totalCells[3], "month totals");
}

/** A recalculated group table (by cost centre, band or role): every row as forecastBy's under the rounding rule, adding up. */
function expectGroupsAsShown(workbook: ExcelJS.Workbook, forecast: Forecast, first: string, group: ForecastGroup): unknown[][] {
  const table = recalculatedTableAt(workbook, "Forecast summary", headerRowOf(workbook, "Forecast summary", first));
  expect(table.headers).toEqual([first, "Year", ...LINE_HEADERS]);
  const expected = forecastBy(forecast, group);
  for (const r of table.rows) {
    const found = expected.find((g) => g.key === String(r[0]) && g.year === r[1]);
    const where = `${first} ${String(r[0])} ${String(r[1])}`;
    expectLines(r.slice(2), shown(found ?? { basic: 0, hcas: 0, employerNI: 0, pension: 0, levy: 0, total: 0, drift: 0, awardGap: 0 }), where);
    expectAddsUp(r.slice(2, 7), r[7], where);
  }
  return table.rows;
}

describe("a 200-post, 3-year forecast recalculated by LibreOffice", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), "wfp-forecast-")), "forecast.xlsx");
    await writeXlsx(forecastWorkbookPlans(catalog, posts, settings), path);
    workbook = await recalculateWithLibreOffice(path);
  }, 240_000);

  it("equals the domain for every post-year (total, HCAS, drift, award gap) and every month cell, within a penny", () => {
    const { headers, rows } = recalculatedTableAt(workbook, "Forecast", FORECAST_HEADER_ROW);
    expect(rows).toHaveLength(200);
    const col = (h: string) => headers.indexOf(h);
    expect(rows.map((r) => r[col("Check")])).toEqual(posts.map(() => "OK"));
    const months = horizonYears(settings.fromYear, settings.years).flatMap(monthsOfYear);
    domain.posts.forEach((p, i) => {
      expect(rows[i]![0]).toBe(p.post.post);
      for (const y of p.years) {
        expectPenny(rows[i]![col(totalHeader(y.year))], y.total, `${p.post.post} ${y.year}`);
        expectPenny(rows[i]![col(`HCAS ${y.year}`)], y.hcas, `${p.post.post} HCAS ${y.year}`);
        expectPenny(rows[i]![col(`Drift ${y.year}`)], y.drift, `${p.post.post} drift ${y.year}`);
        expectPenny(rows[i]![col(`Award gap ${y.year}`)], y.awardGap, `${p.post.post} award gap ${y.year}`);
      }
      months.forEach((m, j) => expectPenny(rows[i]![col(monthHeader(m.key))], p.monthsPay[j]!, `${p.post.post} ${m.key}`));
    });
  });

  it("shows each year as `wfp forecast` prints it, to the penny: every line, the total, drift, award gap, vacancy and budget", async () => {
    expectByYearAsPrinted(workbook, domain, await printedYears(posts, FORECAST_FLAGS));
  });

  it("summarises each month, cost centre (literally), band and role as the domain does, to the penny; every row adds up", () => {
    // The rows are not vacuous: steps drift every year, and the year with a funded rate below its award has a gap.
    expect(domain.years.every((y) => y.drift > 1000)).toBe(true);
    expect(domain.years.map((y) => y.awardGap > 1000)).toEqual([false, true, false]);
    expectMonthsAsShown(workbook, domain);
    const groups = (first: string, group: ForecastGroup) => expectGroupsAsShown(workbook, domain, first, group);
    expect([...new Set(groups("Cost centre", "costCentre").map((r) => r[0]))]).toEqual(["CC1", "CC*", "=CC1", "cc1", "CC2?"]);
    groups("Band", "band");
    expect(groups("Role", "role").length).toBe(forecastBy(domain, "role").length);
  });

  it("extends the Pay scales with assumed years, each point the year before × (1 + award) to the pound", () => {
    const header = headerRowOf(workbook, "Pay scales", "Nation");
    const { rows } = recalculatedTableAt(workbook, "Pay scales", header);
    const scale2028 = domain.scales[2]!;
    const assumed = rows.filter((r) => r[1] === "2028/29");
    expect(assumed.length).toBeGreaterThan(20);
    for (const r of assumed) {
      expect(r[7]).toBe("assumed");
      const points = scale2028.pay.get(String(r[2]) as never)!;
      const index = r[3] === "entry" ? 0 : r[3] === "top" ? points.length - 1 : 1;
      expect(r[4], `${String(r[2])} ${String(r[3])}`).toBe(points[index]);
    }
    expect(workbook.getWorksheet("Forecast rates")).toBeDefined();
  });
});

describe("the summary under other settings: full pension, no levy, calendar proration, a funded catalog year", () => {
  it("shows each year as `wfp forecast` prints it and every row adds up, to the penny", async () => {
    const team = sampleForecastPosts(60, roles);
    const other: ForecastSettings = { fromYear: "2026/27", years: 2, awards: {}, funded: { "2026/27": 2 }, pensionBasis: "full", includeLevy: false, vacancyFactor: 0.05, proration: "calendar" };
    const flags = ["--from", "2026/27", "--years", "2", "--funded", "2026/27=2", "--pension", "full", "--vacancy", "0.05", "--proration", "calendar"];
    const forecast = forecastPay(catalog.pay, team, other);
    // Not vacuous: a gap where the funded rate is below the catalog's award, and no levy.
    expect(forecast.years[0]!.awardGap).toBeGreaterThan(100);
    expect(forecast.years.every((y) => y.levy === 0 && y.pension > 0)).toBe(true);
    const path = join(mkdtempSync(join(tmpdir(), "wfp-forecast-other-")), "forecast.xlsx");
    await writeXlsx(forecastWorkbookPlans(catalog, team, other), path);
    const recalculated = await recalculateWithLibreOffice(path);
    expectByYearAsPrinted(recalculated, forecast, await printedYears(team, flags));
    expectMonthsAsShown(recalculated, forecast);
    expectGroupsAsShown(recalculated, forecast, "Cost centre", "costCentre");
    expectGroupsAsShown(recalculated, forecast, "Band", "band");
    expectGroupsAsShown(recalculated, forecast, "Role", "role");
  }, 240_000);
});

describe("the summary's drift and award gap are live formulas", () => {
  it("follow a start date, an award and a funded rate edited in the workbook, equal to the domain given the same edits", async () => {
    // A post that steps inside 2026/27 now joins the day after that step: it no longer drifts that year.
    const stepping = domain.posts.find((p) => p.years[0]!.drift > 0 && !p.post.startDate)!;
    const step = stepping.ladder.steps.find((d) => isoOf(d) >= "2026-04-01" && isoOf(d) <= "2027-03-31")!;
    const joins = isoOf(step + 1);
    const editedPosts = posts.map((p) => (p === stepping.post ? { ...p, startDate: joins } : p));
    // The 2027/28 award goes up a point, and 2026/27 (a catalog year) is given a funded rate it had not.
    const editedSettings: ForecastSettings = { ...settings, awards: { ...settings.awards, "2027/28": 3.5 }, funded: { ...settings.funded, "2026/27": 2.8 } };
    const edited = forecastPay(catalog.pay, editedPosts, editedSettings);
    expect(edited.years[0]!.drift).toBeLessThan(domain.years[0]!.drift - 1);
    expect(edited.years[1]!.awardGap).toBeGreaterThan(domain.years[1]!.awardGap + 1000);
    expect(domain.years[0]!.awardGap).toBe(0);
    expect(Math.abs(edited.years[0]!.awardGap)).toBeGreaterThan(1000);

    // The same plans with only those two input cells changed, as a user would type them.
    const plans = forecastWorkbookPlans(catalog, posts, settings);
    const table = (name: string) => plans.flatMap((p) => p.blocks).find((b): b is TableBlock => b.kind === "table" && b.name === name)!;
    const forecastRows = table("Forecast").rows as PlanCell[][];
    const row = forecastRows.find((r) => r[0] === stepping.post.post)!;
    expect(row[FORECAST_INPUT_HEADERS.indexOf("Start date")]).toBeNull();
    row[FORECAST_INPUT_HEADERS.indexOf("Start date")] = excelDate(joins);
    const award = (table("Pay_Awards").rows as PlanCell[][]).find((r) => r[0] === "2027/28")!;
    expect(award[1]).toBe(0.025);
    award[1] = 0.035;
    const catalogYear = (table("Pay_Awards").rows as PlanCell[][]).find((r) => r[0] === "2026/27")!;
    expect(catalogYear[2]).toBeNull();
    catalogYear[2] = 0.028;
    const path = join(mkdtempSync(join(tmpdir(), "wfp-forecast-edited-")), "forecast.xlsx");
    await writeXlsx(plans, path);
    const recalculated = await recalculateWithLibreOffice(path);
    const byYear = recalculatedTableAt(recalculated, "Forecast summary", headerRowOf(recalculated, "Forecast summary", "Year"));
    edited.years.forEach((y, i) => {
      expectLines(byYear.rows[i]!.slice(1), shown(y), `edited ${y.year}`);
      expectAddsUp(byYear.rows[i]!.slice(1, 6), byYear.rows[i]![6], `edited ${y.year}`);
    });
  }, 240_000);
});

describe("wfp forecast --json", () => {
  it("prints the domain's years, posts and months to the penny", async () => {
    const { code, stdout, stderr } = await wfp("forecast", "--team", teamCsv(posts), ...FORECAST_FLAGS, "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { years: { year: string; total: number; drift: number; awardGap: number }[]; posts: { post: string; years: { year: string; total: number }[] }[]; months: { month: string; total: number }[] };
    expect(json.years.map((y) => y.year)).toEqual(["2026/27", "2027/28", "2028/29"]);
    domain.years.forEach((y, i) => {
      expectPenny(json.years[i]!.total, y.total, `total ${y.year}`);
      expectPenny(json.years[i]!.drift, y.drift, `drift ${y.year}`);
      expectPenny(json.years[i]!.awardGap, y.awardGap, `award gap ${y.year}`);
    });
    expect(json.years[1]!.awardGap).toBeGreaterThan(0);
    expect(json.years[0]!.drift).toBeGreaterThan(0);
    domain.posts.forEach((p, i) => p.years.forEach((y, j) => expectPenny(json.posts[i]!.years[j]!.total, y.total, `${p.post.post} ${y.year}`)));
    expect(json.months).toHaveLength(36);
    domain.months.forEach((m, i) => expectPenny(json.months[i]!.total, m.total, m.month));
  });
});
