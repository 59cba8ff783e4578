/**
 * The one door between the task pane and a workbook. Two implementations share every decision
 * (src/excel/writePlanner.ts): OfficeWorkbookAdapter over Office.js, and MemoryWorkbook for demo
 * mode and tests. The task pane depends on this interface only.
 *
 * Contract, whichever implementation:
 * - A user's sheet, table, defined name or cell is never overwritten. A plan lands on the sheet the
 *   add-in made for the same `plan.key` (found by an ownership record stored with that sheet), or
 *   on a new sheet.
 * - If new content would land on cells the user filled outside what the add-in wrote before, or on
 *   a user's table, or needs a table/defined name the user already uses, the write is refused with
 *   a conflict result and nothing is written (unless `onConflict: "newSheet"` may resolve it).
 * - Text is written as text: a plan string like "=1+1" or "00123" is shown exactly so.
 */
import type { PlanIssue, SheetPlan } from "../sheets/plan";

export type ConflictPolicy =
  /** Report the conflict and write nothing (default): the task pane asks the user what to do. */
  | "ask"
  /**
   * Leave the conflicting sheet to the user and write the plan to a new sheet. Only cell and table
   * overlaps can be resolved this way; a name clash is still reported.
   */
  | "newSheet";

export interface WriteOptions {
  /** Called after each write request reaches the workbook: `done` of `total` requests. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * In a write of several plans (writeSheetPlans): called before the first request that carries plan `index`
   * (1-based) of `count`, so progress can name the sheet being written.
   */
  readonly onPlan?: (key: string, index: number, count: number) => void;
  readonly onConflict?: ConflictPolicy;
}

export type Conflict =
  /** The user's content in these cells (a bounding box of non-empty cells) where the plan would write. */
  | { readonly kind: "cells"; readonly sheet: string; readonly address: string }
  /** A table the add-in didn't make lies where the plan would write. */
  | { readonly kind: "table"; readonly sheet: string; readonly table: string; readonly address: string }
  /** The plan needs a table or defined name that something else in the workbook already uses. */
  | { readonly kind: "name"; readonly name: string; readonly usedBy: "table" | "definedName"; readonly sheet: string | null };

export interface WriteStats {
  /** context.sync() calls made (the memory workbook counts the round trips Excel would make). */
  readonly syncs: number;
  /** Write requests sent; each stays under the request-size budget. */
  readonly writeRequests: number;
  /** Largest estimated payload of one write request, in bytes. */
  readonly largestRequestBytes: number;
}

export type WriteResult =
  | ({
      readonly status: "written";
      /** The sheet the plan is on now. */
      readonly sheetName: string;
      /** "created": a new sheet; "refreshed": the add-in's sheet for this key was updated in place. */
      readonly action: "created" | "refreshed";
      /** Set when a user's sheet held the wanted name, so the plan went to `sheetName` instead. */
      readonly renamedFrom?: string;
      /** With onConflict "newSheet": the add-in's previous sheet for this key, now left to the user. */
      readonly supersededSheet?: string;
      /** Conflicts that onConflict "newSheet" stepped around. */
      readonly avoidedConflicts?: readonly Conflict[];
      readonly cellsWritten: number;
    } & WriteStats)
  | ({
      readonly status: "conflict";
      /** The sheet the plan would have landed on. */
      readonly sheetName: string;
      readonly conflicts: readonly Conflict[];
    } & WriteStats);

/** One plan's result in a write of several (WorkbookAdapter.writeSheetPlans). */
export interface PlanWriteResult {
  readonly key: string;
  readonly result: WriteResult;
}

export type CellValue = string | number | boolean | null;

export interface TableData {
  readonly name: string;
  readonly sheetName: string;
  /** Sheet-local address of the whole table, header (and totals) included, e.g. "A3:F40" (all its columns, even if only some were read). */
  readonly address: string;
  /** The headers of the columns read, in the order read: all the table's, or those a TableRequest named. */
  readonly headers: readonly string[];
  /** Body rows only, the columns in `headers`' order. Empty cells are null. The memory workbook doesn't calculate: formula cells read null there. */
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * A table to read: its name, or its name and the only columns wanted (by header, matched without regard to case,
 * as Excel matches table column names), read in that order. A refresh that needs a wide table's input columns
 * then reads those alone, not every computed column beside them. A named column the table lacks is refused
 * (WorkbookError "no-such-column") rather than read as blank: the caller decides what a missing column means.
 */
export type TableRequest = string | { readonly name: string; readonly columns: readonly string[] };

/** The range the user has selected, as read for an input (an ESR extract opened in Excel). */
export interface SelectionData {
  readonly sheetName: string;
  /** Sheet-local address of the selection as made, e.g. "A1:L301", or "A:L" for whole columns. */
  readonly address: string;
  /** Sheet-local address of the part of the selection that holds values, or null when it holds none. */
  readonly usedAddress: string | null;
  /** The values of `usedAddress`, row by row; empty cells are null. The memory workbook reads formula cells as null. */
  readonly rows: readonly (readonly CellValue[])[];
}

export interface ManagedSheet {
  readonly key: string;
  readonly sheetName: string;
  readonly tables: readonly string[];
  readonly names: readonly string[];
  /** ISO timestamp of the last write by the add-in. */
  readonly writtenAt: string;
}

export interface WorkbookAdapter {
  writeSheetPlan(plan: SheetPlan, options?: WriteOptions): Promise<WriteResult>;
  /**
   * Several plans in one go, with shared round trips (one snapshot, one probe, their write requests packed
   * together in order, each under the request-size budget): a flow that writes many sheets stays within a
   * dozen syncs. The plans must not share a key, sheet name, table or defined name. All or nothing: if any plan
   * meets a conflict, nothing is written and the result is that plan's conflict alone; otherwise one result per
   * plan, in order, each plan's `syncs` counting the whole write up to its last request. `onProgress` counts
   * the requests of the whole write. Optional: writePlans (src/workbook/writePlans.ts) falls back to one plan
   * at a time.
   */
  writeSheetPlans?(plans: readonly SheetPlan[], options?: WriteOptions): Promise<PlanWriteResult[]>;
  /** A table anywhere in the workbook, by name (case-insensitive), or null. */
  readTable(name: string): Promise<TableData | null>;
  /**
   * Several tables at once, in the order asked, each as readTable gives it (or only the columns a request names),
   * with shared round trips. Optional: readTables (src/workbook/readTables.ts) reads one at a time where it's absent.
   */
  readTables?(tables: readonly TableRequest[]): Promise<(TableData | null)[]>;
  /** The sheets the add-in made, in tab order. */
  listManaged(): Promise<ManagedSheet[]>;
  /**
   * Shows a cell: activates its sheet and selects it (the task pane's links to an answer's cell). Optional: a
   * workbook that cannot show anything (a file written by the CLI) has none.
   */
  selectCell?(sheet: string, address: string): Promise<void>;
  /**
   * The values of the range the user has selected (only the part holding values, so whole columns are cheap).
   * Optional: a workbook nobody is looking at (a file written by the CLI) has no selection.
   */
  readSelection?(): Promise<SelectionData>;
  /**
   * Removes the sheet the add-in made for `key` and the workbook names it wrote, and says whether there was one.
   * A sheet without the add-in's record for that key (any sheet of the user's) is never removed. Optional: the
   * self-check's scratch sheets are its only use.
   */
  removeManagedSheet?(key: string): Promise<boolean>;
  /**
   * Recalculates the whole workbook. Present only where formulas compute (Excel): the memory workbook holds
   * formulas without computing them, so it has none, and checks that need computed values say they need Excel.
   */
  calculate?(): Promise<void>;
}

export type WorkbookErrorCode =
  /** The plan breaks a rule (see `issues`); nothing was written. */
  | "invalid-plan"
  /** This Excel lacks an API the adapter needs (see `message` for the requirement set). */
  | "unsupported"
  /** Excel refused a request. `partial` says whether earlier requests had already been written. */
  | "excel"
  /** A read named a column the table doesn't have (TableRequest); nothing was read. */
  | "no-such-column";

export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode;
  readonly issues: readonly PlanIssue[];
  /**
   * True when some write requests had reached the workbook before the failure. The sheet then
   * carries its ownership record (written first), so running the insert again refreshes it.
   */
  readonly partial: boolean;

  constructor(
    code: WorkbookErrorCode,
    message: string,
    details: { issues?: readonly PlanIssue[]; partial?: boolean; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "WorkbookError";
    this.code = code;
    this.issues = details.issues ?? [];
    this.partial = details.partial ?? false;
  }
}
