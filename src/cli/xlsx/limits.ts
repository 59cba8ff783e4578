import { invalid } from "../../domain";
import { MAX_COLUMNS, MAX_ROWS, type SheetPlan, parseA1 } from "../../sheets/plan";
import { REGISTER_FIXED_HEADERS, REGISTER_HEADER_ROW } from "../../sheets/skillMix";

/**
 * Excel's grid is 1,048,576 rows by 16,384 columns ("Excel specifications and limits", support.microsoft.com).
 * What would not fit is refused with the limit named, before anything is written.
 */
const count = (n: number) => n.toLocaleString("en-GB");

/** Refuses a sheet beyond Excel's grid, in words a user can act on. */
export function checkFits(plan: SheetPlan): void {
  for (const block of plan.blocks) {
    let start;
    try {
      start = parseA1(block.at);
    } catch {
      continue; // validatePlan names a bad address.
    }
    const rows = block.kind === "range" ? block.rows.length : 1 + Math.max(1, block.rows.length) + (block.totals ? 1 : 0);
    const columns = block.kind === "range" ? (block.rows[0]?.length ?? 0) : block.columns.length;
    const lastRow = start.row + rows - 1;
    const lastColumn = start.col + columns - 1;
    if (lastRow > MAX_ROWS) {
      throw invalid(`the '${plan.name}' sheet would need ${count(lastRow)} rows; an Excel worksheet holds at most ${count(MAX_ROWS)}`);
    }
    if (lastColumn > MAX_COLUMNS) {
      throw invalid(`the '${plan.name}' sheet would need ${count(lastColumn)} columns; an Excel worksheet holds at most ${count(MAX_COLUMNS)} (A to XFD)`);
    }
  }
}

/**
 * The Team skills register of a skills CSV, checked as soon as the CSV is read: one row per person below the
 * register's header (and a totals row), one column per competence after the person columns.
 */
export function checkRegisterFits(people: number, competences: number, source: string): void {
  const lastRow = REGISTER_HEADER_ROW + Math.max(1, people) + 1;
  if (lastRow > MAX_ROWS) {
    throw invalid(`${source} has ${count(people)} people; the Team skills sheet holds at most ${count(MAX_ROWS - REGISTER_HEADER_ROW - 1)} (an Excel worksheet has ${count(MAX_ROWS)} rows)`);
  }
  const lastColumn = REGISTER_FIXED_HEADERS.length + competences;
  if (lastColumn > MAX_COLUMNS) {
    throw invalid(`${source} has ${count(competences)} competences; the Team skills sheet holds at most ${count(MAX_COLUMNS - REGISTER_FIXED_HEADERS.length)} (an Excel worksheet has ${count(MAX_COLUMNS)} columns)`);
  }
}
