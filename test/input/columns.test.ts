import { describe, expect, it } from "vitest";
import { EXCEL_MAX_COLUMNS, type ColumnSpecs, column, dateCell, numberCell, parseCsv, readColumns, textCell, wteCell } from "../../src/input";

const spec = {
  name: column("Name", { synonyms: ["Person"], read: textCell, required: true }),
  wte: column("WTE", { synonyms: ["FTE"], read: wteCell, blank: 1, also: [{ names: ["Contracted hours"], read: (c: string) => numberCell("hours", 0, 60)(c) / 37.5 }] }),
  start: column<string | null>("Start date", { read: dateCell, blank: null }),
} satisfies ColumnSpecs;

describe("parseCsv", () => {
  it("keeps the file line each record starts on, past blank lines and quoted line breaks", () => {
    const table = parseCsv('\r\nName,Notes\r\n\r\nA,"two\r\nlines"\r\n   \r\nB,x\r\n', "t.csv");
    expect(table.headerLine).toBe(2);
    expect(table.records.map((r) => [r.line, r.cells[0]])).toEqual([
      [4, "A"],
      [7, "B"],
    ]);
  });
  it("refuses more columns than a worksheet holds, naming the limit", () => {
    expect(() => parseCsv(`${Array.from({ length: EXCEL_MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(",")}\n`, "wide.csv")).toThrow(
      "wide.csv has 16,385 columns, more than a worksheet holds (16,384)",
    );
  });
  it("refuses an empty file", () => {
    expect(() => parseCsv("\n\n", "e.csv")).toThrow("e.csv is empty: it needs a header row");
  });
});

describe("readColumns", () => {
  it("reads by name and synonym, converts hours to WTE and reports unused headers once", () => {
    const table = readColumns(parseCsv("Person,Contracted hours,Notes,Cost centre\nA,30,x,1\nB,,y,2\n", "t.csv"), spec);
    expect(table.rows.map((r) => r.values)).toEqual([
      { name: "A", wte: 0.8, start: null },
      { name: "B", wte: 1, start: null },
    ]);
    expect(table.headerOf).toEqual({ name: "Person", wte: "Contracted hours", start: undefined });
    expect(table.warnings).toEqual(["t.csv: columns 'Notes', 'Cost centre' are not used"]);
  });
  it.each([
    ["Name,Name\nA,B\n", "t.csv line 1: the header has 'Name' and 'Name', two columns of one name; keep one"],
    ["Name,WTE,FTE\nA,1,1\n", "t.csv line 1: 'WTE' and 'FTE' both give the WTE; keep one of them"],
    ["Name,Start date\n\nA,2025-02-30\n", "t.csv line 3, column 'Start date': '2025-02-30' is not a date on the calendar"],
    ["Name,FTE\nA,1\n,0.5\n", "t.csv line 3, column 'Name': the Name is blank"],
    ["WTE\n1\n", "t.csv has no 'Name' column (line 1); its columns are: WTE"],
  ])("refuses %j naming the file line and the column", (csv, message) => {
    expect(() => readColumns(parseCsv(csv, "t.csv"), spec)).toThrow(message);
  });
  it("builds errors for a row that name its line and the column as the file heads it", () => {
    const table = readColumns(parseCsv("Person,FTE\nA,1\n", "t.csv"), spec);
    expect(table.error(table.rows[0]!, "wte", "too much").message).toBe("t.csv line 2, column 'FTE': too much");
  });
});
