/** Office-specific behaviour: sync budget, request sizes, failures, requirement sets, and the fake itself. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WorkbookError, type WriteResult } from "../../src/excel/adapter";
import { MemoryWorkbook, WorkbookStore } from "../../src/excel/memoryWorkbook";
import { localAddress, OfficeWorkbookAdapter } from "../../src/excel/officeAdapter";
import { DEFAULT_MAX_REQUEST_BYTES } from "../../src/excel/writePlanner";
import { EXCEL_WEB_LIMIT_BYTES, FakeExcel } from "../support/fakeExcel";
import { bigPlan, FIXED_NOW, rolePlan } from "./plans";

let fake: FakeExcel;
let wb: MemoryWorkbook;
let uninstall: () => void;

beforeEach(() => {
  const store = new WorkbookStore();
  store.addSheet("Sheet1");
  fake = new FakeExcel(store);
  wb = new MemoryWorkbook({ store });
  uninstall = fake.install();
});

afterEach(() => uninstall());

const adapter = (options: ConstructorParameters<typeof OfficeWorkbookAdapter>[0] = {}): OfficeWorkbookAdapter =>
  new OfficeWorkbookAdapter({ now: () => FIXED_NOW, ...options });

function written(result: WriteResult): Extract<WriteResult, { status: "written" }> {
  if (result.status !== "written") throw new Error(`expected a write, got ${JSON.stringify(result)}`);
  return result;
}

describe("sync budget", () => {
  it("creates a small sheet in 4 syncs: two reads, one write, one stamp of the new sheet's id", async () => {
    const result = written(await adapter().writeSheetPlan(rolePlan()));
    expect(result.syncs).toBe(4);
    expect(fake.syncs).toBe(4);
    expect(result.writeRequests).toBe(2);
    expect(fake.requests[3]?.actions).toBe(1); // just the custom property
  });

  it("adds one small read only when a refresh reaches new cells", async () => {
    await adapter().writeSheetPlan(rolePlan({ costRows: 3 }));
    fake.reset();
    expect(written(await adapter().writeSheetPlan(rolePlan({ costRows: 2 }))).syncs).toBe(3);
    fake.reset();
    expect(written(await adapter().writeSheetPlan(rolePlan({ costRows: 8 }))).syncs).toBe(4);
    expect(fake.syncs).toBe(4);
    // The conflict read answers with addresses, not cell contents.
    expect(fake.requests[2]?.responseBytes).toBeLessThan(100);
  });

  it("writes 2,000 rows × 150 columns in a bounded number of syncs, every request under 5 MB", async () => {
    const result = written(await adapter().writeSheetPlan(bigPlan(2_000, 150)));
    expect(result.syncs).toBeLessThanOrEqual(12);
    expect(result.writeRequests).toBeGreaterThan(1); // the payload really was split
    expect(result.largestRequestBytes).toBeLessThanOrEqual(DEFAULT_MAX_REQUEST_BYTES);
    for (const request of fake.requests) expect(request.bytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
    expect(fake.syncs).toBe(result.syncs);

    expect(wb.getTable("BigTable")).toMatchObject({ address: "A1:ET2001", showTotals: false });
    expect(wb.cell("Big", "A2")).toMatchObject({ value: "r0c0", numberFormat: "0.00" });
    expect(wb.cell("Big", "ET2001")).toMatchObject({ value: "r1999c149", numberFormat: "#,##0" });
    expect(wb.cell("Big", "B1000").value).toBe("r998c1");
  }, 60_000);

  it("doesn't sync per row: 20 rows and 2,000 rows cost the same syncs", async () => {
    const cell = (r: number, c: number): number => r * c;
    const small = written(await adapter().writeSheetPlan(bigPlan(20, 5, { cell, name: "Small", table: "SmallTable" })));
    const large = written(await adapter().writeSheetPlan(bigPlan(2_000, 5, { cell, name: "Large", table: "LargeTable" })));
    expect(large.syncs).toBe(small.syncs);
    expect(large.writeRequests).toBe(small.writeRequests);
  });

  it("keeps a growing refresh of a big sheet bounded too", async () => {
    await adapter().writeSheetPlan(bigPlan(2_000, 150));
    fake.reset();
    const plan = bigPlan(2_500, 150, { key: "big:2000x150" });
    const result = written(await adapter().writeSheetPlan(plan));
    expect(result).toMatchObject({ action: "refreshed", sheetName: "Big" });
    expect(result.syncs).toBeLessThanOrEqual(12);
    for (const request of fake.requests) expect(request.bytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
    expect(wb.getTable("BigTable")?.address).toBe("A1:ET2501");
  }, 60_000);
});

describe("failures", () => {
  it("needs ExcelApi 1.13 to write, and says so before touching Excel", async () => {
    const old = adapter({ isSetSupported: (_name, version) => Number(version.split(".")[1]) <= 12 });
    await expect(old.writeSheetPlan(rolePlan())).rejects.toMatchObject({ code: "unsupported" });
    expect(fake.syncs).toBe(0);
    await expect(old.listManaged()).resolves.toEqual([]);
  });

  it("says Excel isn't available when run outside Excel", async () => {
    uninstall();
    await expect(adapter().listManaged()).rejects.toMatchObject({ code: "unsupported", message: expect.stringContaining("inside Excel") });
    uninstall = fake.install();
  });

  it("reports a failed request with whether anything was written, and a re-run repairs the sheet", async () => {
    fake.failWhen = (path) => (path.includes("dataValidation.rule") ? "InvalidArgument" : null);
    const small = adapter({ maxRequestBytes: 3_000 });
    const error = await small.writeSheetPlan(rolePlan({ costRows: 30 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: "excel", partial: true });
    expect((error as Error).message).toContain("InvalidArgument");

    fake.failWhen = null;
    const result = written(await small.writeSheetPlan(rolePlan({ costRows: 30 })));
    expect(result).toMatchObject({ action: "refreshed", sheetName: "Role profile" });
    expect(wb.cell("Role profile", "B9").validation).toBe("5,6,7");
    expect(wb.sheetNames()).toEqual(["Sheet1", "Role profile"]);
  });

  it("is stopped by the fake's 5 MB limit if chunking is turned off (so the size tests can fail)", async () => {
    const reckless = adapter({ maxRequestBytes: 50_000_000 });
    // 4,000 × 150 values are some 7 MB in one request (number formats go once per column, so they add little).
    await expect(reckless.writeSheetPlan(bigPlan(4_000, 150))).rejects.toMatchObject({
      code: "excel",
      message: expect.stringContaining("RequestPayloadSizeLimitExceeded"),
    });
  }, 60_000);
});

describe("readTable", () => {
  it("reads the body in chunks so no response nears 5 MB", async () => {
    await adapter().writeSheetPlan(rolePlan({ costRows: 30 }));
    fake.reset();
    const table = await adapter({ readChunkCells: 8 }).readTable("RoleCosts");
    expect(table?.rows).toHaveLength(30);
    expect(table?.rows[29]).toEqual(["Item 30", "7", 1.25, 59000]);
    expect(fake.syncs).toBe(2 + 15); // shape, then 2 rows × 4 columns per read
  });

  it("reads several tables in one run, their bodies together, a missing one as null", async () => {
    await adapter().writeSheetPlan(rolePlan({ costRows: 30 }));
    await adapter().writeSheetPlan(bigPlan(40, 3, { key: "small", name: "Small", table: "SmallTable" }));
    fake.reset();
    const [role, missing, small] = await adapter({ readChunkCells: 64 }).readTables(["RoleCosts", "NoSuchTable", "SmallTable"]);
    expect(missing).toBeNull();
    expect(role?.rows).toHaveLength(30);
    expect(role?.rows[29]).toEqual(["Item 30", "7", 1.25, 59000]);
    expect(small).toMatchObject({ name: "SmallTable", sheetName: "Small", address: "A1:C41", headers: ["Col 1", "Col 2", "Col 3"] });
    expect(small?.rows[39]).toEqual(["r39c0", "r39c1", "r39c2"]);
    // Find, shapes, then 120 + 120 cells in bands of at most 64 (16 rows × 4, 21 rows × 3), packed per read:
    // 64 | 56 (the rest of RoleCosts) | 63 | 57, so 2 + 4, where one table at a time would take 3 runs and 10 syncs.
    expect(fake.syncs).toBe(2 + 4);
    for (const r of fake.requests) expect(r.responseBytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
  });

  it("reads a few columns of a wide table as one range per run of neighbours, a fraction of its cells", async () => {
    await adapter().writeSheetPlan(bigPlan(2_000, 150));
    fake.reset();
    const [table] = await adapter().readTables([{ name: "BigTable", columns: ["Col 1", "Col 2", "Col 3", "Col 150", "Col 5"] }]);
    expect(table?.headers).toEqual(["Col 1", "Col 2", "Col 3", "Col 150", "Col 5"]);
    expect(table?.rows).toHaveLength(2_000);
    expect(table?.rows[1_999]).toEqual(["r1999c0", "r1999c1", "r1999c2", "r1999c149", "r1999c4"]);
    // Find, shapes, then 3 ranges (A:C, E, ET) of 2,000 rows, 10,000 cells in all: one read.
    expect(fake.syncs).toBe(3);
    expect(fake.requests[2]!.actions).toBe(3);
    const whole = fake.requests[2]!.responseBytes;
    fake.reset();
    await adapter().readTable("BigTable");
    const all = fake.requests.reduce((n, r) => n + r.responseBytes, 0);
    expect(whole * 20).toBeLessThan(all); // 5 columns of 150
  }, 60_000);

  it("refuses a column the table lacks before reading any body", async () => {
    await adapter().writeSheetPlan(bigPlan(40, 3));
    fake.reset();
    await expect(adapter().readTables([{ name: "BigTable", columns: ["Col 1", "Col 9"] }])).rejects.toMatchObject({ code: "no-such-column" });
    expect(fake.syncs).toBe(2);
  });

  it("reads a 2,000 × 150 table with every response under the limit", async () => {
    await adapter().writeSheetPlan(bigPlan(2_000, 150));
    fake.reset();
    const table = await adapter().readTable("BigTable");
    expect(table?.rows).toHaveLength(2_000);
    expect(table?.headers[149]).toBe("Col 150");
    for (const r of fake.requests) expect(r.responseBytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
    expect(fake.syncs).toBeLessThanOrEqual(2 + 4);
  }, 60_000);
});

describe("the Office fake", () => {
  it("throws on a property read without load() and sync(), like Office", async () => {
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/PropertyNotLoaded|not available/);
      const ws = context.workbook.worksheets.getItem("Sheet1");
      expect(() => ws.name).toThrow(/not available/);
      ws.load("name");
      expect(() => ws.name).toThrow(/not available/);
      await context.sync();
      expect(ws.name).toBe("Sheet1");
      expect(() => ws.position).toThrow(/not available/);
      const maybe = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => maybe.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
    });
  });

  it("runs queued calls only at sync, and fails getItem of something missing there", async () => {
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=1+1"]];
      expect(wb.cell("Sheet1", "A1").formula).toBeNull();
      await context.sync();
      expect(wb.cell("Sheet1", "A1").formula).toBe("=1+1");
      context.workbook.worksheets.getItem("Nope").getRange("A1").formulas = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("refuses a range write whose array doesn't fit the range", async () => {
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").formulas = [[1, 2]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("strips the sheet from an Office address", () => {
    expect(localAddress("'Role profile (2)'!A8:D12")).toBe("A8:D12");
    expect(localAddress("Sheet1!B2")).toBe("B2");
    expect(localAddress("C3")).toBe("C3");
  });
});
