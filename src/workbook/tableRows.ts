import type { CellValue, TableData } from "../excel/adapter";
import { normalizeText } from "../domain";

/**
 * A table's rows re-ordered to the columns a builder expects, found by header name, so a user who moved or
 * added columns does not shift their data into the wrong fields. A missing column reads as blank.
 */
export function rowsByHeaders(table: TableData | null, headers: readonly string[]): CellValue[][] {
  if (!table) return [];
  const index = headers.map((h) => table.headers.findIndex((t) => normalizeText(t) === normalizeText(h)));
  return table.rows
    .map((row) => index.map((i) => (i < 0 ? null : (row[i] ?? null))))
    .filter((row) => row.some((v) => v !== null && v !== ""));
}
