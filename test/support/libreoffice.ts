import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";

/** `npm test` (scripts/test.mjs) finds LibreOffice, installing it where missing, and sets this. */
const SOFFICE = process.env.WFP_SOFFICE ?? "soffice";

/**
 * Recalculates an .xlsx with LibreOffice headless and returns the recalculated workbook, so tests can check
 * the cached results of formulas exceljs wrote without values. A profile of our own per call sets
 * OOXMLRecalcMode to 0 ("always recalculate"), without which LibreOffice keeps the stale (empty) results.
 */
export async function recalculateWithLibreOffice(xlsxPath: string): Promise<ExcelJS.Workbook> {
  const work = mkdtempSync(join(tmpdir(), "wfp-lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  const out = join(work, "out");
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, xlsxPath],
    { stdio: "pipe", timeout: 120_000 },
  );
  const outPath = join(out, basename(xlsxPath));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(outPath);
  await restoreFalsyResults(workbook, outPath);
  return workbook;
}

/**
 * exceljs drops a formula's cached result when it is 0 or "" (it tests for truth, and cannot even hold one
 * set by hand). Those results are read from the sheet XML and kept beside the workbook for resultOf, so a
 * test can tell a computed 0 from a formula LibreOffice left uncomputed.
 */
const falsyResults = new WeakMap<ExcelJS.Worksheet, Map<string, string | number>>();

async function restoreFalsyResults(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const sheetFiles = await sheetFilesByName(zip);
  for (const sheet of workbook.worksheets) {
    const file = sheetFiles.get(sheet.name);
    if (!file) continue;
    const xml = await zip.file(file)!.async("string");
    // The cell's attributes come in any order (r, s, t): read them from the tag, not by position.
    for (const m of xml.matchAll(/<c ([^>]*)><f[^>]*>[^<]*<\/f><v>([^<]*)<\/v><\/c>/g)) {
      const text = m[2]!;
      if (text === "" || text === "0") {
        const address = /\br="([A-Z]+\d+)"/.exec(m[1]!)?.[1];
        if (!address) continue;
        const isText = /\bt="str"/.test(m[1]!);
        let results = falsyResults.get(sheet);
        if (!results) falsyResults.set(sheet, (results = new Map()));
        results.set(address, isText ? text : Number(text));
      }
    }
  }
}

async function sheetFilesByName(zip: JSZip): Promise<Map<string, string>> {
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const files = new Map<string, string>();
  for (const m of book.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = targets.get(m[2]!);
    if (target) files.set(m[1]!.replace(/&amp;/g, "&"), `xl/${target.replace(/^\/?xl\//, "")}`);
  }
  return files;
}

/** A cell's value as LibreOffice left it: a formula's cached result, or the value itself. */
export function resultOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  const falsy = falsyResults.get(cell.worksheet)?.get(cell.address);
  if (falsy !== undefined) return falsy;
  if (v !== null && typeof v === "object" && "formula" in v) return (v as ExcelJS.CellFormulaValue).result;
  if (v !== null && typeof v === "object" && "sharedFormula" in v) return (v as ExcelJS.CellSharedFormulaValue).result;
  return v;
}

/**
 * The table whose header row starts with `firstHeader` on a sheet, as LibreOffice left it: its headers and the
 * results of its body rows, up to a totals row ("Total") or a blank row.
 */
export function recalculatedTable(workbook: ExcelJS.Workbook, sheetName: string, firstHeader: string): { headers: string[]; rows: unknown[][] } {
  const sheet = workbook.getWorksheet(sheetName)!;
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (headerRow === 0 && row.getCell(1).value === firstHeader) headerRow = n;
  });
  return recalculatedTableAt(workbook, sheetName, headerRow);
}

/** The same, for the table whose header row is row `headerRow` of the sheet. */
export function recalculatedTableAt(workbook: ExcelJS.Workbook, sheetName: string, headerRow: number): { headers: string[]; rows: unknown[][] } {
  const sheet = workbook.getWorksheet(sheetName)!;
  const headers: string[] = [];
  for (let c = 1; sheet.getRow(headerRow).getCell(c).value !== null; c++) headers.push(String(sheet.getRow(headerRow).getCell(c).value));
  const rows: unknown[][] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (row.getCell(1).value === "Total" || row.getCell(1).value === null) break;
    rows.push(headers.map((_, c) => resultOf(row.getCell(c + 1))));
  }
  return { headers, rows };
}
