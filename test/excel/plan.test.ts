import { describe, expect, it } from "vitest";
import {
  blockArea,
  columnLetter,
  columnNumber,
  excelDate,
  isValidExcelName,
  isValidSheetName,
  offset,
  parseA1,
  parseRange,
  rangeAddress,
  type Rect,
  rectAddress,
  rectCells,
  type SheetPlan,
  subtractAll,
  subtractRect,
  validatePlan,
} from "../../src/sheets/plan";
import { rolePlan } from "./plans";

describe("A1 arithmetic", () => {
  it("converts column numbers and letters both ways", () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    for (const n of [1, 26, 27, 702, 703, 16384]) expect(columnNumber(columnLetter(n))).toBe(n);
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(16385)).toThrow(RangeError);
    expect(() => columnNumber("XFE")).toThrow(RangeError);
  });

  it("parses cells and ranges, absolute or not", () => {
    expect(parseA1("$B$3")).toEqual({ row: 3, col: 2 });
    expect(parseRange("D10:B3")).toEqual({ top: 3, left: 2, bottom: 10, right: 4 });
    expect(parseRange("B:D")).toMatchObject({ top: 1, left: 2, right: 4, bottom: 1_048_576 });
    expect(parseRange("2:5")).toMatchObject({ top: 2, bottom: 5, left: 1, right: 16_384 });
    expect(() => parseA1("B0")).toThrow(RangeError);
    expect(() => parseRange("Sheet1!A1")).toThrow(RangeError);
    expect(() => parseRange("A1:B2:C3")).toThrow(RangeError);
  });

  it("offsets and builds addresses", () => {
    expect(offset("B3", 1, 2)).toBe("D4");
    expect(rangeAddress("B3", 2, 3)).toBe("B3:D4");
    expect(rangeAddress("B3", 1, 1)).toBe("B3");
    expect(rectAddress(parseRange("C:C"))).toBe("C:C");
    expect(rectAddress(parseRange("3:4"))).toBe("3:4");
    expect(() => offset("A1", -1, 0)).toThrow(RangeError);
    expect(() => rangeAddress("A1", 0, 1)).toThrow(RangeError);
  });

  it("subtracts rectangles into disjoint pieces covering exactly the difference", () => {
    const a: Rect = { top: 1, left: 1, bottom: 10, right: 10 };
    const b: Rect = { top: 4, left: 3, bottom: 6, right: 5 };
    const pieces = subtractRect(a, b);
    expect(pieces.reduce((n, r) => n + rectCells(r), 0)).toBe(100 - 9);
    for (let i = 0; i < pieces.length; i++) {
      for (let j = i + 1; j < pieces.length; j++) {
        const p = pieces[i] as Rect;
        const q = pieces[j] as Rect;
        expect(p.right < q.left || q.right < p.left || p.bottom < q.top || q.bottom < p.top).toBe(true);
      }
    }
    expect(subtractAll(a, [a])).toEqual([]);
    expect(subtractRect(a, { top: 20, left: 20, bottom: 21, right: 21 })).toEqual([a]);
  });

  it("turns ISO dates into Excel serials", () => {
    expect(excelDate("1900-03-01")).toBe(61);
    expect(excelDate("2025-04-01")).toBe(45748);
    expect(() => excelDate("2025-02-30")).toThrow(RangeError);
  });
});

describe("names", () => {
  it("follows Excel's sheet-name rules", () => {
    expect(isValidSheetName("Role profile (2)")).toBe(true);
    expect(isValidSheetName("a".repeat(31))).toBe(true);
    expect(isValidSheetName("a".repeat(32))).toBe(false);
    for (const bad of ["", "a/b", "a\\b", "a[1]", "a:b", "a*", "a?", "'quoted", "History"]) expect(isValidSheetName(bad)).toBe(false);
  });

  it("follows Excel's table and defined-name rules", () => {
    for (const good of ["RoleCosts", "_x", "Band.Rates", "\\back", "Table1_2", "XFE1"]) expect(isValidExcelName(good)).toBe(true);
    for (const bad of ["", "1abc", "A1", "xfd1048576", "R1C1", "R", "c", "has space", "a-b"]) expect(isValidExcelName(bad)).toBe(false);
  });
});

describe("validatePlan", () => {
  it("accepts a well-formed plan", () => {
    expect(validatePlan(rolePlan())).toEqual([]);
  });

  const issuesOf = (plan: SheetPlan): string[] => validatePlan(plan).map((i) => `${i.path}: ${i.message}`);

  it("refuses bad names, ragged rows and overlapping blocks", () => {
    const plan: SheetPlan = {
      key: "k",
      name: "Bad/name",
      blocks: [
        { kind: "range", at: "A1", rows: [["a", "b"], ["c"]] },
        { kind: "range", at: "B2", rows: [[1]] },
        { kind: "table", name: "A1", at: "Z1", columns: [{ header: "X" }, { header: "x" }], rows: [[1, 2, 3]] },
      ],
    };
    const issues = issuesOf(plan);
    expect(issues.some((i) => i.startsWith("name:"))).toBe(true);
    expect(issues.some((i) => i.startsWith("blocks[0].rows[1]"))).toBe(true);
    expect(issues.some((i) => i.startsWith("blocks[1]: overlaps blocks[0]"))).toBe(true);
    expect(issues.some((i) => i.startsWith("blocks[2].name"))).toBe(true);
    expect(issues.some((i) => i.startsWith("blocks[2].columns[1].header"))).toBe(true);
    expect(issues.some((i) => i.startsWith("blocks[2].rows[0]"))).toBe(true);
  });

  it("refuses list validations Excel can't hold and formats outside the blocks", () => {
    const base = rolePlan();
    const plan: SheetPlan = {
      ...base,
      blocks: [
        {
          kind: "table",
          name: "T",
          at: "A1",
          columns: [{ header: "A", validation: { kind: "list", values: ["x,y"] } }, { header: "B", validation: { kind: "list", values: ["v".repeat(300)] } }],
          rows: [],
        },
      ],
      conditionalFormats: [{ kind: "textContains", at: "A1:A50", text: "x", fill: "red" }],
      names: [{ name: "T", at: "A1" }],
    };
    const issues = issuesOf(plan);
    expect(issues.some((i) => i.includes("commas"))).toBe(true);
    expect(issues.some((i) => i.includes("over 255"))).toBe(true);
    expect(issues.some((i) => i.startsWith("conditionalFormats[0].at"))).toBe(true);
    expect(issues.some((i) => i.startsWith("conditionalFormats[0].fill"))).toBe(true);
    expect(issues.some((i) => i.startsWith("names[0]") && i.includes("already used"))).toBe(true);
  });

  it("refuses non-finite numbers and formulas without '='", () => {
    const plan: SheetPlan = { key: "k", name: "S", blocks: [{ kind: "range", at: "A1", rows: [[Number.NaN, { formula: "SUM(A1)" }]] }] };
    expect(issuesOf(plan)).toHaveLength(2);
  });

  it("counts a table's header, its one empty body row and totals in its area", () => {
    expect(blockArea({ kind: "table", name: "T", at: "B2", columns: [{ header: "a" }, { header: "b" }], rows: [], totals: [null, null] })).toEqual({
      top: 2,
      left: 2,
      bottom: 4,
      right: 3,
    });
  });
});
