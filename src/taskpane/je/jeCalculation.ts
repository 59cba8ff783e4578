/**
 * The JE calculator's arithmetic, through the domain: each factor's level as a panel writes it (a level, a range
 * "2-3", or a national profile's text "1/ 2(b); (d)/ 3 (c)"), the score range of the sixteen, and where each end
 * bands.
 */
import type { Catalog } from "../../catalog";
import {
  type BandPosition,
  type JeScheme,
  type NationalProfile,
  type ScoreRange,
  bandPosition,
  factorScoreRange,
} from "../../domain";
import type { TableData } from "../../excel/adapter";
import { jeLogHeaders } from "../../sheets/jeLog";
import type { PlanCell } from "../../sheets/plan";

/** One entry per factor, in factor order, as typed; "" until the user gives a level. */
export type FactorTexts = readonly string[];

export type FactorReading =
  | { readonly kind: "blank" }
  | { readonly kind: "bad"; readonly message: string }
  | { readonly kind: "read"; readonly score: ScoreRange };

/** One end of the score range: where it bands, or why it has no band. */
export type JeEnd =
  | { readonly kind: "banded"; readonly score: number; readonly position: BandPosition }
  | { readonly kind: "unbanded"; readonly score: number; readonly reason: string };

export type JeSummary =
  | { readonly kind: "incomplete"; readonly missing: readonly number[] }
  /** `factors`: the numbers of the factors whose text is no level of theirs. */
  | { readonly kind: "invalid"; readonly factors: readonly number[] }
  | { readonly kind: "scored"; readonly min: JeEnd; readonly max: JeEnd };

export function emptyLevels(scheme: JeScheme): string[] {
  return scheme.factors.map(() => "");
}

/** One factor's text read by the domain (parseJeLevel): its score range, or the domain's own words for what is wrong. */
export function readFactor(scheme: JeScheme, factor: number, text: string): FactorReading {
  if (text.trim() === "") return { kind: "blank" };
  try {
    return { kind: "read", score: factorScoreRange(scheme, factor, text.trim()) };
  } catch (e) {
    return { kind: "bad", message: (e as Error).message };
  }
}

function endOf(scheme: JeScheme, score: number): JeEnd {
  try {
    return { kind: "banded", score, position: bandPosition(scheme, score) };
  } catch (e) {
    return { kind: "unbanded", score, reason: (e as Error).message };
  }
}

/** `missing`: numbers of the factors still without a level. */
export function summarizeJe(scheme: JeScheme, texts: FactorTexts): JeSummary {
  const readings = scheme.factors.map((f, i) => readFactor(scheme, f.number, texts[i] ?? ""));
  const missing = scheme.factors.filter((_, i) => readings[i]!.kind === "blank").map((f) => f.number);
  const bad = scheme.factors.filter((_, i) => readings[i]!.kind === "bad").map((f) => f.number);
  if (bad.length > 0) return { kind: "invalid", factors: bad };
  if (missing.length > 0) return { kind: "incomplete", missing };
  let min = 0;
  let max = 0;
  for (const r of readings) {
    if (r.kind !== "read") continue;
    min += r.score.min;
    max += r.score.max;
  }
  return { kind: "scored", min: endOf(scheme, min), max: endOf(scheme, max) };
}

/** A national profile's sixteen level texts, in factor order, as its document writes them. */
export function profileLevels(scheme: JeScheme, profile: NationalProfile): string[] {
  return scheme.factors.map((f) => profile.factors.find((pf) => pf.factor === f.number)?.levelText ?? "");
}

/** "8a–8b", or "8a" when both ends band alike; the band of an end without one is left out. */
export function bandRangeText(summary: Extract<JeSummary, { kind: "scored" }>): string | null {
  const bands = [summary.min, summary.max].flatMap((e) => (e.kind === "banded" ? [e.position.band] : []));
  if (bands.length === 0) return null;
  return bands[0] === bands.at(-1) ? bands[0]! : `${bands[0]}–${bands.at(-1)}`;
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
