/**
 * A header row and rows of cells read from a worksheet (a range the user selected), as the one input reader
 * takes them: the same table a CSV parses to, each record numbered by its worksheet row. So an ESR extract
 * opened in Excel and selected there is read, mapped and refused exactly as the same extract saved as CSV.
 */
import { invalid } from "../domain";
import type { CsvRecord, CsvTable } from "./csv";

export type GridCell = string | number | boolean | null;

/** A cell as CSV text: numbers in full (an Excel date arrives as its serial number, which the date reader takes). */
function cellText(cell: GridCell): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell).trim();
}

/**
 * `rows` from worksheet row `firstRow`: the first row with anything in it is the header, rows with nothing in
 * them are skipped (as blank CSV lines are).
 */
export function tableFromGrid(rows: readonly (readonly GridCell[])[], source: string, firstRow: number): CsvTable {
  const text = rows.map((r) => r.map(cellText));
  const headerIndex = text.findIndex((r) => r.some((c) => c !== ""));
  if (headerIndex < 0) throw invalid(`${source} is empty: select the header row and the rows under it`);
  const records: CsvRecord[] = [];
  text.forEach((cells, i) => {
    if (i > headerIndex && cells.some((c) => c !== "")) records.push({ line: firstRow + i, cells });
  });
  return { source, headers: text[headerIndex]!, headerLine: firstRow + headerIndex, records, lineWord: "row" };
}
