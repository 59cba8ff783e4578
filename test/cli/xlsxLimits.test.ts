import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkRegisterFits } from "../../src/cli/xlsx/limits";
import { writeXlsx, xlsxBuffer } from "../../src/cli/xlsx/writeWorkbook";
import { type SheetPlan, formula } from "../../src/sheets/plan";
import { wfp } from "../support/cli";

/** What the writer refuses before writing a byte, and what it keeps exactly. */
const dir = mkdtempSync(join(tmpdir(), "wfp-xlsx-limits-"));

/** exceljs types its Buffer against an older @types/node. */
const asExcelJsBuffer = (buffer: Buffer): ExcelJS.Buffer => buffer as unknown as ExcelJS.Buffer;

const rangePlan = (at: string, rows: (string | number)[][]): SheetPlan => ({ key: "k", name: "Big", blocks: [{ kind: "range", at, rows }] });

describe("a workbook too big for Excel", () => {
  it("is refused up front, naming Excel's row limit", async () => {
    const plan = rangePlan("A1048575", [["a"], ["b"], ["c"]]);
    await expect(writeXlsx([plan], join(dir, "rows.xlsx"))).rejects.toThrow("the 'Big' sheet would need 1,048,577 rows; an Excel worksheet holds at most 1,048,576");
  });

  it("is refused up front, naming Excel's column limit", async () => {
    const plan: SheetPlan = {
      key: "k",
      name: "Wide",
      blocks: [{ kind: "table", name: "Wide", at: "B1", columns: Array.from({ length: 16_384 }, (_, i) => ({ header: `C${i}` })), rows: [] }],
    };
    await expect(xlsxBuffer([plan])).rejects.toThrow("the 'Wide' sheet would need 16,385 columns; an Excel worksheet holds at most 16,384 (A to XFD)");
  });

  it("refuses a skills CSV wider than a worksheet as soon as it is read, naming the limit", async () => {
    const csv = join(dir, "wide.csv");
    const headings = Array.from({ length: 16_375 }, (_, i) => `Local skill ${i + 1}`);
    writeFileSync(csv, `Name,${headings.join(",")}\nJo${",".repeat(headings.length)}\n`);
    const out = join(dir, "wide.xlsx");
    for (const argv of [["matrix", "--team", csv], ["workbook", "--skills", csv]]) {
      expect(await wfp(...argv, "--out", out)).toEqual({
        code: 1,
        stdout: "",
        stderr: `wfp: ${csv} has 16,375 competences; the Team skills sheet holds at most 16,374 (an Excel worksheet has 16,384 columns)\n`,
      });
    }
  }, 60_000);

  it("counts the register's own rows: its header, a row per person and the totals row", () => {
    expect(() => checkRegisterFits(1_048_565, 150, "team.csv")).not.toThrow();
    expect(() => checkRegisterFits(1_048_566, 150, "team.csv")).toThrow("team.csv has 1,048,566 people; the Team skills sheet holds at most 1,048,565 (an Excel worksheet has 1,048,576 rows)");
  });

  it("writes a sheet that just fits: the last row and column of the grid", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(asExcelJsBuffer(await xlsxBuffer([rangePlan("XFD1048576", [[42]])])));
    expect(workbook.getWorksheet("Big")!.getCell("XFD1048576").value).toBe(42);
  });
});

describe("cell values", () => {
  it("keeps text as text (whatever it starts with), numbers, booleans, formulas and awkward characters", async () => {
    const text = ["=1+1", "  padded  ", "a & <b> \"c\" 'd'", "line\nbreak", "tab\there", "control \u0001 char"];
    const plan: SheetPlan = {
      key: "k",
      name: "Values",
      blocks: [
        { kind: "range", at: "A1", rows: [text] },
        { kind: "range", at: "A3", rows: [[1.5, -0, 1e-7, 123456789012, true, false]] },
        { kind: "range", at: "A5", rows: [[formula("=SUM(A3:B3)"), formula('=IF(A1="x","<&>","")')]] },
      ],
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(asExcelJsBuffer(await xlsxBuffer([plan])));
    const ws = workbook.getWorksheet("Values")!;
    // XML 1.0 cannot carry U+0001: it is written as Excel writes it, _x0001_, and read back as the character.
    expect(text.map((_, c) => ws.getRow(1).getCell(c + 1).value)).toEqual(text);
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getRow(3).getCell(c).value)).toEqual([1.5, 0, 1e-7, 123456789012, true, false]);
    expect(ws.getCell("A5").value).toEqual({ formula: "SUM(A3:B3)" });
    expect(ws.getCell("B5").value).toEqual({ formula: 'IF(A1="x","<&>","")' });
  });
});
