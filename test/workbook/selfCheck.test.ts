import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import type { CellValue, TableData, WorkbookAdapter, WriteResult } from "../../src/excel/adapter";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { type SheetPlan, parseRange } from "../../src/sheets/plan";
import { buildStaffingPlan } from "../../src/workbook/costing";
import { SELF_CHECK_PREFIX, renameInFormula, runSelfCheck, selfCheckPlans, selfCheckText } from "../../src/workbook/selfCheck";
import { recalculateWithLibreOffice, resultOf } from "../support/libreoffice";

const catalog = defaultCatalog();

describe("scratch copies of the add-in's sheets", () => {
  it("renames tables and names in formulas, never text, column names or functions", () => {
    const names = new Map([["staffing_plan", "Chk_Staffing_Plan"], ["plan_year", "Chk_Plan_Year"]]);
    expect(renameInFormula(`=SUMIFS(Staffing_Plan[Total],Staffing_Plan[[Plan_Year]],"Staffing_Plan")+WFP.PAY(Plan_Year)+$A5`, names)).toBe(
      `=SUMIFS(Chk_Staffing_Plan[Total],Chk_Staffing_Plan[[Plan_Year]],"Staffing_Plan")+WFP.PAY(Chk_Plan_Year)+$A5`,
    );
    expect(renameInFormula(`=COUNTIFS(Staffing_Plan[[a']b]],"x")`, names)).toBe(`=COUNTIFS(Chk_Staffing_Plan[[a']b]],"x")`);
  });

  it("gives every table and name the prefix, and leaves no formula naming an unprefixed one", () => {
    const plans = selfCheckPlans(catalog);
    const tables = plans.flatMap((p) => p.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : [])));
    expect(tables.length).toBeGreaterThan(15);
    expect(tables.every((t) => t.startsWith(SELF_CHECK_PREFIX))).toBe(true);
    expect(plans.flatMap((p) => p.names ?? []).every((n) => n.name.startsWith(SELF_CHECK_PREFIX))).toBe(true);
    const json = JSON.stringify(plans);
    expect(json).not.toMatch(/[=(,]Staffing_Plan\[/);
    expect(json).not.toMatch(/[=(,]Pay_Scales\[/);
    expect(plans.every((p) => p.key.startsWith("self-check:") && p.name.length <= 31)).toBe(true);
  });
});

describe("the self-check on the demo workbook", () => {
  it("writes every scratch sheet, says which checks need Excel, and removes only its own sheets", async () => {
    const wb = new MemoryWorkbook({ sheets: ["Sheet1"] });
    wb.userTypes("Sheet1", "A1", "my notes");
    await buildStaffingPlan(wb, catalog, { posts: [], parameters: { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0 } });
    const before = { sheets: wb.sheetNames(), managed: await wb.listManaged(), plan: wb.getSheet("Staffing plan") };
    const steps: string[] = [];
    const report = await runSelfCheck(wb, catalog, { onStep: (s) => steps.push(s) });
    expect(report.calculated).toBe(false);
    expect(report.checks.map((c) => [c.title, c.status])).toEqual([
      ["Writing every kind of sheet", "passed"],
      ["Post costs", "needs Excel"],
      ["Plan totals", "needs Excel"],
      ["Coverage", "needs Excel"],
      ["JE bands", "needs Excel"],
      ["WFP functions in a cell", "needs Excel"],
      ["Removing the scratch sheets", "passed"],
    ]);
    expect(wb.sheetNames()).toEqual(before.sheets);
    expect(await wb.listManaged()).toEqual(before.managed);
    expect(wb.getSheet("Staffing plan")).toEqual(before.plan);
    expect(wb.cell("Sheet1", "A1").value).toBe("my notes");
    expect(wb.store.names().some((n) => n.name.startsWith(SELF_CHECK_PREFIX))).toBe(false);
    expect(steps[0]).toMatch(/^Writing scratch sheet 1 of \d+/);
    expect(selfCheckText(report)).toMatch(/^PASSED: Writing every kind of sheet\n {2}\d+ scratch sheets written/);
  });
});

/**
 * A workbook that calculates: the plans written as wfp writes them, recalculated by LibreOffice, tables read back
 * where the plans put them. Excel does the same in the task pane; LibreOffice has no WFP functions.
 */
class LibreOfficeWorkbook implements WorkbookAdapter {
  private readonly plans = new Map<string, SheetPlan>();
  private computed: ExcelJS.Workbook | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), "wfp-selfcheck-"));

  async writeSheetPlan(plan: SheetPlan): Promise<WriteResult> {
    this.plans.set(plan.key, plan);
    this.computed = null;
    return { status: "written", sheetName: plan.name, action: "created", cellsWritten: 0, syncs: 0, writeRequests: 0, largestRequestBytes: 0 };
  }
  async calculate(): Promise<void> {
    const path = join(this.dir, "check.xlsx");
    await writeXlsx([...this.plans.values()], path);
    this.computed = await recalculateWithLibreOffice(path);
  }
  async readTable(name: string): Promise<TableData | null> {
    for (const plan of this.plans.values()) {
      for (const block of plan.blocks) {
        if (block.kind !== "table" || block.name !== name || !this.computed) continue;
        const sheet = this.computed.getWorksheet(plan.name)!;
        const { top, left } = parseRange(block.at);
        const rows = block.rows.map((_, r) =>
          block.columns.map((__, c): CellValue => {
            const v = resultOf(sheet.getRow(top + 1 + r).getCell(left + c));
            if (v !== null && typeof v === "object" && "error" in v) return String((v as { error: string }).error);
            return v === undefined ? null : (v as CellValue);
          }),
        );
        return { name, sheetName: plan.name, address: block.at, headers: block.columns.map((c) => c.header), rows };
      }
    }
    return null;
  }
  async listManaged() {
    return [];
  }
  async removeManagedSheet(key: string): Promise<boolean> {
    return this.plans.delete(key);
  }
  get remaining(): number {
    return this.plans.size;
  }
}

describe("the self-check on a workbook that calculates (LibreOffice standing in for Excel)", () => {
  it("passes every native-formula check, reports the WFP functions LibreOffice lacks, and removes its sheets", async () => {
    const wb = new LibreOfficeWorkbook();
    const report = await runSelfCheck(wb, catalog, { functionTimeoutMs: 0 });
    const byTitle = new Map(report.checks.map((c) => [c.title, c]));
    expect(report.calculated).toBe(true);
    for (const title of ["Writing every kind of sheet", "Post costs", "Plan totals", "Coverage", "JE bands", "Removing the scratch sheets"]) {
      expect(byTitle.get(title)?.status, `${title}: ${byTitle.get(title)?.details.join("\n")}`).toBe("passed");
    }
    const functions = byTitle.get("WFP functions in a cell")!;
    expect(functions.status).toBe("failed");
    expect(functions.details.join("\n")).toMatch(/WFP\.JEBAND\(598\): Excel '#NAME\?', expected '8b'/);
    expect(functions.details.at(-1)).toMatch(/has not loaded the add-in's WFP functions/);
    expect(wb.remaining).toBe(0);
  }, 240_000);
});
