import type { Catalog } from "../catalog";
import { type Band, type JeScheme, jeScore, jeScoreToBand } from "../domain";
import { STYLE, SheetLayout } from "./layout";
import { type PlanCell, type SheetPlan, excelDate } from "./plan";

export const JE_LOG_KEY = "je-log";
export const JE_LOG_TABLE = "JE_Log";

/** One evaluation the JE calculator logged. */
export interface JeLogEntry {
  /** ISO date (yyyy-mm-dd) of the evaluation. */
  date: string;
  post: string;
  /** The 16 factor levels as chosen ("4", "2-3"). */
  levels: readonly string[];
}

export const JE_LOG_FIXED_HEADERS = ["Date", "Post", "JE score (min)", "JE score (max)", "Band (min)", "Band (max)"] as const;

function factorHeaders(scheme: JeScheme): string[] {
  return scheme.factors.map((f) => `F${f.number}`);
}

export function jeLogHeaders(scheme: JeScheme): string[] {
  return [...JE_LOG_FIXED_HEADERS.slice(0, 2), ...factorHeaders(scheme), ...JE_LOG_FIXED_HEADERS.slice(2)];
}

function bandOrBlank(scheme: JeScheme, score: number): Band | "" {
  return score <= scheme.maxBandedScore ? jeScoreToBand(scheme, score) : "";
}

/** A log row: levels as text (a range such as "2-3" stays text), scores and bands computed by the domain. */
export function jeLogRow(scheme: JeScheme, entry: JeLogEntry): PlanCell[] {
  const range = jeScore(scheme, entry.levels);
  return [
    excelDate(entry.date),
    entry.post,
    ...entry.levels,
    range.min,
    range.max,
    bandOrBlank(scheme, range.min),
    bandOrBlank(scheme, range.max),
  ];
}

/**
 * The JE log: one row per evaluation. `existingRows` are the table's rows as read from the workbook (so a
 * row the user added or edited is kept as it is); the new entry is appended.
 */
export function jeLogSheet(catalog: Catalog, existingRows: readonly (readonly PlanCell[])[], entry?: JeLogEntry): SheetPlan {
  const scheme = catalog.jeScheme;
  const headers = jeLogHeaders(scheme);
  const rows = [...existingRows.map((r) => headers.map((_, i) => r[i] ?? null)), ...(entry ? [jeLogRow(scheme, entry)] : [])];
  const layout = new SheetLayout();
  layout.line("JE log", STYLE.title);
  layout.line("Evaluations recorded with the JE calculator. Levels are as chosen; scores and bands computed from them.", STYLE.subtitle);
  layout.gap();
  const header = layout.table(
    JE_LOG_TABLE,
    headers.map((h) =>
      h === "Date"
        ? { header: h, width: 12, numberFormat: "yyyy-mm-dd" }
        : h === "Post"
          ? { header: h, width: 30 }
          : /^F\d+$/.test(h)
            ? { header: h, width: 6, numberFormat: "@" }
            : { header: h, width: 12 },
    ),
    rows,
    // The calculator reads the log back and carries every row, including rows the user typed in.
    { carriesWorkbookRows: true },
  );
  return {
    key: JE_LOG_KEY,
    name: "JE log",
    blocks: layout.blocks,
    freezeRows: header,
    print: { landscape: true, fitToWidth: true, repeatRows: { first: header, last: header } },
  };
}
