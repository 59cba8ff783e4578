import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseFundedPosition, parseStaffAssignment, reconcileEstablishment } from "../../src/domain";
import { ESTABLISHMENT_SHEETS, RECONCILIATION_FORMULAS, STAFF_FORMULAS, STAFF_INPUT_HEADERS } from "../../src/sheets/establishment";
import { SMALL_EXPECTED, SMALL_FUNDED, SMALL_PARAMETERS, SMALL_STAFF, fundedFields, staffFields } from "../support/establishmentCase";
import { LibreOfficeBatch } from "../support/libreoffice";
import { catalog, expectWorkbookEqualsDomain, tableOn, written } from "./establishmentChecks";

/**
 * ESR position ids that are numbers, in the establishment sheets recalculated by LibreOffice (see
 * establishment.libreoffice.test.ts for the other cases).
 */
describe("ESR position ids that are numbers, recalculated by LibreOffice", () => {
  // ESR position numbers are digits: the add-in writes them as text, but a user who opens an extract in Excel
  // and pastes it (or pastes positions into the Establishment) gets numbers. A SUMIFS criterion or a lookup that
  // compares text with numbers would then find nothing, and every position would read vacant.
  const id = (p: string): string => ({ P1: "10234561", P2: "10234562", P3: "10234563", P4: "10234564", P5: "10234565", P6: "10234566", p1: "10234599" })[p] ?? p;
  const fundedRows = SMALL_FUNDED.map((r) => [id(r[0]!), ...r.slice(1)]);
  const staffRows = SMALL_STAFF.map((r) => [r[0]!, r[1]!, id(r[2]!), ...r.slice(3)]);
  const funded = fundedRows.map((r, i) => parseFundedPosition(fundedFields(r), `line ${i + 2}`));
  const staff = staffRows.map((r, i) => parseStaffAssignment(staffFields(r), `line ${i + 2}`));
  const result = reconcileEstablishment(catalog.pay, funded, staff, SMALL_PARAMETERS);

  /** The file's two workbooks, recalculated in one LibreOffice run. */
  const batch = new LibreOfficeBatch();

  /** The workbook as the add-in writes it, with the digit-only ids of the chosen tables turned into numbers. */
  async function withNumericIds(tables: readonly { sheet: string; header: string }[]): Promise<string> {
    const path = await written(funded, staff, result, "numeric.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    let changed = 0;
    for (const { sheet: name, header } of tables) {
      const sheet = book.getWorksheet(name)!;
      let at: { row: number; col: number } | null = null;
      sheet.eachRow((r, n) => r.eachCell((c, col) => void (at === null && c.value === header ? (at = { row: n, col }) : null)));
      const { row, col } = at!;
      for (let n = row + 1; n <= sheet.rowCount; n++) {
        const cell = sheet.getRow(n).getCell(col);
        if (typeof cell.value === "string" && /^[1-9]\d*$/.test(cell.value)) {
          cell.value = Number(cell.value);
          changed++;
        }
      }
    }
    expect(changed).toBeGreaterThan(5);
    const numericPath = join(mkdtempSync(join(tmpdir(), "wfp-est-")), "numeric-ids.xlsx");
    await book.xlsx.writeFile(numericPath);
    return numericPath;
  }
  const extractNumeric = batch.add(() => withNumericIds([{ sheet: ESTABLISHMENT_SHEETS.staff, header: "Position Number" }]));
  const bothNumeric = batch.add(() =>
    withNumericIds([
      { sheet: ESTABLISHMENT_SHEETS.staff, header: "Position Number" },
      { sheet: ESTABLISHMENT_SHEETS.establishment, header: "Position" },
    ]),
  );

  it("are the hand-worked case still: the extract's ids numbers, the establishment's text", async () => {
    expect(result.positions.map((p) => [p.funded.position, p.status])).toEqual(SMALL_EXPECTED.positions.map((p) => [id(p[0]), p[3]]));
    const workbook = await extractNumeric();
    const extract = tableOn(workbook, ESTABLISHMENT_SHEETS.staff, STAFF_INPUT_HEADERS[0]);
    expect(extract.rows.map((r) => r[extract.headers.indexOf("Position Number")])).toEqual(staffRows.map((r) => (/^\d+$/.test(r[2]!) ? Number(r[2]) : r[2])));
    expectWorkbookEqualsDomain(workbook, result);
  }, 180_000);

  it("are looked up by their number too where the text finds nothing: Excel's MATCH finds no number by its text", () => {
    // LibreOffice's MATCH("456"; numbers; 0) finds 456 (measured with 7.4), so the recalculation below passes
    // either way; Excel's doesn't, so each lookup of an id carries the number's lookup after the text's.
    for (const f of [STAFF_FORMULAS["Row in establishment"], RECONCILIATION_FORMULAS["Row in establishment"]]) {
      expect(f).toMatch(/^=IFERROR\(MATCH\(SUBSTITUTE\(.+,Establishment\[Position\],0\),IFERROR\(MATCH\(--\(\[@(\[Position Number\]|Position)\]&""\),Establishment\[Position\],0\),0\)\)$/);
    }
  });

  it("match when both the extract's and the establishment's ids are numbers", async () => {
    const workbook = await bothNumeric();
    const positions = tableOn(workbook, ESTABLISHMENT_SHEETS.establishment, "Position");
    expect(positions.rows.map((r) => r[0])).toEqual(fundedRows.map((r) => Number(r[0])));
    expectWorkbookEqualsDomain(workbook, result);
  }, 180_000);
});
