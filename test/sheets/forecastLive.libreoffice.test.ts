import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import { type ForecastSettings, forecastPay, isoOf } from "../../src/domain";
import { FORECAST_INPUT_HEADERS, forecastWorkbookPlans } from "../../src/sheets/forecast";
import { type PlanCell, type TableBlock, excelDate } from "../../src/sheets/plan";
import { sampleForecastPosts } from "../support/forecastPosts";
import { LibreOfficeBatch, recalculatedTableAt } from "../support/libreoffice";
import { catalog, domain, expectAddsUp, expectByYearAsPrinted, expectGroupsAsShown, expectLines, expectMonthsAsShown, headerRowOf, posts, printedYears, roles, settings, shown } from "./forecastChecks";

/** The file's two workbooks, recalculated in one LibreOffice run. */
const batch = new LibreOfficeBatch();

/**
 * The Forecast summary under other settings, and its drift and award gap as live formulas: the workbook edited,
 * recalculated by LibreOffice, equal to the domain given the same edits (see forecast.libreoffice.test.ts).
 */
describe("the summary under other settings: full pension, no levy, calendar proration, a funded catalog year", () => {
  const team = sampleForecastPosts(60, roles);
  const other: ForecastSettings = { fromYear: "2026/27", years: 2, awards: {}, funded: { "2026/27": 2 }, pensionBasis: "full", includeLevy: false, vacancyFactor: 0.05, proration: "calendar" };
  const recalculatedOther = batch.add(async () => {
    const path = join(mkdtempSync(join(tmpdir(), "wfp-forecast-other-")), "forecast.xlsx");
    await writeXlsx(forecastWorkbookPlans(catalog, team, other), path);
    return path;
  });

  it("shows each year as `wfp forecast` prints it and every row adds up, to the penny", async () => {
    const flags = ["--from", "2026/27", "--years", "2", "--funded", "2026/27=2", "--pension", "full", "--vacancy", "0.05", "--proration", "calendar"];
    const forecast = forecastPay(catalog.pay, team, other);
    // Not vacuous: a gap where the funded rate is below the catalog's award, and no levy.
    expect(forecast.years[0]!.awardGap).toBeGreaterThan(100);
    expect(forecast.years.every((y) => y.levy === 0 && y.pension > 0)).toBe(true);
    const recalculated = await recalculatedOther();
    expectByYearAsPrinted(recalculated, forecast, await printedYears(team, flags));
    expectMonthsAsShown(recalculated, forecast);
    expectGroupsAsShown(recalculated, forecast, "Cost centre", "costCentre");
    expectGroupsAsShown(recalculated, forecast, "Band", "band");
    expectGroupsAsShown(recalculated, forecast, "Role", "role");
  }, 240_000);
});

describe("the summary's drift and award gap are live formulas", () => {
  // A post that steps inside 2026/27 now joins the day after that step: it no longer drifts that year.
  const stepping = domain.posts.find((p) => p.years[0]!.drift > 0 && !p.post.startDate)!;
  const step = stepping.ladder.steps.find((d) => isoOf(d) >= "2026-04-01" && isoOf(d) <= "2027-03-31")!;
  const joins = isoOf(step + 1);
  const recalculatedEdited = batch.add(async () => {
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
    return path;
  });

  it("follow a start date, an award and a funded rate edited in the workbook, equal to the domain given the same edits", async () => {
    const editedPosts = posts.map((p) => (p === stepping.post ? { ...p, startDate: joins } : p));
    // The 2027/28 award goes up a point, and 2026/27 (a catalog year) is given a funded rate it had not.
    const editedSettings: ForecastSettings = { ...settings, awards: { ...settings.awards, "2027/28": 3.5 }, funded: { ...settings.funded, "2026/27": 2.8 } };
    const edited = forecastPay(catalog.pay, editedPosts, editedSettings);
    expect(edited.years[0]!.drift).toBeLessThan(domain.years[0]!.drift - 1);
    expect(edited.years[1]!.awardGap).toBeGreaterThan(domain.years[1]!.awardGap + 1000);
    expect(domain.years[0]!.awardGap).toBe(0);
    expect(Math.abs(edited.years[0]!.awardGap)).toBeGreaterThan(1000);

    const recalculated = await recalculatedEdited();
    const byYear = recalculatedTableAt(recalculated, "Forecast summary", headerRowOf(recalculated, "Forecast summary", "Year"));
    edited.years.forEach((y, i) => {
      expectLines(byYear.rows[i]!.slice(1), shown(y), `edited ${y.year}`);
      expectAddsUp(byYear.rows[i]!.slice(1, 6), byYear.rows[i]![6], `edited ${y.year}`);
    });
  }, 240_000);
});
