import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import { type ForecastSettings, forecastBy, forecastPay, horizonYears, isoOf, monthsOfYear } from "../../src/domain";
import { FORECAST_HEADER_ROW, FORECAST_INPUT_HEADERS, forecastWorkbookPlans, monthHeader, totalHeader } from "../../src/sheets/forecast";
import { type PlanCell, type TableBlock, excelDate } from "../../src/sheets/plan";
import { wfp } from "../support/cli";
import { sampleForecastPosts } from "../support/forecastPosts";
import { recalculateWithLibreOffice, recalculatedTableAt } from "../support/libreoffice";

/**
 * The Forecast sheet is proved, not trusted: written to .xlsx with its native formulas, recalculated by
 * LibreOffice, and every post-year must equal the domain's forecast within a penny; the CLI's JSON too.
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

/** The summary's lines, in their order, as the domain names them. */
const LINE_HEADERS = ["Basic", "HCAS", "Employer NI", "Pension", "Levy", "Total", "Drift", "Award gap"];
const LINE_KEYS = ["basic", "hcas", "employerNI", "pension", "levy", "total", "drift", "awardGap"] as const;

function expectLines(cells: readonly unknown[], lines: Record<(typeof LINE_KEYS)[number], number>, where: string): void {
  LINE_KEYS.forEach((k, i) => expectPenny(cells[i], lines[k], `${where} ${k}`));
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

  it("summarises each year, month, cost centre (literally), band and role as the domain does: every line, drift and award gap", () => {
    const byYear = recalculatedTableAt(workbook, "Forecast summary", headerRowOf(workbook, "Forecast summary", "Year"));
    expect(byYear.headers).toEqual(["Year", ...LINE_HEADERS, "Vacancy", "Budget"]);
    expect(byYear.rows.map((r) => r[0])).toEqual(domain.years.map((y) => y.year));
    domain.years.forEach((y, i) => {
      const r = byYear.rows[i]!;
      expectLines(r.slice(1), y, y.year);
      expectPenny(r[9], y.vacancy, `vacancy ${y.year}`);
      expectPenny(r[10], y.budget, `budget ${y.year}`);
    });
    // The rows are not vacuous: steps drift every year, and the year with a funded rate below its award has a gap.
    expect(domain.years.every((y) => y.drift > 1000)).toBe(true);
    expect(domain.years.map((y) => y.awardGap > 1000)).toEqual([false, true, false]);
    const byMonth = recalculatedTableAt(workbook, "Forecast summary", headerRowOf(workbook, "Forecast summary", "Month"));
    expect(byMonth.rows).toHaveLength(36);
    domain.months.forEach((m, i) => expectPenny(byMonth.rows[i]![5], m.total, `month ${m.month}`));
    const groups = (first: string, group: "costCentre" | "band" | "role") => {
      const table = recalculatedTableAt(workbook, "Forecast summary", headerRowOf(workbook, "Forecast summary", first));
      expect(table.headers).toEqual([first, "Year", ...LINE_HEADERS]);
      const expected = forecastBy(domain, group);
      for (const r of table.rows) {
        const found = expected.find((g) => g.key === String(r[0]) && g.year === r[1]);
        expectLines(r.slice(2), found ?? { basic: 0, hcas: 0, employerNI: 0, pension: 0, levy: 0, total: 0, drift: 0, awardGap: 0 }, `${first} ${String(r[0])} ${String(r[1])}`);
      }
      return table.rows;
    };
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
    edited.years.forEach((y, i) => expectLines(byYear.rows[i]!.slice(1), y, `edited ${y.year}`));
  }, 240_000);
});

describe("wfp forecast --json", () => {
  it("prints the domain's years, posts and months to the penny", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wfp-forecast-cli-"));
    const csv = join(dir, "team.csv");
    const cell = (v: unknown) => (v === undefined ? "" : /[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    writeFileSync(
      csv,
      ["Post,Role,Cost centre,Band,Point,WTE,HCAS zone,Status,Start date in band,Start date,End date", ...posts.map((p) => [p.post, p.role, p.costCentre, p.band, p.point, p.wte, p.hcasZone, p.status, p.startInBand, p.startDate, p.endDate].map(cell).join(","))].join("\n"),
    );
    const { code, stdout, stderr } = await wfp("forecast", "--team", csv, "--from", "2026/27", "--years", "3", "--award", "2027/28=2.5,2028/29=3", "--funded", "2027/28=1.5", "--levy", "--vacancy", "0.03", "--json");
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
