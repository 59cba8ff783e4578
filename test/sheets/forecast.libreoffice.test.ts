import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import { type ForecastGroup, forecastBy, horizonYears, monthsOfYear } from "../../src/domain";
import { FORECAST_HEADER_ROW, forecastWorkbookPlans, monthHeader, totalHeader } from "../../src/sheets/forecast";
import { wfp } from "../support/cli";
import { recalculateWithLibreOffice, recalculatedTableAt } from "../support/libreoffice";
import { FORECAST_FLAGS, catalog, domain, expectByYearAsPrinted, expectGroupsAsShown, expectMonthsAsShown, expectPenny, headerRowOf, posts, printedYears, settings, teamCsv } from "./forecastChecks";

/**
 * The Forecast sheet is proved, not trusted: written to .xlsx with its native formulas, recalculated by
 * LibreOffice, and every post-year must equal the domain's forecast within a penny; the CLI's JSON too. The
 * summary shows money under the one rounding rule, so its figures are checked to the very penny: the By year rows
 * equal what `wfp forecast` prints, and every row's lines add up to its Total.
 */
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
