/**
 * Writing sheets through the WorkbookAdapter, as a state machine the task pane shows:
 * idle → writing (which sheet, n of N, requests done) → written | conflict | error. A single-sheet write is a job
 * of one sheet. A job stops at its first conflict; the user then runs it again with onConflict "newSheet", or
 * cancels. Sheets written before the conflict stay written and are listed.
 *
 * Responsive: the job sees the workbook through a wrapper that gives the page a turn of the event loop before each
 * sheet, so the progress shown is painted and the pane takes clicks between sheets; within a sheet, each Excel
 * round trip is a turn already.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConflictPolicy, TableRequest, WorkbookAdapter, WriteOptions, WriteResult } from "../../excel/adapter";
import type { SheetPlan } from "../../sheets/plan";
import type { Message } from "./describeWrite";
import { type WriteLock, useWriteLock } from "./writeLock";

export interface SheetResult {
  readonly key: string;
  readonly result: WriteResult;
}

/** What a job reports besides the sheets it wrote. */
export interface JobReport {
  /** What the job did besides writing sheets, first in the outcome ("Added 2 posts…"). */
  readonly lines?: readonly string[];
  /** Shown as a warning even when every sheet was written (rows that could not be copied, people to review…). */
  readonly warnings?: Message;
  /** The job wrote nothing and says why (e.g. there is no plan to compare yet). */
  readonly nothingToDo?: string;
}

export interface SheetsJobOptions {
  readonly onConflict: ConflictPolicy;
  /** A job that knows how many sheets it writes only once it has read the workbook says so here, before each. */
  readonly onSheet?: (key: string, index: number, count: number) => void;
}

export interface SheetsJob {
  /** A title for a finished job: "Staffing plan built". */
  readonly title: string;
  /** How many sheets it writes, when known up front, for "sheet 2 of 4". */
  readonly sheets?: number;
  /**
   * On a retry after a conflict, keep the first run's report and its written sheets: needed when the retry reads
   * what the first run wrote (a register build would otherwise find nobody new).
   */
  readonly keepsFirstReport?: boolean;
  /** The words for each phase; each feature has its own (sheet names, nouns, how a failure reads). */
  readonly words: SheetsWords;
  /** Writes through `workbook` (so each sheet is tracked); must stop at the first conflict. */
  readonly run: (workbook: WorkbookAdapter, options: SheetsJobOptions) => Promise<JobReport>;
}

/** Where a job is: the sheet being written (null while the workbook is read) and requests done of its total. */
export interface SheetProgress {
  readonly key: string | null;
  readonly name: string | null;
  readonly index: number;
  /** Sheets in the job: `sheets`, or what the job said through onSheet; 0 when unknown. */
  readonly count: number;
  readonly done: number;
  readonly total: number;
}

/** The sheet a failed job was on: `written` when its write had finished (the failure came after). */
export interface FailedSheet {
  readonly key: string;
  readonly name: string;
  readonly written: boolean;
}

export type WritingState = { readonly phase: "writing"; readonly job: SheetsJob } & SheetProgress;
export interface WrittenState {
  readonly phase: "written";
  readonly job: SheetsJob;
  readonly written: readonly SheetResult[];
  readonly report: JobReport;
}
export interface ConflictState {
  readonly phase: "conflict" | "cancelled";
  readonly job: SheetsJob;
  /** The sheets written before the conflict. */
  readonly written: readonly SheetResult[];
  readonly conflict: SheetResult;
  readonly report: JobReport;
  readonly count: number;
}
export interface ErrorState {
  readonly phase: "error";
  readonly job: SheetsJob;
  readonly written: readonly SheetResult[];
  readonly failed: FailedSheet | null;
  readonly error: unknown;
}
export type SheetsState = { readonly phase: "idle" } | WritingState | WrittenState | ConflictState | ErrorState;

/** How a feature words its jobs' progress and outcomes. */
export interface SheetsWords {
  /** A progress bar with the requests within each sheet, rather than a spinner. */
  readonly progressBar?: boolean;
  progress(progress: SheetProgress): { label: string; value?: number | undefined };
  written(state: WrittenState): Message;
  conflict(state: ConflictState): Message;
  cancelled(state: ConflictState): Message;
  error(state: ErrorState): Message;
}

export interface SheetsWriter {
  readonly state: SheetsState;
  /** A write is running (any of the writers sharing the lock). */
  readonly busy: boolean;
  run(job: SheetsJob): Promise<SheetsState>;
  /** After a conflict: the same job again, writing what is in the way to a new sheet. */
  writeToNewSheet(): Promise<SheetsState>;
  /** After a conflict: stop there. */
  cancel(): void;
}

const IDLE: SheetsState = { phase: "idle" };

/** A macrotask: the browser may paint and handle input before the job goes on. */
const giveWay = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A retry's sheets and report: the first run's, with what the retry wrote besides, when the job keeps them. */
function carried(job: SheetsJob, first: ConflictState | null, written: readonly SheetResult[], report: JobReport) {
  if (!job.keepsFirstReport || !first || first.written.length === 0) return { written, report };
  const keys = new Set(first.written.map((r) => r.key));
  return { written: [...first.written, ...written.filter((r) => !keys.has(r.key))], report: first.report };
}

/** `lock`: shared by the writers of a tab that runs one write at a time across its parts. */
export function useSheetsWriter(workbook: WorkbookAdapter, lock?: WriteLock): SheetsWriter {
  const own = useWriteLock();
  const { busy, acquire, release } = lock ?? own;
  const [state, setState] = useState<SheetsState>(IDLE);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const execute = useCallback(
    async (job: SheetsJob, onConflict: ConflictPolicy, first: ConflictState | null): Promise<SheetsState> => {
      // A second click while writing would race the first; the buttons are also disabled meanwhile.
      if (!acquire()) return IDLE;
      const show = (next: SheetsState): SheetsState => {
        if (mounted.current) setState(next);
        return next;
      };
      const written: SheetResult[] = [];
      let progress: SheetProgress = { key: null, name: null, index: 0, count: job.sheets ?? 0, done: 0, total: 0 };
      const showProgress = (next: SheetProgress): void => {
        progress = next;
        show({ phase: "writing", job, ...progress });
      };
      showProgress(progress);
      try {
        // Paint "Reading the workbook…" before the job reads it.
        await giveWay();
        const tracked: WorkbookAdapter = {
          readTable: (name) => workbook.readTable(name),
          ...(workbook.readTables ? { readTables: (tables: readonly TableRequest[]) => workbook.readTables!(tables) } : {}),
          listManaged: () => workbook.listManaged(),
          async writeSheetPlan(plan, options) {
            showProgress({ ...progress, key: plan.key, name: plan.name, index: written.length + 1, done: 0, total: 0 });
            await giveWay();
            const result = await workbook.writeSheetPlan(plan, {
              ...options,
              onProgress: (done, total) => {
                options?.onProgress?.(done, total);
                showProgress({ ...progress, done, total });
              },
            });
            written.push({ key: plan.key, result });
            return result;
          },
          // Several sheets in one go: progress names each as its first request goes out.
          ...(workbook.writeSheetPlans
            ? {
                writeSheetPlans: async (plans: readonly SheetPlan[], options?: WriteOptions) => {
                  const base = written.length;
                  showProgress({ ...progress, count: Math.max(progress.count, base + plans.length) });
                  await giveWay();
                  const results = await workbook.writeSheetPlans!(plans, {
                    ...options,
                    onPlan: (key, index, count) => {
                      options?.onPlan?.(key, index, count);
                      showProgress({ ...progress, key, name: plans[index - 1]?.name ?? null, index: base + index, done: progress.done, total: progress.total });
                    },
                    onProgress: (done, total) => {
                      options?.onProgress?.(done, total);
                      showProgress({ ...progress, done, total });
                    },
                  });
                  written.push(...results);
                  return results;
                },
              }
            : {}),
        };
        const report = await job.run(tracked, {
          onConflict,
          onSheet: (_key, _index, count) => {
            progress = { ...progress, count };
          },
        });
        const outcome = carried(job, first, written, report);
        const last = outcome.written.at(-1);
        if (last?.result.status === "conflict") {
          return show({ phase: "conflict", job, written: outcome.written.slice(0, -1), conflict: last, report: outcome.report, count: progress.count });
        }
        return show({ phase: "written", job, ...outcome });
      } catch (error) {
        const { key, name } = progress;
        const failed = key === null || name === null ? null : { key, name, written: written.some((w) => w.key === key) };
        return show({ phase: "error", job, written: carried(job, first, written, {}).written, failed, error });
      } finally {
        release();
      }
    },
    [workbook, acquire, release],
  );

  const run = useCallback((job: SheetsJob) => execute(job, "ask", null), [execute]);
  const writeToNewSheet = useCallback(
    async () => (state.phase === "conflict" ? execute(state.job, "newSheet", state) : state),
    [execute, state],
  );
  const cancel = useCallback(() => {
    if (state.phase === "conflict") setState({ ...state, phase: "cancelled" });
  }, [state]);

  return { state, busy, run, writeToNewSheet, cancel };
}
