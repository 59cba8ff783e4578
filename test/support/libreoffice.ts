import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { inject } from "vitest";

/** `npm test` (scripts/test.mjs) finds LibreOffice, installing it where missing, and sets this. */
const SOFFICE = process.env.WFP_SOFFICE ?? "soffice";

/**
 * soffice's environment: glibc's malloc keeps 256 MB of its heap when it shrinks it rather than handing the pages back.
 * LibreOffice grows and shrinks its heap over and over as it starts and converts, and every page it takes again is a
 * page fault: 290,000 of them for an empty conversion, a second of system time on each start (0.2 s with this), and
 * 1.3 s on a 1,400-row plan. What it computes is the same; a run's resident memory barely changes.
 */
const SOFFICE_ENV = {
  ...process.env,
  GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, "glibc.malloc.top_pad=268435456"].filter(Boolean).join(":"),
};

/**
 * Recalculates an .xlsx with LibreOffice headless and returns the recalculated workbook, so tests can check
 * the cached results of formulas exceljs wrote without values.
 */
export async function recalculateWithLibreOffice(xlsxPath: string): Promise<ExcelJS.Workbook> {
  return (await recalculateAllWithLibreOffice([xlsxPath]))[0]!;
}

/**
 * Recalculates several workbooks in one LibreOffice run, in order. Starting soffice costs about 2 s of CPU
 * whatever it converts; each workbook more costs only its own load, recalculation and save. A test file that
 * needs several recalculated workbooks writes them all first and recalculates them here at once.
 */
export async function recalculateAllWithLibreOffice(xlsxPaths: readonly string[]): Promise<ExcelJS.Workbook[]> {
  const work = mkdtempSync(join(tmpdir(), "wfp-lo-"));
  const input = join(work, "in");
  const out = join(work, "out");
  mkdirSync(input);
  // soffice names each output after its input: numbered copies keep two inputs of the same name apart.
  const inputs = xlsxPaths.map((path, i) => {
    const copy = join(input, `${i}-${basename(path)}`);
    copyFileSync(path, copy);
    return copy;
  });
  try {
    execFileSync(
      SOFFICE,
      [`-env:UserInstallation=${pathToFileURL(workerProfile()).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, ...inputs],
      { stdio: "pipe", timeout: 120_000 + 60_000 * inputs.length, env: SOFFICE_ENV },
    );
  } catch (error) {
    // A run killed half-way may leave its profile locked or half-written: the next run starts a new one.
    profile = null;
    throw error;
  }
  try {
    const books: ExcelJS.Workbook[] = [];
    for (const copy of inputs) {
      const outPath = join(out, basename(copy));
      if (!existsSync(outPath)) throw new Error(`LibreOffice wrote no ${basename(copy)} (converting ${inputs.length} workbooks)`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(outPath);
      await restoreFalsyResults(workbook, outPath);
      books.push(workbook);
    }
    return books;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The workbooks one test file recalculates, from all its describe blocks, in one LibreOffice run. Each block
 * adds the workbook it needs while the file is collected (`const recalculated = batch.add(write)`) and awaits it
 * in its beforeAll or test (`await recalculated()`): the first await writes every added workbook, in the order
 * they were added, and recalculates them all at once.
 */
export class LibreOfficeBatch {
  private readonly writers: (() => Promise<string>)[] = [];
  private run: Promise<ExcelJS.Workbook[]> | null = null;

  /** `write` writes a workbook and gives its path; the function returned gives that workbook recalculated. */
  add(write: () => Promise<string>): () => Promise<ExcelJS.Workbook> {
    if (this.run) throw new Error("LibreOfficeBatch: add every workbook before the first is asked for");
    const i = this.writers.length;
    this.writers.push(write);
    return async () => (await this.all())[i]!;
  }

  private all(): Promise<ExcelJS.Workbook[]> {
    this.run ??= (async () => {
      const paths: string[] = [];
      for (const write of this.writers) paths.push(await write());
      return recalculateAllWithLibreOffice(paths);
    })();
    return this.run;
  }
}

/**
 * The LibreOffice user profile of this test worker: made once, with OOXMLRecalcMode 0 ("always recalculate"),
 * without which LibreOffice keeps the stale (empty) results. One per worker process, as two soffice runs can't
 * share a profile and a worker runs one at a time (execFileSync); kept between runs, so LibreOffice sets it up
 * once, not on every run. It lives in the run's shared folder, which the run removes when it ends.
 */
let profile: string | null = null;

function workerProfile(): string {
  if (profile !== null && existsSync(profile)) return profile;
  const dir = mkdtempSync(join(inject("wfpRunDir") ?? tmpdir(), `wfp-lo-profile-${process.pid}-`));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  profile = dir;
  return dir;
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
