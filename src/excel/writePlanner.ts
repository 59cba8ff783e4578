/**
 * Every decision about writing a SheetPlan into a workbook, as pure functions: which sheet, what the
 * add-in owns there, what conflicts with the user's content, what to clear, and the ordered, chunked
 * list of write operations. OfficeWorkbookAdapter and MemoryWorkbook both run this and only differ
 * in how they read a WorkbookSnapshot and carry out a WriteOp, so the demo mode behaves like Excel.
 *
 * Ownership: each sheet the add-in makes carries one worksheet custom property (OWNER_PROPERTY,
 * ExcelApi 1.12) holding an OwnershipRecord: the plan key, the worksheet's id, and the areas, tables
 * and workbook names the add-in wrote. Stored on the sheet itself, it follows the sheet through
 * renames and moves, disappears with it, and needs no hidden sheet the user could break. A copy the
 * user makes of the sheet carries the record too, but under a new worksheet id, so it is the user's.
 * Anything not listed in the record of the sheet being written is the user's.
 */
import { type Conflict, type ConflictPolicy, type ManagedSheet, WorkbookError, type WriteOptions, type WriteResult } from "./adapter";
import {
  blockArea,
  type CellStyle,
  type ChartPlan,
  type ColumnValidation,
  type ConditionalFormatPlan,
  isFormulaCell,
  parseA1,
  parseRange,
  type PlanCell,
  type Rect,
  rectAddress,
  rectCells,
  rectColumns,
  rectsIntersect,
  type ScaleValue,
  type SheetPlan,
  subtractAll,
  type TableBlock,
  tableBodyRows,
  validatePlan,
  MAX_SHEET_NAME,
} from "../sheets/plan";

export const OWNER_PROPERTY = "WorkforcePlanner.owner";

/** Excel on the web refuses requests over 5 MB; stay well below it, estimate and all. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

// ---------------------------------------------------------------------------------------------
// Ownership record
// ---------------------------------------------------------------------------------------------

export interface OwnershipRecord {
  readonly v: 1;
  readonly key: string;
  /**
   * Worksheet id (stable across renames, new on a copy). Null only between creating a sheet and
   * the last request of that write, or if that write failed part-way.
   */
  readonly sheetId: string | null;
  /** The sheet's name when the add-in last wrote it. */
  readonly sheet: string;
  /** Sheet-local addresses of every block the add-in wrote (tables' header and totals included). */
  readonly areas: readonly string[];
  readonly tables: readonly string[];
  readonly names: readonly string[];
  /** Names of the charts the add-in drew on the sheet (absent in records written before charts). */
  readonly charts?: readonly string[];
  readonly writtenAt: string;
}

export function serializeRecord(record: OwnershipRecord): string {
  return JSON.stringify(record);
}

/** A record that doesn't parse is treated as absent: the sheet is then the user's, the safe reading. */
export function parseRecord(json: string | null | undefined): OwnershipRecord | null {
  if (!json) return null;
  try {
    const r = JSON.parse(json) as Partial<OwnershipRecord>;
    const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");
    if (
      r.v !== 1 ||
      typeof r.key !== "string" ||
      typeof r.sheet !== "string" ||
      !(typeof r.sheetId === "string" || r.sheetId === null) ||
      typeof r.writtenAt !== "string" ||
      !strings(r.areas) ||
      !strings(r.tables) ||
      !strings(r.names)
    ) {
      return null;
    }
    if (r.charts !== undefined && !strings(r.charts)) return null;
    r.areas.forEach((a) => parseRange(a));
    return r as OwnershipRecord;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// What the adapter reads before deciding
// ---------------------------------------------------------------------------------------------

export interface WorkbookSnapshot {
  /** In tab order, with the worksheet id and the raw OWNER_PROPERTY value (null when absent). */
  readonly sheets: readonly {
    readonly name: string;
    readonly id: string;
    readonly owner: string | null;
    /** Names of the charts on the sheet, the user's and the add-in's. */
    readonly charts?: readonly string[];
  }[];
  /** `address` is sheet-local, e.g. "A3:F40". */
  readonly tables: readonly { readonly name: string; readonly sheet: string; readonly address: string }[];
  /** Workbook names; `broken` when the name's reference is gone (#REF!, e.g. its sheet was deleted). */
  readonly names: readonly { readonly name: string; readonly broken: boolean }[];
}

export interface ManagedSheetRef {
  readonly sheet: string;
  readonly sheetId: string;
  readonly record: OwnershipRecord;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Whether a sheet is the one its record was written on, rather than a user's copy of it: the
 * worksheet id must match. A record without an id (its write stopped before the id was stamped)
 * is trusted only on a sheet still bearing the recorded name.
 */
function isOriginal(sheet: { name: string; id: string }, record: OwnershipRecord): boolean {
  return record.sheetId === null ? sheet.name === record.sheet : record.sheetId === sheet.id;
}

/** The add-in's sheet for each key, in tab order. Copies and malformed records count as the user's. */
export function managedSheets(snapshot: WorkbookSnapshot): ManagedSheetRef[] {
  const seen = new Set<string>();
  return snapshot.sheets.flatMap((s) => {
    const record = parseRecord(s.owner);
    if (!record || !isOriginal(s, record) || seen.has(record.key)) return [];
    seen.add(record.key);
    return [{ sheet: s.name, sheetId: s.id, record }];
  });
}

// ---------------------------------------------------------------------------------------------
// Which sheet
// ---------------------------------------------------------------------------------------------

export type TargetDecision =
  | { readonly kind: "create"; readonly sheetName: string; readonly renamedFrom?: string }
  | {
      readonly kind: "refresh";
      /** The managed sheet's current name. */
      readonly sheetName: string;
      readonly sheetId: string;
      readonly record: OwnershipRecord;
      /** Set when the plan's name changed and the user hadn't renamed the sheet themselves. */
      readonly renameTo?: string;
    };

/** `wanted`, or "wanted (2)", "wanted (3)"… shortened to fit 31 characters; compared case-insensitively. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const base = wanted.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd();
    const candidate = `${base}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

export function decideTarget(plan: SheetPlan, snapshot: WorkbookSnapshot): TargetDecision {
  const managed = managedSheets(snapshot).find((m) => m.record.key === plan.key);
  if (managed) {
    const found = { kind: "refresh", sheetName: managed.sheet, sheetId: managed.sheetId, record: managed.record } as const;
    const userRenamedIt = managed.sheet !== managed.record.sheet;
    if (!userRenamedIt && managed.sheet !== plan.name) {
      const others = snapshot.sheets.map((s) => s.name).filter((n) => n !== managed.sheet);
      const renameTo = freeSheetName(plan.name, others);
      if (renameTo !== managed.sheet) return { ...found, renameTo };
    }
    return found;
  }
  const name = freeSheetName(
    plan.name,
    snapshot.sheets.map((s) => s.name),
  );
  return name === plan.name ? { kind: "create", sheetName: name } : { kind: "create", sheetName: name, renamedFrom: plan.name };
}

// ---------------------------------------------------------------------------------------------
// Conflicts
// ---------------------------------------------------------------------------------------------

export const planAreas = (plan: SheetPlan): Rect[] => plan.blocks.map(blockArea);

const recordAreas = (record: OwnershipRecord): Rect[] => record.areas.map(parseRange);

/**
 * Cells to check for the user's content before writing: where the plan will write and the add-in
 * didn't write before. A new sheet has nothing to check. Each probe is answered with the bounding
 * box of non-empty cells in it (or nothing), which keeps the read small however large the area.
 */
export function conflictProbes(plan: SheetPlan, decision: TargetDecision, snapshot?: WorkbookSnapshot): Rect[] {
  if (decision.kind === "create") return [];
  const old = [...recordAreas(decision.record), ...carriedTableAreas(plan, decision, snapshot)];
  return planAreas(plan).flatMap((area) => subtractAll(area, old));
}

/** The current extent of the add-in's tables whose rows the plan carries (see TableBlock.carriesWorkbookRows). */
function carriedTableAreas(plan: SheetPlan, decision: Extract<TargetDecision, { kind: "refresh" }>, snapshot?: WorkbookSnapshot): Rect[] {
  if (!snapshot) return [];
  return plan.blocks.flatMap((b) => {
    if (b.kind !== "table" || !b.carriesWorkbookRows) return [];
    const current = snapshot.tables.find((t) => same(t.name, b.name) && ownsTable(decision.record, decision.sheetName, t));
    return current ? [parseRange(current.address)] : [];
  });
}

function ownsTable(record: OwnershipRecord | null, sheet: string, table: { name: string; sheet: string }): boolean {
  return record !== null && table.sheet === sheet && record.tables.some((t) => same(t, table.name));
}

/** The plan's table and defined names that the user's tables or names already hold. */
function nameClashes(plan: SheetPlan, snapshot: WorkbookSnapshot, owner: { sheet: string; record: OwnershipRecord } | null): Conflict[] {
  const wanted = [
    ...plan.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : [])),
    ...(plan.names ?? []).map((n) => n.name),
  ];
  const out: Conflict[] = [];
  for (const name of wanted) {
    const table = snapshot.tables.find(
      (t) => same(t.name, name) && !ownsTable(owner?.record ?? null, owner?.sheet ?? "", t),
    );
    if (table) {
      out.push({ kind: "name", name, usedBy: "table", sheet: table.sheet });
      continue;
    }
    const ownedNames = owner?.record.names ?? [];
    // A broken name refers to nothing, so taking it over loses nothing (see reclaimBrokenNames).
    if (snapshot.names.some((n) => same(n.name, name) && !n.broken && !ownedNames.some((o) => same(o, n.name)))) {
      out.push({ kind: "name", name, usedBy: "definedName", sheet: null });
    }
  }
  return out;
}

/** Conflicts on the managed sheet itself: the user's tables and cells where the plan writes or clears. */
function sheetConflicts(
  plan: SheetPlan,
  decision: Extract<TargetDecision, { kind: "refresh" }>,
  snapshot: WorkbookSnapshot,
  cellHits: readonly string[],
): Conflict[] {
  const touched = [...planAreas(plan), ...recordAreas(decision.record)];
  const tables: Conflict[] = snapshot.tables
    .filter((t) => t.sheet === decision.sheetName && !ownsTable(decision.record, decision.sheetName, t))
    .filter((t) => touched.some((a) => rectsIntersect(a, parseRange(t.address))))
    .map((t) => ({ kind: "table", sheet: t.sheet, table: t.name, address: t.address }));
  const cells: Conflict[] = cellHits.map((address) => ({ kind: "cells", sheet: decision.sheetName, address }));
  return [...tables, ...cells];
}

// ---------------------------------------------------------------------------------------------
// Text stays text
// ---------------------------------------------------------------------------------------------

/**
 * What is sent to Excel for one cell: its "typed input". Excel parses strings written through
 * Range.values/formulas as if typed: "=x" and "+x"/"-x"/"@x" become formulas, "00123" a number,
 * "2025-04-01" a date, "TRUE" a boolean. A plan string must stay exactly itself, so such strings
 * get Excel's quote prefix: "'=x" is stored as the text "=x" (the apostrophe is not part of the
 * value, any reader sees "=x").
 *
 * The prefix was chosen over the text number format "@" because "@" must already be on the cell
 * before the value arrives (our requests write values first), because it would stay on the cell
 * and turn a formula the user later types there into text, and because it costs a second,
 * per-cell format array in every request, whereas the prefix rides in the value itself.
 */
export type CellInput = string | number | boolean;

const MONTH_FIRST_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/** True when Excel would not keep `text` as that same text if it were typed into a cell. */
export function needsTextGuard(text: string): boolean {
  // Judged on the trimmed text: a needless guard costs nothing, and this spares us knowing how
  // every Excel host treats leading spaces.
  const t = text.trim();
  if (t === "") return false;
  if (/^[=+\-@']/.test(t)) return true;
  // Numbers, currency, percentages, fractions, dates and times all start like this.
  if (/^[\d.,(#$£€¥%]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return MONTH_FIRST_DATE.test(t);
}

export function toCellInput(cell: PlanCell): CellInput {
  if (cell === null) return "";
  if (isFormulaCell(cell)) return cell.formula;
  if (typeof cell === "string") return needsTextGuard(cell) ? `'${cell}` : cell;
  return cell;
}

// ---------------------------------------------------------------------------------------------
// Write operations: the contract between this planner and both executors
// ---------------------------------------------------------------------------------------------

export interface ScaleCriterion {
  readonly type: "lowestValue" | "highestValue" | "number" | "percent" | "percentile";
  readonly value: number | null;
  readonly color: string;
}

/** Addresses in ops are sheet-local; `sheet` is the sheet's name at the time the op runs. */
export type WriteOp =
  | { readonly op: "addSheet"; readonly sheet: string }
  | { readonly op: "renameSheet"; readonly sheet: string; readonly to: string }
  /**
   * Writes the ownership record. With `stampSheetId`, the executor fills in the id of the sheet it
   * created earlier in this write (Office only knows it after the request that added the sheet).
   */
  | { readonly op: "setOwner"; readonly sheet: string; readonly record: OwnershipRecord; readonly stampSheetId: boolean }
  | { readonly op: "removeOwner"; readonly sheet: string }
  | { readonly op: "convertTableToRange"; readonly table: string }
  | { readonly op: "renameTable"; readonly table: string; readonly to: string }
  /** Before a kept table's rows are rewritten: Excel empties a totals row when it is switched off. */
  | { readonly op: "hideTableTotals"; readonly table: string }
  | { readonly op: "deleteName"; readonly name: string }
  /** Clears formats, data validation and conditional formats; contents stay. */
  | { readonly op: "resetFormats"; readonly sheet: string; readonly address: string }
  | { readonly op: "clearContents"; readonly sheet: string; readonly address: string }
  | { readonly op: "inputs"; readonly sheet: string; readonly address: string; readonly inputs: readonly (readonly CellInput[])[] }
  | { readonly op: "numberFormats"; readonly sheet: string; readonly address: string; readonly formats: readonly (readonly string[])[] }
  | { readonly op: "style"; readonly sheet: string; readonly address: string; readonly style: CellStyle }
  /** `columns` like "B:D"; width in points, the unit Office.js uses. */
  | { readonly op: "columnWidth"; readonly sheet: string; readonly columns: string; readonly points: number }
  /** `address` covers header and body rows; a totals row, if shown, is added below it. */
  | {
      readonly op: "addTable";
      readonly sheet: string;
      readonly table: string;
      readonly address: string;
      readonly style: string | null;
      readonly showTotals: boolean;
    }
  | {
      readonly op: "resizeTable";
      readonly sheet: string;
      /** The table's current name, and the name it must have afterwards (they may differ in case). */
      readonly table: string;
      readonly rename: string;
      readonly address: string;
      readonly style: string | null;
      readonly showTotals: boolean;
    }
  /** An in-cell drop-down list: "a,b,c" or "=$H$2:$H$9". */
  | { readonly op: "listValidation"; readonly sheet: string; readonly address: string; readonly source: string }
  | {
      readonly op: "conditionalFormat";
      readonly sheet: string;
      readonly address: string;
      readonly rule:
        | {
            readonly type: "cellValue";
            readonly operator: string;
            readonly formula1: string;
            readonly formula2: string | null;
            readonly fill: string;
            readonly fontColor: string | null;
          }
        | { readonly type: "textContains"; readonly text: string; readonly fill: string; readonly fontColor: string | null }
        | {
            readonly type: "colorScale";
            readonly minimum: ScaleCriterion;
            readonly midpoint: ScaleCriterion | null;
            readonly maximum: ScaleCriterion;
          };
    }
  | { readonly op: "addName"; readonly name: string; readonly sheet: string; readonly address: string; readonly comment: string | null }
  | { readonly op: "deleteChart"; readonly sheet: string; readonly name: string }
  | { readonly op: "addChart"; readonly sheet: string; readonly name: string; readonly chart: ChartPlan }
  | { readonly op: "freezeRows"; readonly sheet: string; readonly rows: number }
  | { readonly op: "tabColor"; readonly sheet: string; readonly color: string }
  | {
      readonly op: "pageLayout";
      readonly sheet: string;
      readonly landscape: boolean | null;
      readonly fitToWidth: boolean | null;
      /** e.g. "$1:$3". */
      readonly titleRows: string | null;
    };

export type ConditionalRule = Extract<WriteOp, { op: "conditionalFormat" }>["rule"];

/** Excel's column-width characters → points, for the default Calibri 11 (7-pixel digits, 5 px padding). */
export function charactersToPoints(chars: number): number {
  if (chars <= 0) return 0;
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Request size
// ---------------------------------------------------------------------------------------------

/** Bytes of `text` as UTF-8, the encoding requests travel in. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Per-op framing in a request (object paths, method names, ids): generous on purpose. */
const OP_OVERHEAD_BYTES = 300;

export function estimateOpBytes(op: WriteOp): number {
  return OP_OVERHEAD_BYTES + utf8Length(JSON.stringify(op));
}

/**
 * Splits a rectangle of per-cell data into row bands (and a row into column bands if one row alone
 * is too big) whose ops each stay under `maxBytes`.
 */
function gridOps<T>(
  rect: Rect,
  grid: readonly (readonly T[])[],
  maxBytes: number,
  make: (address: string, part: T[][]) => WriteOp,
): WriteOp[] {
  const budget = maxBytes - OP_OVERHEAD_BYTES - 200;
  const ops: WriteOp[] = [];
  let start = 0;
  let bytes = 0;
  const flush = (end: number): void => {
    if (end <= start) return;
    const part = grid.slice(start, end).map((r) => [...r]);
    ops.push(make(rectAddress({ top: rect.top + start, left: rect.left, bottom: rect.top + end - 1, right: rect.right }), part));
  };
  grid.forEach((row, i) => {
    const rowBytes = utf8Length(JSON.stringify(row)) + 1;
    if (rowBytes > budget) {
      flush(i);
      ops.push(...rowOps(rect.top + i, rect.left, row, budget, make));
      start = i + 1;
      bytes = 0;
      return;
    }
    if (bytes + rowBytes > budget) {
      flush(i);
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  flush(grid.length);
  return ops;
}

function rowOps<T>(row: number, left: number, cells: readonly T[], budget: number, make: (address: string, part: T[][]) => WriteOp): WriteOp[] {
  const ops: WriteOp[] = [];
  let start = 0;
  let bytes = 0;
  cells.forEach((cell, i) => {
    const b = utf8Length(JSON.stringify(cell)) + 1;
    if (bytes + b > budget && i > start) {
      ops.push(make(rectAddress({ top: row, left: left + start, bottom: row, right: left + i - 1 }), [cells.slice(start, i)]));
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  ops.push(make(rectAddress({ top: row, left: left + start, bottom: row, right: left + cells.length - 1 }), [cells.slice(start)]));
  return ops;
}

/** Groups ops, in order, into requests of at most `maxBytes` estimated bytes each. */
export function packRequests(ops: readonly WriteOp[], maxBytes: number): { requests: WriteOp[][]; bytes: number[] } {
  const requests: WriteOp[][] = [];
  const bytes: number[] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    const b = estimateOpBytes(op);
    if (current.length > 0 && size + b > maxBytes) {
      requests.push(current);
      bytes.push(size);
      current = [];
      size = 0;
    }
    current.push(op);
    size += b;
  }
  if (current.length > 0) {
    requests.push(current);
    bytes.push(size);
  }
  return { requests, bytes };
}

// ---------------------------------------------------------------------------------------------
// From plan to operations
// ---------------------------------------------------------------------------------------------

function fill<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array<T>(cols).fill(value));
}

/** Consecutive columns sharing a format, so one op covers them. */
function formatRuns(formats: readonly (string | null | undefined)[]): { from: number; to: number; format: string }[] {
  const runs: { from: number; to: number; format: string }[] = [];
  formats.forEach((f, i) => {
    if (f === null || f === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.format === f && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i, format: f });
  });
  return runs;
}

interface BuildContext {
  readonly sheet: string;
  readonly maxBytes: number;
}

function tableGeometry(t: TableBlock): { header: Rect; body: Rect; totals: Rect | null; headerAndBody: Rect } {
  const { row, col } = parseA1(t.at);
  const right = col + t.columns.length - 1;
  const bodyRows = tableBodyRows(t);
  const header = { top: row, left: col, bottom: row, right };
  const body = { top: row + 1, left: col, bottom: row + bodyRows, right };
  const totals = t.totals ? { top: body.bottom + 1, left: col, bottom: body.bottom + 1, right } : null;
  return { header, body, totals, headerAndBody: { top: row, left: col, bottom: body.bottom, right } };
}

function valueOps(plan: SheetPlan, ctx: BuildContext): WriteOp[] {
  const inputsOp = (address: string, inputs: CellInput[][]): WriteOp => ({ op: "inputs", sheet: ctx.sheet, address, inputs });
  return plan.blocks.flatMap((block) => {
    if (block.kind === "range") {
      const inputs = block.rows.map((r) => r.map(toCellInput));
      return gridOps(blockArea(block), inputs, ctx.maxBytes, inputsOp);
    }
    const g = tableGeometry(block);
    const rows: CellInput[][] = [
      block.columns.map((c) => toCellInput(c.header)),
      ...(block.rows.length > 0 ? block.rows.map((r) => r.map(toCellInput)) : [block.columns.map(() => "")]),
    ];
    // The totals row is written after the table exists, but its cells must be empty when Excel
    // turns the row into the totals row, or Excel may push them down instead.
    if (g.totals) rows.push(block.columns.map(() => ""));
    return gridOps(blockArea(block), rows, ctx.maxBytes, inputsOp);
  });
}

function formatOps(plan: SheetPlan, ctx: BuildContext): WriteOp[] {
  const ops: WriteOp[] = [];
  const formatsOp = (address: string, formats: string[][]): WriteOp => ({ op: "numberFormats", sheet: ctx.sheet, address, formats });
  const columnRuns = (rect: Rect, formats: readonly (string | null | undefined)[]): void => {
    for (const run of formatRuns(formats)) {
      const r = { top: rect.top, left: rect.left + run.from, bottom: rect.bottom, right: rect.left + run.to };
      ops.push(...gridOps(r, fill(r.bottom - r.top + 1, run.to - run.from + 1, run.format), ctx.maxBytes, formatsOp));
    }
  };
  for (const block of plan.blocks) {
    const area = blockArea(block);
    if (block.kind === "range") {
      const nf = block.numberFormats;
      if (nf?.kind === "all") columnRuns(area, Array<string>(rectColumns(area)).fill(nf.format));
      if (nf?.kind === "columns") columnRuns(area, nf.formats);
      if (nf?.kind === "cells") {
        ops.push(...gridOps(area, nf.formats.map((r) => r.map((f) => f ?? "General")), ctx.maxBytes, formatsOp));
      }
      if (block.style) ops.push({ op: "style", sheet: ctx.sheet, address: rectAddress(area), style: block.style });
      continue;
    }
    const g = tableGeometry(block);
    columnRuns(g.body, block.columns.map((c) => c.numberFormat));
    block.columns.forEach((c, i) => {
      if (!c.wrap) return;
      const col = g.body.left + i;
      ops.push({ op: "style", sheet: ctx.sheet, address: rectAddress({ ...g.body, left: col, right: col }), style: { wrap: true } });
    });
  }
  ops.push(...columnWidthOps(plan, ctx));
  return ops;
}

function columnWidthOps(plan: SheetPlan, ctx: BuildContext): WriteOp[] {
  const widths = new Map<number, number>();
  plan.columnWidths?.forEach((w, i) => {
    if (w !== null) widths.set(i + 1, w);
  });
  for (const block of plan.blocks) {
    if (block.kind !== "table") continue;
    const left = parseA1(block.at).col;
    block.columns.forEach((c, i) => {
      if (c.width !== undefined) widths.set(left + i, c.width);
    });
  }
  const cols = [...widths.keys()].sort((a, b) => a - b);
  const ops: WriteOp[] = [];
  let runStart = -1;
  cols.forEach((col, i) => {
    const w = widths.get(col);
    const next = cols[i + 1];
    if (runStart < 0) runStart = col;
    if (next === undefined || next !== col + 1 || widths.get(next) !== w) {
      const columns = rectAddress({ top: 1, left: runStart, bottom: 1_048_576, right: col });
      ops.push({ op: "columnWidth", sheet: ctx.sheet, columns, points: charactersToPoints(w ?? 0) });
      runStart = -1;
    }
  });
  return ops;
}

function validationSource(v: ColumnValidation): string {
  return v.kind === "list" ? v.values.join(",") : v.source;
}

const operand = (o: number | { formula: string }): string => (typeof o === "number" ? `=${o}` : o.formula);

const OPERATORS: Record<string, string> = {
  between: "Between",
  notBetween: "NotBetween",
  equalTo: "EqualTo",
  notEqualTo: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
};

export function conditionalRule(cf: ConditionalFormatPlan): ConditionalRule {
  if (cf.kind === "cellValue") {
    const w = cf.when;
    return {
      type: "cellValue",
      operator: OPERATORS[w.operator] ?? "Invalid",
      formula1: operand("value" in w ? w.value : w.from),
      formula2: "value" in w ? null : operand(w.to),
      fill: cf.fill,
      fontColor: cf.fontColor ?? null,
    };
  }
  if (cf.kind === "textContains") {
    return { type: "textContains", text: cf.text, fill: cf.fill, fontColor: cf.fontColor ?? null };
  }
  const point = (p: { color: string; value?: ScaleValue }, fallback: ScaleCriterion["type"], fallbackValue: number | null): ScaleCriterion =>
    p.value ? { type: p.value.kind, value: p.value.value, color: p.color } : { type: fallback, value: fallbackValue, color: p.color };
  return {
    type: "colorScale",
    minimum: point(cf.low, "lowestValue", null),
    midpoint: cf.mid ? point(cf.mid, "percentile", 50) : null,
    maximum: point(cf.high, "highestValue", null),
  };
}

function structureOps(plan: SheetPlan, ctx: BuildContext, keptTables: ReadonlyMap<string, string>): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const block of plan.blocks) {
    if (block.kind !== "table") continue;
    const g = tableGeometry(block);
    const kept = keptTables.get(block.name.toLowerCase());
    const common = { sheet: ctx.sheet, address: rectAddress(g.headerAndBody), style: block.style ?? null, showTotals: block.totals !== undefined };
    ops.push(
      kept !== undefined
        ? { op: "resizeTable", table: kept, rename: block.name, ...common }
        : { op: "addTable", table: block.name, ...common },
    );
    if (g.totals && block.totals) {
      ops.push({ op: "inputs", sheet: ctx.sheet, address: rectAddress(g.totals), inputs: [block.totals.map(toCellInput)] });
      const formats = block.columns.map((c) => c.numberFormat ?? "General");
      ops.push({ op: "numberFormats", sheet: ctx.sheet, address: rectAddress(g.totals), formats: [formats] });
    }
    block.columns.forEach((c, i) => {
      if (!c.validation) return;
      const col = g.body.left + i;
      ops.push({
        op: "listValidation",
        sheet: ctx.sheet,
        address: rectAddress({ ...g.body, left: col, right: col }),
        source: validationSource(c.validation),
      });
    });
  }
  for (const cf of plan.conditionalFormats ?? []) {
    ops.push({ op: "conditionalFormat", sheet: ctx.sheet, address: rectAddress(parseRange(cf.at)), rule: conditionalRule(cf) });
  }
  for (const n of plan.names ?? []) {
    ops.push({ op: "addName", name: n.name, sheet: ctx.sheet, address: rectAddress(parseRange(n.at)), comment: n.comment ?? null });
  }
  (plan.charts ?? []).forEach((chart, i) => ops.push({ op: "addChart", sheet: ctx.sheet, name: chartName(plan, i), chart }));
  if (plan.freezeRows !== undefined) ops.push({ op: "freezeRows", sheet: ctx.sheet, rows: plan.freezeRows });
  if (plan.tabColor !== undefined) ops.push({ op: "tabColor", sheet: ctx.sheet, color: plan.tabColor });
  if (plan.print) {
    const r = plan.print.repeatRows;
    ops.push({
      op: "pageLayout",
      sheet: ctx.sheet,
      landscape: plan.print.landscape ?? null,
      fitToWidth: plan.print.fitToWidth ?? null,
      titleRows: r ? `$${r.first}:$${r.last}` : null,
    });
  }
  return ops;
}

/** `base`, or base2, base3… not among `taken` (case-insensitive). */
function freeExcelName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

// ---------------------------------------------------------------------------------------------
// The whole decision
// ---------------------------------------------------------------------------------------------

export interface PlanWriteInput {
  readonly plan: SheetPlan;
  readonly snapshot: WorkbookSnapshot;
  readonly decision: TargetDecision;
  /** Bounding boxes of the user's content found by `conflictProbes`, sheet-local. */
  readonly cellHits: readonly string[];
  readonly onConflict?: ConflictPolicy;
  readonly now: Date;
  readonly maxRequestBytes?: number;
}

export type PlanWriteOutcome =
  | { readonly kind: "conflict"; readonly sheetName: string; readonly conflicts: readonly Conflict[] }
  | {
      readonly kind: "write";
      readonly sheetName: string;
      readonly action: "created" | "refreshed";
      readonly renamedFrom?: string;
      readonly supersededSheet?: string;
      readonly avoidedConflicts?: readonly Conflict[];
      readonly record: OwnershipRecord;
      /** Each inner list is one request (one sync); values come before formats, formats before structure. */
      readonly requests: readonly (readonly WriteOp[])[];
      readonly requestBytes: readonly number[];
      readonly cellsWritten: number;
    };

export function planWrite(input: PlanWriteInput): PlanWriteOutcome {
  const { plan, snapshot, decision } = input;
  const maxBytes = input.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const owner = decision.kind === "refresh" ? { sheet: decision.sheetName, record: decision.record } : null;

  const names = nameClashes(plan, snapshot, owner);
  if (names.length > 0) return { kind: "conflict", sheetName: decision.sheetName, conflicts: names };

  if (decision.kind === "refresh") {
    const conflicts = sheetConflicts(plan, decision, snapshot, input.cellHits);
    if (conflicts.length > 0) {
      if (input.onConflict !== "newSheet") return { kind: "conflict", sheetName: decision.sheetName, conflicts };
      return supersede(input, decision, conflicts, maxBytes);
    }
    return refresh(input, decision, maxBytes);
  }
  return create(input, decision, [], maxBytes);
}

/**
 * Deletes broken workbook names (#REF!) that the plan wants, unless already being deleted. Excel
 * keeps a sheet's names as #REF! when the sheet is deleted; without this, deleting the add-in's
 * sheet and inserting again would stop at its own leftover names.
 */
function reclaimBrokenNames(plan: SheetPlan, snapshot: WorkbookSnapshot, already: readonly WriteOp[]): WriteOp[] {
  const deleting = already.flatMap((o) => (o.op === "deleteName" ? [o.name] : []));
  const wanted = [...(plan.names ?? []).map((n) => n.name), ...plan.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : []))];
  return snapshot.names
    .filter((n) => n.broken && wanted.some((w) => same(w, n.name)) && !deleting.some((d) => same(d, n.name)))
    .map((n) => ({ op: "deleteName", name: n.name }));
}

/**
 * A chart's name: derived from the plan's key and the chart's place in the plan, so a refresh finds the charts
 * it drew before (and only those) to replace them.
 */
export function chartName(plan: SheetPlan, index: number): string {
  let hash = 0;
  for (const ch of plan.key) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  return `WFP chart ${hash.toString(36)} ${index + 1}`;
}

function newRecord(plan: SheetPlan, sheet: string, sheetId: string | null, now: Date): OwnershipRecord {
  return {
    v: 1,
    key: plan.key,
    sheetId,
    sheet,
    areas: planAreas(plan).map(rectAddress),
    tables: plan.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : [])),
    names: (plan.names ?? []).map((n) => n.name),
    ...(plan.charts && plan.charts.length > 0 ? { charts: plan.charts.map((_, i) => chartName(plan, i)) } : {}),
    writtenAt: now.toISOString(),
  };
}

interface Assembled {
  readonly record: OwnershipRecord;
  readonly requests: WriteOp[][];
  readonly requestBytes: number[];
  readonly cellsWritten: number;
}

/**
 * Orders and packs one write. `sheetId` is null for a sheet this write creates: its record is then
 * written first without an id and stamped by a last op, which never shares the request that adds
 * the sheet (Office only tells the new sheet's id after that request).
 */
function assemble(
  input: PlanWriteInput,
  target: { sheet: string; sheetId: string | null },
  prepare: readonly WriteOp[],
  keptTables: ReadonlyMap<string, string>,
  maxBytes: number,
): Assembled {
  const { sheet, sheetId } = target;
  const record = newRecord(input.plan, sheet, sheetId, input.now);
  const ctx = { sheet, maxBytes };
  // The record goes first: if a later request fails, the half-written sheet is still known as the
  // add-in's and the next run refreshes it instead of treating it as the user's.
  const ops: WriteOp[] = [
    ...prepare,
    { op: "setOwner", sheet, record, stampSheetId: false },
    ...valueOps(input.plan, ctx),
    ...formatOps(input.plan, ctx),
    ...structureOps(input.plan, ctx, keptTables),
  ];
  const { requests, bytes } = packRequests(ops, maxBytes);
  if (sheetId === null) {
    const stamp: WriteOp = { op: "setOwner", sheet, record, stampSheetId: true };
    const last = requests.length - 1;
    const stampBytes = estimateOpBytes(stamp);
    if (last > 0 && (bytes[last] ?? 0) + stampBytes <= maxBytes) {
      requests[last]?.push(stamp);
      bytes[last] = (bytes[last] ?? 0) + stampBytes;
    } else {
      requests.push([stamp]);
      bytes.push(stampBytes);
    }
  }
  const cellsWritten = planAreas(input.plan).reduce((n, r) => n + rectCells(r), 0);
  return { record, requests, requestBytes: bytes, cellsWritten };
}

function create(
  input: PlanWriteInput,
  decision: Extract<TargetDecision, { kind: "create" }>,
  before: readonly WriteOp[],
  maxBytes: number,
): PlanWriteOutcome {
  const sheet = decision.sheetName;
  const prepare = [...before, ...reclaimBrokenNames(input.plan, input.snapshot, before), { op: "addSheet", sheet } as const];
  const built = assemble(input, { sheet, sheetId: null }, prepare, new Map(), maxBytes);
  return {
    kind: "write",
    sheetName: sheet,
    action: "created",
    ...(decision.renamedFrom === undefined ? {} : { renamedFrom: decision.renamedFrom }),
    ...built,
  };
}

function refresh(input: PlanWriteInput, decision: Extract<TargetDecision, { kind: "refresh" }>, maxBytes: number): PlanWriteOutcome {
  const { plan, snapshot } = input;
  const sheet = decision.renameTo ?? decision.sheetName;
  const prepare: WriteOp[] = [];
  if (decision.renameTo) prepare.push({ op: "renameSheet", sheet: decision.sheetName, to: decision.renameTo });

  // A table stays a table (so the user's formulas that name it keep working) when the plan still
  // has it at the same top-left; otherwise it goes back to plain cells before its area is cleared.
  const planTables = new Map(plan.blocks.flatMap((b) => (b.kind === "table" ? [[b.name.toLowerCase(), b] as const] : [])));
  const kept = new Map<string, string>();
  for (const t of snapshot.tables) {
    if (!ownsTable(decision.record, decision.sheetName, t)) continue;
    const wanted = planTables.get(t.name.toLowerCase());
    const corner = parseRange(t.address);
    const at = wanted ? parseA1(wanted.at) : null;
    if (at && at.row === corner.top && at.col === corner.left) {
      kept.set(t.name.toLowerCase(), t.name);
      prepare.push({ op: "hideTableTotals", table: t.name });
    } else {
      prepare.push({ op: "convertTableToRange", table: t.name });
    }
  }
  for (const n of snapshot.names) {
    if (decision.record.names.some((o) => same(o, n.name))) prepare.push({ op: "deleteName", name: n.name });
  }
  // The add-in's charts are redrawn; one the user deleted is simply not there, one the user drew is not ours.
  const onSheet = snapshot.sheets.find((x) => x.name === decision.sheetName)?.charts ?? [];
  for (const name of decision.record.charts ?? []) {
    if (onSheet.some((c) => same(c, name))) prepare.push({ op: "deleteChart", sheet: decision.sheetName, name });
  }
  prepare.push(...reclaimBrokenNames(plan, snapshot, prepare));
  const newAreas = planAreas(plan);
  for (const old of recordAreas(decision.record)) {
    prepare.push({ op: "resetFormats", sheet, address: rectAddress(old) });
    for (const stale of subtractAll(old, newAreas)) prepare.push({ op: "clearContents", sheet, address: rectAddress(stale) });
  }
  const built = assemble(input, { sheet, sheetId: decision.sheetId }, prepare, kept, maxBytes);
  return { kind: "write", sheetName: sheet, action: "refreshed", ...built };
}

// ---------------------------------------------------------------------------------------------
// The write, step by step, over whatever workbook the caller reaches
// ---------------------------------------------------------------------------------------------

/** How an implementation reaches its workbook. Each call is one round trip (one sync in Office). */
export interface WorkbookIO {
  snapshot(): Promise<WorkbookSnapshot>;
  /** For each area, the bounding box of non-empty cells in it on `sheet`, or null. */
  probe(sheet: string, areas: readonly Rect[]): Promise<(string | null)[]>;
  execute(request: readonly WriteOp[]): Promise<void>;
  /** Round trips so far. */
  readonly syncs: number;
}

export interface PerformOptions extends WriteOptions {
  readonly now: Date;
  readonly maxRequestBytes?: number;
}

/**
 * Validates, reads, decides, then writes request by request. Shared by both adapters so they can't
 * drift apart. Throws WorkbookError.
 */
export async function performWrite(plan: SheetPlan, io: WorkbookIO, options: PerformOptions): Promise<WriteResult> {
  const issues = validatePlan(plan);
  if (issues.length > 0) {
    throw new WorkbookError("invalid-plan", `The sheet plan "${plan.key}" can't be written: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, { issues });
  }
  const snapshot = await io.snapshot();
  const decision = decideTarget(plan, snapshot);
  const probes = conflictProbes(plan, decision, snapshot);
  const hits = probes.length > 0 ? (await io.probe(decision.sheetName, probes)).filter((h): h is string => h !== null) : [];
  const outcome = planWrite({
    plan,
    snapshot,
    decision,
    cellHits: hits,
    now: options.now,
    ...(options.onConflict === undefined ? {} : { onConflict: options.onConflict }),
    ...(options.maxRequestBytes === undefined ? {} : { maxRequestBytes: options.maxRequestBytes }),
  });
  if (outcome.kind === "conflict") {
    return { status: "conflict", sheetName: outcome.sheetName, conflicts: outcome.conflicts, syncs: io.syncs, writeRequests: 0, largestRequestBytes: 0 };
  }
  const total = outcome.requests.length;
  for (const [i, request] of outcome.requests.entries()) {
    try {
      await io.execute(request);
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError("excel", `Excel refused write request ${i + 1} of ${total} for "${outcome.sheetName}": ${describeError(error)}`, {
        partial: i > 0,
        cause: error,
      });
    }
    options.onProgress?.(i + 1, total);
  }
  return {
    status: "written",
    sheetName: outcome.sheetName,
    action: outcome.action,
    ...(outcome.renamedFrom === undefined ? {} : { renamedFrom: outcome.renamedFrom }),
    ...(outcome.supersededSheet === undefined ? {} : { supersededSheet: outcome.supersededSheet }),
    ...(outcome.avoidedConflicts === undefined ? {} : { avoidedConflicts: outcome.avoidedConflicts }),
    cellsWritten: outcome.cellsWritten,
    syncs: io.syncs,
    writeRequests: total,
    largestRequestBytes: Math.max(0, ...outcome.requestBytes),
  };
}

/** "InvalidArgument: …" for Office errors, which carry a code beside the message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}

/** The add-in's sheets, read from a snapshot, for listManaged(). */
export function describeManaged(snapshot: WorkbookSnapshot): ManagedSheet[] {
  return managedSheets(snapshot).map((m) => ({
    key: m.record.key,
    sheetName: m.sheet,
    tables: m.record.tables,
    names: m.record.names,
    writtenAt: m.record.writtenAt,
  }));
}

/**
 * onConflict "newSheet": the old sheet, with the user's edits in it, becomes the user's. Its tables
 * that the plan needs the names of are renamed (Excel rewrites formulas that refer to them), the
 * workbook names the plan re-adds are moved to the new sheet, and the plan goes to a new sheet.
 */
function supersede(
  input: PlanWriteInput,
  decision: Extract<TargetDecision, { kind: "refresh" }>,
  conflicts: readonly Conflict[],
  maxBytes: number,
): PlanWriteOutcome {
  const { plan, snapshot } = input;
  const before: WriteOp[] = [{ op: "removeOwner", sheet: decision.sheetName }];
  const planTableNames = plan.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : []));
  const taken = [...snapshot.tables.map((t) => t.name), ...snapshot.names.map((n) => n.name), ...planTableNames, ...(plan.names ?? []).map((n) => n.name)];
  for (const t of snapshot.tables) {
    if (!ownsTable(decision.record, decision.sheetName, t) || !planTableNames.some((n) => same(n, t.name))) continue;
    const to = freeExcelName(`${t.name}_old`, taken);
    taken.push(to);
    before.push({ op: "renameTable", table: t.name, to });
  }
  for (const n of snapshot.names) {
    if (decision.record.names.some((o) => same(o, n.name)) && (plan.names ?? []).some((p) => same(p.name, n.name))) {
      before.push({ op: "deleteName", name: n.name });
    }
  }
  const sheetName = freeSheetName(
    plan.name,
    snapshot.sheets.map((s) => s.name),
  );
  const target = sheetName === plan.name ? { kind: "create" as const, sheetName } : { kind: "create" as const, sheetName, renamedFrom: plan.name };
  const outcome = create(input, target, before, maxBytes);
  return outcome.kind === "write" ? { ...outcome, supersededSheet: decision.sheetName, avoidedConflicts: conflicts } : outcome;
}
