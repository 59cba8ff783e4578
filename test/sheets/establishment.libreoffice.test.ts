import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { readEstablishmentFiles } from "../../src/cli/commands/establishment";
import { parseCsv } from "../../src/input";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import {
  type EstablishmentParameters,
  type EstablishmentReconciliation,
  type FundedPosition,
  type StaffAssignment,
  parseFundedPosition,
  parseStaffAssignment,
  reconcileEstablishment,
} from "../../src/domain";
import {
  ESTABLISHMENT_SHEETS,
  RECONCILIATION_FORMULAS,
  RECONCILIATION_HEADERS,
  STAFF_FORMULAS,
  STAFF_INPUT_HEADERS,
  establishmentWorkbookPlans,
} from "../../src/sheets/establishment";
import { SMALL_EXPECTED, SMALL_FUNDED, SMALL_PARAMETERS, SMALL_STAFF, fundedFields, staffFields } from "../support/establishmentCase";
import { EXTRACT_AS_AT } from "../support/esrExtract";
import { recalculateWithLibreOffice, recalculatedTable, resultOf } from "../support/libreoffice";

/**
 * The establishment sheets are proved, not trusted: written to .xlsx with their native formulas, recalculated by
 * LibreOffice, and every position's in-post WTE and status and every total must equal the domain's to 2 dp.
 */
const catalog = defaultCatalog();
const FIXTURES = join(__dirname, "..", "fixtures", "establishment");
const parameters: EstablishmentParameters = { ...SMALL_PARAMETERS, asAt: EXTRACT_AS_AT };

const tableOn = recalculatedTable;

function summaryValue(workbook: ExcelJS.Workbook, label: string): unknown {
  let found: unknown;
  workbook.getWorksheet(ESTABLISHMENT_SHEETS.summary)!.eachRow((r) => {
    if (found === undefined && r.getCell(1).value === label) found = resultOf(r.getCell(2));
  });
  return found;
}

const to2 = (n: unknown): number => Math.round(Number(n) * 100) / 100 + 0;

function expectWorkbookEqualsDomain(workbook: ExcelJS.Workbook, result: EstablishmentReconciliation): void {
  const { headers, rows } = tableOn(workbook, ESTABLISHMENT_SHEETS.reconciliation, "Position");
  expect(headers).toEqual([...RECONCILIATION_HEADERS]);
  const col = (h: string) => headers.indexOf(h);
  expect(rows).toHaveLength(result.positions.length);
  result.positions.forEach((p, i) => {
    const row = rows[i]!;
    const where = `position ${p.funded.position}`;
    expect(String(row[col("Position")]), where).toBe(p.funded.position);
    expect(to2(row[col("Funded WTE")]), where).toBe(to2(p.funded.fundedWte));
    expect(to2(row[col("In post WTE")]), where).toBe(to2(p.inPostWte));
    expect(row[col("Status")], where).toBe(p.status);
    expect(to2(row[col("Absent WTE")]), where).toBe(to2(p.absentWte));
    expect(to2(row[col("Bank WTE")]), where).toBe(to2(p.bankWte));
    expect(Number(row[col("Band mismatches")]), where).toBe(p.bandMismatches);
    expect(Number(row[col("Fixed terms ending")]), where).toBe(p.fixedTermEnding);
    expect(row[col("Vacant over 90 days")], where).toBe(p.vacantOver90Days ? "Yes" : "No");
    expect(to2(row[col("Funded cost")]), where).toBe(to2(p.fundedCost));
    expect(to2(row[col("In post cost")]), where).toBe(to2(p.inPostCost));
  });
  const t = result.totals;
  const totals: [string, number][] = [
    ["Funded WTE", t.fundedWte],
    ["In post WTE", t.inPostWte],
    ["Vacant WTE", t.vacantWte],
    ["Over-established WTE", t.overEstablishedWte],
    ["Unfunded WTE", t.unfundedWte],
    ["Absent WTE", t.absentWte],
    ["Bank WTE (not counted)", t.bankWte],
    ["Funded cost", t.fundedCost],
    ["In post cost", t.inPostCost],
  ];
  for (const [label, value] of totals) expect(to2(summaryValue(workbook, label)), label).toBe(to2(value));
  expect(Number(summaryValue(workbook, "Match rate"))).toBeCloseTo(t.matchRate!, 9);
  const byCc = tableOn(workbook, ESTABLISHMENT_SHEETS.summary, "Cost centre");
  expect(byCc.rows.map((r) => String(r[0]))).toEqual(result.byCostCentre.map((g) => g.key));
  result.byCostCentre.forEach((g, i) => {
    const r = byCc.rows[i]!;
    expect([r[1], r[2], r[3], r[4], r[5], r[6], r[7]].map(to2), g.key).toEqual(
      [g.fundedWte, g.inPostWte, g.vacantWte, g.overEstablishedWte, g.unfundedWte, g.absentWte, g.bankWte].map(to2),
    );
  });
  const byBand = tableOn(workbook, ESTABLISHMENT_SHEETS.summary, "Band");
  result.byBand.forEach((g, i) => expect([String(byBand.rows[i]![0]), to2(byBand.rows[i]![2]), to2(byBand.rows[i]![10])]).toEqual([g.key, to2(g.inPostWte), to2(g.inPostCost)]));
  const byRole = tableOn(workbook, ESTABLISHMENT_SHEETS.summary, "Role");
  result.byRole.forEach((g, i) => expect([String(byRole.rows[i]![0]), to2(byRole.rows[i]![1]), to2(byRole.rows[i]![2])]).toEqual([g.key, to2(g.fundedWte), to2(g.inPostWte)]));
}

async function written(funded: FundedPosition[], staff: StaffAssignment[], result: EstablishmentReconciliation, name: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "wfp-est-")), name);
  await writeXlsx(establishmentWorkbookPlans(catalog, funded, staff, result), path);
  return path;
}

describe("the hand-worked case, recalculated by LibreOffice", () => {
  const funded = SMALL_FUNDED.map((r, i) => parseFundedPosition(fundedFields(r), `line ${i + 2}`));
  const staff = SMALL_STAFF.map((r, i) => parseStaffAssignment(staffFields(r), `line ${i + 2}`));
  const result = reconcileEstablishment(catalog.pay, funded, staff, SMALL_PARAMETERS);
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await recalculateWithLibreOffice(await written(funded, staff, result, "small.xlsx"));
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
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    path = await written(inputs.funded, inputs.staff, result, "month.xlsx");
    workbook = await recalculateWithLibreOffice(path);
  }, 180_000);

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
    const recalculated = await recalculateWithLibreOffice(pastedPath);
    expectWorkbookEqualsDomain(recalculated, { ...expected, byCostCentre: expected.byCostCentre.filter((g) => result.byCostCentre.some((k) => k.key === g.key)), byBand: [], byRole: [] });
    const before = tableOn(workbook, ESTABLISHMENT_SHEETS.reconciliation, "Position").rows.map((r) => r[5]);
    const after = tableOn(recalculated, ESTABLISHMENT_SHEETS.reconciliation, "Position").rows.map((r) => r[5]);
    expect(after.filter((v, i) => to2(v) !== to2(before[i])).length).toBeGreaterThan(50);
  }, 180_000);
});

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

  /** The workbook as the add-in writes it, with the digit-only ids of the chosen tables turned into numbers. */
  async function withNumericIds(tables: readonly { sheet: string; header: string }[]): Promise<ExcelJS.Workbook> {
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
    return recalculateWithLibreOffice(numericPath);
  }

  it("are the hand-worked case still: the extract's ids numbers, the establishment's text", async () => {
    expect(result.positions.map((p) => [p.funded.position, p.status])).toEqual(SMALL_EXPECTED.positions.map((p) => [id(p[0]), p[3]]));
    const workbook = await withNumericIds([{ sheet: ESTABLISHMENT_SHEETS.staff, header: "Position Number" }]);
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
    const workbook = await withNumericIds([
      { sheet: ESTABLISHMENT_SHEETS.staff, header: "Position Number" },
      { sheet: ESTABLISHMENT_SHEETS.establishment, header: "Position" },
    ]);
    const positions = tableOn(workbook, ESTABLISHMENT_SHEETS.establishment, "Position");
    expect(positions.rows.map((r) => r[0])).toEqual(fundedRows.map((r) => Number(r[0])));
    expectWorkbookEqualsDomain(workbook, result);
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
