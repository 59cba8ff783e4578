/**
 * Running one of the skill-mix flows (buildRoleMatrix, buildSkillMix, buildProgression) as a state machine the tab
 * shows: idle → running (which sheet, n of N, requests done) → done | conflict | error. A flow stops at its first
 * conflict; the user then runs it again with onConflict "newSheet", or cancels. Sheets written before the
 * conflict stay written, and the first run's report (who was added…) is kept: the second run reads the register
 * the first one wrote, so it would find nobody new.
 *
 * Responsive: the flow sees the workbook through a wrapper that gives the page a turn of the event loop before
 * each sheet, so the progress shown is painted and the pane takes clicks between sheets; within a sheet, each
 * Excel round trip is a turn already. One write at a time across the tab (WriteLock): two flows writing the same
 * workbook at once would race.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ConflictPolicy, WorkbookAdapter, WriteResult } from "../../excel/adapter";
import type { SkillMixWriteOptions } from "../../workbook/skillMix";

export interface SheetResult {
  readonly key: string;
  readonly result: WriteResult;
}

export interface RunReport {
  /** Each sheet's write, in order; the last one is the conflict when there is one. */
  readonly results: readonly SheetResult[];
  /** What the run did besides writing sheets, first in the outcome ("Added 3 people…"). */
  readonly lines?: readonly string[];
  /** What needs the user's eye: shown as a warning beside the outcome. */
  readonly review?: readonly string[];
}

export interface SkillMixRun {
  /** The outcome's title: "Team register built". */
  readonly title: string;
  readonly run: (workbook: WorkbookAdapter, options: SkillMixWriteOptions) => Promise<RunReport>;
}

export type RunState =
  | { readonly phase: "idle" }
  | {
      readonly phase: "running";
      readonly run: SkillMixRun;
      /** The sheet being written, by key; null while the workbook is being read. */
      readonly key: string | null;
      readonly index: number;
      readonly count: number;
      /** Write requests done of the current sheet's total (0 of 0 until the first). */
      readonly done: number;
      readonly total: number;
    }
  | { readonly phase: "done"; readonly run: SkillMixRun; readonly report: RunReport }
  | { readonly phase: "conflict"; readonly run: SkillMixRun; readonly report: RunReport; readonly count: number }
  | { readonly phase: "cancelled"; readonly run: SkillMixRun; readonly report: RunReport }
  | { readonly phase: "error"; readonly run: SkillMixRun; readonly written: readonly SheetResult[]; readonly key: string | null; readonly error: unknown };

/** The tab's one-write-at-a-time lock: `busy` re-renders the buttons, the ref decides at once. */
export interface WriteLock {
  readonly busy: boolean;
  acquire(): boolean;
  release(): void;
}

export function useWriteLock(): WriteLock {
  const held = useRef(false);
  const [busy, setBusy] = useState(false);
  const acquire = useCallback(() => {
    if (held.current) return false;
    held.current = true;
    setBusy(true);
    return true;
  }, []);
  const release = useCallback(() => {
    held.current = false;
    setBusy(false);
  }, []);
  return useMemo(() => ({ busy, acquire, release }), [busy, acquire, release]);
}

export interface SkillMixRunner {
  readonly state: RunState;
  start(run: SkillMixRun): Promise<void>;
  /** After a conflict: the same run again, writing what is in the way to a new sheet. */
  writeToNewSheet(): Promise<void>;
  /** After a conflict: stop there. */
  cancel(): void;
}

/** A macrotask: the browser may paint and handle input before the flow goes on. */
const giveWay = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The workbook as the flow sees it: a turn for the page before each sheet, and each sheet's result recorded. */
function yielding(workbook: WorkbookAdapter, written: SheetResult[]): WorkbookAdapter {
  return {
    readTable: (name) => workbook.readTable(name),
    listManaged: () => workbook.listManaged(),
    async writeSheetPlan(plan, options) {
      await giveWay();
      const result = await workbook.writeSheetPlan(plan, options);
      written.push({ key: plan.key, result });
      return result;
    },
  };
}

/** A retry's report, keeping what the first run wrote and said when it wrote anything. */
function carried(first: RunReport | null, next: RunReport): RunReport {
  const kept = first?.results.filter((r) => r.result.status === "written") ?? [];
  if (!first || kept.length === 0) return next;
  const keys = new Set(kept.map((r) => r.key));
  return { ...first, results: [...kept, ...next.results.filter((r) => !keys.has(r.key))] };
}

export function useSkillMixRun(workbook: WorkbookAdapter, lock: WriteLock): SkillMixRunner {
  const [state, setState] = useState<RunState>({ phase: "idle" });
  const { acquire, release } = lock;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const execute = useCallback(
    async (run: SkillMixRun, onConflict: ConflictPolicy, first: RunReport | null) => {
      if (!acquire()) return;
      const show = (next: RunState): void => {
        if (mounted.current) setState(next);
      };
      const written: SheetResult[] = [];
      let current: { key: string | null; index: number; count: number } = { key: null, index: 0, count: 0 };
      show({ phase: "running", run, ...current, done: 0, total: 0 });
      try {
        // Paint "Reading the workbook…" before the flow reads and builds the register.
        await giveWay();
        const report = carried(
          first,
          await run.run(yielding(workbook, written), {
            onConflict,
            onSheet: (key, index, count) => {
              current = { key, index, count };
              show({ phase: "running", run, ...current, done: 0, total: 0 });
            },
            onProgress: (done, total) => show({ phase: "running", run, ...current, done, total }),
          }),
        );
        const last = report.results.at(-1);
        show(last?.result.status === "conflict" ? { phase: "conflict", run, report, count: current.count } : { phase: "done", run, report });
      } catch (error) {
        const failed = current.key !== null && !written.some((w) => w.key === current.key) ? current.key : null;
        show({ phase: "error", run, written: carried(first, { results: written }).results, key: failed, error });
      } finally {
        release();
      }
    },
    [workbook, acquire, release],
  );

  const start = useCallback((run: SkillMixRun) => execute(run, "ask", null), [execute]);
  const writeToNewSheet = useCallback(async () => {
    if (state.phase === "conflict") await execute(state.run, "newSheet", state.report);
  }, [execute, state]);
  const cancel = useCallback(() => {
    if (state.phase === "conflict") setState({ phase: "cancelled", run: state.run, report: state.report });
  }, [state]);

  return { state, start, writeToNewSheet, cancel };
}
