/**
 * A write of one sheet plan, as a job of one sheet for useSheetsWriter, with the words for it: "Writing the JE
 * log…", "Created sheet “JE log”", the conflict and the error naming the sheet it was aimed at.
 */
import type { SheetPlan } from "../../sheets/plan";
import { type ConflictResult, type WrittenResult, describeConflicts, describeError, describeWritten } from "./describeWrite";
import type { SheetsJob, SheetsWords } from "./useSheetsWriter";

/**
 * `what` names it for messages ("role profile"); `sheet` is the sheet name it aims at; `makePlan` builds the plan
 * (it may read the workbook first, as the JE log does). A retry calls `makePlan` again.
 */
export interface WriteJob {
  readonly what: string;
  readonly sheet: string;
  readonly makePlan: () => SheetPlan | Promise<SheetPlan>;
}

function oneSheetWords({ what, sheet }: WriteJob): SheetsWords {
  return {
    progress: ({ done, total }) => ({ label: `Writing the ${what}${total > 0 ? ` (${done} of ${total})` : ""}…` }),
    written: (state) => describeWritten(what, state.written[0]!.result as WrittenResult),
    conflict: (state) => describeConflicts(what, state.conflict.result as ConflictResult),
    cancelled: () => ({ title: "Cancelled", lines: ["Nothing was written; your data is as it was."] }),
    error: (state) => describeError(what, sheet, state.error),
  };
}

export function sheetJob(job: WriteJob): SheetsJob {
  return {
    title: job.what,
    sheets: 1,
    words: oneSheetWords(job),
    async run(workbook, { onConflict }) {
      await workbook.writeSheetPlan(await job.makePlan(), { onConflict });
      return {};
    },
  };
}
