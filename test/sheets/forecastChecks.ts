// What the Forecast LibreOffice tests share: the 200-post, 3-year case, the domain's forecast of it, and the checks of
// the recalculated summary (to the penny, under the one rounding rule). The tests are in two files that run in
// parallel: forecast.libreoffice.test.ts and forecastLive.libreoffice.test.ts.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { expect } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { type Forecast, type ForecastGroup, type ForecastPost, type ForecastSettings, type Lines, forecastBy, forecastPay, roundPennies, roundedCostLines } from "../../src/domain";
import { wfp } from "../support/cli";
import { sampleForecastPosts } from "../support/forecastPosts";
import { recalculatedTableAt, resultOf } from "../support/libreoffice";

export const catalog = defaultCatalog();
export const roles = catalog.roles.map((r) => r.title);
export const settings: ForecastSettings = {
  fromYear: "2026/27",
  years: 3,
  awards: { "2027/28": 2.5, "2028/29": 3 },
  funded: { "2027/28": 1.5 },
  pensionBasis: "employer",
  includeLevy: true,
  vacancyFactor: 0.03,
  proration: "monthly",
};
export const posts = sampleForecastPosts(200, roles);
export const domain = forecastPay(catalog.pay, posts, settings);

export function headerRowOf(workbook: ExcelJS.Workbook, sheetName: string, firstHeader: string, after = 0): number {
  let found = 0;
  workbook.getWorksheet(sheetName)!.eachRow((row, n) => {
    if (found === 0 && n > after && row.getCell(1).value === firstHeader) found = n;
  });
  return found;
}

export function expectPenny(actual: unknown, expected: number, where: string): void {
  // The usual case needs no expect() (tests check thousands of figures, and its bookkeeping is slow); expect reports a miss.
  if (typeof actual === "number" && Math.abs(actual - expected) < 0.01) return;
  expect(typeof actual, `${where}: ${String(actual)}`).toBe("number");
  expect(Math.abs((actual as number) - expected), `${where}: ${String(actual)} vs ${expected}`).toBeLessThan(0.01);
}

/** Whole pennies of a recalculated figure the sheet rounded (ROUND(…,2) leaves no fraction of a penny). */
export function penniesOf(actual: unknown, where: string): number {
  if (typeof actual === "number" && Math.abs(actual * 100 - Math.round(actual * 100)) < 1e-6) return Math.round(actual * 100);
  expect(typeof actual, `${where}: ${String(actual)}`).toBe("number");
  const pence = (actual as number) * 100;
  expect(Math.abs(pence - Math.round(pence)), `${where}: ${String(actual)} is not a whole number of pennies`).toBeLessThan(1e-6);
  return Math.round(pence);
}

/** The very same penny: for the figures the summary rounds, compared with what is printed. */
export function expectSamePenny(actual: unknown, expected: number, where: string): void {
  const pennies = penniesOf(actual, where);
  if (pennies === Math.round(expected * 100)) return;
  expect(pennies, `${where}: ${String(actual)} vs ${expected}`).toBe(Math.round(expected * 100));
}

/** The summary's lines, in their order, as the domain names them. */
export const LINE_HEADERS = ["Basic", "HCAS", "Employer NI", "Pension", "Levy", "Total", "Drift", "Award gap"];
export const LINE_KEYS = ["basic", "hcas", "employerNI", "pension", "levy", "total", "drift", "awardGap"] as const;
type SummaryLines = Record<(typeof LINE_KEYS)[number], number>;

/** A summary row as shown: the cost lines and total by roundedCostLines, drift and award gap each to the penny. */
export const shown = (lines: Lines & { drift: number; awardGap: number }): SummaryLines => ({ ...roundedCostLines(lines), drift: roundPennies(lines.drift), awardGap: roundPennies(lines.awardGap) });

export function expectLines(cells: readonly unknown[], lines: SummaryLines, where: string): void {
  LINE_KEYS.forEach((k, i) => expectSamePenny(cells[i], lines[k], `${where} ${k}`));
}

/** A recalculated row's cost lines add up to its Total, to the penny exactly. */
export function expectAddsUp(lines: readonly unknown[], total: unknown, where: string): void {
  expect(
    lines.reduce<number>((sum, l, i) => sum + penniesOf(l, `${where} line ${i + 1}`), 0),
    `${where}: lines ${lines.map(String).join(" + ")} vs total ${String(total)}`,
  ).toBe(penniesOf(total, `${where} total`));
}

/** A team as a CSV for `wfp forecast`. */
export function teamCsv(team: readonly ForecastPost[]): string {
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
export const FORECAST_FLAGS = ["--from", "2026/27", "--years", "3", "--award", "2027/28=2.5,2028/29=3", "--funded", "2027/28=1.5", "--levy", "--vacancy", "0.03"];

/** `wfp forecast`'s printed year rows: year, then basic … budget as numbers (the printed pounds and pence). */
export async function printedYears(team: readonly ForecastPost[], flags: readonly string[]): Promise<{ year: string; figures: number[] }[]> {
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
export function expectByYearAsPrinted(workbook: ExcelJS.Workbook, forecast: Forecast, printed: { year: string; figures: number[] }[]): void {
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
export function expectMonthsAsShown(workbook: ExcelJS.Workbook, forecast: Forecast): void {
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
export function expectGroupsAsShown(workbook: ExcelJS.Workbook, forecast: Forecast, first: string, group: ForecastGroup): unknown[][] {
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
