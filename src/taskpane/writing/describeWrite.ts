/**
 * The words the task pane uses for a write's outcome: what happened, on which sheet, and what of the user's was
 * in the way. Pure, so the wording is tested without a DOM.
 */
import type { Conflict, WriteResult } from "../../excel/adapter";
import { WorkbookError } from "../../excel/adapter";

export type WrittenResult = Extract<WriteResult, { status: "written" }>;
export type ConflictResult = Extract<WriteResult, { status: "conflict" }>;

const q = (text: string): string => `“${text}”`;

export interface Message {
  readonly title: string;
  readonly lines: readonly string[];
}

/** `what`: the thing written, as a noun phrase ("role profile", "JE log"). */
export function describeWritten(what: string, result: WrittenResult): Message {
  const lines: string[] = [];
  let title: string;
  if (result.renamedFrom !== undefined) {
    title = `Created sheet ${q(result.sheetName)}`;
    lines.push(`A sheet named ${q(result.renamedFrom)} is yours, so the ${what} went to ${q(result.sheetName)}.`);
  } else if (result.action === "created") {
    title = `Created sheet ${q(result.sheetName)}`;
    lines.push(`The ${what} is on the new sheet ${q(result.sheetName)}.`);
  } else {
    title = `Refreshed sheet ${q(result.sheetName)}`;
    lines.push(`The ${what} on ${q(result.sheetName)} is up to date.`);
  }
  if (result.supersededSheet !== undefined) {
    lines.push(`The earlier sheet ${q(result.supersededSheet)} is left to you as it was.`);
  }
  if (result.avoidedConflicts && result.avoidedConflicts.length > 0) {
    lines.push(`Left untouched: ${result.avoidedConflicts.map(describeConflict).join(" ")}`);
  }
  return { title, lines };
}

export function describeConflict(conflict: Conflict): string {
  switch (conflict.kind) {
    case "cells":
      return `Cells ${conflict.address} on sheet ${q(conflict.sheet)} hold your data.`;
    case "table":
      return `Your table ${q(conflict.table)} is at ${conflict.address} on sheet ${q(conflict.sheet)}.`;
    case "name": {
      const user = conflict.usedBy === "table" ? "a table" : "a defined name";
      return `The name ${q(conflict.name)} is already used by ${user}${conflict.sheet ? ` on sheet ${q(conflict.sheet)}` : ""}.`;
    }
  }
}

/** Whether writing to a new sheet gets round every conflict (a name clash stays wherever the sheet goes). */
export function newSheetResolves(result: ConflictResult): boolean {
  return result.conflicts.every((c) => c.kind !== "name");
}

export function describeConflicts(what: string, result: ConflictResult): Message {
  const lines = result.conflicts.map(describeConflict);
  if (newSheetResolves(result)) {
    lines.push(`Nothing was written. Write the ${what} to a new sheet instead, or cancel and move your data first.`);
  } else {
    lines.push(`Nothing was written. Rename or remove what uses that name, then try again.`);
  }
  return { title: `Your data is on ${q(result.sheetName)}`, lines };
}

/** `sheet`: the sheet the write was aimed at, to say where it failed. */
export function describeError(what: string, sheet: string, error: unknown): Message {
  if (error instanceof WorkbookError) {
    switch (error.code) {
      case "invalid-plan":
        return {
          title: `The ${what} could not be written`,
          lines: [
            `${error.message} (sheet ${q(sheet)}). Nothing was written.`,
            ...error.issues.map((i) => `${i.path}: ${i.message}`),
          ],
        };
      case "unsupported":
        return { title: "This Excel can't do that", lines: [error.message, "Nothing was written."] };
      case "excel":
        return {
          title: `Excel refused to write ${q(sheet)}`,
          lines: [
            error.message,
            error.partial
              ? `Part of the ${what} was written to ${q(sheet)}; insert it again to finish.`
              : "Nothing was written.",
          ],
        };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { title: `The ${what} could not be written`, lines: [`${message} (sheet ${q(sheet)}).`] };
}
