/** The in-memory workbook's own behaviour: Excel's rules it models, and its helpers for tests and demo mode. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook, parseTypedInput, StoreError } from "../../src/excel/memoryWorkbook";
import { excelDate } from "../../src/sheets/plan";
import { bigPlan, FIXED_NOW, rolePlan } from "./plans";

describe("typed input, as Excel reads it", () => {
  it("makes formulas, numbers, booleans and dates of strings that look like them", () => {
    expect(parseTypedInput("=1+1")).toEqual({ value: null, formula: "=1+1" });
    expect(parseTypedInput("-5 days").formula).toBe("=-5 days");
    expect(parseTypedInput("@risk").formula).toBe("=risk");
    expect(parseTypedInput("00123")).toEqual({ value: 123, formula: null });
    expect(parseTypedInput("1,250.50").value).toBe(1250.5);
    expect(parseTypedInput("-3").value).toBe(-3);
    expect(parseTypedInput("50%").value).toBe(0.5);
    expect(parseTypedInput("£40").value).toBe(40);
    expect(parseTypedInput("true").value).toBe(true);
    expect(parseTypedInput("2025-04-01")).toEqual({ value: excelDate("2025-04-01"), formula: null, impliedFormat: "yyyy-mm-dd" });
  });

  it("keeps the quote-prefixed and the plain as text, and empties on ''", () => {
    expect(parseTypedInput("'=1+1")).toEqual({ value: "=1+1", formula: null });
    expect(parseTypedInput("''quoted")).toEqual({ value: "'quoted", formula: null });
    expect(parseTypedInput("Band 5")).toEqual({ value: "Band 5", formula: null });
    expect(parseTypedInput("")).toEqual({ value: null, formula: null });
    expect(parseTypedInput(7)).toEqual({ value: 7, formula: null });
  });
});

describe("Excel's rules the store keeps", () => {
  it("names a user's table's empty headers and refuses overlapping tables", () => {
    const wb = new MemoryWorkbook({ sheets: ["Sheet1"] });
    wb.userTypes("Sheet1", "A1", [["Name", ""], ["x", 1]]);
    wb.userAddsTable("Sheet1", "A1:B2", "People");
    expect(wb.getTable("People")?.headers).toEqual(["Name", "Column2"]);
    expect(() => wb.userAddsTable("Sheet1", "B2:C3", "Other")).toThrow(StoreError);
  });

  it("keeps table and defined names unique together, case-insensitively", () => {
    const wb = new MemoryWorkbook({ sheets: ["Sheet1"] });
    wb.userAddsName("Rates", "Sheet1", "A1:A3");
    wb.userTypes("Sheet1", "C1", [["h"], [1]]);
    expect(() => wb.userAddsTable("Sheet1", "C1:C2", "rates")).toThrow(/already used/);
    expect(() => wb.userAddsName("RATES", "Sheet1", "B1")).toThrow(/already used/);
  });

  it("refuses a formula in a table header and a sheet name Excel can't hold", () => {
    const wb = new MemoryWorkbook({ sheets: ["Sheet1"] });
    wb.userTypes("Sheet1", "A1", [["h"], [1]]);
    wb.userAddsTable("Sheet1", "A1:A2", "T");
    expect(() => wb.userTypes("Sheet1", "A1", "=1")).toThrow(/header/);
    expect(() => wb.userAddsSheet("a/b")).toThrow(StoreError);
    expect(() => wb.userAddsSheet("sheet1")).toThrow(/already exists/);
  });
});

describe("MemoryWorkbook", () => {
  it("shows a sheet as Excel's formulas view from A1", async () => {
    const wb = new MemoryWorkbook({ now: () => FIXED_NOW });
    await wb.writeSheetPlan(rolePlan());
    const grid = wb.getSheet("Role profile");
    expect(grid?.[0]).toEqual(["RECONNECT service manager", "", "", ""]);
    expect(grid?.[5]).toEqual(["Budget", "=SUM(RoleCosts[Cost])", "", ""]);
    expect(wb.getSheet("Missing")).toBeNull();
  });

  it("splits writes by the same byte budget as Excel when told to", async () => {
    const wb = new MemoryWorkbook({ maxRequestBytes: 100_000 });
    const result = await wb.writeSheetPlan(bigPlan(500, 20));
    expect(result.status).toBe("written");
    expect(result.writeRequests).toBeGreaterThan(1);
    // Round trips as Excel would make them: two reads, then one per request (the stamp rides in the last).
    expect(result.syncs).toBe(2 + result.writeRequests);
    expect(wb.cell("Big", "T501").value).toBe("r499c19");
  });

  it("reads formula cells as null because it doesn't calculate", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeSheetPlan({
      key: "t",
      name: "T",
      blocks: [{ kind: "table", name: "Calc", at: "A1", columns: [{ header: "A" }, { header: "B" }], rows: [[2, { formula: "=[@A]*2" }]] }],
    });
    expect((await wb.readTable("Calc"))?.rows).toEqual([[2, null]]);
  });

  it("uses nothing a browser bundle lacks", () => {
    for (const file of ["memoryWorkbook.ts", "writePlanner.ts", "adapter.ts"]) {
      const source = readFileSync(new URL(`../../src/excel/${file}`, import.meta.url), "utf8");
      const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\//);
      expect(source).not.toMatch(/\b(require|process|Buffer|__dirname)\b/);
    }
  });
});
