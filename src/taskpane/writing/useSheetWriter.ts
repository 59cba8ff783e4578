/**
 * Writing one sheet plan through the WorkbookAdapter, as a small state machine the task pane shows:
 * idle → writing (with progress) → written | conflict | error. On a conflict the user chooses: write to a new
 * sheet (the same job again with onConflict "newSheet") or cancel.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConflictPolicy, WorkbookAdapter } from "../../excel/adapter";
import type { SheetPlan } from "../../sheets/plan";
import type { ConflictResult, WrittenResult } from "./describeWrite";

/**
 * One write: `what` names it for messages ("role profile"); `sheet` is the sheet name it aims at; `makePlan`
 * builds the plan (it may read the workbook first, as the JE log does). A retry calls `makePlan` again.
 */
export interface WriteJob {
  readonly what: string;
  readonly sheet: string;
  readonly makePlan: () => SheetPlan | Promise<SheetPlan>;
}

export type WriteState =
  | { readonly phase: "idle" }
  | { readonly phase: "writing"; readonly job: WriteJob; readonly done: number; readonly total: number }
  | { readonly phase: "written"; readonly job: WriteJob; readonly result: WrittenResult }
  | { readonly phase: "conflict"; readonly job: WriteJob; readonly result: ConflictResult }
  | { readonly phase: "cancelled"; readonly job: WriteJob }
  | { readonly phase: "error"; readonly job: WriteJob; readonly error: unknown };

export interface SheetWriter {
  readonly state: WriteState;
  readonly busy: boolean;
  write(job: WriteJob): Promise<void>;
  /** After a conflict: the same job to a new sheet. */
  writeToNewSheet(): Promise<void>;
  /** After a conflict: leave everything as it is. */
  cancel(): void;
}

export function useSheetWriter(workbook: WorkbookAdapter): SheetWriter {
  const [state, setState] = useState<WriteState>({ phase: "idle" });
  const mounted = useRef(true);
  const running = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (job: WriteJob, onConflict: ConflictPolicy) => {
      // A second click while writing would race the first; the buttons are also disabled meanwhile.
      if (running.current) return;
      running.current = true;
      const show = (next: WriteState): void => {
        if (mounted.current) setState(next);
      };
      show({ phase: "writing", job, done: 0, total: 0 });
      try {
        const plan = await job.makePlan();
        const result = await workbook.writeSheetPlan(plan, {
          onConflict,
          onProgress: (done, total) => show({ phase: "writing", job, done, total }),
        });
        show(result.status === "written" ? { phase: "written", job, result } : { phase: "conflict", job, result });
      } catch (error) {
        show({ phase: "error", job, error });
      } finally {
        running.current = false;
      }
    },
    [workbook],
  );

  const write = useCallback((job: WriteJob) => run(job, "ask"), [run]);
  const writeToNewSheet = useCallback(async () => {
    if (state.phase === "conflict") await run(state.job, "newSheet");
  }, [run, state]);
  const cancel = useCallback(() => {
    if (state.phase === "conflict") setState({ phase: "cancelled", job: state.job });
  }, [state]);

  return { state, busy: state.phase === "writing", write, writeToNewSheet, cancel };
}
