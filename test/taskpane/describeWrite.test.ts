import { describe, expect, it } from "vitest";
import { WorkbookError } from "../../src/excel/adapter";
import {
  type ConflictResult,
  describeConflicts,
  describeError,
  describeWritten,
  newSheetResolves,
} from "../../src/taskpane/writing/describeWrite";

const stats = { syncs: 0, writeRequests: 1, largestRequestBytes: 100 };

describe("the words for a write's outcome", () => {
  it("says created, refreshed, or where the plan went instead of the user's sheet", () => {
    const base = { status: "written", cellsWritten: 10, ...stats } as const;
    expect(describeWritten("JE log", { ...base, sheetName: "JE log", action: "created" })).toEqual({
      title: "Created sheet “JE log”",
      lines: ["The JE log is on the new sheet “JE log”."],
    });
    expect(describeWritten("JE log", { ...base, sheetName: "JE log", action: "refreshed" }).title).toBe("Refreshed sheet “JE log”");
    expect(describeWritten("JE log", { ...base, sheetName: "JE log (2)", action: "created", renamedFrom: "JE log" }).lines).toEqual([
      "A sheet named “JE log” is yours, so the JE log went to “JE log (2)”.",
    ]);
  });

  it("names each conflict with its sheet and address, and offers a new sheet only where that helps", () => {
    const conflict: ConflictResult = {
      status: "conflict",
      sheetName: "JE log",
      conflicts: [
        { kind: "cells", sheet: "JE log", address: "B9:C12" },
        { kind: "table", sheet: "JE log", table: "Notes", address: "H1:I4" },
      ],
      ...stats,
    };
    expect(newSheetResolves(conflict)).toBe(true);
    expect(describeConflicts("JE log", conflict).lines).toEqual([
      "Cells B9:C12 on sheet “JE log” hold your data.",
      "Your table “Notes” is at H1:I4 on sheet “JE log”.",
      "Nothing was written. Write the JE log to a new sheet instead, or cancel and move your data first.",
    ]);

    const names: ConflictResult = {
      ...conflict,
      conflicts: [{ kind: "name", name: "JE_Log", usedBy: "table", sheet: "Mine" }, { kind: "name", name: "Bands", usedBy: "definedName", sheet: null }],
    };
    expect(newSheetResolves(names)).toBe(false);
    expect(describeConflicts("JE log", names).lines).toEqual([
      "The name “JE_Log” is already used by a table on sheet “Mine”.",
      "The name “Bands” is already used by a defined name.",
      "Nothing was written. Rename or remove what uses that name, then try again.",
    ]);
  });

  it("explains errors by kind", () => {
    expect(describeError("JE log", "JE log", new WorkbookError("unsupported", "Writing a sheet needs ExcelApi 1.13"))).toEqual({
      title: "This Excel can't do that",
      lines: ["Writing a sheet needs ExcelApi 1.13", "Nothing was written."],
    });
    expect(describeError("JE log", "JE log", new WorkbookError("excel", "Excel refused the request: busy")).lines).toEqual([
      "Excel refused the request: busy",
      "Nothing was written.",
    ]);
    expect(describeError("JE log", "JE log", new TypeError("x is undefined"))).toEqual({
      title: "The JE log could not be written",
      lines: ["x is undefined (sheet “JE log”)."],
    });
  });
});
