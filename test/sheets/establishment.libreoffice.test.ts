import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readEstablishmentFiles } from "../../src/cli/commands/establishment";
import { parseCsv } from "../../src/input";
import { parseFundedPosition, parseStaffAssignment, reconcileEstablishment } from "../../src/domain";
import { ESTABLISHMENT_SHEETS, STAFF_INPUT_HEADERS } from "../../src/sheets/establishment";
import { SMALL_EXPECTED, SMALL_FUNDED, SMALL_PARAMETERS, SMALL_STAFF, fundedFields, staffFields } from "../support/establishmentCase";
import { LibreOfficeBatch } from "../support/libreoffice";
import { FIXTURES, catalog, expectWorkbookEqualsDomain, parameters, summaryValue, tableOn, to2, written } from "./establishmentChecks";

/** The file's three workbooks, recalculated in one LibreOffice run. */
const batch = new LibreOfficeBatch();

/**
 * The establishment sheets are proved, not trusted: written to .xlsx with their native formulas, recalculated by
 * LibreOffice, and every position's in-post WTE and status and every total must equal the domain's to 2 dp.
 */
describe("the hand-worked case, recalculated by LibreOffice", () => {
  const funded = SMALL_FUNDED.map((r, i) => parseFundedPosition(fundedFields(r), `line ${i + 2}`));
  const staff = SMALL_STAFF.map((r, i) => parseStaffAssignment(staffFields(r), `line ${i + 2}`));
  const result = reconcileEstablishment(catalog.pay, funded, staff, SMALL_PARAMETERS);
  const recalculated = batch.add(() => written(funded, staff, result, "small.xlsx"));
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await recalculated();
  }, 180_000);

  it("gives the hand-worked figures", () => {
    const { headers, rows } = tableOn(workbook, ESTABLISHMENT_SHEETS.reconciliation, "Position");
    const col = (h: string) => headers.indexOf(h);
    expect(rows.map((r) => [r[col("Position")], to2(r[col("In post WTE")]), to2(r[col("Variance WTE")]), r[col("Status")]])).toEqual(
      SMALL_EXPECTED.positions.map((p) => [p[0], p[1], p[2], p[3]]),
    );
    expect(to2(summaryValue(workbook, "Funded cost"))).toBe(to2(SMALL_EXPECTED.totals.fundedCost));
    expect(to2(summaryValue(workbook, "In post cost"))).toBe(to2(SMALL_EXPECTED.totals.inPostCost));
    expectWorkbookEqualsDomain(workbook, result);
  });
});

describe("the 300-position, 320-assignment extract, recalculated by LibreOffice", () => {
  const inputs = readEstablishmentFiles(join(FIXTURES, "funded.csv"), join(FIXTURES, "staff.csv"));
  const result = reconcileEstablishment(catalog.pay, inputs.funded, inputs.staff, parameters);
  let path: string;
  const recalculatedMonth = batch.add(async () => (path = await written(inputs.funded, inputs.staff, result, "month.xlsx")));
  const recalculatedPasted = batch.add(() => pastedNextMonth(path));
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await recalculatedMonth();
  }, 180_000);

  /** Next month's extract pasted into Staff in post of the workbook at `path`, as a person would, saved beside it. */
  async function pastedNextMonth(path: string): Promise<string> {
    // Paste as a person would: the extract's own text (bands as ESR writes them, dates as dates) over the first
    // columns of the table, the rest of the old rows cleared; the calculated columns are left as they are.
    const pasted = parseCsv(readFileSync(join(FIXTURES, "staff-next-month.csv"), "utf8"), "next.csv");
    const fieldsOf = (cells: readonly string[]) => Object.fromEntries(pasted.headers.map((h, i) => [h, cells[i] ?? ""]));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet(ESTABLISHMENT_SHEETS.staff)!;
    let header = 0;
    sheet.eachRow((r, n) => {
      if (header === 0 && r.getCell(1).value === STAFF_INPUT_HEADERS[0]) header = n;
    });
    const esrColumn: Record<string, string> = { "Cost Centre": "Organisation", "Pay Band": "Pay Band" };
    for (let i = 0; i < inputs.staff.length; i++) {
      const record = pasted.records[i];
      const fields = record ? fieldsOf(record.cells) : undefined;
      STAFF_INPUT_HEADERS.forEach((h, c) => {
        const text = fields ? (fields[esrColumn[h] ?? h] ?? "") : "";
        const cell = sheet.getRow(header + 1 + i).getCell(c + 1);
        if (text === "") cell.value = null;
        else if (h === "FTE" || h === "Contracted Hours") cell.value = Number(text);
        else if (h === "Fixed Term End Date") cell.value = new Date(`${parseDate(text)}T00:00:00Z`);
        else cell.value = text;
      });
    }
    const pastedPath = join(mkdtempSync(join(tmpdir(), "wfp-est-")), "pasted.xlsx");
    await book.xlsx.writeFile(pastedPath);
    return pastedPath;
  }

  it("gives every position's in-post WTE and status and every total the domain gives", () => {
    expectWorkbookEqualsDomain(workbook, result);
    expect(new Set(result.positions.map((p) => p.status))).toEqual(new Set(["Filled", "Part vacant", "Vacant", "Over-established"]));
  });

  it("never copies a name", async () => {
    const names = parseCsv(readFileSync(join(FIXTURES, "staff.csv"), "utf8"), "staff.csv").records.map((r) => r.cells[1]!);
    const zip = readFileSync(path).toString("latin1");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const texts = new Set<string>();
    book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void texts.add(String(c.value)))));
    for (const name of names) expect(texts.has(name), name).toBe(false);
    expect(zip).not.toContain("Full Name");
  });

  it("recalculates the Reconciliation from next month's extract pasted into Staff in post, without the add-in", async () => {
    const next = readEstablishmentFiles(join(FIXTURES, "funded.csv"), join(FIXTURES, "staff-next-month.csv"));
    const expected = reconcileEstablishment(catalog.pay, inputs.funded, next.staff, parameters);
    const recalculated = await recalculatedPasted();
    expectWorkbookEqualsDomain(recalculated, { ...expected, byCostCentre: expected.byCostCentre.filter((g) => result.byCostCentre.some((k) => k.key === g.key)), byBand: [], byRole: [] });
    const before = tableOn(workbook, ESTABLISHMENT_SHEETS.reconciliation, "Position").rows.map((r) => r[5]);
    const after = tableOn(recalculated, ESTABLISHMENT_SHEETS.reconciliation, "Position").rows.map((r) => r[5]);
    expect(after.filter((v, i) => to2(v) !== to2(before[i])).length).toBeGreaterThan(50);
  }, 180_000);
});

function parseDate(text: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  const months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
  const e = /^(\d{2})-([A-Z]{3})-(\d{4})$/.exec(text);
  if (e) return `${e[3]}-${String(months.indexOf(e[2]!) + 1).padStart(2, "0")}-${e[1]}`;
  return text;
}
