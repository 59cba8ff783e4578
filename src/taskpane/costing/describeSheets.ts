/**
 * The words for a job that writes several sheets: each sheet's outcome in one line, then what the job adds
 * ("Added 2 posts…"); at a conflict, what is in the way and which sheets were and were not written. Pure.
 */
import { COMPARE_KEY } from "../../sheets/compareScenarios";
import { ON_COSTS_KEY, PAY_SCALES_KEY } from "../../sheets/payReference";
import { PLAN_SUMMARY_KEY } from "../../sheets/planSummary";
import { planNames } from "../../sheets/staffingPlan";
import {
  type ConflictResult,
  type Message,
  type WrittenResult,
  describeConflict,
  describeError,
  describeWritten,
  newSheetResolves,
} from "../writing/describeWrite";
import type { JobReport, SheetWritten, SheetsJob } from "./useSheetsWriter";

const q = (text: string): string => `“${text}”`;

const NOUNS: Record<string, string> = {
  [planNames().key]: "staffing plan",
  [planNames("B").key]: "scenario B plan",
  [PLAN_SUMMARY_KEY]: "plan summary",
  [PAY_SCALES_KEY]: "pay scales",
  [ON_COSTS_KEY]: "on-cost rates",
  [COMPARE_KEY]: "comparison of scenarios",
};

/** What a sheet holds, as a noun phrase for messages: "plan summary". */
export const sheetNoun = (key: string): string => NOUNS[key] ?? "sheet";

function writtenLines(sheets: readonly SheetWritten[]): string[] {
  const lines: string[] = [];
  for (const { key, result } of sheets) {
    if (result.status !== "written") continue;
    const message = describeWritten(sheetNoun(key), result as WrittenResult);
    // The plain outcome fits in its title; a renamed or superseded sheet needs its explanation too.
    const unusual = result.renamedFrom !== undefined || result.supersededSheet !== undefined || (result.avoidedConflicts?.length ?? 0) > 0;
    lines.push(unusual ? `${message.title}. ${message.lines.join(" ")}` : `${message.title}.`);
  }
  return lines;
}

export function describeSheetsWritten(job: SheetsJob, written: readonly SheetWritten[], report: JobReport): Message {
  // What the job did first ("Added 2 posts."), then each sheet.
  return { title: job.title, lines: [...(report.lines ?? []), ...writtenLines(written)] };
}

function notWritten(job: SheetsJob, written: readonly SheetWritten[], sheetName: string): string {
  const after = job.sheets === undefined ? 0 : job.sheets - written.length - 1;
  return after > 0
    ? `${q(sheetName)} and the ${after === 1 ? "sheet" : `${after} sheets`} after it were not written`
    : `${q(sheetName)} was not written`;
}

export function describeSheetsConflict(job: SheetsJob, written: readonly SheetWritten[], conflict: SheetWritten): Message {
  const result = conflict.result as ConflictResult;
  const what = sheetNoun(conflict.key);
  const lines = result.conflicts.map(describeConflict);
  const done = writtenLines(written);
  if (done.length > 0) lines.push(`Already done: ${done.join(" ")}`);
  lines.push(
    newSheetResolves(result)
      ? `${notWritten(job, written, result.sheetName)}. Write the ${what} to a new sheet instead, or cancel and move your data first.`
      : `${notWritten(job, written, result.sheetName)}. Rename or remove what uses that name, then try again.`,
  );
  return { title: `Your data is on ${q(result.sheetName)}`, lines };
}

export function describeSheetsCancelled(job: SheetsJob, written: readonly SheetWritten[], conflict: SheetWritten): Message {
  if (written.length === 0) return { title: "Cancelled", lines: ["Nothing was written; your data is as it was."] };
  return {
    title: "Cancelled",
    lines: [...writtenLines(written), `${notWritten(job, written, conflict.result.sheetName)}; your data there is as it was.`],
  };
}

export function describeSheetsError(written: readonly SheetWritten[], sheet: string | null, key: string | null, error: unknown): Message {
  if (sheet === null) {
    // It failed before writing anything (reading the workbook, most likely).
    const text = error instanceof Error ? error.message : String(error);
    return { title: "Nothing was written", lines: [`${text}.`.replace(/\.\.$/, ".")] };
  }
  const message = describeError(key ? sheetNoun(key) : "sheets", sheet, error);
  const done = writtenLines(written);
  return done.length > 0 ? { title: message.title, lines: [...message.lines, `Written before it: ${done.join(" ")}`] } : message;
}
