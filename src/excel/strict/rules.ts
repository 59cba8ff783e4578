/**
 * Excel's rules for what a write may do, as one strict model that the in-memory workbook (demo mode, tests) and
 * the Office.js fake (test/support/fakeExcel.ts, over the same store) both enforce. Stricter than Excel, never
 * looser: where Excel quietly repairs something (a blank or repeated table header becomes "Column1", "Name2"),
 * this model refuses it, so a plan that relies on the repair fails in the tests rather than in a user's workbook.
 * Each rule cites the Microsoft documentation it comes from.
 */
import { formulaReferences, FormulaSyntaxError, type FormulaReferences, type StructuredReference } from "./formulaReferences";
import { isValidExcelName, isValidSheetName, MAX_LIST_SOURCE, type Rect, rectAddress, rectsIntersect } from "../../sheets/plan";

/** A refusal, with the error code Office.js gives for it (so the Office fake can pass it on unchanged). */
export class ExcelRuleError extends Error {
  readonly code: "InvalidArgument" | "ItemNotFound" | "ItemAlreadyExists" | "InvalidOperation" | "ApiNotFound";

  constructor(code: ExcelRuleError["code"], message: string) {
    super(message);
    this.name = "ExcelRuleError";
    this.code = code;
  }
}

// Names compare without case; the same text (nearly always) needs no lower-casing.
const same = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase();

/**
 * Sheet names: 1–31 characters, none of [ ] : * ? / \, not starting or ending with an apostrophe, not "History".
 * https://support.microsoft.com/en-us/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function checkSheetName(name: string): void {
  if (!isValidSheetName(name)) {
    throw new ExcelRuleError("InvalidArgument", `"${name}" is not a valid sheet name (1–31 characters, none of [ ] : * ? / \\, no ' at either end)`);
  }
}

/**
 * Defined names and table names: start with a letter, _ or \, then letters, digits, . and _; no spaces; not a
 * cell reference; at most 255 characters; unique in the workbook, tables and names together, case-insensitive.
 * https://support.microsoft.com/en-us/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64
 * https://support.microsoft.com/en-us/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114
 */
export function checkExcelName(name: string, what: "name" | "table name"): void {
  if (!isValidExcelName(name)) throw new ExcelRuleError("InvalidArgument", `"${name}" is not a valid ${what}`);
}

/**
 * A table's column names come from its header row: each is text, none is blank and none repeats
 * (case-insensitive). Excel renames a blank or repeated header ("Column1", "Role2") when a table is made; a plan
 * that leans on that renaming would name columns that do not exist, so here it is refused.
 * https://support.microsoft.com/en-us/office/overview-of-excel-tables-7ab0bb7d-3a9e-4b56-a3c9-6c94334e492c
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)
 */
export function checkTableHeaders(table: string, headers: readonly (string | number | boolean | null)[]): void {
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    const text = h === null ? "" : String(h);
    if (text.trim() === "") throw new ExcelRuleError("InvalidArgument", `Table ${table}: column ${i + 1} has no header (column names can't be blank)`);
    if (seen.has(text.toLowerCase())) throw new ExcelRuleError("InvalidArgument", `Table ${table}: the column name "${text}" is used twice (column names are unique)`);
    seen.add(text.toLowerCase());
  });
}

/**
 * A table can't overlap another table, and its cells can't be merged.
 * https://support.microsoft.com/en-us/office/overview-of-excel-tables-7ab0bb7d-3a9e-4b56-a3c9-6c94334e492c
 * https://support.microsoft.com/en-us/office/merge-and-unmerge-cells-5cbd15d5-9375-4540-907f-c673a93fcedf
 */
export function checkTableArea(rect: Rect, others: readonly { name: string; rect: Rect }[], merged: readonly Rect[]): void {
  const other = others.find((t) => rectsIntersect(t.rect, rect));
  if (other) throw new ExcelRuleError("InvalidArgument", `A table can't overlap another table (${other.name})`);
  const m = merged.find((r) => rectsIntersect(r, rect));
  if (m) throw new ExcelRuleError("InvalidArgument", `A table can't hold merged cells (${rectAddress(m)})`);
}

/**
 * A list validation's source is 1–255 characters, a typed list or a formula alike.
 * https://support.microsoft.com/en-us/office/apply-data-validation-to-cells-29fecbcc-d1b9-42c1-9d76-eff3ce5f7249
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.listdatavalidation
 */
export function checkListSource(source: string): void {
  if (source === "" || source.length > MAX_LIST_SOURCE) {
    throw new ExcelRuleError("InvalidArgument", `A list validation source is 1–${MAX_LIST_SOURCE} characters (this one has ${source.length})`);
  }
}

/** What a formula check needs to know about the workbook at the moment the formula is written. */
export interface FormulaContext {
  sheetExists(name: string): boolean;
  /** A workbook name, or a table (a table's name can stand alone for its data). */
  nameExists(name: string): boolean;
  table(name: string): TableShape | null;
  /** The table whose range (header, body, totals) holds this cell, if any. */
  tableAt(sheet: string, row: number, col: number): TableShape | null;
}

export interface TableShape {
  readonly name: string;
  readonly sheet: string;
  readonly columns: readonly string[];
  /** Data rows, without header or totals. */
  readonly body: Rect;
}

/**
 * A formula is refused when it names, at the moment it is written, a table or column that does not exist, a
 * name that is not defined, or a sheet that is not there; when `[Col]` (no table name) is used outside a table;
 * and when `@`/`[#This Row]` is used on a row that is not one of the table's data rows.
 * https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
 * https://support.microsoft.com/en-us/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-formulas-member
 * (Excel itself shows #NAME? for some of these instead of refusing; writing one is still a defect.)
 */
export function checkFormula(formula: string, at: CellAt, book: FormulaContext): void {
  checkReferences(formula, referencesOf(formula), at, book);
}

/** The formula's references; a formula Excel could not parse is refused. */
function referencesOf(formula: string): FormulaReferences {
  try {
    return formulaReferences(formula);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) throw new ExcelRuleError("InvalidArgument", error.message);
    throw error;
  }
}

function checkReferences(formula: string, refs: FormulaReferences, at: CellAt, book: FormulaContext): void {
  for (const sheet of refs.sheets) {
    if (!book.sheetExists(sheet)) throw new ExcelRuleError("InvalidArgument", `${formula} at ${where(at)} refers to a sheet "${sheet}" that doesn't exist`);
  }
  for (const name of refs.names) {
    if (!book.nameExists(name)) throw new ExcelRuleError("InvalidArgument", `${formula} at ${where(at)} uses the name "${name}", which is not defined`);
  }
  for (const ref of refs.structured) checkStructured(formula, ref, at, book);
}

/**
 * checkFormula for the many cells of one write, against a workbook that does not change while they are checked.
 * A table column's formula is the same text on thousands of rows: what does not depend on the cell (its sheets,
 * names, named tables and their columns) is checked once per text, in full at its first cell; at every other cell
 * only what does (`[Col]` without a table name: the table the cell is in; `@`/`[#This Row]`: a data row). The
 * same cells are refused, with the same message, as by checkFormula on each cell in turn.
 */
export function formulaChecker(book: FormulaContext): (formula: string, at: CellAt) => void {
  const cellDependent = new Map<string, readonly StructuredReference[]>();
  // The table each reference last named a column of without fault: its columns need no second look.
  const passed = new Map<StructuredReference, TableShape>();
  return (formula, at) => {
    const known = cellDependent.get(formula);
    if (known === undefined) {
      const refs = referencesOf(formula);
      checkReferences(formula, refs, at, book);
      cellDependent.set(formula, refs.structured.filter((ref) => ref.table === null || ref.thisRow));
      return;
    }
    for (const ref of known) checkStructured(formula, ref, at, book, passed);
  };
}

interface CellAt {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** Where a refused formula is, for its message (made only when one is refused). */
const where = (at: CellAt): string => `${at.sheet}!R${at.row}C${at.col}`;

function checkStructured(formula: string, ref: StructuredReference, at: CellAt, book: FormulaContext, passed?: Map<StructuredReference, TableShape>): void {
  const table = ref.table === null ? book.tableAt(at.sheet, at.row, at.col) : book.table(ref.table);
  if (!table) {
    const why = ref.table === null ? `uses ${ref.text} outside a table` : `names a table "${ref.table}" that doesn't exist`;
    throw new ExcelRuleError("InvalidArgument", `${formula} at ${where(at)} ${why}`);
  }
  if (passed?.get(ref) !== table) {
    for (const column of ref.columns) {
      if (!table.columns.some((c) => same(c, column))) {
        throw new ExcelRuleError("InvalidArgument", `${formula} at ${where(at)} names a column "${column}" that table ${table.name} doesn't have`);
      }
    }
    passed?.set(ref, table);
  }
  if (ref.thisRow) {
    const inRow = same(table.sheet, at.sheet) && at.row >= table.body.top && at.row <= table.body.bottom;
    if (!inRow) throw new ExcelRuleError("InvalidArgument", `${formula} at ${where(at)} uses ${ref.text} outside a data row of table ${table.name}`);
  }
}
