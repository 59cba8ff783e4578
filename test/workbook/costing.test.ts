import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import type { PlanParameters, PlannedPost } from "../../src/domain";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { parseRange } from "../../src/sheets/plan";
import { PLAN_FORMULAS, STAFFING_PLAN_TABLE } from "../../src/sheets/staffingPlan";
import { buildStaffingPlan } from "../../src/workbook/costing";

const catalog = defaultCatalog();
const parameters: PlanParameters = { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0 };
const post = (name: string, band: PlannedPost["band"], wte = 1): PlannedPost => ({
  post: name,
  role: "RECONNECT Peer Support Worker",
  band,
  point: "top",
  wte,
  hcasZone: "none",
  status: "In post",
});

async function planRows(workbook: MemoryWorkbook) {
  const table = (await workbook.readTable(STAFFING_PLAN_TABLE))!;
  return { table, rows: table.rows.map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i]]))) };
}

describe("building a staffing plan in a workbook", () => {
  it("writes the reference tables, then the plan that names them, then its summary", async () => {
    const workbook = new MemoryWorkbook();
    const outcome = await buildStaffingPlan(workbook, catalog, { posts: [post("A", "5"), post("B", "8a", 0.5)], parameters });
    expect(outcome.results.map((r) => [r.key, r.result.status])).toEqual([
      ["pay-scales", "written"],
      ["on-costs", "written"],
      ["staffing-plan", "written"],
      ["plan-summary", "written"],
    ]);
    expect(outcome.plan?.status).toBe("written");
    const { rows } = await planRows(workbook);
    expect(rows.map((r) => [r.Post, r.Band, r.WTE])).toEqual([["A", 5, 1], ["B", "8a", 0.5]]);
    const t = workbook.getTable(STAFFING_PLAN_TABLE)!;
    const first = parseRange(t.address);
    const totalCol = t.headers.indexOf("Total") + first.left;
    const cell = workbook.cell("Staffing plan", `${String.fromCharCode(64 + totalCol)}${first.top + 1}`);
    expect(cell.formula).toBe(PLAN_FORMULAS.Total);
  });

  it("never overwrites what the user did: edited inputs, added rows, parameters, pay edits and cells beside", async () => {
    const workbook = new MemoryWorkbook();
    await buildStaffingPlan(workbook, catalog, { posts: [post("A", "5"), post("B", "6")], parameters });
    const t = workbook.getTable(STAFFING_PLAN_TABLE)!;
    const r = parseRange(t.address);
    const col = (h: string) => String.fromCharCode(64 + r.left + t.headers.indexOf(h));
    // The user changes B's WTE, adds a post of their own, notes something beside the table, sets the year.
    workbook.userTypes("Staffing plan", `${col("WTE")}${r.top + 2}`, 0.4);
    workbook.userAddsTableRow(STAFFING_PLAN_TABLE, ["Locum", "Agency cover", "7", "entry", 0.5, "inner-london", "Vacant"]);
    workbook.userTypes("Staffing plan", `W${r.top + 1}`, "my note: check with finance");
    const params = workbook.getTable("Plan_Parameters")!;
    workbook.userTypes("Staffing plan", `B${parseRange(params.address).top + 1}`, "2024/25");
    const pay = workbook.getTable("Pay_Scales")!;
    const payTop = parseRange(pay.address).top;
    workbook.userTypes("Pay scales", `E${payTop + 1}`, 99999);

    const again = await buildStaffingPlan(workbook, catalog, { posts: [post("B", "9"), post("C", "4")], parameters });
    expect(again.results.every((x) => x.result.status === "written")).toBe(true);
    expect([again.postsKept, again.postsAdded]).toEqual([3, 1]);

    const { rows } = await planRows(workbook);
    expect(rows.map((x) => [x.Post, x.Band, x.WTE, x.Role])).toEqual([
      ["A", 5, 1, "RECONNECT Peer Support Worker"],
      ["B", 6, 0.4, "RECONNECT Peer Support Worker"],
      ["Locum", 7, 0.5, "Agency cover"],
      ["C", 4, 1, "RECONNECT Peer Support Worker"],
    ]);
    expect(workbook.cell("Staffing plan", `W${r.top + 1}`).value).toBe("my note: check with finance");
    expect((await workbook.readTable("Plan_Parameters"))!.rows[0]![1]).toBe("2024/25");
    const payRow = (await workbook.readTable("Pay_Scales"))!.rows[0]!;
    expect([payRow[4], payRow[7]]).toEqual([99999, "edited in workbook"]);
    // The user's role joins the drop-down list and the summary.
    const summary = (await workbook.readTable("Plan_By_Role"))!;
    expect(summary.rows.map((x) => x[0])).toContain("Agency cover");
  });

  it("asks rather than writes when the user's own data stands where the plan grows", async () => {
    const workbook = new MemoryWorkbook();
    await buildStaffingPlan(workbook, catalog, { posts: [post("A", "5")], parameters });
    const t = workbook.getTable(STAFFING_PLAN_TABLE)!;
    const below = parseRange(t.address).bottom + 2;
    workbook.userTypes("Staffing plan", `A${below}`, "my own table starts here");
    const outcome = await buildStaffingPlan(workbook, catalog, { posts: [post("B", "6"), post("C", "7"), post("D", "7")], parameters });
    expect(outcome.plan?.status).toBe("conflict");
    // The reference tables are refreshed first; the write stops at the plan's conflict, before its summary.
    expect(outcome.results.map((r) => [r.key, r.result.status])).toEqual([
      ["pay-scales", "written"],
      ["on-costs", "written"],
      ["staffing-plan", "conflict"],
    ]);
    expect(workbook.cell("Staffing plan", `A${below}`).value).toBe("my own table starts here");
    expect((await planRows(workbook)).rows.map((x) => x.Post)).toEqual(["A"]);
  });
});

describe("on-cost rates the user edits", () => {
  it("survive a rebuild, marked as edited in the workbook", async () => {
    const workbook = new MemoryWorkbook();
    await buildStaffingPlan(workbook, catalog, { posts: [post("A", "5")], parameters });
    const onCosts = (await workbook.readTable("On_Costs"))!;
    const rowOf2024 = onCosts.rows.findIndex((r) => r[0] === "2024/25");
    const top = parseRange(workbook.getTable("On_Costs")!.address).top;
    workbook.userTypes("On-costs", `B${top + 1 + rowOf2024}`, 0.12);
    const hcas = workbook.getTable("HCAS_Rates")!;
    workbook.userTypes("On-costs", `F${parseRange(hcas.address).top + 1}`, 9000);

    await buildStaffingPlan(workbook, catalog, { posts: [], parameters });
    const after = (await workbook.readTable("On_Costs"))!;
    const edited = after.rows.find((r) => r[0] === "2024/25")!;
    expect([edited[1], edited[9], edited[11], edited[13]]).toEqual([0.12, "edited in workbook", "edited in workbook", "edited in workbook"]);
    expect(after.rows.find((r) => r[0] === "2025/26")![1]).toBe(0.15);
    const hcasRow = (await workbook.readTable("HCAS_Rates"))!.rows[0]!;
    expect([hcasRow[5], hcasRow[7]]).toEqual([9000, "edited in workbook"]);
  });
});
