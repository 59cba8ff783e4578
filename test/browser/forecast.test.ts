/**
 * The Forecast tab in the built task pane, in Debian's chromium over the in-memory demo workbook: a staffing plan
 * built through the Costing tab, then the forecast built from it (two years, an assumed award and a funded rate),
 * each year's total, drift and award gap shown in the pane; an end date typed into the Forecast sheet, and a
 * refresh that keeps it and shows the lower cost. No console errors, nothing sent offsite, nothing wider than the pane.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { type Lines, forecastPay, roundedCostLines } from "../../src/domain";
import { ROOT, openTab, screenshot, taskPaneInChromium, waitVisible } from "../support/browser";

const pane = taskPaneInChromium();
const catalog = defaultCatalog();
const pounds = (n: number) => `£${(Math.round(n * 100) / 100).toLocaleString("en-GB", { maximumFractionDigits: 0 })}`;
/** A year's Total as the pane shows it: the sum of its lines rounded to the penny (the Forecast summary's), to the pound. */
const total = (year: Lines) => pounds(roundedCostLines(year).total);

describe("Forecast tab in chromium", () => {
  it("builds the forecast from the staffing plan, shows each year, and refreshes keeping an end date typed on the sheet", async () => {
    const { session, page, found } = await pane.open("?workbook=memory");
    const costing = page.getByRole("tab", { name: "Costing" });
    await waitVisible(costing);
    await costing.click();
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    const plan = page.getByRole("tabpanel", { name: "Plan", exact: true });
    await plan.getByRole("textbox", { name: "Post name" }).fill("Practitioner 1");
    await plan.getByRole("combobox", { name: "Band" }).selectOption("6");
    await plan.getByRole("button", { name: "Add post" }).click();
    await plan.getByRole("textbox", { name: "Post name" }).fill("Peer worker");
    await plan.getByRole("combobox", { name: "Band" }).selectOption("4");
    await plan.getByRole("textbox", { name: "WTE" }).fill("0.6");
    await plan.getByRole("button", { name: "Add post" }).click();
    await plan.getByRole("button", { name: "Build staffing plan" }).click();
    await waitVisible(plan.getByText("Staffing plan built"), 20_000);

    // The tab row shows the tabs that fit and puts the rest under "More".
    const panel = await openTab(page, "Forecast");
    await panel.getByRole("combobox", { name: "First year" }).selectOption("2026/27");
    await panel.getByRole("combobox", { name: "Years" }).selectOption("2");
    await panel.getByRole("textbox", { name: "Award 2027/28" }).fill("2.5");
    await panel.getByRole("textbox", { name: "Funded 2027/28" }).fill("1.5");
    await panel.getByRole("button", { name: "Build forecast" }).click();
    await waitVisible(panel.getByText("Forecast built"), 30_000);

    const read = () =>
      page.evaluate(async () => {
        const wb = window.wfpWorkbook!;
        const t = (await wb.readTable("Forecast"))!;
        return { sheets: wb.sheetNames(), headers: t.headers, rows: t.rows.map((r) => r.slice(0, 11)), address: t.address };
      });
    const built = await read();
    expect(built.sheets).toEqual(["Sheet1", "Pay scales", "On-costs", "Staffing plan", "Plan summary", "Forecast rates", "Forecast", "Forecast summary"]);
    expect(built.rows.map((r) => [r[0], r[3], r[5]])).toEqual([["Practitioner 1", 6, 1], ["Peer worker", 4, 0.6]]);
    expect(built.headers).toContain("Mar 2028");

    const settings = { fromYear: "2026/27", years: 2, awards: { "2027/28": 2.5 }, funded: { "2027/28": 1.5 }, pensionBasis: "employer", includeLevy: false, vacancyFactor: 0, proration: "monthly" } as const;
    const posts = [
      { post: "Practitioner 1", role: "", costCentre: "", band: "6", point: "top", wte: 1, hcasZone: "none", status: "In post" },
      { post: "Peer worker", role: "", costCentre: "", band: "4", point: "top", wte: 0.6, hcasZone: "none", status: "In post" },
    ] as const;
    const expected = forecastPay(catalog.pay, posts, settings);
    const table = panel.getByRole("table", { name: "Forecast by year" });
    const rowText = async (i: number) => (await table.getByRole("row").nth(i + 1).textContent()) ?? "";
    expect(await rowText(0)).toContain(total(expected.years[0]!));
    expect(await rowText(1)).toContain("assumed, 2.5% award");
    expect(await rowText(1)).toContain(total(expected.years[1]!));
    expect(await rowText(1)).toContain(pounds(expected.years[1]!.awardGap));
    expect(expected.years[1]!.awardGap).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, path.join(ROOT, "test-results/forecast.png"));

    // The user gives the peer worker a last day on the Forecast sheet; a refresh keeps it and costs less.
    await page.evaluate(() => {
      const wb = window.wfpWorkbook!;
      const t = wb.getTable("Forecast")!;
      const top = Number(/\d+/.exec(t.address)![0]);
      wb.userTypes(t.sheet, `K${top + 2}`, 46387); // 2026-12-31
    });
    await panel.getByRole("button", { name: "Refresh forecast" }).click();
    await expect.poll(async () => (await rowText(0)).includes(total(forecastPay(catalog.pay, [posts[0], { ...posts[1], endDate: "2026-12-31" }], settings).years[0]!)), { timeout: 30_000 }).toBe(true);
    const after = await read();
    expect(after.rows[1]![10]).toBe(46387);
    expect(after.rows).toHaveLength(2);
    expect(found.errors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  }, 240_000);
});
