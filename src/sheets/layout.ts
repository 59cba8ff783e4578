import type { CellStyle, PlanBlock, PlanCell, RangeBlock, TableBlock, TableColumn } from "./plan";

/** The house style of every sheet the add-in writes: NHS identity colours, readable sizes. */
export const STYLE = {
  title: { bold: true, fontSize: 16, fontColor: "#003087" },
  subtitle: { italic: true, fontColor: "#425563" },
  heading: { bold: true, fontSize: 12, fontColor: "#005EB8" },
  label: { bold: true, verticalAlignment: "top" },
  text: { wrap: true, verticalAlignment: "top", horizontalAlignment: "left" },
  note: { italic: true, fontColor: "#425563", wrap: false },
  tableStyle: "TableStyleMedium2",
} as const satisfies Record<string, CellStyle | string>;

/**
 * Stacks blocks down a sheet from row 1, a blank row between sections, so builders say what goes on the
 * sheet in reading order and never compute addresses by hand.
 */
export class SheetLayout {
  private row = 1;
  readonly blocks: PlanBlock[] = [];

  /** The row the next block will start on. */
  get nextRow(): number {
    return this.row;
  }

  gap(rows = 1): this {
    this.row += rows;
    return this;
  }

  /** Rows of cells at column A (or `column`), all in one style. Returns the block's first row. */
  cells(rows: readonly (readonly PlanCell[])[], style?: CellStyle, column = "A"): number {
    const at = this.row;
    const block: RangeBlock = { kind: "range", at: `${column}${at}`, rows, ...(style ? { style } : {}) };
    this.blocks.push(block);
    this.row += rows.length;
    return at;
  }

  line(text: PlanCell, style?: CellStyle): number {
    return this.cells([[text]], style);
  }

  /** Label/value pairs: labels bold in column A, values wrapped in column B, each with an optional number format. */
  keyValues(pairs: readonly (readonly [string, PlanCell] | readonly [string, PlanCell, string])[]): number {
    const at = this.row;
    this.cells(pairs.map(([k]) => [k]), STYLE.label);
    this.blocks.push({
      kind: "range",
      at: `B${at}`,
      rows: pairs.map((p) => [p[1]]),
      style: STYLE.text,
      ...(pairs.some((p) => p[2]) ? { numberFormats: { kind: "cells" as const, formats: pairs.map((p) => [p[2] ?? null]) } } : {}),
    });
    return at;
  }

  /** An Excel table; returns the header row. */
  table(name: string, columns: readonly TableColumn[], rows: readonly (readonly PlanCell[])[], extra?: Partial<TableBlock>): number {
    const at = this.row;
    this.blocks.push({ kind: "table", name, at: `A${at}`, columns, rows, style: STYLE.tableStyle, ...extra });
    this.row += 1 + Math.max(1, rows.length) + (extra?.totals ? 1 : 0);
    return at;
  }
}
