/** The JE calculator's arithmetic, through the domain: the score of sixteen chosen levels and where it bands. */
import type { Catalog } from "../../catalog";
import { type BandPosition, type JeScheme, bandPosition, jeScoreOfLevels } from "../../domain";
import type { TableData } from "../../excel/adapter";
import { jeLogHeaders } from "../../sheets/jeLog";
import type { PlanCell } from "../../sheets/plan";

/** One entry per factor, in factor order; null until the user picks a level. */
export type ChosenLevels = readonly (number | null)[];

export type JeSummary =
  | { readonly kind: "incomplete"; readonly missing: readonly number[] }
  | { readonly kind: "banded"; readonly score: number; readonly position: BandPosition }
  | { readonly kind: "unbanded"; readonly score: number; readonly reason: string };

export function emptyLevels(scheme: JeScheme): (number | null)[] {
  return scheme.factors.map(() => null);
}

/** `missing`: numbers of the factors still without a level. */
export function summarizeJe(scheme: JeScheme, levels: ChosenLevels): JeSummary {
  const missing = scheme.factors.filter((_, i) => levels[i] === null || levels[i] === undefined).map((f) => f.number);
  if (missing.length > 0) return { kind: "incomplete", missing };
  const score = jeScoreOfLevels(scheme, levels as readonly number[]);
  try {
    return { kind: "banded", score, position: bandPosition(scheme, score) };
  } catch (e) {
    return { kind: "unbanded", score, reason: (e as Error).message };
  }
}

export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  // The user's calendar day, not UTC's: a log entry made at 00:30 in London is dated that day.
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The JE log's existing rows as jeLogSheet wants them (its own column order), matched by header so a table
 * whose columns the user moved still reads right. Columns the user added are left out of the rewrite.
 */
export function existingLogRows(catalog: Catalog, table: TableData | null): PlanCell[][] {
  if (!table) return [];
  const wanted = jeLogHeaders(catalog.jeScheme).map((h) => h.toLowerCase());
  const at = wanted.map((h) => table.headers.findIndex((x) => x.trim().toLowerCase() === h));
  return table.rows
    .filter((row) => row.some((v) => v !== null && v !== ""))
    .map((row) => at.map((i) => (i < 0 ? null : (row[i] ?? null))));
}
