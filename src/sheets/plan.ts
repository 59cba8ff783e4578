/**
 * The sheet-plan model: "what to write" on one worksheet, as plain data. Builders in src/sheets turn
 * domain data into a SheetPlan; src/excel decides how to put it into a workbook. Nothing here knows
 * about Office, so plans can be built, validated and snapshot-tested anywhere.
 *
 * Addresses are English A1 text relative to the plan's own sheet ("B3", "B3:D10"), never qualified
 * with a sheet name: the sheet name is only decided at write time (a user's sheet may already hold
 * the wanted name). Formulas that need another sheet's data should go through a table name or one of
 * the plan's workbook names, both of which survive sheet renames.
 */

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

/** A formula in English A1 style, e.g. `{ formula: "=SUMIFS(Costs[Amount],Costs[Band],B2)" }`. */
export interface FormulaCell {
  readonly formula: string;
}

/**
 * One cell of a plan. A string is always written as literal text, whatever it starts with
 * ("=", "+", "-", "@", a digit…): only a FormulaCell becomes a formula. `null` leaves the cell empty.
 * Dates are Excel serial numbers (see `excelDate`) with a date number format.
 */
export type PlanCell = string | number | boolean | null | FormulaCell;

export const formula = (text: string): FormulaCell => ({ formula: text });

export function isFormulaCell(cell: PlanCell): cell is FormulaCell {
  return typeof cell === "object" && cell !== null;
}

/** "#RRGGBB". Named colours are refused so that a plan renders the same in every Excel. */
export type Color = string;

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Points. */
  readonly fontSize?: number;
  readonly fontColor?: Color;
  readonly fill?: Color;
  readonly wrap?: boolean;
  readonly horizontalAlignment?: "left" | "center" | "right";
  readonly verticalAlignment?: "top" | "center" | "bottom";
}

/**
 * Number formats of a range block. Exactly one shape at a time, so a block can't carry both a
 * per-column and a per-cell list that disagree. `null` entries mean "General".
 */
export type BlockNumberFormats =
  | { readonly kind: "all"; readonly format: string }
  | { readonly kind: "columns"; readonly formats: readonly (string | null)[] }
  | { readonly kind: "cells"; readonly formats: readonly (readonly (string | null)[])[] };

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

/** A rectangle of cells written as they are: titles, labels, key/value panels, grids. */
export interface RangeBlock {
  readonly kind: "range";
  /** Top-left cell, e.g. "A1". */
  readonly at: string;
  /** Rectangular: every row has the same, non-zero length. */
  readonly rows: readonly (readonly PlanCell[])[];
  readonly numberFormats?: BlockNumberFormats;
  /** Applies to the whole block; use several blocks for a styled header above plain rows. */
  readonly style?: CellStyle;
}

export type ColumnValidation =
  /** An in-cell drop-down of fixed choices. Excel keeps these in a 255-character, comma-separated list. */
  | { readonly kind: "list"; readonly values: readonly string[] }
  /** A drop-down fed from cells, e.g. "=$H$2:$H$9" or a workbook name "=Bands". */
  | { readonly kind: "listRange"; readonly source: string };

export interface TableColumn {
  readonly header: string;
  readonly numberFormat?: string;
  /** Characters, like Excel's column-width box. */
  readonly width?: number;
  readonly wrap?: boolean;
  readonly validation?: ColumnValidation;
}

/** An Excel table (ListObject): a header row, at least one body row, optionally a totals row. */
export interface TableBlock {
  readonly kind: "table";
  /** Workbook-unique Excel name, e.g. "RoleCosts"; formulas elsewhere refer to it. */
  readonly name: string;
  readonly at: string;
  readonly columns: readonly TableColumn[];
  /** Each row has one cell per column. An empty list still takes one (empty) body row: Excel needs it. */
  readonly rows: readonly (readonly PlanCell[])[];
  /** e.g. "TableStyleMedium2". */
  readonly style?: string;
  /** Present = a totals row is shown; one cell per column, e.g. `formula("=SUBTOTAL(109,[Cost])")`. */
  readonly totals?: readonly PlanCell[];
  /**
   * The builder read this table's rows back from the workbook and carries every one of them, including rows
   * the user added (Excel grows a table as the user types below it). The add-in's table may then be rewritten
   * over its current extent without asking. Leave unset for tables built from the catalog alone, so a row the
   * user added there is reported as a conflict rather than overwritten.
   */
  readonly carriesWorkbookRows?: boolean;
}

export type PlanBlock = RangeBlock | TableBlock;

// ---------------------------------------------------------------------------------------------
// Conditional formats
// ---------------------------------------------------------------------------------------------

/** A number, or a formula such as `{ formula: "=$B$1" }` or `{ formula: "=\"Red\"" }`. */
export type CfOperand = number | FormulaCell;

export type CellValueComparison =
  | { readonly operator: "between" | "notBetween"; readonly from: CfOperand; readonly to: CfOperand }
  | {
      readonly operator:
        | "equalTo"
        | "notEqualTo"
        | "greaterThan"
        | "lessThan"
        | "greaterThanOrEqual"
        | "lessThanOrEqual";
      readonly value: CfOperand;
    };

export interface ScaleValue {
  readonly kind: "number" | "percent" | "percentile";
  readonly value: number;
}

export type ConditionalFormatPlan =
  | {
      readonly kind: "cellValue";
      readonly at: string;
      readonly when: CellValueComparison;
      readonly fill: Color;
      readonly fontColor?: Color;
    }
  | {
      readonly kind: "textContains";
      readonly at: string;
      readonly text: string;
      readonly fill: Color;
      readonly fontColor?: Color;
    }
  | {
      readonly kind: "colorScale";
      readonly at: string;
      /** Defaults to the lowest value in the range. */
      readonly low: { readonly color: Color; readonly value?: ScaleValue };
      /** Defaults to the 50th percentile. Absent = a 2-colour scale. */
      readonly mid?: { readonly color: Color; readonly value?: ScaleValue };
      /** Defaults to the highest value in the range. */
      readonly high: { readonly color: Color; readonly value?: ScaleValue };
    };

// ---------------------------------------------------------------------------------------------
// The sheet
// ---------------------------------------------------------------------------------------------

/** A workbook-scoped name for a range of this plan's sheet, so formulas anywhere can use it. */
export interface PlanName {
  readonly name: string;
  /** A1 range on this plan's sheet, e.g. "B2:B20". */
  readonly at: string;
  readonly comment?: string;
}

export interface PrintSetup {
  readonly landscape?: boolean;
  /** Fit all columns on one page width (any number of pages tall). */
  readonly fitToWidth?: boolean;
  /** Rows repeated at the top of each printed page, 1-based inclusive. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
}

/**
 * A chart over cells of this plan's sheet. Office.js draws it (ExcelApi 1.1 charts); the .xlsx writer leaves it
 * out, since exceljs writes no charts, and says so on the sheet it writes.
 */
export interface ChartPlan {
  readonly kind: "column" | "bar" | "pie";
  readonly title: string;
  /** Category labels, e.g. "A12:A22" (a column of this sheet). */
  readonly categories: string;
  /** One or more value series, each a column of this sheet the same height as `categories`, with its name. */
  readonly series: readonly { readonly name: string; readonly values: string }[];
  /** Where the chart's top-left corner sits, e.g. "G4"; it spans `width` × `height` points. */
  readonly at: string;
  readonly width?: number;
  readonly height?: number;
}

export interface SheetPlan {
  /**
   * Stable id of what the add-in makes, e.g. "role-profile:reconnect-service-manager". The add-in
   * finds its sheet again by this key, even after the user renamed the sheet.
   */
  readonly key: string;
  /** Wanted sheet name; the adapter may have to use "Name (2)" if a user's sheet holds it. */
  readonly name: string;
  readonly blocks: readonly PlanBlock[];
  /**
   * Widths in characters (Excel's column-width unit, so a builder can say "30 characters wide"),
   * index 0 = column A; `null` leaves a column alone. A table column's own width wins over this.
   */
  readonly columnWidths?: readonly (number | null)[];
  readonly freezeRows?: number;
  readonly tabColor?: Color;
  readonly print?: PrintSetup;
  /** Each must lie inside the plan's blocks, so refreshing the blocks also refreshes them. */
  readonly conditionalFormats?: readonly ConditionalFormatPlan[];
  readonly names?: readonly PlanName[];
  readonly charts?: readonly ChartPlan[];
}

// ---------------------------------------------------------------------------------------------
// A1 arithmetic (1-based rows and columns, like Excel's ROW() and COLUMN())
// ---------------------------------------------------------------------------------------------

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** Inclusive bounds. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** 1 → "A", 27 → "AA", 16384 → "XFD". */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLUMNS) {
    throw new RangeError(`Column ${col} is outside 1..${MAX_COLUMNS}`);
  }
  let letters = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 1, "xfd" → 16384. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new RangeError(`Column "${letters}" is beyond XFD`);
  return n;
}

const CELL_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B3" or "$B$3" → { row: 3, col: 2 }. Throws RangeError on anything else. */
export function parseA1(a1: string): CellRef {
  const m = CELL_PATTERN.exec(a1.trim());
  if (!m) throw new RangeError(`"${a1}" is not an A1 cell address`);
  const col = columnNumber(m[1] ?? "");
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS) throw new RangeError(`Row ${row} in "${a1}" is outside 1..${MAX_ROWS}`);
  return { row, col };
}

export function formatA1(ref: CellRef): string {
  return `${columnLetter(ref.col)}${ref.row}`;
}

/** The cell `rows` down and `cols` right of `a1` ("B3", 1, 2 → "D4"). */
export function offset(a1: string, rows: number, cols: number): string {
  const ref = parseA1(a1);
  const row = ref.row + rows;
  if (row < 1 || row > MAX_ROWS) throw new RangeError(`Offset from "${a1}" leaves the sheet`);
  return formatA1({ row, col: ref.col + cols });
}

/** The address of `rows` × `cols` cells from `topLeft`: ("B3", 2, 3) → "B3:D4"; one cell → "B3". */
export function rangeAddress(topLeft: string, rows: number, cols: number): string {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`A range needs at least one row and one column (got ${rows} × ${cols})`);
  }
  const { row, col } = parseA1(topLeft);
  return rectAddress({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
}

/**
 * "B3", "B3:D10", "$B$3:$D$10", whole columns "B:D" and whole rows "2:5" → a Rect. A sheet-qualified
 * address is refused: plans address their own sheet only.
 */
export function parseRange(address: string): Rect {
  const text = address.trim();
  const parts = text.split(":");
  if (parts.length === 1) {
    const c = parseA1(text);
    return { top: c.row, left: c.col, bottom: c.row, right: c.col };
  }
  if (parts.length !== 2) throw new RangeError(`"${address}" is not an A1 range`);
  const [a = "", b = ""] = parts;
  const cols = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d{1,7})$/;
  const ca = cols.exec(a);
  const cb = cols.exec(b);
  if (ca && cb) {
    return normalizeRect(1, columnNumber(ca[1] ?? ""), MAX_ROWS, columnNumber(cb[1] ?? ""));
  }
  const ra = rows.exec(a);
  const rb = rows.exec(b);
  if (ra && rb) {
    const top = Number(ra[1]);
    const bottom = Number(rb[1]);
    if (top < 1 || bottom < 1 || top > MAX_ROWS || bottom > MAX_ROWS) {
      throw new RangeError(`"${address}" has a row outside 1..${MAX_ROWS}`);
    }
    return normalizeRect(top, 1, bottom, MAX_COLUMNS);
  }
  const p = parseA1(a);
  const q = parseA1(b);
  return normalizeRect(p.row, p.col, q.row, q.col);
}

function normalizeRect(r1: number, c1: number, r2: number, c2: number): Rect {
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

export function isRangeAddress(address: string): boolean {
  try {
    parseRange(address);
    return true;
  } catch {
    return false;
  }
}

/** A single cell prints as "B3", whole columns as "B:D", whole rows as "2:5". */
export function rectAddress(rect: Rect): string {
  if (rect.top === 1 && rect.bottom === MAX_ROWS) {
    return `${columnLetter(rect.left)}:${columnLetter(rect.right)}`;
  }
  if (rect.left === 1 && rect.right === MAX_COLUMNS) return `${rect.top}:${rect.bottom}`;
  const tl = formatA1({ row: rect.top, col: rect.left });
  if (rect.top === rect.bottom && rect.left === rect.right) return tl;
  return `${tl}:${formatA1({ row: rect.bottom, col: rect.right })}`;
}

export const rectRows = (r: Rect): number => r.bottom - r.top + 1;
export const rectColumns = (r: Rect): number => r.right - r.left + 1;
export const rectCells = (r: Rect): number => rectRows(r) * rectColumns(r);

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!rectsIntersect(a, b)) return null;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

/** `a` minus `b` as at most four disjoint rectangles (bands above and below, then left and right). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const cut = intersection(a, b);
  if (!cut) return [a];
  const out: Rect[] = [];
  if (cut.top > a.top) out.push({ top: a.top, left: a.left, bottom: cut.top - 1, right: a.right });
  if (cut.bottom < a.bottom) out.push({ top: cut.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  if (cut.left > a.left) out.push({ top: cut.top, left: a.left, bottom: cut.bottom, right: cut.left - 1 });
  if (cut.right < a.right) out.push({ top: cut.top, left: cut.right + 1, bottom: cut.bottom, right: a.right });
  return out;
}

/** The parts of `a` covered by none of `bs`, as disjoint rectangles. */
export function subtractAll(a: Rect, bs: readonly Rect[]): Rect[] {
  let rest: Rect[] = [a];
  for (const b of bs) rest = rest.flatMap((r) => subtractRect(r, b));
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * "2025-04-01" → 45748, the serial Excel shows as that date with a date format. Counting from
 * 1899-12-30 absorbs Excel's fictitious 29 Feb 1900, so every date from March 1900 on is right.
 */
export function excelDate(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`"${isoDate}" is not a YYYY-MM-DD date`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`"${isoDate}" is not a calendar date`);
  }
  return Math.round((ms - EXCEL_EPOCH_MS) / DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Geometry of blocks
// ---------------------------------------------------------------------------------------------

/** Body rows a table takes: Excel keeps at least one, even when empty. */
export const tableBodyRows = (t: TableBlock): number => Math.max(1, t.rows.length);

/** Every cell the block writes, including a table's header and totals rows. */
export function blockArea(block: PlanBlock): Rect {
  const { row, col } = parseA1(block.at);
  if (block.kind === "range") {
    const cols = block.rows[0]?.length ?? 0;
    return { top: row, left: col, bottom: row + Math.max(1, block.rows.length) - 1, right: col + Math.max(1, cols) - 1 };
  }
  const height = 1 + tableBodyRows(block) + (block.totals ? 1 : 0);
  return { top: row, left: col, bottom: row + height - 1, right: col + Math.max(1, block.columns.length) - 1 };
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export const MAX_SHEET_NAME = 31;
export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA = 8_192;
/** Excel stores a list validation's choices as one comma-separated string of at most 255 characters. */
export const MAX_LIST_SOURCE = 255;

/** Excel's rules: 1–31 characters, none of [ ] : * ? / \, not starting or ending with an apostrophe. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= MAX_SHEET_NAME &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history" &&
    ![...name].some((ch) => ch.charCodeAt(0) < 32)
  );
}

/**
 * Excel's rules for table and defined names: start with a letter, "_" or "\", then letters, digits,
 * "." or "_"; at most 255 characters; and not readable as a cell reference ("AB12", "R1C1", "R", "C").
 */
export function isValidExcelName(name: string): boolean {
  if (name.length < 1 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}._\\]*$/u.test(name)) return false;
  if (/^[rc]$/i.test(name)) return false;
  if (/^r\d*c\d*$/i.test(name)) return false;
  const ref = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (ref) {
    const letters = ref[1] ?? "";
    const row = Number(ref[2]);
    const col = letters.length < 3 || letters.toUpperCase() <= "XFD";
    if (col && row >= 1 && row <= MAX_ROWS) return false;
  }
  return true;
}

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;

export interface PlanIssue {
  /** Where in the plan, e.g. "blocks[2].rows[5][1]". */
  readonly path: string;
  readonly message: string;
}

/** Every problem with a plan; empty when it can be written. */
export function validatePlan(plan: SheetPlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };

  if (plan.key.trim() === "" || plan.key.length > 200 || /[\u0000-\u001f]/.test(plan.key)) {
    add("key", "must be 1–200 printable characters");
  }
  if (!isValidSheetName(plan.name)) {
    add("name", `"${plan.name}" is not a valid sheet name (1–31 characters, none of [ ] : * ? / \\)`);
  }
  if (plan.blocks.length === 0) add("blocks", "a plan writes at least one block");

  const areas: { path: string; rect: Rect }[] = [];
  const excelNames = new Map<string, string>();
  const claimName = (name: string, path: string): void => {
    const lower = name.toLowerCase();
    const first = excelNames.get(lower);
    if (first) add(path, `"${name}" is already used by ${first}`);
    else excelNames.set(lower, path);
  };

  plan.blocks.forEach((block, i) => {
    const path = `blocks[${i}]`;
    if (!isCellAddress(block.at)) {
      add(`${path}.at`, `"${block.at}" is not a single-cell A1 address`);
      return;
    }
    if (block.kind === "range") validateRangeBlock(block, path, add);
    else {
      validateTableBlock(block, path, add);
      if (isValidExcelName(block.name)) claimName(block.name, `${path}.name`);
    }
    const rect = blockArea(block);
    if (rect.bottom > MAX_ROWS || rect.right > MAX_COLUMNS) add(path, "runs off the edge of the sheet");
    for (const other of areas) {
      if (rectsIntersect(rect, other.rect)) add(path, `overlaps ${other.path}`);
    }
    areas.push({ path, rect });
  });

  plan.columnWidths?.forEach((w, i) => {
    if (w !== null && !(Number.isFinite(w) && w >= 0 && w <= 255)) {
      add(`columnWidths[${i}]`, "must be 0–255 characters or null");
    }
  });
  if (plan.freezeRows !== undefined && !(Number.isInteger(plan.freezeRows) && plan.freezeRows >= 0 && plan.freezeRows < MAX_ROWS)) {
    add("freezeRows", "must be a whole number of rows");
  }
  if (plan.tabColor !== undefined && !HEX_COLOR.test(plan.tabColor)) add("tabColor", "must be #RRGGBB");
  const repeat = plan.print?.repeatRows;
  if (repeat && !(Number.isInteger(repeat.first) && Number.isInteger(repeat.last) && repeat.first >= 1 && repeat.last >= repeat.first && repeat.last <= MAX_ROWS)) {
    add("print.repeatRows", "must be 1-based rows with first ≤ last");
  }

  const blockRects = areas.map((a) => a.rect);
  plan.conditionalFormats?.forEach((cf, i) => {
    const path = `conditionalFormats[${i}]`;
    if (!isRangeAddress(cf.at)) {
      add(`${path}.at`, `"${cf.at}" is not an A1 range`);
      return;
    }
    if (subtractAll(parseRange(cf.at), blockRects).length > 0) {
      add(`${path}.at`, "must lie inside the plan's blocks (so a refresh replaces it)");
    }
    validateConditionalFormat(cf, path, add);
  });

  plan.names?.forEach((n, i) => {
    const path = `names[${i}]`;
    if (!isValidExcelName(n.name)) add(`${path}.name`, `"${n.name}" is not a valid Excel name`);
    else claimName(n.name, path);
    if (!isRangeAddress(n.at)) add(`${path}.at`, `"${n.at}" is not an A1 range`);
    if (n.comment !== undefined && n.comment.length > 255) add(`${path}.comment`, "is over 255 characters");
  });

  (plan.charts ?? []).forEach((chart, i) => {
    const path = `charts[${i}]`;
    if (!isCellAddress(chart.at)) add(`${path}.at`, `"${chart.at}" is not a cell address`);
    if (chart.series.length === 0) add(`${path}.series`, "a chart plots at least one series");
    let categories: Rect | null = null;
    try {
      categories = parseRange(chart.categories);
    } catch {
      add(`${path}.categories`, `"${chart.categories}" is not a range`);
    }
    chart.series.forEach((series, j) => {
      try {
        const values = parseRange(series.values);
        if (categories && rectRows(values) !== rectRows(categories)) {
          add(`${path}.series[${j}].values`, "must be as tall as the categories");
        }
      } catch {
        add(`${path}.series[${j}].values`, `"${series.values}" is not a range`);
      }
    });
  });
  return issues;
}

type AddIssue = (path: string, message: string) => void;

function isCellAddress(a1: string): boolean {
  try {
    parseA1(a1);
    return true;
  } catch {
    return false;
  }
}

function validateCells(rows: readonly (readonly PlanCell[])[], width: number, path: string, add: AddIssue): void {
  rows.forEach((row, r) => {
    if (row.length !== width) {
      add(`${path}[${r}]`, `has ${row.length} cells, expected ${width}`);
      return;
    }
    row.forEach((cell, c) => {
      const issue = cellIssue(cell);
      if (issue) add(`${path}[${r}][${c}]`, issue);
    });
  });
}

function cellIssue(cell: PlanCell): string | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? null : "numbers must be finite";
  if (typeof cell === "string") return cell.length > MAX_CELL_TEXT ? `text over ${MAX_CELL_TEXT} characters` : null;
  if (isFormulaCell(cell)) {
    if (!cell.formula.startsWith("=") || cell.formula.length < 2) return "a formula starts with \"=\"";
    if (cell.formula.length > MAX_FORMULA) return `formula over ${MAX_FORMULA} characters`;
  }
  return null;
}

function validateStyle(style: CellStyle, path: string, add: AddIssue): void {
  for (const key of ["fontColor", "fill"] as const) {
    const color = style[key];
    if (color !== undefined && !HEX_COLOR.test(color)) add(`${path}.${key}`, "must be #RRGGBB");
  }
  if (style.fontSize !== undefined && !(style.fontSize >= 1 && style.fontSize <= 409)) {
    add(`${path}.fontSize`, "must be 1–409 points");
  }
}

function validateRangeBlock(block: RangeBlock, path: string, add: AddIssue): void {
  const width = block.rows[0]?.length ?? 0;
  if (block.rows.length === 0 || width === 0) {
    add(`${path}.rows`, "a range block has at least one row and one column");
    return;
  }
  validateCells(block.rows, width, `${path}.rows`, add);
  const nf = block.numberFormats;
  if (nf?.kind === "columns" && nf.formats.length !== width) {
    add(`${path}.numberFormats`, `has ${nf.formats.length} column formats, expected ${width}`);
  }
  if (nf?.kind === "cells") {
    if (nf.formats.length !== block.rows.length || nf.formats.some((r) => r.length !== width)) {
      add(`${path}.numberFormats`, `must be ${block.rows.length} × ${width}, like the rows`);
    }
  }
  if (block.style) validateStyle(block.style, `${path}.style`, add);
}

function validateTableBlock(block: TableBlock, path: string, add: AddIssue): void {
  if (!isValidExcelName(block.name)) add(`${path}.name`, `"${block.name}" is not a valid Excel table name`);
  if (block.columns.length === 0) {
    add(`${path}.columns`, "a table has at least one column");
    return;
  }
  const headers = new Set<string>();
  block.columns.forEach((col, c) => {
    const cpath = `${path}.columns[${c}]`;
    const header = col.header.trim();
    if (header === "" || col.header.length > 255) add(`${cpath}.header`, "must be 1–255 characters");
    // Excel silently renames a repeated header ("Cost2"), which would break structured references.
    else if (headers.has(header.toLowerCase())) add(`${cpath}.header`, `"${col.header}" repeats another header`);
    headers.add(header.toLowerCase());
    if (col.width !== undefined && !(col.width >= 0 && col.width <= 255)) add(`${cpath}.width`, "must be 0–255 characters");
    const v = col.validation;
    if (v?.kind === "list") {
      if (v.values.length === 0) add(`${cpath}.validation`, "a list needs at least one value");
      if (v.values.some((x) => x.includes(","))) {
        add(`${cpath}.validation`, "list values can't contain commas; use a listRange instead");
      }
      if (v.values.join(",").length > MAX_LIST_SOURCE) {
        add(`${cpath}.validation`, `list is over ${MAX_LIST_SOURCE} characters; use a listRange instead`);
      }
    }
    if (v?.kind === "listRange" && !(v.source.startsWith("=") && v.source.length > 1)) {
      add(`${cpath}.validation`, "a listRange source starts with \"=\"");
    }
  });
  validateCells(block.rows, block.columns.length, `${path}.rows`, add);
  if (block.totals) validateCells([block.totals], block.columns.length, `${path}.totals`, add);
}

function validateConditionalFormat(cf: ConditionalFormatPlan, path: string, add: AddIssue): void {
  const colors: [string, string | undefined][] =
    cf.kind === "colorScale"
      ? [["low", cf.low.color], ["mid", cf.mid?.color], ["high", cf.high.color]]
      : [["fill", cf.fill], ["fontColor", cf.fontColor]];
  for (const [key, color] of colors) {
    if (color !== undefined && !HEX_COLOR.test(color)) add(`${path}.${key}`, "must be #RRGGBB");
  }
  const operands: CfOperand[] =
    cf.kind === "cellValue" ? ("value" in cf.when ? [cf.when.value] : [cf.when.from, cf.when.to]) : [];
  for (const op of operands) {
    if (typeof op === "number" ? !Number.isFinite(op) : !op.formula.startsWith("=")) {
      add(`${path}.when`, "operands are finite numbers or formulas starting with \"=\"");
    }
  }
  if (cf.kind === "textContains" && (cf.text === "" || cf.text.length > 255)) add(`${path}.text`, "must be 1–255 characters");
  if (cf.kind === "colorScale") {
    for (const [key, v] of [["low", cf.low.value], ["mid", cf.mid?.value], ["high", cf.high.value]] as const) {
      if (!v) continue;
      const bounded = v.kind !== "number";
      if (!Number.isFinite(v.value) || (bounded && (v.value < 0 || v.value > 100))) {
        add(`${path}.${key}.value`, bounded ? "must be 0–100" : "must be finite");
      }
    }
  }
}
