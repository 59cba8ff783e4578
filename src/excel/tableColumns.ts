/**
 * Column subsets of a table read (TableRequest): which of a table's columns a request names, shared by the Office
 * adapter and the memory workbook so both match and refuse alike.
 */
import { type TableData, type TableRequest, WorkbookError } from "./adapter";

export const requestedName = (request: TableRequest): string => (typeof request === "string" ? request : request.name);

/** The columns a request names, or null for all of them. */
export const requestedColumns = (request: TableRequest): readonly string[] | null => (typeof request === "string" ? null : request.columns);

/**
 * The index in `headers` of each of `columns`, matched without regard to case (as a formula's structured reference
 * matches a table column). A column the table lacks is refused, naming the table and its columns.
 */
export function columnIndexes(table: string, headers: readonly string[], columns: readonly string[]): number[] {
  const keys = headers.map((h) => h.toLowerCase());
  return columns.map((column) => {
    const i = keys.indexOf(column.toLowerCase());
    if (i < 0) {
      throw new WorkbookError("no-such-column", `The table ${table} has no column "${column}" (its columns: ${headers.map((h) => `"${h}"`).join(", ")}).`);
    }
    return i;
  });
}

/** `table` cut to the columns `request` names, in its order; the whole table when it names none. */
export function pickColumns(table: TableData, request: TableRequest): TableData {
  const columns = requestedColumns(request);
  if (columns === null) return table;
  const at = columnIndexes(table.name, table.headers, columns);
  return { ...table, headers: at.map((i) => table.headers[i]!), rows: table.rows.map((row) => at.map((i) => row[i] ?? null)) };
}

/** Runs of neighbouring indexes (as `[first, last]` pairs in ascending order), so a subset reads as few ranges as it can. */
export function columnRuns(indexes: readonly number[]): [number, number][] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}
