// What the establishment LibreOffice tests share: the parameters, how a recalculated workbook is compared with the
// domain, and writing a case to .xlsx. The tests are in establishment.libreoffice.test.ts and
// establishmentNumericIds.libreoffice.test.ts, which run in parallel.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import { type EstablishmentParameters, type EstablishmentReconciliation, type FundedPosition, type StaffAssignment } from "../../src/domain";
import { ESTABLISHMENT_SHEETS, RECONCILIATION_HEADERS, establishmentWorkbookPlans } from "../../src/sheets/establishment";
import { SMALL_PARAMETERS } from "../support/establishmentCase";
import { EXTRACT_AS_AT } from "../support/esrExtract";
import { recalculatedTable, resultOf } from "../support/libreoffice";

export const catalog = defaultCatalog();
export const FIXTURES = join(__dirname, "..", "fixtures", "establishment");
export const parameters: EstablishmentParameters = { ...SMALL_PARAMETERS, asAt: EXTRACT_AS_AT };

export const tableOn = recalculatedTable;

export function summaryValue(workbook: ExcelJS.Workbook, label: string): unknown {
  let found: unknown;
  workbook.getWorksheet(ESTABLISHMENT_SHEETS.summary)!.eachRow((r) => {
    if (found === undefined && r.getCell(1).value === label) found = resultOf(r.getCell(2));
  });
  return found;
}

export const to2 = (n: unknown): number => Math.round(Number(n) * 100) / 100 + 0;

export function expectWorkbookEqualsDomain(workbook: ExcelJS.Workbook, result: EstablishmentReconciliation): void {
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

export async function written(funded: FundedPosition[], staff: StaffAssignment[], result: EstablishmentReconciliation, name: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "wfp-est-")), name);
  await writeXlsx(establishmentWorkbookPlans(catalog, funded, staff, result), path);
  return path;
}
