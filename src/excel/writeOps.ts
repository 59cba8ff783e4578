/**
 * The write operations: the contract between the planner and both executors (OfficeWorkbookAdapter and the
 * memory workbook), and how one plan cell becomes the input Excel is sent.
 */
import type { OwnershipRecord } from "./ownership";
import { type CellStyle, type ChartPlan, isFormulaCell, type PlanCell } from "../sheets/plan";

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

/** First characters that start none of the forms below: not =+-@', [\d.,(#$£€¥%], t/f (booleans), nor a month's first letter. */
const PLAIN_START = /^[^\s=+\-@'\d.,(#$£€¥%tfjmasond]/i;

/** True when Excel would not keep `text` as that same text if it were typed into a cell. */
export function needsTextGuard(text: string): boolean {
  // Most text starts with a character none of the checks below can match (nor a space trim() takes off).
  if (PLAIN_START.test(text)) return false;
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
  /**
   * One input for every cell of the range, sent as a single value rather than a 2-D array: Office applies a
   * single value to all cells of the range ("Update all cells in a range",
   * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/performance#update-all-cells-in-a-range).
   * A table column's formula is the same text on every row, so 6,000 rows cost one formula, not 6,000. Only for
   * formulas without relative A1 references (how Excel would shift those is not documented): see fillableFormula.
   */
  | { readonly op: "fillInputs"; readonly sheet: string; readonly address: string; readonly input: CellInput }
  /** One number format for every cell of the range, as a single value (same documented behaviour). */
  | { readonly op: "fillNumberFormat"; readonly sheet: string; readonly address: string; readonly format: string }
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
