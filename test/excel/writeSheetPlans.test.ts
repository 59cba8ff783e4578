/**
 * Writing several sheet plans in one go (WorkbookAdapter.writeSheetPlans), against both implementations, and the
 * single-value fills that keep a table column of one formula to one formula on the wire.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { PlanWriteResult, WorkbookAdapter } from "../../src/excel/adapter";
import { WorkbookError } from "../../src/excel/adapter";
import { MemoryWorkbook, WorkbookStore } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/excel/officeAdapter";
import { decideTarget, estimateOpBytes, planWrite, type WriteOp } from "../../src/excel/writePlanner";
import { formula, type SheetPlan } from "../../src/sheets/plan";
import { writePlans } from "../../src/workbook/writePlans";
import { EXCEL_WEB_LIMIT_BYTES, FakeExcel } from "../support/fakeExcel";
import { bigPlan, FIXED_NOW, rolePlan } from "./plans";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

interface Harness {
  readonly adapter: WorkbookAdapter & Required<Pick<WorkbookAdapter, "writeSheetPlans">>;
  readonly wb: MemoryWorkbook;
  /** Round trips the Office fake saw (null for the memory workbook, which has none to see). */
  readonly fakeSyncs: () => number | null;
  readonly requestBytes: () => number[];
}

const implementations: { name: string; make: (maxRequestBytes?: number) => Harness }[] = [
  {
    name: "MemoryWorkbook",
    make: (maxRequestBytes) => {
      const wb = new MemoryWorkbook({ sheets: ["Sheet1"], now: () => FIXED_NOW, ...(maxRequestBytes ? { maxRequestBytes } : {}) });
      return { adapter: wb, wb, fakeSyncs: () => null, requestBytes: () => [] };
    },
  },
  {
    name: "OfficeWorkbookAdapter over the Office fake",
    make: (maxRequestBytes) => {
      const store = new WorkbookStore();
      store.addSheet("Sheet1");
      const fake = new FakeExcel(store);
      uninstall = fake.install();
      return {
        adapter: new OfficeWorkbookAdapter({ now: () => FIXED_NOW, ...(maxRequestBytes ? { maxRequestBytes } : {}) }),
        wb: new MemoryWorkbook({ store }),
        fakeSyncs: () => fake.syncs,
        requestBytes: () => fake.requests.map((r) => r.bytes),
      };
    },
  },
];

/** A summary whose formulas name the RoleCosts table of rolePlan: it must be written after it. */
function summaryPlan(name = "Role summary"): SheetPlan {
  return {
    key: "role-summary",
    name,
    blocks: [
      { kind: "range", at: "A1", rows: [["Total cost", formula("=SUM(RoleCosts[Cost])")], ["Total WTE", formula("=SUM(RoleCosts[WTE])")]] },
      {
        kind: "table",
        name: "RoleChecks",
        at: "A4",
        columns: [{ header: "Item" }, { header: "Cost" }, { header: "Over 31k", numberFormat: "0" }],
        rows: [
          ["Item 1", 30_000, formula("=IF([@Cost]>31000,1,0)")],
          ["Item 2", 31_000, formula("=IF([@Cost]>31000,1,0)")],
          ["Item 3", 32_000, formula("=IF([@Cost]>31000,1,0)")],
        ],
      },
    ],
  };
}

function written(results: readonly PlanWriteResult[]) {
  return results.map(({ key, result }) => {
    if (result.status !== "written") throw new Error(`expected ${key} written, got ${JSON.stringify(result)}`);
    return { key, ...result };
  });
}

describe.each(implementations)("writeSheetPlans: $name", ({ make }) => {
  it("creates several sheets with one snapshot and one shared write request, later formulas naming earlier tables", async () => {
    const h = make();
    const results = written(await h.adapter.writeSheetPlans([rolePlan(), summaryPlan()]));
    expect(results.map((r) => [r.key, r.sheetName, r.action])).toEqual([
      ["role-profile:reconnect-service-manager", "Role profile", "created"],
      ["role-summary", "Role summary", "created"],
    ]);
    // Two reads, one request with both sheets, one stamping both new sheets' ids: the same as one sheet alone.
    expect(results.map((r) => r.syncs)).toEqual([4, 4]);
    expect(results.at(-1)!.writeRequests).toBe(2);
    if (h.fakeSyncs() !== null) expect(h.fakeSyncs()).toBe(4);
    expect(h.wb.cell("Role summary", "B1").formula).toBe("=SUM(RoleCosts[Cost])");
    expect(["B5", "B6", "B7"].map((a) => h.wb.cell("Role summary", a).value)).toEqual([30_000, 31_000, 32_000]);
    expect(["C5", "C6", "C7"].map((a) => h.wb.cell("Role summary", a).formula)).toEqual(Array(3).fill("=IF([@Cost]>31000,1,0)"));
    expect(h.wb.cell("Role summary", "C7").numberFormat).toBe("0");
    // Both sheets are the add-in's: a second run refreshes them in place, in fewer round trips (no stamp).
    const again = written(await h.adapter.writeSheetPlans([rolePlan(), summaryPlan()]));
    expect(again.map((r) => r.action)).toEqual(["refreshed", "refreshed"]);
    expect(again.at(-1)!.syncs).toBe(3);
    expect(h.wb.sheetNames()).toEqual(["Sheet1", "Role profile", "Role summary"]);
  });

  it("probes the user's cells on every growing sheet in one round trip", async () => {
    const h = make();
    await h.adapter.writeSheetPlans([rolePlan({ costRows: 2 }), summaryPlan()]);
    const grown: SheetPlan = { ...summaryPlan(), blocks: [...summaryPlan().blocks, { kind: "range", at: "E1", rows: [["More"]] }] };
    const results = written(await h.adapter.writeSheetPlans([rolePlan({ costRows: 8 }), grown]));
    expect(results.at(-1)!.syncs).toBe(2 + 1 + 1);
  });

  it("writes nothing when any plan meets a conflict, and reports that plan's conflict alone", async () => {
    const h = make();
    h.wb.userAddsSheet("Role summary");
    h.wb.userAddsTable("Role summary", "A1:B2", "RoleChecks");
    const results = await h.adapter.writeSheetPlans([rolePlan(), summaryPlan()]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ key: "role-summary", result: { status: "conflict", conflicts: [{ kind: "name", name: "RoleChecks" }], writeRequests: 0 } });
    expect(h.wb.sheetNames()).toEqual(["Sheet1", "Role summary"]);
    expect(h.wb.getTable("RoleCosts")).toBeNull();
  });

  it("refuses plans that want the same sheet, table or name, before touching the workbook", async () => {
    const h = make();
    const twin = { ...summaryPlan("Role profile") };
    await expect(h.adapter.writeSheetPlans([rolePlan(), twin])).rejects.toMatchObject({ code: "invalid-plan", message: expect.stringContaining('sheet "Role profile"') });
    const sameTable = { ...rolePlan({ key: "other", name: "Other" }) };
    const error = await h.adapter.writeSheetPlans([rolePlan(), sameTable]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toContain('name "RoleCosts"');
    expect(h.wb.sheetNames()).toEqual(["Sheet1"]);
    if (h.fakeSyncs() !== null) expect(h.fakeSyncs()).toBe(0);
  });

  it("packs the plans' requests in order under the byte budget, stamping new sheets after the last one is added", async () => {
    const maxRequestBytes = 60_000;
    const h = make(maxRequestBytes);
    const plans = [bigPlan(800, 12, { key: "a", name: "A", table: "TableA" }), bigPlan(800, 12, { key: "b", name: "B", table: "TableB" })];
    const progress: [number, number][] = [];
    const announced: [string, number, number][] = [];
    const results = written(
      await h.adapter.writeSheetPlans(plans, { onProgress: (done, total) => progress.push([done, total]), onPlan: (key, index, count) => announced.push([key, index, count]) }),
    );
    const total = progress.at(-1)![1];
    expect(total).toBeGreaterThan(2);
    expect(progress).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
    expect(announced).toEqual([["a", 1, 2], ["b", 2, 2]]);
    // Each plan's requests are its own share of the write; the stamp of both new sheets' ids comes last, so
    // both count the whole write's round trips.
    expect(results[0]!.writeRequests).toBeLessThan(total);
    expect(results[1]!.writeRequests).toBeLessThan(total);
    expect(results.map((r) => r.syncs)).toEqual([2 + total, 2 + total]);
    for (const r of results) expect(r.largestRequestBytes).toBeLessThanOrEqual(maxRequestBytes);
    for (const bytes of h.requestBytes()) expect(bytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
    expect(h.wb.cell("A", "L801").value).toBe("r799c11");
    expect(h.wb.cell("B", "L801").value).toBe("r799c11");
    expect((await h.wb.listManaged()).map((x) => x.key)).toEqual(["a", "b"]);
  });
});

describe("writePlans", () => {
  it("falls back to one plan at a time, stopping at a conflict, where the workbook can't write several", async () => {
    const wb = new MemoryWorkbook({ now: () => FIXED_NOW });
    wb.userAddsSheet("Role summary");
    wb.userAddsTable("Role summary", "A1:B2", "RoleChecks");
    const oneByOne: WorkbookAdapter = { writeSheetPlan: (p, o) => wb.writeSheetPlan(p, o), readTable: (n) => wb.readTable(n), listManaged: () => wb.listManaged() };
    const sheets: string[] = [];
    const results = await writePlans(oneByOne, [rolePlan(), summaryPlan(), rolePlan({ key: "third", name: "Third" })], { onSheet: (key) => sheets.push(key) });
    expect(results.map((r) => [r.key, r.result.status])).toEqual([
      ["role-profile:reconnect-service-manager", "written"],
      ["role-summary", "conflict"],
    ]);
    expect(sheets).toEqual(["role-profile:reconnect-service-manager", "role-summary"]);
  });
});

describe("one formula for a whole table column", () => {
  const plan = summaryPlan();
  const ops = (p: SheetPlan): WriteOp[] => {
    const snapshot = { sheets: [], tables: [{ name: "RoleCosts", sheet: "Role profile", address: "A8:D11" }], names: [] };
    const outcome = planWrite({ plan: p, snapshot, decision: decideTarget(p, snapshot), cellHits: [], now: FIXED_NOW });
    if (outcome.kind !== "write") throw new Error("conflict");
    return outcome.requests.flat();
  };

  it("sends a column of one repeated formula as a single value, the other columns as arrays", () => {
    const all = ops(plan);
    expect(all.filter((o) => o.op === "fillInputs")).toEqual([{ op: "fillInputs", sheet: "Role summary", address: "C5:C7", input: "=IF([@Cost]>31000,1,0)" }]);
    expect(all.filter((o) => o.op === "inputs" && o.address === "A5:B7")).toHaveLength(1);
    // Number formats go once per run of columns, not once per cell.
    expect(all.filter((o) => o.op === "fillNumberFormat")).toEqual([{ op: "fillNumberFormat", sheet: "Role summary", address: "C5:C7", format: "0" }]);
  });

  it("keeps relative A1 references cell by cell (Excel would shift them) and a lone row as an array", () => {
    const relative = summaryPlan();
    const table = relative.blocks[1];
    if (table?.kind !== "table") throw new Error("table expected");
    const withA1: SheetPlan = { ...relative, blocks: [relative.blocks[0]!, { ...table, rows: table.rows.map((r) => [r[0]!, r[1]!, formula("=B5*2")]) }] };
    expect(ops(withA1).some((o) => o.op === "fillInputs")).toBe(false);
    const absolute: SheetPlan = { ...relative, blocks: [relative.blocks[0]!, { ...table, rows: table.rows.map((r) => [r[0]!, r[1]!, formula("=$B$1*2")]) }] };
    expect(ops(absolute).filter((o) => o.op === "fillInputs")).toHaveLength(1);
    const lone: SheetPlan = { ...relative, blocks: [relative.blocks[0]!, { ...table, rows: table.rows.slice(0, 1) }] };
    expect(ops(lone).some((o) => o.op === "fillInputs")).toBe(false);
  });

  it("costs a 6,000-row column of a long formula one formula's bytes", () => {
    const long = `=IF(AND([@Cost]>0,ISNUMBER([@Cost])),[@Cost]*${"1".repeat(400)},0)`;
    const table = plan.blocks[1];
    if (table?.kind !== "table") throw new Error("table expected");
    const big: SheetPlan = { ...plan, blocks: [{ ...table, rows: Array.from({ length: 6_000 }, (_, i) => [`Item ${i}`, i, formula(long)]) }] };
    const fills = ops(big).filter((o) => o.op === "fillInputs");
    expect(fills).toHaveLength(1);
    expect(estimateOpBytes(fills[0]!)).toBeLessThan(1_000);
  });

  it("is refused by the model when a filled formula has a relative A1 reference, and applied to every cell otherwise", async () => {
    const wb = new MemoryWorkbook({ sheets: ["S"] });
    const s = wb.store.sheet("S");
    expect(() => wb.store.fillInputs(s, { top: 1, left: 1, bottom: 3, right: 1 }, "=B1*2")).toThrow(/relative cell reference/);
    wb.store.fillInputs(s, { top: 1, left: 1, bottom: 3, right: 2 }, "=$C$1*2");
    expect(wb.getSheet("S")).toEqual(Array(3).fill(["=$C$1*2", "=$C$1*2"]));
    wb.store.fillNumberFormat(s, { top: 2, left: 1, bottom: 3, right: 1 }, "0.00");
    expect([wb.cell("S", "A1").numberFormat, wb.cell("S", "A3").numberFormat]).toEqual(["General", "0.00"]);
  });

  it("is what Office does with a single value through the fake: Range.formulas and numberFormat fill the range", async () => {
    const store = new WorkbookStore();
    store.addSheet("S");
    const fake = new FakeExcel(store);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B2");
      range.formulas = "=$D$1+1" as unknown as string[][];
      range.numberFormat = "0.0" as unknown as string[][];
      await context.sync();
    });
    const wb = new MemoryWorkbook({ store });
    expect(wb.getSheet("S")).toEqual([["=$D$1+1", "=$D$1+1"], ["=$D$1+1", "=$D$1+1"]]);
    expect(wb.cell("S", "B2").numberFormat).toBe("0.0");
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:A2").formulas = "=D1" as unknown as string[][];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
