import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import { type ForecastSettings, forecastBy, forecastPay, horizonYears, monthsOfYear } from "../../src/domain";
import { FORECAST_HEADER_ROW, forecastWorkbookPlans, monthHeader, totalHeader } from "../../src/sheets/forecast";
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

describe("a 200-post, 3-year forecast recalculated by LibreOffice", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), "wfp-forecast-")), "forecast.xlsx");
    await writeXlsx(forecastWorkbookPlans(catalog, posts, settings), path);
    workbook = await recalculateWithLibreOffice(path);
  }, 240_000);

  it("equals the domain for every post-year and every month cell, within a penny", () => {
    const { headers, rows } = recalculatedTableAt(workbook, "Forecast", FORECAST_HEADER_ROW);
    expect(rows).toHaveLength(200);
    const col = (h: string) => headers.indexOf(h);
    expect(rows.map((r) => r[col("Check")])).toEqual(posts.map(() => "OK"));
    const months = horizonYears(settings.fromYear, settings.years).flatMap(monthsOfYear);
    domain.posts.forEach((p, i) => {
      expect(rows[i]![0]).toBe(p.post.post);
      for (const y of p.years) expectPenny(rows[i]![col(totalHeader(y.year))], y.total, `${p.post.post} ${y.year}`);
      months.forEach((m, j) => expectPenny(rows[i]![col(monthHeader(m.key))], p.monthsPay[j]!, `${p.post.post} ${m.key}`));
    });
  });

  it("summarises each year, month, cost centre (literally), band and role as the domain does", () => {
    const byYear = recalculatedTableAt(workbook, "Forecast summary", headerRowOf(workbook, "Forecast summary", "Year"));
    expect(byYear.rows.map((r) => r[0])).toEqual(domain.years.map((y) => y.year));
    domain.years.forEach((y, i) => {
      const r = byYear.rows[i]!;
      expectPenny(r[1], y.basic + y.hcas, `basic and HCAS ${y.year}`);
      expectPenny(r[2], y.employerNI, `NI ${y.year}`);
      expectPenny(r[3], y.pension, `pension ${y.year}`);
      expectPenny(r[4], y.levy, `levy ${y.year}`);
      expectPenny(r[5], y.total, `total ${y.year}`);
      expectPenny(r[6], y.vacancy, `vacancy ${y.year}`);
      expectPenny(r[7], y.budget, `budget ${y.year}`);
    });
    const byMonth = recalculatedTableAt(workbook, "Forecast summary", headerRowOf(workbook, "Forecast summary", "Month"));
    expect(byMonth.rows).toHaveLength(36);
    domain.months.forEach((m, i) => expectPenny(byMonth.rows[i]![5], m.total, `month ${m.month}`));
    const centres = recalculatedTableAt(workbook, "Forecast summary", headerRowOf(workbook, "Forecast summary", "Cost centre"));
    const expected = forecastBy(domain, "costCentre");
    expect(centres.rows.map((r) => r[0])).toEqual(["CC1", "CC*", "=CC1", "cc1", "CC2?"]);
    for (const r of centres.rows) {
      domain.years.forEach((y, i) => {
        const group = expected.find((g) => g.key === r[0] && g.year === y.year)!;
        expectPenny(r[1 + i], group.total, `cost centre ${String(r[0])} ${y.year}`);
      });
    }
    const bands = recalculatedTableAt(workbook, "Forecast summary", headerRowOf(workbook, "Forecast summary", "Band"));
    const byBand = forecastBy(domain, "band");
    for (const r of bands.rows) {
      domain.years.forEach((y, i) => expectPenny(r[1 + i], byBand.find((g) => g.key === String(r[0]) && g.year === y.year)?.total ?? 0, `band ${String(r[0])} ${y.year}`));
    }
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
