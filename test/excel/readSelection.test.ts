/**
 * WorkbookAdapter.readSelection against both implementations: the memory workbook, and the Office.js adapter over
 * the Office fake (Workbook.getSelectedRange, then the used part of it read in chunks).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { WorkbookAdapter } from "../../src/excel/adapter";
import { MemoryWorkbook, WorkbookStore } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter, addressSheet } from "../../src/excel/officeAdapter";
import { FakeExcel } from "../support/fakeExcel";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

interface Harness {
  readonly adapter: WorkbookAdapter & Required<Pick<WorkbookAdapter, "readSelection">>;
  readonly wb: MemoryWorkbook;
  select(sheet: string, address: string): void;
  readonly fake: FakeExcel | null;
}

const implementations: { name: string; make: () => Harness }[] = [
  {
    name: "MemoryWorkbook",
    make: () => {
      const wb = new MemoryWorkbook({ sheets: ["Sheet1"] });
      return { adapter: wb, wb, select: (sheet, address) => wb.userSelects(sheet, address), fake: null };
    },
  },
  {
    name: "OfficeWorkbookAdapter over the Office fake",
    make: () => {
      const store = new WorkbookStore();
      store.addSheet("Sheet1");
      const fake = new FakeExcel(store);
      uninstall = fake.install();
      return {
        adapter: new OfficeWorkbookAdapter({ readChunkCells: 6 }),
        wb: new MemoryWorkbook({ store }),
        select: (sheet, address) => {
          fake.selection = { sheet, address };
        },
        fake,
      };
    },
  },
];

describe.each(implementations)("readSelection: $name", ({ make }) => {
  it("reads only the part of a whole-column selection that holds values, empty cells as null", async () => {
    const h = make();
    h.wb.userAddsSheet("ESR Jan's");
    h.wb.userTypes("ESR Jan's", "B2", [
      ["Assignment Number", "FTE", "Fixed Term End Date"],
      ["A1", 1, ""],
      ["A2", "0.5", "2026-03-31"],
      ["10234567", 0.8, ""],
    ]);
    h.select("ESR Jan's", "A:D");
    const selection = await h.adapter.readSelection();
    expect(selection).toMatchObject({ sheetName: "ESR Jan's", address: "A:D", usedAddress: "B2:D5" });
    expect(selection.rows).toEqual([
      ["Assignment Number", "FTE", "Fixed Term End Date"],
      ["A1", 1, null],
      ["A2", 0.5, expect.any(Number)],
      [10234567, 0.8, null],
    ]);
    // One sync for the selection and its used part, then one per 6 cells (two rows of three).
    if (h.fake) expect(h.fake.syncs).toBe(1 + 2);
  });

  it("says a selection with no values is empty", async () => {
    const h = make();
    h.select("Sheet1", "C3:D9");
    expect(await h.adapter.readSelection()).toEqual({ sheetName: "Sheet1", address: "C3:D9", usedAddress: null, rows: [] });
  });

  it("is the first sheet's A1 before anything is selected, as Excel always has an active cell", async () => {
    const h = make();
    h.wb.userTypes("Sheet1", "A1", "Position");
    expect(await h.adapter.readSelection()).toEqual({ sheetName: "Sheet1", address: "A1", usedAddress: "A1", rows: [["Position"]] });
  });
});

describe("the selection is strict", () => {
  it("the Office fake refuses a selection on a sheet that is not there (ItemNotFound)", async () => {
    const store = new WorkbookStore();
    store.addSheet("Sheet1");
    const fake = new FakeExcel(store);
    uninstall = fake.install();
    fake.selection = { sheet: "Gone", address: "A1:B2" };
    await expect(new OfficeWorkbookAdapter().readSelection()).rejects.toMatchObject({ code: "excel", message: expect.stringContaining("ItemNotFound") });
  });

  it("the memory workbook refuses selecting on a missing sheet and forgets a selection whose sheet is deleted", async () => {
    const wb = new MemoryWorkbook({ sheets: ["Sheet1", "Extract"] });
    expect(() => wb.userSelects("Missing", "A1")).toThrow();
    wb.userSelects("Extract", "a1:b2");
    expect(wb.selection).toEqual({ sheet: "Extract", address: "A1:B2" });
    wb.userRenamesSheet("Extract", "ESR");
    expect(wb.selection).toEqual({ sheet: "ESR", address: "A1:B2" });
    wb.userDeletesSheet("ESR");
    expect((await wb.readSelection()).sheetName).toBe("Sheet1");
  });

  it("reads the sheet from an Office address", () => {
    expect(addressSheet("'ESR Jan''s'!A1:B2")).toBe("ESR Jan's");
    expect(addressSheet("Sheet1!A1")).toBe("Sheet1");
  });
});
