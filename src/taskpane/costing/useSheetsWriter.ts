/**
 * Writing several sheets in one go (the staffing plan and its reference sheets, scenario B and the comparison),
 * as a state machine the Costing tab shows: idle → writing (which sheet, n of N) → written | conflict | error.
 * A job stops at its first conflict; the user then writes that sheet (and the rest) again with onConflict
 * "newSheet", or cancels. Sheets written before the conflict stay written and are listed.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConflictPolicy, WorkbookAdapter, WriteResult } from "../../excel/adapter";
import type { SheetPlan } from "../../sheets/plan";

export interface SheetWritten {
  readonly key: string;
  readonly result: WriteResult;
}

/** What a job reports besides the sheets: lines for the outcome ("Added 2 posts…"), and problems found on the way. */
export interface JobReport {
  readonly lines?: readonly string[];
  /** Shown as a warning even when every sheet was written (rows that could not be copied…). */
  readonly warnings?: { readonly title: string; readonly lines: readonly string[] };
  /** The job wrote nothing and says why (e.g. there is no plan to compare yet). */
  readonly nothingToDo?: string;
}

export interface SheetsJob {
  /** A title for a finished job: "Staffing plan built". */
  readonly title: string;
  /** How many sheets it writes, when known up front, for "sheet 2 of 4". */
  readonly sheets?: number;
  /**
   * Runs against `workbook` (write through it, so each sheet is tracked) with the given conflict policy; must stop
   * at the first conflict.
   */
  readonly run: (workbook: WorkbookAdapter, onConflict: ConflictPolicy) => Promise<JobReport>;
}

export type SheetsState =
  | { readonly phase: "idle" }
  | { readonly phase: "writing"; readonly job: SheetsJob; readonly sheet: string | null; readonly index: number }
  | { readonly phase: "written"; readonly job: SheetsJob; readonly written: readonly SheetWritten[]; readonly report: JobReport }
  | { readonly phase: "conflict"; readonly job: SheetsJob; readonly written: readonly SheetWritten[]; readonly conflict: SheetWritten }
  | { readonly phase: "cancelled"; readonly job: SheetsJob; readonly written: readonly SheetWritten[]; readonly conflict: SheetWritten }
  | { readonly phase: "error"; readonly job: SheetsJob; readonly written: readonly SheetWritten[]; readonly sheet: string | null; readonly key: string | null; readonly error: unknown };

export interface SheetsWriter {
  readonly state: SheetsState;
  readonly busy: boolean;
  run(job: SheetsJob): Promise<SheetsState>;
  /** After a conflict: the same job again, writing what is in the way to a new sheet. */
  writeToNewSheet(): Promise<SheetsState>;
  /** After a conflict: stop there. */
  cancel(): void;
}

/** The workbook seen through a job: each write is announced before it starts and recorded when it ends. */
function tracking(
  workbook: WorkbookAdapter,
  onStart: (plan: SheetPlan) => void,
  written: SheetWritten[],
): WorkbookAdapter {
  return {
    readTable: (name) => workbook.readTable(name),
    listManaged: () => workbook.listManaged(),
    async writeSheetPlan(plan, options) {
      onStart(plan);
      const result = await workbook.writeSheetPlan(plan, options);
      written.push({ key: plan.key, result });
      return result;
    },
  };
}

export function useSheetsWriter(workbook: WorkbookAdapter): SheetsWriter {
  const [state, setState] = useState<SheetsState>({ phase: "idle" });
  const mounted = useRef(true);
  const running = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const execute = useCallback(
    async (job: SheetsJob, onConflict: ConflictPolicy): Promise<SheetsState> => {
      // A second click while writing would race the first; the buttons are also disabled meanwhile.
      if (running.current) return { phase: "idle" };
      running.current = true;
      const show = (next: SheetsState): SheetsState => {
        if (mounted.current) setState(next);
        return next;
      };
      const written: SheetWritten[] = [];
      let current: { name: string; key: string } | null = null;
      show({ phase: "writing", job, sheet: null, index: 0 });
      try {
        const tracked = tracking(
          workbook,
          (plan) => {
            current = { name: plan.name, key: plan.key };
            show({ phase: "writing", job, sheet: plan.name, index: written.length + 1 });
          },
          written,
        );
        const report = await job.run(tracked, onConflict);
        const last = written[written.length - 1];
        if (last && last.result.status === "conflict") {
          return show({ phase: "conflict", job, written: written.slice(0, -1), conflict: last });
        }
        return show({ phase: "written", job, written, report });
      } catch (error) {
        const failed = current as { name: string; key: string } | null;
        return show({ phase: "error", job, written, sheet: failed?.name ?? null, key: failed?.key ?? null, error });
      } finally {
        running.current = false;
      }
    },
    [workbook],
  );

  const run = useCallback((job: SheetsJob) => execute(job, "ask"), [execute]);
  const writeToNewSheet = useCallback(
    async () => (state.phase === "conflict" ? execute(state.job, "newSheet") : state),
    [execute, state],
  );
  const cancel = useCallback(() => {
    if (state.phase === "conflict") setState({ ...state, phase: "cancelled" });
  }, [state]);

  return { state, busy: state.phase === "writing", run, writeToNewSheet, cancel };
}
