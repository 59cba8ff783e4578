/**
 * The words for a job that writes several sheets: each sheet's outcome in one line, then what the job adds
 * ("Added 2 posts…"); at a conflict, what is in the way and which sheets were and were not written. Pure.
 */
import { COMPARE_KEY } from "../../sheets/compareScenarios";
import { ON_COSTS_KEY, PAY_SCALES_KEY } from "../../sheets/payReference";
import { PLAN_SUMMARY_KEY } from "../../sheets/planSummary";
import { POST_COST_KEY } from "../../sheets/postCost";
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
import type { SheetResult, SheetsWords } from "../writing/useSheetsWriter";

const q = (text: string): string => `“${text}”`;

const NOUNS: Record<string, string> = {
  [planNames().key]: "staffing plan",
  [planNames("B").key]: "scenario B plan",
  [PLAN_SUMMARY_KEY]: "plan summary",
  [PAY_SCALES_KEY]: "pay scales",
  [ON_COSTS_KEY]: "on-cost rates",
  [COMPARE_KEY]: "comparison of scenarios",
  [POST_COST_KEY]: "post cost",
};

/** What a sheet holds, as a noun phrase for messages: "plan summary". */
export const sheetNoun = (key: string): string => NOUNS[key] ?? "sheet";

function writtenLines(sheets: readonly SheetResult[]): string[] {
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

function describeSheetsWritten(title: string, written: readonly SheetResult[], lines: readonly string[] = []): Message {
  // What the job did first ("Added 2 posts."), then each sheet.
  return { title, lines: [...lines, ...writtenLines(written)] };
}

/** `count`: the sheets in the job, 0 when it did not say. */
function notWritten(count: number, written: readonly SheetResult[], sheetName: string): string {
  const after = count === 0 ? 0 : count - written.length - 1;
  return after > 0
    ? `${q(sheetName)} and the ${after === 1 ? "sheet" : `${after} sheets`} after it were not written`
    : `${q(sheetName)} was not written`;
}

function describeSheetsConflict(count: number, written: readonly SheetResult[], conflict: SheetResult): Message {
  const result = conflict.result as ConflictResult;
  const what = sheetNoun(conflict.key);
  const lines = result.conflicts.map(describeConflict);
  const done = writtenLines(written);
  if (done.length > 0) lines.push(`Already done: ${done.join(" ")}`);
  lines.push(
    newSheetResolves(result)
      ? `${notWritten(count, written, result.sheetName)}. Write the ${what} to a new sheet instead, or cancel and move your data first.`
      : `${notWritten(count, written, result.sheetName)}. Rename or remove what uses that name, then try again.`,
  );
  return { title: `Your data is on ${q(result.sheetName)}`, lines };
}

function describeSheetsCancelled(count: number, written: readonly SheetResult[], conflict: SheetResult): Message {
  if (written.length === 0) return { title: "Cancelled", lines: ["Nothing was written; your data is as it was."] };
  return {
    title: "Cancelled",
    lines: [...writtenLines(written), `${notWritten(count, written, conflict.result.sheetName)}; your data there is as it was.`],
  };
}

function describeSheetsError(written: readonly SheetResult[], sheet: string | null, key: string | null, error: unknown): Message {
  if (sheet === null) {
    // It failed before writing anything (reading the workbook, most likely).
    const text = error instanceof Error ? error.message : String(error);
    return { title: "Nothing was written", lines: [`${text}.`.replace(/\.\.$/, ".")] };
  }
  const message = describeError(key ? sheetNoun(key) : "sheets", sheet, error);
  const done = writtenLines(written);
  return done.length > 0 ? { title: message.title, lines: [...message.lines, `Written before it: ${done.join(" ")}`] } : message;
}

/** The Costing tab's words: a spinner naming the sheet, n of N when the job knows how many. */
export const costingWords: SheetsWords = {
  progress: ({ name, index, count }) => {
    const of = count > 0 && index > 0 ? ` (sheet ${index} of ${count})` : "";
    return { label: name === null ? "Reading the workbook…" : `Writing “${name}”${of}…` };
  },
  written: (state) => describeSheetsWritten(state.job.title, state.written, state.report.lines),
  conflict: (state) => describeSheetsConflict(state.count, state.written, state.conflict),
  cancelled: (state) => describeSheetsCancelled(state.count, state.written, state.conflict),
  error: (state) => describeSheetsError(state.written, state.failed?.name ?? null, state.failed?.key ?? null, state.error),
};
