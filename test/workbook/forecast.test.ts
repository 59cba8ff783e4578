import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import type { ForecastSettings, PlannedPost } from "../../src/domain";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { FORECAST_TABLES, monthHeader } from "../../src/sheets/forecast";
import { type SheetPlan, columnLetter, parseRange } from "../../src/sheets/plan";
import { onCostsSheet, payScalesSheet } from "../../src/sheets/payReference";
import { staffingPlanSheet } from "../../src/sheets/staffingPlan";
import { buildStaffingPlan } from "../../src/workbook/costing";
import { buildForecast } from "../../src/workbook/forecast";

const catalog = defaultCatalog();
const settings: ForecastSettings = { fromYear: "2026/27", years: 3, awards: { "2027/28": 2.5 }, pensionBasis: "employer", includeLevy: false, vacancyFactor: 0, proration: "monthly" };
const post = (name: string, band: PlannedPost["band"]): PlannedPost => ({ post: name, role: "Liaison practitioner", band, point: "top", wte: 1, hcasZone: "none", status: "In post" });

const planParameters = { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0 } as const;

async function planned(workbook: MemoryWorkbook, posts: PlannedPost[]) {
  await buildStaffingPlan(workbook, catalog, { posts, parameters: planParameters });
}

describe("building the forecast in a workbook", () => {
  it("writes the reference tables first, then the Forecast from the staffing plan and its summary", async () => {
    const workbook = new MemoryWorkbook();
    await planned(workbook, [post("A", "5"), post("B", "8a")]);
    const outcome = await buildForecast(workbook, catalog, { settings });
    expect(outcome.results.map((r) => [r.key, r.result.status])).toEqual([
      ["pay-scales", "written"],
      ["on-costs", "written"],
      ["forecast-rates", "written"],
      ["forecast", "written"],
      ["forecast-summary", "written"],
    ]);
    expect([outcome.postsAdded, outcome.postsKept]).toEqual([2, 0]);
    const forecast = (await workbook.readTable(FORECAST_TABLES.posts))!;
    expect(forecast.rows.map((r) => r[0])).toEqual(["A", "B"]);
    expect(forecast.headers).toContain(monthHeader("2029-03"));
    expect(outcome.forecast!.years.map((y) => y.year)).toEqual(["2026/27", "2027/28", "2028/29"]);
    expect(outcome.forecast!.years[1]!.award).toBe(2.5);
    // Assumed years sit in Pay scales as formulas over the award, marked assumed.
    const pay = (await workbook.readTable("Pay_Scales"))!;
    expect(pay.rows.filter((r) => r[1] === "2028/29").every((r) => r[7] === "assumed")).toBe(true);
    const awards = (await workbook.readTable("Pay_Awards"))!;
    expect(awards.rows.map((r) => [r[0], r[1]])).toEqual([["2026/27", null], ["2027/28", 0.025], ["2028/29", 0]]);
  });

  it("keeps what the user did on a rebuild: dates and WTE typed in the Forecast, an award typed in the workbook, parameters", async () => {
    const workbook = new MemoryWorkbook();
    await planned(workbook, [post("A", "5"), post("B", "6")]);
    await buildForecast(workbook, catalog, { settings });
    const t = workbook.getTable(FORECAST_TABLES.posts)!;
    const r = parseRange(t.address);
    const col = (h: string) => columnLetter(r.left + t.headers.indexOf(h));
    workbook.userTypes("Forecast", `${col("End date")}${r.top + 2}`, 46400);
    workbook.userTypes("Forecast", `${col("Cost centre")}${r.top + 1}`, "CC*1");
    const awards = workbook.getTable("Pay_Awards")!;
    workbook.userTypes("Pay scales", `B${parseRange(awards.address).top + 3}`, 0.04);
    const params = workbook.getTable(FORECAST_TABLES.parameters)!;
    workbook.userTypes("Forecast rates", `B${parseRange(params.address).top + 3}`, 0.05);
    await planned(workbook, [post("C", "7")]);

    const again = await buildForecast(workbook, catalog, { settings: { ...settings, awards: {} } });
    expect(again.results.every((x) => x.result.status === "written")).toBe(true);
    expect([again.postsKept, again.postsAdded]).toEqual([2, 1]);
    const rows = (await workbook.readTable(FORECAST_TABLES.posts))!;
    const at = (h: string) => rows.headers.indexOf(h);
    expect(rows.rows.map((x) => [x[0], x[at("Cost centre")], x[at("End date")]])).toEqual([
      ["A", "CC*1", null],
      ["B", null, 46400],
      ["C", null, null],
    ]);
    expect((await workbook.readTable("Pay_Awards"))!.rows.map((x) => x[1])).toEqual([null, 0.025, 0.04]);
    expect(again.forecast!.settings.vacancyFactor).toBe(0.05);
    expect(again.forecast!.years[2]!.award).toBe(4);
    expect(again.forecast!.posts[1]!.post.endDate).toBe("2027-01-13");
    // The staffing plan's own rebuild keeps the forecast's assumed years in Pay scales.
    await planned(workbook, []);
    const pay = (await workbook.readTable("Pay_Scales"))!;
    expect(pay.rows.filter((x) => x[1] === "2028/29" && x[7] === "assumed").length).toBeGreaterThan(20);
  });

  it("takes each post's start date, end date and cost centre from the staffing plan, and a plan rebuild keeps the user's", async () => {
    const workbook = new MemoryWorkbook();
    const joiner: PlannedPost = { ...post("J", "6"), costCentre: "CC*", startDate: "2026-06-15", endDate: "2027-11-30" };
    await planned(workbook, [joiner, post("K", "4")]);
    const plan = workbook.getTable("Staffing_Plan")!;
    const p = parseRange(plan.address);
    const at = (h: string) => `${columnLetter(p.left + plan.headers.indexOf(h))}`;
    expect(plan.headers.slice(8, 11)).toEqual(["Start date", "End date", "Cost centre"]);
    // The user gives K a cost centre and moves J's last day: a plan rebuild keeps both, as it keeps any input.
    workbook.userTypes("Staffing plan", `${at("Cost centre")}${p.top + 2}`, "CC2");
    workbook.userTypes("Staffing plan", `${at("End date")}${p.top + 1}`, 46630); // 2027-08-31
    await planned(workbook, [post("L", "5")]);
    const rebuilt = (await workbook.readTable("Staffing_Plan"))!;
    const col = (h: string) => rebuilt.headers.indexOf(h);
    expect(rebuilt.rows.map((r) => [r[0], r[col("Start date")], r[col("End date")], r[col("Cost centre")]])).toEqual([
      ["J", 46188, 46630, "CC*"],
      ["K", null, null, "CC2"],
      ["L", null, null, null],
    ]);
    const outcome = await buildForecast(workbook, catalog, { settings });
    expect(outcome.problems).toEqual([]);
    const forecast = outcome.forecast!.posts.map((x) => x.post);
    expect(forecast.map((x) => [x.post, x.costCentre, x.startDate, x.endDate])).toEqual([
      ["J", "CC*", "2026-06-15", "2027-08-31"],
      ["K", "CC2", undefined, undefined],
      ["L", "", undefined, undefined],
    ]);
    const rows = (await workbook.readTable(FORECAST_TABLES.posts))!;
    expect(rows.rows[0]!.slice(0, 11)).toEqual(["J", "Liaison practitioner", "CC*", 6, "top", 1, "none", "In post", null, 46188, 46630]);
  });

  it("rebuilds a staffing plan made before the forecast's columns in place: rows kept, the new columns blank, the role list moved clear", async () => {
    const workbook = new MemoryWorkbook();
    const years = catalog.pay.payScales.map((x) => x.year);
    await workbook.writeSheetPlan(payScalesSheet(catalog, years));
    await workbook.writeSheetPlan(onCostsSheet(catalog.pay, years));
    // The plan as the add-in wrote it before: eight input columns, the role list in column R.
    const current = staffingPlanSheet(catalog, { posts: [post("A", "5")], parameters: planParameters, roleTitles: ["Liaison practitioner"] });
    const before = (i: number) => i < 8 || i > 10;
    const old: SheetPlan = {
      ...current,
      blocks: current.blocks.map((b) => {
        if (b.kind === "table" && b.name === "Staffing_Plan") return { ...b, columns: b.columns.filter((_, i) => before(i)), rows: b.rows.map((r) => r.filter((_, i) => before(i))), totals: b.totals!.filter((_, i) => before(i)) };
        return b.kind === "range" && b.at.startsWith("U") ? { ...b, at: b.at.replace(/^U/, "R") } : b;
      }),
      names: current.names!.map((n) => ({ ...n, at: n.at.replace(/U(\d+)/g, "R$1") })),
      conditionalFormats: [],
    };
    expect((await workbook.writeSheetPlan(old)).status).toBe("written");
    expect(workbook.getTable("Staffing_Plan")!.headers).toHaveLength(16);

    const again = await buildStaffingPlan(workbook, catalog, { posts: [], parameters: planParameters });
    expect(again.results.every((r) => r.result.status === "written")).toBe(true);
    const plan = (await workbook.readTable("Staffing_Plan"))!;
    expect(plan.headers.slice(7, 12)).toEqual(["Start date in band", "Start date", "End date", "Cost centre", "Full-time pay"]);
    expect(plan.rows.map((r) => r.slice(0, 11))).toEqual([["A", "Liaison practitioner", 5, "top", 1, "none", "In post", null, null, null, null]]);
    expect(workbook.cell("Staffing plan", `U${parseRange(plan.address).top}`).value).toBe("Roles for the drop-down");
    expect(workbook.cell("Staffing plan", `R${parseRange(plan.address).top}`).value).toBe("Total");
  });

  it("reads the Forecast whole when the user renamed one of its input columns, and loses no row", async () => {
    const workbook = new MemoryWorkbook();
    await planned(workbook, [post("A", "5"), post("B", "6")]);
    await buildForecast(workbook, catalog, { settings });
    const t = workbook.getTable(FORECAST_TABLES.posts)!;
    const r = parseRange(t.address);
    workbook.userTypes("Forecast", `${columnLetter(r.left + t.headers.indexOf("Role"))}${r.top + 2}`, "Team leader");
    workbook.userTypes("Forecast", `${columnLetter(r.left + t.headers.indexOf("Cost centre"))}${r.top}`, "Cost code");
    await expect(workbook.readTables([{ name: FORECAST_TABLES.posts, columns: ["Post", "Cost centre"] }])).rejects.toMatchObject({ code: "no-such-column" });
    const again = await buildForecast(workbook, catalog, { settings });
    expect([again.postsKept, again.postsAdded]).toEqual([2, 0]);
    expect(again.forecast!.posts.map((x) => [x.post.post, x.post.role])).toEqual([["A", "Liaison practitioner"], ["B", "Team leader"]]);
  });

  it("says which rows it could not cost", async () => {
    const workbook = new MemoryWorkbook();
    const outcome = await buildForecast(workbook, catalog, { settings, posts: [] });
    expect(outcome.problems).toEqual([]);
    const t = workbook.getTable(FORECAST_TABLES.posts)!;
    workbook.userAddsTableRow(FORECAST_TABLES.posts, ["X", "", "", "8e"]);
    const again = await buildForecast(workbook, catalog, { settings, posts: [] });
    expect(again.problems[0]).toContain(`Row ${parseRange(t.address).top + 1}: '8e' is not an Agenda for Change band`);
  });
});
