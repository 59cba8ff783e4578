/** Sheet plans shared by the src/excel tests. */
import { formula, type PlanCell, type SheetPlan, type TableBlock } from "../../src/sheets/plan";

export const FIXED_NOW = new Date("2025-04-01T09:00:00.000Z");

/** Text a careless writer would turn into something else. */
export const TRICKY_TEXT = ["=SUM(A1:A2)", "+44 20 7946 0000", "-5 days", "@risk", "00123", "2025-04-01", "TRUE", "50%", "'quoted", "Mar 2025"] as const;

export interface RolePlanOptions {
  readonly costRows?: number;
  readonly name?: string;
  readonly key?: string;
}

export function costRows(n: number): PlanCell[][] {
  return Array.from({ length: n }, (_, i) => [
    i === 1 ? "Agency cover" : `Item ${i + 1}`,
    (["5", "6", "7"] as const)[i % 3] ?? "5",
    1 + (i % 4) * 0.25,
    30_000 + i * 1_000,
  ]);
}

export function rolePlan(options: RolePlanOptions = {}): SheetPlan {
  const n = options.costRows ?? 3;
  const table: TableBlock = {
    kind: "table",
    name: "RoleCosts",
    at: "A8",
    columns: [
      { header: "Item", width: 30, wrap: true },
      { header: "Band", validation: { kind: "list", values: ["5", "6", "7"] } },
      { header: "WTE", numberFormat: "0.00" },
      { header: "Cost", numberFormat: "£#,##0", width: 14 },
    ],
    rows: costRows(n),
    style: "TableStyleMedium2",
    totals: ["Total", null, formula("=SUBTOTAL(109,[WTE])"), formula("=SUBTOTAL(109,[Cost])")],
  };
  return {
    key: options.key ?? "role-profile:reconnect-service-manager",
    name: options.name ?? "Role profile",
    blocks: [
      { kind: "range", at: "A1", rows: [["RECONNECT service manager"]], style: { bold: true, fontSize: 14, fill: "#005EB8", fontColor: "#FFFFFF" } },
      {
        kind: "range",
        at: "A3",
        rows: [
          ["Band", "8a"],
          ["Start", 45748],
          ["Note", TRICKY_TEXT[0]],
          ["Budget", formula("=SUM(RoleCosts[Cost])")],
        ],
        numberFormats: { kind: "cells", formats: [[null, null], [null, "dd/mm/yyyy"], [null, null], [null, "£#,##0"]] },
      },
      table,
    ],
    columnWidths: [null, 12],
    freezeRows: 1,
    tabColor: "#005EB8",
    print: { landscape: true, fitToWidth: true, repeatRows: { first: 8, last: 8 } },
    conditionalFormats: [
      { kind: "cellValue", at: `D9:D${8 + n}`, when: { operator: "greaterThan", value: 31_000 }, fill: "#FFC7CE", fontColor: "#9C0006" },
      { kind: "textContains", at: `A9:A${8 + n}`, text: "Agency", fill: "#FFEB9C" },
      { kind: "colorScale", at: `C9:C${8 + n}`, low: { color: "#F8696B" }, mid: { color: "#FFEB84" }, high: { color: "#63BE7B" } },
    ],
    names: [{ name: "RoleBudget", at: "B6", comment: "Total budget for the role" }],
  };
}

/** A plan of one wide, tall table: the shape of a big roster or heatmap. */
export function bigPlan(
  rows: number,
  cols: number,
  options: { cell?: (r: number, c: number) => PlanCell; key?: string; name?: string; table?: string } = {},
): SheetPlan {
  const cell = options.cell ?? ((r: number, c: number): PlanCell => `r${r}c${c}`);
  return {
    key: options.key ?? `big:${rows}x${cols}`,
    name: options.name ?? "Big",
    blocks: [
      {
        kind: "table",
        name: options.table ?? "BigTable",
        at: "A1",
        columns: Array.from({ length: cols }, (_, c) => ({ header: `Col ${c + 1}`, numberFormat: c % 2 === 0 ? "0.00" : "#,##0" })),
        rows: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c))),
      },
    ],
  };
}
