/**
 * An in-memory workbook for demo mode and tests, with no Office and no Node APIs (it ships in the
 * browser bundle).
 *
 * Two layers:
 * - WorkbookStore: the workbook itself (sheets of cells with values, formulas, number formats and
 *   styles; tables; merged cells; data validation; conditional formats; workbook names; worksheet
 *   custom properties) under the strict model of Excel's rules in ./strict/rules.ts: strings are
 *   parsed as typed input ("=x" becomes a formula, "00123" a number, "'x" the text "x"); a formula
 *   naming a table, column, name or sheet that does not exist yet, or using [@Col] off a table's
 *   data rows, is refused; names are unique across tables and defined names; tables can't overlap
 *   each other or merged cells; column names are unique and non-blank; a table has at least one
 *   body row. The Office.js fake in the tests drives this same store, so both adapters are checked
 *   against one model.
 * - MemoryWorkbook: the WorkbookAdapter over a store, through the same writePlanner as Office, plus
 *   inspection helpers and ways to act as the user (type into cells, add sheets and tables).
 *
 * It doesn't calculate: formula cells hold their formula and read as null.
 */
import { CellGrid } from "./cellGrid";
import type { ManagedSheet, PlanWriteResult, SelectionData, TableData, TableRequest, WorkbookAdapter, WriteOptions, WriteResult } from "./adapter";
import { pickColumns, requestedName } from "./tableColumns";
import {
  type CellInput,
  type ConditionalRule,
  describeManaged,
  OWNER_PROPERTY,
  type PerformOptions,
  performWrite,
  performWrites,
  serializeRecord,
  type WorkbookIO,
  type WorkbookSnapshot,
  type WriteOp,
} from "./writePlanner";
import {
  type CellStyle,
  containsRect,
  excelDate,
  MAX_COLUMNS,
  MAX_ROWS,
  parseA1,
  parseRange,
  type Rect,
  rectAddress,
  rectCells,
  type SheetPlan,
  rectColumns,
  rectRows,
  rectsIntersect,
  subtractRect,
} from "../sheets/plan";
import { FormulaSyntaxError, hasRelativeCellReference } from "./strict/formulaReferences";
import { checkExcelName, checkFormula, checkListSource, formulaChecker, checkSheetName, checkTableArea, checkTableHeaders, ExcelRuleError as StoreError, type FormulaContext, type TableShape } from "./strict/rules";

export type StoredValue = string | number | boolean;

export interface StoredCell {
  /** Null when empty or when the cell holds a formula (nothing is calculated here). */
  readonly value: StoredValue | null;
  readonly formula: string | null;
  readonly numberFormat: string;
  readonly style: CellStyle;
}

/** Errors carry Office's error codes, so the Office fake can pass them on unchanged. */
export { StoreError };

// ---------------------------------------------------------------------------------------------
// Excel's reading of typed input
// ---------------------------------------------------------------------------------------------

const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * What Excel makes of a value written through Range.values/formulas, as if typed. Only the rules
 * that decide "text or not" are modelled; that is what the adapters must get right.
 */
export interface ParsedInput {
  readonly value: StoredValue | null;
  readonly formula: string | null;
  readonly impliedFormat?: string;
}

/** A first character none of the forms below starts with (nor the spaces trim() takes off). */
const PLAIN_TEXT_START = /^[^\s'=+\-@$£€¥.\dtf]/i;

export function parseTypedInput(input: CellInput): ParsedInput {
  if (typeof input !== "string") {
    if (typeof input === "number" && !Number.isFinite(input)) throw new StoreError("InvalidArgument", "Numbers must be finite");
    return { value: input, formula: null };
  }
  if (input === "") return { value: null, formula: null };
  if (input.startsWith("'")) {
    const text = input.slice(1);
    return { value: text === "" ? null : text, formula: null };
  }
  // "=" and more is a formula (the number forms below can't start with "="): said first, as most entries are.
  if (input.length > 1 && input.startsWith("=")) return { value: null, formula: input };
  // Text that starts as no number, formula, boolean or date can: as typed (most text entries).
  if (PLAIN_TEXT_START.test(input)) return { value: input, formula: null };
  const t = input.trim();
  const money = t.replace(/^([-+]?)[$£€¥]/, "$1");
  const percent = money.endsWith("%");
  const digits = percent ? money.slice(0, -1) : money;
  if (digits !== "" && /\d/.test(digits) && NUMBER.test(digits)) {
    const n = Number(digits.replace(/,/g, ""));
    if (Number.isFinite(n)) return { value: percent ? n / 100 : n, formula: null };
  }
  if (/^[+\-@]/.test(input)) return { value: null, formula: `=${input.startsWith("@") ? input.slice(1) : input}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", formula: null };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    try {
      return { value: excelDate(t), formula: null, impliedFormat: "yyyy-mm-dd" };
    } catch {
      return { value: input, formula: null };
    }
  }
  return { value: input, formula: null };
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

interface MutableCell {
  value: StoredValue | null;
  formula: string | null;
  numberFormat: string;
  style: CellStyle;
}

export interface PageSetup {
  orientation: "Portrait" | "Landscape";
  /** Fit to this many pages wide, or null for no fitting. */
  fitToPagesWide: number | null;
  printTitleRows: string | null;
}

export interface StoredConditionalFormat {
  ranges: Rect[];
  rule: ConditionalRule | { type: "pending"; kind: string };
}

/** A chart as drawn: its data as sheet-local addresses, so tests can check what it plots. */
export interface StoredChart {
  name: string;
  type: "ColumnClustered" | "BarClustered" | "Pie";
  title: string;
  series: { name: string; values: string; categories: string | null }[];
  position: string | null;
  width: number | null;
  height: number | null;
}

export class StoreSheet {
  name: string;
  /** Like Worksheet.id: kept through renames, new for a copy. */
  readonly id: string;
  readonly cells = new CellGrid<MutableCell>();
  /** Points, by 1-based column. */
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  tabColor: string | null = null;
  readonly page: PageSetup = { orientation: "Portrait", fitToPagesWide: null, printTitleRows: null };
  /** Lower-cased key → property. */
  readonly properties = new Map<string, { key: string; value: string }>();
  readonly validations: { ranges: Rect[]; source: string }[] = [];
  readonly conditionalFormats: StoredConditionalFormat[] = [];
  readonly charts: StoredChart[] = [];
  /** Merged areas (Range.merge). */
  readonly merged: Rect[] = [];

  constructor(name: string, id: string) {
    this.name = name;
    this.id = id;
  }
}

export interface StoreTable {
  name: string;
  sheet: StoreSheet;
  /** Header, body and (when shown) totals row. */
  rect: Rect;
  style: string | null;
  showTotals: boolean;
}

export interface StoreName {
  readonly name: string;
  /** Null once its sheet is deleted: Excel keeps the name, referring to #REF!. */
  sheet: StoreSheet | null;
  readonly rect: Rect;
  readonly comment: string | null;
}

// Names compare without case; the same text (nearly always) needs no lower-casing.
const same = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase();
const EMPTY_STYLE: CellStyle = Object.freeze({});

/** No style set (most cells share EMPTY_STYLE itself). */
const isPlainStyle = (style: CellStyle): boolean => style === EMPTY_STYLE || Object.keys(style).length === 0;

export class WorkbookStore {
  private readonly sheetList: StoreSheet[] = [];
  private readonly tableList: StoreTable[] = [];
  private readonly nameList: StoreName[] = [];
  private tableCounter = 0;
  private sheetCounter = 0;

  // --- sheets ---

  sheets(): readonly StoreSheet[] {
    return this.sheetList;
  }

  findSheet(name: string): StoreSheet | null {
    return this.sheetList.find((s) => same(s.name, name)) ?? null;
  }

  sheet(name: string): StoreSheet {
    const s = this.findSheet(name);
    if (!s) throw new StoreError("ItemNotFound", `There is no sheet named "${name}"`);
    return s;
  }

  addSheet(name: string): StoreSheet {
    this.checkSheetName(name, null);
    this.sheetCounter += 1;
    const s = new StoreSheet(name, `{sheet-${this.sheetCounter}}`);
    this.sheetList.push(s);
    return s;
  }

  renameSheet(sheet: StoreSheet, to: string): void {
    this.checkSheetName(to, sheet);
    sheet.name = to;
  }

  deleteSheet(sheet: StoreSheet): void {
    const i = this.sheetList.indexOf(sheet);
    if (i < 0) throw new StoreError("ItemNotFound", `Sheet "${sheet.name}" is gone`);
    this.sheetList.splice(i, 1);
    for (let t = this.tableList.length - 1; t >= 0; t--) if (this.tableList[t]?.sheet === sheet) this.tableList.splice(t, 1);
    for (const n of this.nameList) if (n.sheet === sheet) n.sheet = null;
  }

  /** Like Excel's Move or Copy: cells, formats and custom properties travel; tables get new names. */
  copySheet(sheet: StoreSheet, newName: string): StoreSheet {
    const copy = this.addSheet(newName);
    sheet.cells.forEach((c, row, col) => copy.cells.set(row, col, { ...c }));
    for (const [c, w] of sheet.columnWidths) copy.columnWidths.set(c, w);
    for (const [k, p] of sheet.properties) copy.properties.set(k, { ...p });
    copy.frozenRows = sheet.frozenRows;
    copy.tabColor = sheet.tabColor;
    for (const t of this.tableList.filter((x) => x.sheet === sheet)) {
      this.tableList.push({ ...t, sheet: copy, rect: { ...t.rect }, name: this.freeTableName(`${t.name}_`) });
    }
    return copy;
  }

  private checkSheetName(name: string, self: StoreSheet | null): void {
    checkSheetName(name);
    const clash = this.findSheet(name);
    if (clash && clash !== self) throw new StoreError("ItemAlreadyExists", `A sheet named "${name}" already exists`);
  }

  // --- cells ---

  private cellAt(sheet: StoreSheet, row: number, col: number): MutableCell {
    let c = sheet.cells.get(row, col);
    if (!c) {
      c = { value: null, formula: null, numberFormat: "General", style: EMPTY_STYLE };
      sheet.cells.set(row, col, c);
    }
    return c;
  }

  private checkShape(rect: Rect, grid: readonly (readonly unknown[])[]): void {
    if (grid.length !== rectRows(rect) || grid.some((r) => r.length !== rectColumns(rect))) {
      throw new StoreError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${rectAddress(rect)}`,
      );
    }
  }

  /** Like Range.values/formulas: each entry parsed as typed input; null leaves that cell unchanged. */
  setInputs(sheet: StoreSheet, rect: Rect, inputs: readonly (readonly (CellInput | null)[])[]): void {
    this.checkShape(rect, inputs);
    this.checkNotTableHeaderFormula(sheet, rect, inputs);
    this.checkHeadersStayValid(sheet, rect, inputs);
    const check = formulaChecker(this.formulaContext());
    // Every entry is read (and every formula checked) before any cell changes: a refused write changes nothing.
    // The same entry is read once (a filled range is one entry many times; so is a table column's formula).
    let lastInput: CellInput | undefined;
    let lastParsed: ParsedInput | undefined;
    const parsed = inputs.map((row, r) =>
      row.map((input, c) => {
        if (input === null) return null;
        if (input !== lastInput || lastParsed === undefined) {
          lastParsed = parseTypedInput(input);
          lastInput = input;
        }
        if (lastParsed.formula !== null) check(lastParsed.formula, { sheet: sheet.name, row: rect.top + r, col: rect.left + c });
        return lastParsed;
      }),
    );
    parsed.forEach((row, r) =>
      row.forEach((entry, c) => {
        if (entry === null) return;
        const cell = this.cellAt(sheet, rect.top + r, rect.left + c);
        cell.value = entry.value;
        cell.formula = entry.formula;
        if (entry.impliedFormat && cell.numberFormat === "General") cell.numberFormat = entry.impliedFormat;
      }),
    );
  }

  /**
   * Like setting Range.values/formulas to a single value rather than a 2-D array: Office applies it to every cell
   * of the range (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/performance#update-all-cells-in-a-range).
   * A formula with a relative A1 reference is refused: how Excel would shift it from cell to cell is not
   * documented, so the model does not guess and the planner never sends one (structured references, names and
   * $A$1 references read the same in every cell).
   */
  fillInputs(sheet: StoreSheet, rect: Rect, input: CellInput): void {
    const formula = parseTypedInput(input).formula;
    let relative = false;
    try {
      relative = formula !== null && hasRelativeCellReference(formula);
    } catch (error) {
      // An unreadable formula is refused by setInputs' check, with the same message as in a 2-D array.
      if (!(error instanceof FormulaSyntaxError)) throw error;
    }
    if (relative) throw new StoreError("InvalidArgument", `${formula} has a relative cell reference: it can't be filled into ${rectAddress(rect)} as one value`);
    this.setInputs(sheet, rect, Array.from({ length: rectRows(rect) }, () => Array<CellInput>(rectColumns(rect)).fill(input)));
  }

  /** Like setting Range.numberFormat to a single value: every cell of the range gets it. */
  fillNumberFormat(sheet: StoreSheet, rect: Rect, format: string): void {
    this.forEachCell(rect, (row, col) => {
      this.cellAt(sheet, row, col).numberFormat = format === "" ? "General" : format;
    });
  }

  /** Excel refuses a formula in a table's header row. */
  private checkNotTableHeaderFormula(sheet: StoreSheet, rect: Rect, inputs: readonly (readonly (CellInput | null)[])[]): void {
    for (const t of this.tableList) {
      if (t.sheet !== sheet) continue;
      const header = { ...t.rect, bottom: t.rect.top };
      if (!rectsIntersect(header, rect)) continue;
      for (let col = Math.max(header.left, rect.left); col <= Math.min(header.right, rect.right); col++) {
        const input = inputs[header.top - rect.top]?.[col - rect.left];
        if (input !== null && input !== undefined && parseTypedInput(input).formula !== null) {
          throw new StoreError("InvalidArgument", `A table header can't hold a formula (${t.name})`);
        }
      }
    }
  }

  /** Writing over a table's header row renames its columns: they must stay unique and non-blank. */
  private checkHeadersStayValid(sheet: StoreSheet, rect: Rect, inputs: readonly (readonly (CellInput | null)[])[]): void {
    for (const t of this.tableList) {
      if (t.sheet !== sheet || !rectsIntersect({ ...t.rect, bottom: t.rect.top }, rect)) continue;
      const headers: (string | number | boolean | null)[] = [];
      for (let col = t.rect.left; col <= t.rect.right; col++) {
        const input = t.rect.top >= rect.top && t.rect.top <= rect.bottom && col >= rect.left && col <= rect.right ? inputs[t.rect.top - rect.top]?.[col - rect.left] : null;
        headers.push(input === null || input === undefined ? this.getCell(sheet, t.rect.top, col).value : parseTypedInput(input).value);
      }
      checkTableHeaders(t.name, headers);
    }
  }

  /** The workbook as a formula check sees it, now. */
  formulaContext(): FormulaContext {
    // One write checks many formulas against the same tables: read each table's shape once.
    const shapes = new Map<StoreTable, TableShape>();
    const shape = (t: StoreTable): TableShape => {
      let known = shapes.get(t);
      if (!known) {
        known = { name: t.name, sheet: t.sheet.name, columns: this.tableHeaders(t), body: this.tableBody(t) };
        shapes.set(t, known);
      }
      return known;
    };
    // ... and each name once: the workbook does not change while a write's formulas are checked.
    const once = <T>(answer: (name: string) => T): ((name: string) => T) => {
      const answers = new Map<string, T>();
      return (name) => {
        if (answers.has(name)) return answers.get(name)!;
        const a = answer(name);
        answers.set(name, a);
        return a;
      };
    };
    // Tables don't overlap, so the table the last cell was in is the one to try first for the next.
    let lastAt: StoreTable | undefined;
    const holds = (t: StoreTable, sheetName: string, row: number, col: number): boolean =>
      same(t.sheet.name, sheetName) && row >= t.rect.top && row <= t.rect.bottom && col >= t.rect.left && col <= t.rect.right;
    return {
      sheetExists: once((name) => this.findSheet(name) !== null),
      nameExists: once((name) => this.findName(name) !== null || this.findTable(name) !== null),
      table: once((name) => {
        const t = this.findTable(name);
        return t ? shape(t) : null;
      }),
      tableAt: (sheetName, row, col) => {
        const t = lastAt && holds(lastAt, sheetName, row, col) ? lastAt : this.tableList.find((x) => holds(x, sheetName, row, col));
        if (t) lastAt = t;
        return t ? shape(t) : null;
      },
    };
  }

  /** Like Range.merge(): cells of a table can't be merged. */
  mergeCells(sheet: StoreSheet, rect: Rect): void {
    const t = this.tableList.find((x) => x.sheet === sheet && rectsIntersect(x.rect, rect));
    if (t) throw new StoreError("InvalidOperation", `Cells in table ${t.name} can't be merged`);
    sheet.merged.push(rect);
  }

  setNumberFormats(sheet: StoreSheet, rect: Rect, formats: readonly (readonly (string | null)[])[]): void {
    this.checkShape(rect, formats);
    formats.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f === null) return;
        this.cellAt(sheet, rect.top + r, rect.left + c).numberFormat = f === "" ? "General" : f;
      }),
    );
  }

  setStyle(sheet: StoreSheet, rect: Rect, style: CellStyle): void {
    this.forEachCell(rect, (row, col) => {
      const cell = this.cellAt(sheet, row, col);
      cell.style = { ...cell.style, ...style };
    });
  }

  private forEachCell(rect: Rect, visit: (row: number, col: number) => void): void {
    if (rectCells(rect) > 5_000_000) throw new StoreError("InvalidArgument", `Range ${rectAddress(rect)} is too large to format cell by cell`);
    for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) visit(row, col);
  }

  /**
   * Visits the sheet's cells inside `rect`, only cells that exist (so whole columns are cheap), without making a
   * list of them (a big sheet has hundreds of thousands). `visit` may delete the cell it is given.
   */
  private forEachCellIn(sheet: StoreSheet, rect: Rect, visit: (row: number, col: number, cell: MutableCell) => void): void {
    if (rectCells(rect) <= sheet.cells.size) {
      for (let row = rect.top; row <= rect.bottom; row++) {
        for (let col = rect.left; col <= rect.right; col++) {
          const c = sheet.cells.get(row, col);
          if (c) visit(row, col, c);
        }
      }
      return;
    }
    sheet.cells.forEach((c, row, col) => {
      if (row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right) visit(row, col, c);
    });
  }

  /** Like Range.clear: "All" also drops validation and conditional formats, as Excel's Clear All does. */
  clear(sheet: StoreSheet, rect: Rect, applyTo: "All" | "Contents" | "Formats"): void {
    this.forEachCellIn(sheet, rect, (row, col, c) => {
      if (applyTo !== "Formats") {
        c.value = null;
        c.formula = null;
      }
      if (applyTo !== "Contents") {
        c.numberFormat = "General";
        c.style = EMPTY_STYLE;
      }
      if (c.value === null && c.formula === null && c.numberFormat === "General" && isPlainStyle(c.style)) {
        sheet.cells.delete(row, col);
      }
    });
    if (applyTo !== "Contents") {
      this.clearValidation(sheet, rect);
      this.clearConditionalFormats(sheet, rect);
    }
    if (applyTo !== "Formats") {
      // A table's header can't be empty: Excel names a cleared one "Column7".
      for (const t of this.tableList) if (t.sheet === sheet && rectsIntersect({ ...t.rect, bottom: t.rect.top }, rect)) this.repairHeaders(t);
    }
  }

  /** Bounding box of non-empty cells (values or formulas) within `rect`, or null. */
  usedRange(sheet: StoreSheet, rect: Rect | null, valuesOnly: boolean): Rect | null {
    let box: { top: number; left: number; bottom: number; right: number } | null = null;
    const within = rect ?? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
    this.forEachCellIn(sheet, within, (row, col, c) => {
      const hasContent = c.value !== null || c.formula !== null;
      if (!hasContent && (valuesOnly || (c.numberFormat === "General" && isPlainStyle(c.style)))) return;
      if (!box) box = { top: row, left: col, bottom: row, right: col };
      else {
        box.top = Math.min(box.top, row);
        box.bottom = Math.max(box.bottom, row);
        box.left = Math.min(box.left, col);
        box.right = Math.max(box.right, col);
      }
    });
    return box;
  }

  getCell(sheet: StoreSheet, row: number, col: number): StoredCell {
    const c = sheet.cells.get(row, col);
    return c ? { ...c } : { value: null, formula: null, numberFormat: "General", style: EMPTY_STYLE };
  }

  // --- validation and conditional formats ---

  clearValidation(sheet: StoreSheet, rect: Rect): void {
    cutRanges(sheet.validations, rect);
  }

  setListValidation(sheet: StoreSheet, rect: Rect, source: string): void {
    checkListSource(source);
    if (source.startsWith("=")) checkFormula(source, { sheet: sheet.name, row: rect.top, col: rect.left }, this.formulaContext());
    this.clearValidation(sheet, rect);
    sheet.validations.push({ ranges: [rect], source });
  }

  validationAt(sheet: StoreSheet, row: number, col: number): string | null {
    const cell = { top: row, left: col, bottom: row, right: col };
    return sheet.validations.find((v) => v.ranges.some((r) => containsRect(r, cell)))?.source ?? null;
  }

  clearConditionalFormats(sheet: StoreSheet, rect: Rect): void {
    cutRanges(sheet.conditionalFormats, rect);
  }

  addConditionalFormat(sheet: StoreSheet, rect: Rect, rule: StoredConditionalFormat["rule"]): StoredConditionalFormat {
    const cf: StoredConditionalFormat = { ranges: [rect], rule };
    sheet.conditionalFormats.push(cf);
    return cf;
  }

  // --- tables ---

  tables(): readonly StoreTable[] {
    return this.tableList;
  }

  findTable(name: string): StoreTable | null {
    return this.tableList.find((t) => same(t.name, name)) ?? null;
  }

  table(name: string): StoreTable {
    const t = this.findTable(name);
    if (!t) throw new StoreError("ItemNotFound", `There is no table named "${name}"`);
    return t;
  }

  private freeTableName(prefix: string): string {
    for (;;) {
      this.tableCounter += 1;
      const name = `${prefix}${this.tableCounter}`;
      if (!this.nameTaken(name)) return name;
    }
  }

  private nameTaken(name: string, except?: StoreTable): boolean {
    return this.tableList.some((t) => t !== except && same(t.name, name)) || this.nameList.some((n) => same(n.name, name));
  }

  private checkTableFits(sheet: StoreSheet, rect: Rect, self: StoreTable | null): void {
    checkTableArea(
      rect,
      this.tableList.filter((t) => t !== self && t.sheet === sheet),
      sheet.merged,
    );
  }

  /**
   * Like TableCollection.add(address, true): the first row becomes the header row. `repairHeaders` is how Excel's
   * own Insert > Table treats a blank or repeated header (it renames it); a write through the API is refused instead.
   */
  addTable(sheet: StoreSheet, rect: Rect, hasHeaders: boolean, repairHeaders = false): StoreTable {
    const full = hasHeaders ? rect : { ...rect, top: rect.top - 1 };
    if (full.top < 1) throw new StoreError("InvalidArgument", "No room for a header row above the range");
    // Excel always keeps a body row.
    const withBody = rectRows(full) < 2 ? { ...full, bottom: full.top + 1 } : full;
    this.checkTableFits(sheet, withBody, null);
    const table: StoreTable = { name: this.freeTableName("Table"), sheet, rect: withBody, style: "TableStyleMedium2", showTotals: false };
    if (repairHeaders) this.repairHeaders(table);
    this.checkHeaders(table);
    this.tableList.push(table);
    return table;
  }

  /** What Excel's Insert > Table does with headers: blank ones become "ColumnN", repeats get a number. */
  private repairHeaders(table: StoreTable): void {
    const seen = new Set<string>();
    for (let col = table.rect.left; col <= table.rect.right; col++) {
      const cell = this.cellAt(table.sheet, table.rect.top, col);
      let text = cell.value === null || cell.formula !== null ? `Column${col - table.rect.left + 1}` : String(cell.value);
      const base = text;
      for (let n = 2; seen.has(text.toLowerCase()); n++) text = `${base}${n}`;
      seen.add(text.toLowerCase());
      cell.value = text;
      cell.formula = null;
    }
  }

  /** A table's header row is its column names: text, none blank, none repeated (see checkTableHeaders). */
  private checkHeaders(table: StoreTable): void {
    const headers: (string | number | boolean | null)[] = [];
    for (let col = table.rect.left; col <= table.rect.right; col++) {
      const cell = this.getCell(table.sheet, table.rect.top, col);
      headers.push(cell.formula !== null ? null : cell.value);
    }
    checkTableHeaders(table.name, headers);
    for (let col = table.rect.left; col <= table.rect.right; col++) {
      const cell = this.cellAt(table.sheet, table.rect.top, col);
      cell.value = String(cell.value);
    }
  }

  renameTable(table: StoreTable, to: string): void {
    checkExcelName(to, "table name");
    if (this.nameTaken(to, table)) throw new StoreError("ItemAlreadyExists", `The name "${to}" is already used`);
    table.name = to;
  }

  /** Like Table.resize: the header row stays where it is and the new range overlaps the old. */
  resizeTable(table: StoreTable, rect: Rect): void {
    if (rect.top !== table.rect.top || !rectsIntersect(rect, table.rect) || rectRows(rect) < 2) {
      throw new StoreError("InvalidArgument", `Can't resize table ${table.name} to ${rectAddress(rect)}`);
    }
    this.checkTableFits(table.sheet, rect, table);
    const before = table.rect;
    table.rect = rect;
    try {
      this.checkHeaders(table);
    } catch (error) {
      table.rect = before;
      throw error;
    }
  }

  setShowTotals(table: StoreTable, show: boolean): void {
    if (show === table.showTotals) return;
    if (show) {
      const grown = { ...table.rect, bottom: table.rect.bottom + 1 };
      if (grown.bottom > MAX_ROWS) throw new StoreError("InvalidOperation", "No room for a totals row");
      this.checkTableFits(table.sheet, grown, table);
      table.rect = grown;
    } else {
      this.clear(table.sheet, { ...table.rect, top: table.rect.bottom }, "Contents");
      table.rect = { ...table.rect, bottom: table.rect.bottom - 1 };
    }
    table.showTotals = show;
  }

  /** Like Table.convertToRange: cells stay, the table goes. */
  convertTableToRange(table: StoreTable): void {
    const i = this.tableList.indexOf(table);
    if (i >= 0) this.tableList.splice(i, 1);
  }

  tableHeaders(table: StoreTable): string[] {
    const out: string[] = [];
    for (let col = table.rect.left; col <= table.rect.right; col++) out.push(String(this.getCell(table.sheet, table.rect.top, col).value ?? ""));
    return out;
  }

  tableBody(table: StoreTable): Rect {
    return { ...table.rect, top: table.rect.top + 1, bottom: table.rect.bottom - (table.showTotals ? 1 : 0) };
  }

  // --- workbook names ---

  names(): readonly StoreName[] {
    return this.nameList;
  }

  findName(name: string): StoreName | null {
    return this.nameList.find((n) => same(n.name, name)) ?? null;
  }

  addName(name: string, sheet: StoreSheet, rect: Rect, comment: string | null): StoreName {
    checkExcelName(name, "name");
    if (this.nameTaken(name)) throw new StoreError("ItemAlreadyExists", `The name "${name}" is already used`);
    const item: StoreName = { name, sheet, rect, comment };
    this.nameList.push(item);
    return item;
  }

  deleteName(item: StoreName): void {
    const i = this.nameList.indexOf(item);
    if (i >= 0) this.nameList.splice(i, 1);
  }

  // --- custom properties ---

  setProperty(sheet: StoreSheet, key: string, value: string): void {
    if (key === "" || key.length > 255) throw new StoreError("InvalidArgument", "A custom property key is 1–255 characters");
    sheet.properties.set(key.toLowerCase(), { key, value });
  }

  getProperty(sheet: StoreSheet, key: string): string | null {
    return sheet.properties.get(key.toLowerCase())?.value ?? null;
  }

  deleteProperty(sheet: StoreSheet, key: string): void {
    sheet.properties.delete(key.toLowerCase());
  }

  // --- inspection ---

  /** Excel's Range.formulas view of the sheet from A1 to its last used cell: formula, value or "". */
  grid(sheet: StoreSheet): StoredValue[][] {
    const used = this.usedRange(sheet, null, true);
    if (!used) return [];
    const rows: StoredValue[][] = [];
    for (let row = 1; row <= used.bottom; row++) {
      const line: StoredValue[] = [];
      for (let col = 1; col <= used.right; col++) {
        const c = sheet.cells.get(row, col);
        line.push(c?.formula ?? c?.value ?? "");
      }
      rows.push(line);
    }
    return rows;
  }
}

/** Removes `rect` from each item's ranges, dropping items left with none (as Excel does on clear). */
function cutRanges<T extends { ranges: Rect[] }>(items: T[], rect: Rect): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!item) continue;
    item.ranges = item.ranges.flatMap((r) => subtractRect(r, rect));
    if (item.ranges.length === 0) items.splice(i, 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Carrying out write operations on the store
// ---------------------------------------------------------------------------------------------

export function applyOp(store: WorkbookStore, op: WriteOp): void {
  switch (op.op) {
    case "addSheet":
      store.addSheet(op.sheet);
      return;
    case "renameSheet":
      store.renameSheet(store.sheet(op.sheet), op.to);
      return;
    case "setOwner": {
      const sheet = store.sheet(op.sheet);
      const record = op.stampSheetId ? { ...op.record, sheetId: sheet.id } : op.record;
      store.setProperty(sheet, OWNER_PROPERTY, serializeRecord(record));
      return;
    }
    case "removeOwner":
      store.deleteProperty(store.sheet(op.sheet), OWNER_PROPERTY);
      return;
    case "convertTableToRange":
      store.convertTableToRange(store.table(op.table));
      return;
    case "renameTable":
      store.renameTable(store.table(op.table), op.to);
      return;
    case "hideTableTotals":
      store.setShowTotals(store.table(op.table), false);
      return;
    case "deleteName": {
      const n = store.findName(op.name);
      if (!n) throw new StoreError("ItemNotFound", `There is no name "${op.name}"`);
      store.deleteName(n);
      return;
    }
    case "resetFormats":
      store.clear(store.sheet(op.sheet), parseRange(op.address), "Formats");
      return;
    case "clearContents":
      store.clear(store.sheet(op.sheet), parseRange(op.address), "Contents");
      return;
    case "inputs":
      store.setInputs(store.sheet(op.sheet), parseRange(op.address), op.inputs);
      return;
    case "numberFormats":
      store.setNumberFormats(store.sheet(op.sheet), parseRange(op.address), op.formats);
      return;
    case "fillInputs":
      store.fillInputs(store.sheet(op.sheet), parseRange(op.address), op.input);
      return;
    case "fillNumberFormat":
      store.fillNumberFormat(store.sheet(op.sheet), parseRange(op.address), op.format);
      return;
    case "style":
      store.setStyle(store.sheet(op.sheet), parseRange(op.address), op.style);
      return;
    case "columnWidth": {
      const sheet = store.sheet(op.sheet);
      const cols = parseRange(op.columns);
      for (let c = cols.left; c <= cols.right; c++) sheet.columnWidths.set(c, op.points);
      return;
    }
    case "addTable": {
      const t = store.addTable(store.sheet(op.sheet), parseRange(op.address), true);
      store.renameTable(t, op.table);
      t.style = op.style;
      store.setShowTotals(t, op.showTotals);
      return;
    }
    case "resizeTable": {
      const t = store.table(op.table);
      store.resizeTable(t, parseRange(op.address));
      if (t.name !== op.rename) store.renameTable(t, op.rename);
      t.style = op.style;
      store.setShowTotals(t, op.showTotals);
      return;
    }
    case "listValidation":
      store.setListValidation(store.sheet(op.sheet), parseRange(op.address), op.source);
      return;
    case "conditionalFormat":
      store.addConditionalFormat(store.sheet(op.sheet), parseRange(op.address), op.rule);
      return;
    case "addName":
      store.addName(op.name, store.sheet(op.sheet), parseRange(op.address), op.comment);
      return;
    case "deleteChart": {
      const charts = store.sheet(op.sheet).charts;
      const i = charts.findIndex((c) => c.name.toLowerCase() === op.name.toLowerCase());
      if (i < 0) throw new StoreError("ItemNotFound", `No chart named "${op.name}"`);
      charts.splice(i, 1);
      return;
    }
    case "addChart": {
      const c = op.chart;
      store.sheet(op.sheet).charts.push({
        name: op.name,
        type: c.kind === "pie" ? "Pie" : c.kind === "bar" ? "BarClustered" : "ColumnClustered",
        title: c.title,
        series: c.series.map((x) => ({ name: x.name, values: rectAddress(parseRange(x.values)), categories: rectAddress(parseRange(c.categories)) })),
        position: c.at,
        width: c.width ?? null,
        height: c.height ?? null,
      });
      return;
    }
    case "freezeRows":
      store.sheet(op.sheet).frozenRows = op.rows;
      return;
    case "tabColor":
      store.sheet(op.sheet).tabColor = op.color;
      return;
    case "pageLayout": {
      const page = store.sheet(op.sheet).page;
      if (op.landscape !== null) page.orientation = op.landscape ? "Landscape" : "Portrait";
      if (op.fitToWidth !== null) page.fitToPagesWide = op.fitToWidth ? 1 : null;
      if (op.titleRows !== null) page.printTitleRows = op.titleRows;
      return;
    }
  }
}

/** What the planner needs to know about a store. */
export function snapshotOf(store: WorkbookStore): WorkbookSnapshot {
  return {
    sheets: store.sheets().map((s) => ({ name: s.name, id: s.id, owner: store.getProperty(s, OWNER_PROPERTY), charts: s.charts.map((c) => c.name) })),
    tables: store.tables().map((t) => ({ name: t.name, sheet: t.sheet.name, address: rectAddress(t.rect) })),
    names: store.names().map((n) => ({ name: n.name, broken: n.sheet === null })),
  };
}

// ---------------------------------------------------------------------------------------------
// The adapter
// ---------------------------------------------------------------------------------------------

export interface CellView {
  /** Null when empty, and for formula cells (nothing is calculated here). */
  readonly value: StoredValue | null;
  readonly formula: string | null;
  readonly numberFormat: string;
  readonly style: CellStyle;
  /** The list a drop-down offers here ("a,b,c" or "=$H$2:$H$9"), or null. */
  readonly validation: string | null;
}

export interface TableView {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly headers: readonly string[];
  readonly style: string | null;
  readonly showTotals: boolean;
}

export interface MemoryWorkbookOptions {
  readonly store?: WorkbookStore;
  /** Sheets to start with, like a new workbook's "Sheet1". */
  readonly sheets?: readonly string[];
  readonly now?: () => Date;
  readonly maxRequestBytes?: number;
}

export class MemoryWorkbook implements WorkbookAdapter {
  readonly store: WorkbookStore;
  private readonly now: () => Date;
  private readonly maxRequestBytes: number | undefined;

  constructor(options: MemoryWorkbookOptions = {}) {
    this.store = options.store ?? new WorkbookStore();
    for (const name of options.sheets ?? []) this.store.addSheet(name);
    this.now = options.now ?? (() => new Date());
    this.maxRequestBytes = options.maxRequestBytes;
  }

  /**
   * Round trips are counted as the Office adapter makes them (2 for the snapshot, 1 for a probe of the user's
   * cells, 1 per write request), so a write reports the same `syncs` here as in Excel.
   */
  private io(): WorkbookIO {
    const store = this.store;
    let syncs = 0;
    return {
      get syncs() {
        return syncs;
      },
      snapshot: async () => {
        syncs += 2;
        return snapshotOf(store);
      },
      probe: async (requests) => {
        syncs += 1;
        return requests.map(({ sheet, areas }) => {
          const s = store.sheet(sheet);
          return areas.map((a) => {
            const hit = store.usedRange(s, a, true);
            return hit ? rectAddress(hit) : null;
          });
        });
      },
      execute: async (request) => {
        syncs += 1;
        for (const op of request) applyOp(store, op);
        // Let a progress bar repaint between requests, as it would between Excel round trips: a microtask would
        // not give the browser a turn, a timer does.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      },
    };
  }

  private performOptions(options: WriteOptions): PerformOptions {
    return { ...options, now: this.now(), ...(this.maxRequestBytes === undefined ? {} : { maxRequestBytes: this.maxRequestBytes }) };
  }

  async writeSheetPlan(plan: SheetPlan, options: WriteOptions = {}): Promise<WriteResult> {
    return performWrite(plan, this.io(), this.performOptions(options));
  }

  async writeSheetPlans(plans: readonly SheetPlan[], options: WriteOptions = {}): Promise<PlanWriteResult[]> {
    return performWrites(plans, this.io(), this.performOptions(options));
  }

  async readTable(name: string): Promise<TableData | null> {
    const t = this.store.findTable(name);
    if (!t) return null;
    const body = this.store.tableBody(t);
    const rows: (StoredValue | null)[][] = [];
    for (let row = body.top; row <= body.bottom; row++) {
      const line: (StoredValue | null)[] = [];
      for (let col = body.left; col <= body.right; col++) {
        const v = this.store.getCell(t.sheet, row, col).value;
        line.push(v === "" ? null : v);
      }
      rows.push(line);
    }
    return { name: t.name, sheetName: t.sheet.name, address: rectAddress(t.rect), headers: this.store.tableHeaders(t), rows };
  }

  /** As the Office adapter: only the columns a request names, in its order; a column the table lacks is refused. */
  async readTables(tables: readonly TableRequest[]): Promise<(TableData | null)[]> {
    const read = await Promise.all(tables.map((request) => this.readTable(requestedName(request))));
    return read.map((table, i) => (table === null ? null : pickColumns(table, tables[i]!)));
  }

  async listManaged(): Promise<ManagedSheet[]> {
    return describeManaged(snapshotOf(this.store));
  }

  /** As the Office adapter: the add-in's sheet for `key` and its names go; nothing else is touched. */
  async removeManagedSheet(key: string): Promise<boolean> {
    const managed = describeManaged(snapshotOf(this.store)).find((m) => m.key === key);
    if (!managed) return false;
    for (const name of managed.names) {
      const item = this.store.findName(name);
      if (item) this.store.deleteName(item);
    }
    this.store.deleteSheet(this.store.sheet(managed.sheetName));
    return true;
  }

  /** The cell the pane last showed (Excel's active sheet and selection), for tests and the demo. */
  selection: { readonly sheet: string; readonly address: string } | null = null;

  /**
   * As Worksheet.activate() and Range.select(): the sheet must exist (getItem throws ItemNotFound) and the
   * address must be an A1 cell or range of that sheet (getRange throws InvalidArgument).
   */
  async selectCell(sheet: string, address: string): Promise<void> {
    this.userSelects(sheet, address);
  }

  /**
   * As Workbook.getSelectedRange() then Range.getUsedRangeOrNullObject(true) and its values: the selected range
   * (the first sheet's A1 when nothing was selected, as Excel always has an active cell) and the part of it
   * holding values.
   */
  async readSelection(): Promise<SelectionData> {
    const selection = this.selection ?? { sheet: this.store.sheets()[0]?.name ?? "", address: "A1" };
    const sheet = this.store.sheet(selection.sheet);
    const rect = parseRange(selection.address);
    const used = this.store.usedRange(sheet, rect, true);
    if (!used) return { sheetName: sheet.name, address: rectAddress(rect), usedAddress: null, rows: [] };
    const rows: (StoredValue | null)[][] = [];
    for (let row = used.top; row <= used.bottom; row++) {
      const line: (StoredValue | null)[] = [];
      for (let col = used.left; col <= used.right; col++) {
        const v = this.store.getCell(sheet, row, col).value;
        line.push(v === "" ? null : v);
      }
      rows.push(line);
    }
    return { sheetName: sheet.name, address: rectAddress(rect), usedAddress: rectAddress(used), rows };
  }

  // --- inspection, for tests and the demo ---

  sheetNames(): string[] {
    return this.store.sheets().map((s) => s.name);
  }

  /** The sheet as Excel's Range.formulas would show it from A1 (formula text, value or ""), or null if absent. */
  getSheet(name: string): StoredValue[][] | null {
    const s = this.store.findSheet(name);
    return s ? this.store.grid(s) : null;
  }

  cell(sheet: string, a1: string): CellView {
    const s = this.store.sheet(sheet);
    const { row, col } = parseA1(a1);
    const c = this.store.getCell(s, row, col);
    return { ...c, validation: this.store.validationAt(s, row, col) };
  }

  getTable(name: string): TableView | null {
    const t = this.store.findTable(name);
    if (!t) return null;
    return {
      name: t.name,
      sheet: t.sheet.name,
      address: rectAddress(t.rect),
      headers: this.store.tableHeaders(t),
      style: t.style,
      showTotals: t.showTotals,
    };
  }

  /** The charts on a sheet, as drawn. */
  charts(sheet: string): readonly StoredChart[] {
    return this.store.sheet(sheet).charts;
  }

  // --- acting as the user ---

  /** Types into one cell, or a block of cells from `at`, exactly as a user would (so "=1+1" is a formula). */
  userTypes(sheet: string, at: string, input: CellInput | readonly (readonly CellInput[])[]): void {
    const grid = Array.isArray(input) ? (input as readonly (readonly CellInput[])[]) : [[input as CellInput]];
    const { row, col } = parseA1(at);
    const rect = { top: row, left: col, bottom: row + grid.length - 1, right: col + (grid[0]?.length ?? 1) - 1 };
    this.store.setInputs(this.store.sheet(sheet), rect, grid);
  }

  /**
   * Selects a range, as a user clicks and drags: the sheet must exist (Excel can only select on a sheet that is
   * there) and the address must be an A1 cell or range ("A:L" whole columns too, as Excel reads them).
   */
  userSelects(sheet: string, address: string): void {
    const s = this.store.sheet(sheet);
    this.selection = { sheet: s.name, address: rectAddress(parseRange(address)) };
  }

  userAddsSheet(name: string): void {
    this.store.addSheet(name);
  }

  userRenamesSheet(from: string, to: string): void {
    const sheet = this.store.sheet(from);
    const selected = this.selection?.sheet === sheet.name;
    this.store.renameSheet(sheet, to);
    if (selected && this.selection) this.selection = { ...this.selection, sheet: sheet.name };
  }

  userDeletesSheet(name: string): void {
    const sheet = this.store.sheet(name);
    this.store.deleteSheet(sheet);
    // Excel moves the selection to another sheet; here it goes back to the first sheet's A1.
    if (this.selection?.sheet === sheet.name) this.selection = null;
  }

  userCopiesSheet(name: string, copyName: string): void {
    this.store.copySheet(this.store.sheet(name), copyName);
  }

  /** Makes a table of `address` (first row = headers), named `name`. */
  userAddsTable(sheet: string, address: string, name: string): void {
    const t = this.store.addTable(this.store.sheet(sheet), parseRange(address), true, true);
    this.store.renameTable(t, name);
  }

  /** Merges cells, as Home > Merge & Center does. */
  userMergesCells(sheet: string, address: string): void {
    this.store.mergeCells(this.store.sheet(sheet), parseRange(address));
  }

  /**
   * Adds a row at the end of a table's body and types into it, as a user adds a post (Tab in the last
   * cell, or typing below a table without totals: Excel grows the table). A totals row moves down.
   */
  userAddsTableRow(tableName: string, cells: readonly CellInput[]): void {
    const t = this.store.table(tableName);
    const body = this.store.tableBody(t);
    const row = body.bottom + 1;
    if (t.showTotals) {
      // The totals row moves down one to make room.
      for (let col = t.rect.left; col <= t.rect.right; col++) {
        const cell = t.sheet.cells.get(row, col);
        t.sheet.cells.delete(row, col);
        if (cell) t.sheet.cells.set(row + 1, col, cell);
      }
    }
    this.store.setInputs(t.sheet, { top: row, left: t.rect.left, bottom: row, right: t.rect.left + cells.length - 1 }, [cells]);
    this.store.resizeTable(t, { ...t.rect, bottom: t.rect.bottom + 1 });
  }

  userAddsName(name: string, sheet: string, address: string): void {
    this.store.addName(name, this.store.sheet(sheet), parseRange(address), null);
  }
}
