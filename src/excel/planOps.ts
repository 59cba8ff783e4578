/** The ordered write operations one SheetPlan becomes on its sheet. */
import { chartName } from "./ownership";
import { FormulaSyntaxError, hasRelativeCellReference } from "./strict/formulaReferences";
import { gridOps } from "./requests";
import { type CellInput, type ConditionalRule, charactersToPoints, type ScaleCriterion, toCellInput, type WriteOp } from "./writeOps";
import {
  blockArea,
  type ColumnValidation,
  isFormulaCell,
  type ConditionalFormatPlan,
  parseA1,
  parseRange,
  type Rect,
  rectAddress,
  rectColumns,
  type ScaleValue,
  type SheetPlan,
  type TableBlock,
  tableBodyRows,
} from "../sheets/plan";

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

export interface BuildContext {
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

/** A table the add-in made before, kept as a table (so formulas naming it survive): its name and current extent. */
export interface KeptTable {
  readonly name: string;
  readonly rect: Rect;
}

/**
 * The tables, headers first: Excel takes a table's column names from its header row when the table is added
 * (TableCollection.add with hasHeaders), and a totals row's cells must be empty when Excel turns that row into
 * the totals row. A kept table is resized in place; its whole header row is rewritten while it spans exactly
 * the cells written, so no column is ever blank or named twice on the way (Excel would rename it "Column7" or
 * "Role2"): a table that narrows is resized first, one that widens after its new header row is written.
 */
function tableOps(plan: SheetPlan, ctx: BuildContext, keptTables: ReadonlyMap<string, KeptTable>): WriteOp[] {
  return plan.blocks.flatMap((block): WriteOp[] => {
    if (block.kind !== "table") return [];
    const g = tableGeometry(block);
    const header: WriteOp = { op: "inputs", sheet: ctx.sheet, address: rectAddress(g.header), inputs: [block.columns.map((c) => toCellInput(c.header))] };
    const emptyTotals: WriteOp[] = g.totals ? [{ op: "inputs", sheet: ctx.sheet, address: rectAddress(g.totals), inputs: [block.columns.map(() => "")] }] : [];
    const common = { sheet: ctx.sheet, address: rectAddress(g.headerAndBody), style: block.style ?? null, showTotals: block.totals !== undefined };
    const kept = keptTables.get(block.name.toLowerCase());
    if (kept === undefined) return [header, ...emptyTotals, { op: "addTable", table: block.name, ...common }];
    const resize: WriteOp = { op: "resizeTable", table: kept.name, rename: block.name, ...common };
    const narrows = rectColumns(g.header) <= rectColumns(kept.rect);
    return narrows ? [...emptyTotals, resize, header] : [header, ...emptyTotals, resize];
  });
}

function nameOps(plan: SheetPlan, ctx: BuildContext): WriteOp[] {
  return (plan.names ?? []).map((n) => ({ op: "addName", name: n.name, sheet: ctx.sheet, address: rectAddress(parseRange(n.at)), comment: n.comment ?? null }));
}

/** Values and formulas: every formula's tables, columns and names exist by now. */
function valueOps(plan: SheetPlan, ctx: BuildContext): WriteOp[] {
  const inputsOp = (address: string, inputs: CellInput[][]): WriteOp => ({ op: "inputs", sheet: ctx.sheet, address, inputs });
  return plan.blocks.flatMap((block) => {
    if (block.kind === "range") {
      const inputs = block.rows.map((r) => r.map(toCellInput));
      return gridOps(blockArea(block), inputs, ctx.maxBytes, inputsOp);
    }
    const g = tableGeometry(block);
    const rows: CellInput[][] = block.rows.length > 0 ? block.rows.map((r) => r.map(toCellInput)) : [block.columns.map(() => "")];
    const ops = tableBodyOps(block, g.body, rows, ctx, inputsOp);
    if (g.totals && block.totals) ops.push(inputsOp(rectAddress(g.totals), [block.totals.map(toCellInput)]));
    return ops;
  });
}

/**
 * The formula a table column has on every row, when it can be sent once for the whole column (fillInputs): at
 * least two rows, the same formula text on each, and no relative A1 reference (which Excel would shift per cell).
 */
function columnFormula(block: TableBlock, col: number): string | null {
  if (block.rows.length < 2) return null;
  const first = block.rows[0]?.[col];
  if (first === undefined || !isFormulaCell(first)) return null;
  for (const row of block.rows) {
    const cell = row[col];
    if (cell === undefined || !isFormulaCell(cell) || cell.formula !== first.formula) return null;
  }
  try {
    return hasRelativeCellReference(first.formula) ? null : first.formula;
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return null; // written cell by cell, where the write reports it
    throw error;
  }
}

/** A table's body: each column of one repeated formula as a single value, the other columns as 2-D arrays. */
function tableBodyOps(block: TableBlock, body: Rect, rows: CellInput[][], ctx: BuildContext, inputsOp: (address: string, inputs: CellInput[][]) => WriteOp): WriteOp[] {
  const formulas = block.columns.map((_, c) => columnFormula(block, c));
  if (formulas.every((f) => f === null)) return gridOps(body, rows, ctx.maxBytes, inputsOp);
  const ops: WriteOp[] = [];
  let start = 0;
  const flush = (end: number): void => {
    if (end <= start) return;
    const part = { ...body, left: body.left + start, right: body.left + end - 1 };
    ops.push(...gridOps(part, rows.map((r) => r.slice(start, end)), ctx.maxBytes, inputsOp));
  };
  formulas.forEach((formula, c) => {
    if (formula === null) return;
    flush(c);
    ops.push({ op: "fillInputs", sheet: ctx.sheet, address: rectAddress({ ...body, left: body.left + c, right: body.left + c }), input: formula });
    start = c + 1;
  });
  flush(formulas.length);
  return ops;
}

function formatOps(plan: SheetPlan, ctx: BuildContext): WriteOp[] {
  const ops: WriteOp[] = [];
  const formatsOp = (address: string, formats: string[][]): WriteOp => ({ op: "numberFormats", sheet: ctx.sheet, address, formats });
  // A run of columns sharing a format is one format sent once for the whole run, however many rows.
  const columnRuns = (rect: Rect, formats: readonly (string | null | undefined)[]): void => {
    for (const run of formatRuns(formats)) {
      const r = { top: rect.top, left: rect.left + run.from, bottom: rect.bottom, right: rect.left + run.to };
      ops.push({ op: "fillNumberFormat", sheet: ctx.sheet, address: rectAddress(r), format: run.format });
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
    if (g.totals) {
      ops.push({ op: "numberFormats", sheet: ctx.sheet, address: rectAddress(g.totals), formats: [block.columns.map((c) => c.numberFormat ?? "General")] });
    }
    block.columns.forEach((c, i) => {
      if (!c.validation) return;
      const col = g.body.left + i;
      ops.push({ op: "listValidation", sheet: ctx.sheet, address: rectAddress({ ...g.body, left: col, right: col }), source: validationSource(c.validation) });
    });
  }
  for (const cf of plan.conditionalFormats ?? []) {
    ops.push({ op: "conditionalFormat", sheet: ctx.sheet, address: rectAddress(parseRange(cf.at)), rule: conditionalRule(cf) });
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

/** What comes last: charts over the written cells, and the sheet's own settings. */
function sheetOps(plan: SheetPlan, ctx: BuildContext): WriteOp[] {
  const ops: WriteOp[] = [];
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

/**
 * A plan's operations in the order Excel accepts them: tables (header rows first), then workbook names, then
 * values and formulas, then formats (number formats, styles, validation, conditional formats, widths), then
 * charts and sheet settings. A formula is refused when a table, column or name it refers to does not exist
 * yet (see src/excel/strict), so everything a formula can name is made before any formula is written.
 */
export function planOps(
  plan: SheetPlan,
  ctx: BuildContext,
  keptTables: ReadonlyMap<string, KeptTable>,
  /** Ops that must wait for the tables to have their new extent: clearing what the add-in wrote before and no longer writes. */
  afterTables: readonly WriteOp[] = [],
): WriteOp[] {
  return [...tableOps(plan, ctx, keptTables), ...afterTables, ...nameOps(plan, ctx), ...valueOps(plan, ctx), ...formatOps(plan, ctx), ...sheetOps(plan, ctx)];
}
