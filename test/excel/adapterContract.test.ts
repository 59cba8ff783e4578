/**
 * The WorkbookAdapter contract, run against both implementations: the memory workbook, and the
 * Office.js adapter over the Office fake. Both sit on a WorkbookStore, inspected and "used" through
 * MemoryWorkbook's helpers.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { WorkbookAdapter, WriteResult } from "../../src/excel/adapter";
import { WorkbookError } from "../../src/excel/adapter";
import { MemoryWorkbook, type StoreSheet, WorkbookStore } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/excel/officeAdapter";
import { charactersToPoints, OWNER_PROPERTY, parseRecord } from "../../src/excel/writePlanner";
import type { SheetPlan } from "../../src/sheets/plan";
import { FakeExcel } from "../support/fakeExcel";
import { FIXED_NOW, rolePlan, TRICKY_TEXT } from "./plans";

interface Harness {
  readonly adapter: WorkbookAdapter;
  /** The same workbook, for looking at it and acting as the user. */
  readonly wb: MemoryWorkbook;
  /** Write requests that reached the workbook so far (the memory workbook has no requests to count). */
  readonly writes: () => number | null;
}

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const implementations: { name: string; make: () => Harness }[] = [
  {
    name: "MemoryWorkbook",
    make: () => {
      const wb = new MemoryWorkbook({ sheets: ["Sheet1"], now: () => FIXED_NOW });
      return { adapter: wb, wb, writes: () => null };
    },
  },
  {
    name: "OfficeWorkbookAdapter over the Office fake",
    make: () => {
      const store = new WorkbookStore();
      store.addSheet("Sheet1");
      const fake = new FakeExcel(store);
      uninstall = fake.install();
      return { adapter: new OfficeWorkbookAdapter({ now: () => FIXED_NOW }), wb: new MemoryWorkbook({ store }), writes: () => fake.writeRequests.length };
    },
  },
];

function expectWritten(result: WriteResult): Extract<WriteResult, { status: "written" }> {
  if (result.status !== "written") throw new Error(`expected a write, got ${JSON.stringify(result)}`);
  return result;
}

describe.each(implementations)("$name", ({ make }) => {
  it("writes values, formulas, number formats, a table, validation, conditional formats and names", async () => {
    const { adapter, wb } = make();
    const result = expectWritten(await adapter.writeSheetPlan(rolePlan()));
    expect(result).toMatchObject({ status: "written", sheetName: "Role profile", action: "created", cellsWritten: 1 + 8 + 20 });
    expect(result).not.toHaveProperty("renamedFrom");

    expect(wb.cell("Role profile", "A1")).toMatchObject({
      value: "RECONNECT service manager",
      style: { bold: true, fontSize: 14, fill: "#005EB8", fontColor: "#FFFFFF" },
    });
    expect(wb.cell("Role profile", "B4")).toMatchObject({ value: 45748, numberFormat: "dd/mm/yyyy" });
    expect(wb.cell("Role profile", "B6")).toMatchObject({ formula: "=SUM(RoleCosts[Cost])", numberFormat: "£#,##0" });

    expect(wb.getTable("RoleCosts")).toEqual({
      name: "RoleCosts",
      sheet: "Role profile",
      address: "A8:D12",
      headers: ["Item", "Band", "WTE", "Cost"],
      style: "TableStyleMedium2",
      showTotals: true,
    });
    expect(wb.getSheet("Role profile")?.slice(8, 12)).toEqual([
      ["Item 1", "5", 1, 30000],
      ["Agency cover", "6", 1.25, 31000],
      ["Item 3", "7", 1.5, 32000],
      ["Total", "", "=SUBTOTAL(109,[WTE])", "=SUBTOTAL(109,[Cost])"],
    ]);
    expect(wb.cell("Role profile", "C9").numberFormat).toBe("0.00");
    expect(wb.cell("Role profile", "D11").numberFormat).toBe("£#,##0");
    expect(wb.cell("Role profile", "A10").style.wrap).toBe(true);
    expect(wb.cell("Role profile", "B9").validation).toBe("5,6,7");
    expect(wb.cell("Role profile", "B11").validation).toBe("5,6,7");
    expect(wb.cell("Role profile", "B12").validation).toBeNull();

    const sheet = wb.store.sheet("Role profile");
    expect(sheet.conditionalFormats.map((cf) => cf.rule)).toEqual([
      { type: "cellValue", operator: "GreaterThan", formula1: "=31000", formula2: null, fill: "#FFC7CE", fontColor: "#9C0006" },
      { type: "textContains", text: "Agency", fill: "#FFEB9C", fontColor: null },
      {
        type: "colorScale",
        minimum: { type: "lowestValue", value: null, color: "#F8696B" },
        midpoint: { type: "percentile", value: 50, color: "#FFEB84" },
        maximum: { type: "highestValue", value: null, color: "#63BE7B" },
      },
    ]);
    expect(wb.store.findName("RoleBudget")).toMatchObject({ sheet: { name: "Role profile" }, rect: { top: 6, left: 2, bottom: 6, right: 2 }, comment: "Total budget for the role" });
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.tabColor).toBe("#005EB8");
    expect(sheet.page).toEqual({ orientation: "Landscape", fitToPagesWide: 1, printTitleRows: "$8:$8" });
    expect(sheet.columnWidths.get(1)).toBe(charactersToPoints(30));
    expect(sheet.columnWidths.get(2)).toBe(charactersToPoints(12));
    expect(sheet.columnWidths.get(4)).toBe(charactersToPoints(14));
    expect(parseRecord(wb.store.getProperty(sheet, OWNER_PROPERTY))).toMatchObject({
      key: "role-profile:reconnect-service-manager",
      sheet: "Role profile",
      areas: ["A1", "A3:B6", "A8:D12"],
      tables: ["RoleCosts"],
      names: ["RoleBudget"],
    });
  });

  it("writes text that looks like a formula, number, date or boolean as that exact text", async () => {
    const { adapter, wb } = make();
    const plan: SheetPlan = { key: "text", name: "Text", blocks: [{ kind: "range", at: "A1", rows: TRICKY_TEXT.map((t) => [t]) }] };
    expectWritten(await adapter.writeSheetPlan(plan));
    TRICKY_TEXT.forEach((text, i) => {
      expect(wb.cell("Text", `A${i + 1}`), text).toMatchObject({ value: text, formula: null, numberFormat: "General" });
    });
  });

  it("refreshes its own sheet in place and leaves the user's cells beside it alone", async () => {
    const { adapter, wb } = make();
    expectWritten(await adapter.writeSheetPlan(rolePlan({ costRows: 3 })));
    wb.userTypes("Role profile", "F2", [["my note"], ["=1+1"]]);

    const shrunk = expectWritten(await adapter.writeSheetPlan(rolePlan({ costRows: 2 })));
    expect(shrunk).toMatchObject({ action: "refreshed", sheetName: "Role profile" });
    expect(wb.getTable("RoleCosts")?.address).toBe("A8:D11");
    expect(wb.getSheet("Role profile")?.slice(8, 12).map((r) => r.slice(0, 4))).toEqual([
      ["Item 1", "5", 1, 30000],
      ["Agency cover", "6", 1.25, 31000],
      ["Total", "", "=SUBTOTAL(109,[WTE])", "=SUBTOTAL(109,[Cost])"],
    ]);
    expect(wb.getSheet("Role profile")).toHaveLength(11);

    const grown = expectWritten(await adapter.writeSheetPlan(rolePlan({ costRows: 6 })));
    expect(grown.action).toBe("refreshed");
    expect(wb.getTable("RoleCosts")?.address).toBe("A8:D15");
    expect(wb.cell("Role profile", "A14").value).toBe("Item 6");
    expect(wb.cell("Role profile", "F2").value).toBe("my note");
    expect(wb.cell("Role profile", "F3").formula).toBe("=1+1");
    expect(wb.sheetNames()).toEqual(["Sheet1", "Role profile"]);
  });

  it("follows its sheet after the user renamed it", async () => {
    const { adapter, wb } = make();
    await adapter.writeSheetPlan(rolePlan());
    wb.userRenamesSheet("Role profile", "Manager");
    const result = expectWritten(await adapter.writeSheetPlan(rolePlan({ costRows: 4 })));
    expect(result).toMatchObject({ action: "refreshed", sheetName: "Manager" });
    expect(wb.sheetNames()).toEqual(["Sheet1", "Manager"]);
  });

  it("takes a new name when a user's sheet has the wanted one, leaving the user's sheet alone", async () => {
    const { adapter, wb } = make();
    wb.userAddsSheet("Role profile");
    wb.userTypes("Role profile", "A1", "the user's own work");
    const result = expectWritten(await adapter.writeSheetPlan(rolePlan()));
    expect(result).toMatchObject({ action: "created", sheetName: "Role profile (2)", renamedFrom: "Role profile" });
    expect(wb.getSheet("Role profile")).toEqual([["the user's own work"]]);
    expect(wb.cell("Role profile (2)", "A1").value).toBe("RECONNECT service manager");
  });

  it("reports a conflict and writes nothing when new content would land on the user's cells", async () => {
    const { adapter, wb, writes } = make();
    await adapter.writeSheetPlan(rolePlan({ costRows: 3 }));
    wb.userTypes("Role profile", "C14", 42);
    const before = JSON.stringify(wb.getSheet("Role profile"));
    const writesBefore = writes();

    const result = await adapter.writeSheetPlan(rolePlan({ costRows: 6 }));
    expect(result).toMatchObject({
      status: "conflict",
      sheetName: "Role profile",
      conflicts: [{ kind: "cells", sheet: "Role profile", address: "C14" }],
      writeRequests: 0,
    });
    expect(JSON.stringify(wb.getSheet("Role profile"))).toBe(before);
    expect(wb.getTable("RoleCosts")?.address).toBe("A8:D12");
    expect(writes()).toBe(writesBefore);
  });

  it("with onConflict 'newSheet' writes a new sheet and leaves the old one to the user", async () => {
    const { adapter, wb } = make();
    await adapter.writeSheetPlan(rolePlan({ costRows: 3 }));
    wb.userTypes("Role profile", "C14", 42);
    const result = expectWritten(await adapter.writeSheetPlan(rolePlan({ costRows: 6 }), { onConflict: "newSheet" }));
    expect(result).toMatchObject({
      action: "created",
      sheetName: "Role profile (2)",
      renamedFrom: "Role profile",
      supersededSheet: "Role profile",
      avoidedConflicts: [{ kind: "cells", address: "C14" }],
    });
    expect(wb.cell("Role profile", "C14").value).toBe(42);
    expect(wb.cell("Role profile", "A9").value).toBe("Item 1");
    expect(wb.getTable("RoleCosts_old")?.sheet).toBe("Role profile");
    expect(wb.getTable("RoleCosts")).toMatchObject({ sheet: "Role profile (2)", address: "A8:D15" });
    expect(await adapter.listManaged()).toMatchObject([{ key: "role-profile:reconnect-service-manager", sheetName: "Role profile (2)" }]);
  });

  it("reports a clash with the user's table name and writes nothing", async () => {
    const { adapter, wb } = make();
    wb.userTypes("Sheet1", "A1", [["Cost"], [1]]);
    wb.userAddsTable("Sheet1", "A1:A2", "RoleCosts");
    const result = await adapter.writeSheetPlan(rolePlan());
    expect(result).toMatchObject({ status: "conflict", conflicts: [{ kind: "name", name: "RoleCosts", usedBy: "table", sheet: "Sheet1" }] });
    expect(wb.sheetNames()).toEqual(["Sheet1"]);
  });

  it("reports the user's table where the plan would write", async () => {
    const { adapter, wb } = make();
    await adapter.writeSheetPlan(rolePlan({ costRows: 3 }));
    wb.userAddsTable("Role profile", "A14:B15", "Mine");
    const result = await adapter.writeSheetPlan(rolePlan({ costRows: 6 }));
    expect(result.status).toBe("conflict");
    // Its header row also shows up as the user's cells.
    expect(result.status === "conflict" && result.conflicts).toEqual([
      { kind: "table", sheet: "Role profile", table: "Mine", address: "A14:B15" },
      { kind: "cells", sheet: "Role profile", address: "A14:B14" },
    ]);
  });

  it("never adopts a user's copy of its sheet, even once the original is renamed or deleted", async () => {
    const { adapter, wb } = make();
    await adapter.writeSheetPlan(rolePlan());
    wb.userCopiesSheet("Role profile", "Copy");
    wb.userRenamesSheet("Role profile", "Original");
    wb.userRenamesSheet("Copy", "Role profile");
    wb.userTypes("Role profile", "A9", "edited in the copy");
    expect(expectWritten(await adapter.writeSheetPlan(rolePlan({ costRows: 2 })))).toMatchObject({ action: "refreshed", sheetName: "Original" });
    expect(wb.cell("Role profile", "A9").value).toBe("edited in the copy");

    wb.userDeletesSheet("Original");
    const again = expectWritten(await adapter.writeSheetPlan(rolePlan()));
    expect(again).toMatchObject({ action: "created", sheetName: "Role profile (2)", renamedFrom: "Role profile" });
    expect(wb.cell("Role profile", "A9").value).toBe("edited in the copy");
    // The deleted sheet's workbook name (left as #REF!) was taken over, not reported as a clash.
    expect(wb.store.findName("RoleBudget")?.sheet?.name).toBe("Role profile (2)");
  });

  it("reads a table back by name, body rows only, empty cells as null", async () => {
    const { adapter, wb } = make();
    await adapter.writeSheetPlan(rolePlan());
    wb.userTypes("Role profile", "B10", "");
    const table = await adapter.readTable("rolecosts");
    expect(table).toEqual({
      name: "RoleCosts",
      sheetName: "Role profile",
      address: "A8:D12",
      headers: ["Item", "Band", "WTE", "Cost"],
      rows: [
        ["Item 1", "5", 1, 30000],
        ["Agency cover", null, 1.25, 31000],
        ["Item 3", "7", 1.5, 32000],
      ],
    });
    expect(await adapter.readTable("Nope")).toBeNull();
  });

  it("reads only the columns asked for, in the order asked, matched without regard to case; refuses a column the table lacks", async () => {
    const { adapter, wb } = make();
    await adapter.writeSheetPlan(rolePlan());
    await adapter.writeSheetPlan({ key: "notes", name: "Notes", blocks: [{ kind: "table", name: "Notes", at: "B2", columns: [{ header: "Note" }], rows: [["n1"], ["n2"]] }] });
    wb.userTypes("Role profile", "B10", "");
    const [costs, notes, missing] = await adapter.readTables!([{ name: "RoleCosts", columns: ["cost", "Item", "Band"] }, "Notes", "Nope"]);
    expect(costs).toEqual({
      name: "RoleCosts",
      sheetName: "Role profile",
      address: "A8:D12",
      headers: ["Cost", "Item", "Band"],
      rows: [
        [30000, "Item 1", "5"],
        [31000, "Agency cover", null],
        [32000, "Item 3", "7"],
      ],
    });
    expect(notes).toMatchObject({ address: "B2:B4", headers: ["Note"], rows: [["n1"], ["n2"]] });
    expect(missing).toBeNull();
    // A column the table lacks (the user renamed it, say) is refused, naming it, rather than read as blank.
    const error = await adapter.readTables!([{ name: "RoleCosts", columns: ["Item", "Grade"] }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: "no-such-column", message: 'The table RoleCosts has no column "Grade" (its columns: "Item", "Band", "WTE", "Cost").' });
  });

  it("lists the sheets it made", async () => {
    const { adapter } = make();
    expect(await adapter.listManaged()).toEqual([]);
    await adapter.writeSheetPlan(rolePlan());
    await adapter.writeSheetPlan({ key: "notes", name: "Notes", blocks: [{ kind: "range", at: "A1", rows: [["n"]] }] });
    expect(await adapter.listManaged()).toEqual([
      { key: "role-profile:reconnect-service-manager", sheetName: "Role profile", tables: ["RoleCosts"], names: ["RoleBudget"], writtenAt: FIXED_NOW.toISOString() },
      { key: "notes", sheetName: "Notes", tables: [], names: [], writtenAt: FIXED_NOW.toISOString() },
    ]);
  });

  it("refuses an invalid plan before touching the workbook", async () => {
    const { adapter, wb } = make();
    const bad: SheetPlan = { key: "bad", name: "Bad:name", blocks: [] };
    const error = await adapter.writeSheetPlan(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: "invalid-plan" });
    expect((error as WorkbookError).issues.map((i) => i.path)).toEqual(["name", "blocks"]);
    expect(wb.sheetNames()).toEqual(["Sheet1"]);
  });

  it("reports progress per write request", async () => {
    const { adapter } = make();
    const seen: [number, number][] = [];
    const result = expectWritten(await adapter.writeSheetPlan(rolePlan(), { onProgress: (done, total) => seen.push([done, total]) }));
    expect(seen).toEqual(Array.from({ length: result.writeRequests }, (_, i) => [i + 1, result.writeRequests]));
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe("both implementations", () => {
  /** A sheet's cells as [row, column, cell], row by row. */
  function cellsOf(sheet: StoreSheet): [number, number, unknown][] {
    const cells: [number, number, unknown][] = [];
    sheet.cells.forEach((cell, row, col) => cells.push([row, col, cell]));
    return cells;
  }

  /** Everything a write can change, in a comparable form. */
  function state(store: WorkbookStore): unknown {
    return {
      sheets: store.sheets().map((s) => ({
        name: s.name,
        cells: cellsOf(s),
        widths: [...s.columnWidths.entries()],
        frozen: s.frozenRows,
        tab: s.tabColor,
        page: s.page,
        props: [...s.properties.entries()],
        validations: s.validations,
        cfs: s.conditionalFormats,
      })),
      tables: store.tables().map((t) => ({ ...t, sheet: t.sheet.name })),
      names: store.names().map((n) => ({ ...n, sheet: n.sheet?.name ?? null })),
    };
  }

  it("leave the workbook in the same state for the same writes", async () => {
    const [memory, office] = implementations.map((i) => i.make()) as [Harness, Harness];
    for (const h of [memory, office]) {
      await h.adapter.writeSheetPlan(rolePlan({ costRows: 3 }));
      h.wb.userTypes("Role profile", "F1", "mine");
      await h.adapter.writeSheetPlan(rolePlan({ costRows: 5, name: "Service manager" }));
    }
    expect(state(office.wb.store)).toEqual(state(memory.wb.store));
    expect(memory.wb.sheetNames()).toEqual(["Sheet1", "Service manager"]);
  });
});
