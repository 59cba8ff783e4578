import Papa from "papaparse";
import { invalid } from "../domain";

/** Excel's worksheet limits: an input that could not fit on a sheet is refused before any work is done. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_CHARACTERS = 32_767;

/** One record of a CSV file with the file line it starts on (a quoted cell may span lines). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  /** The file's name as the user gave it, for messages. */
  readonly source: string;
  /** Header cells, trimmed, in file order. */
  readonly headers: readonly string[];
  readonly headerLine: number;
  readonly records: readonly CsvRecord[];
  /** What a record's `line` counts, in messages: file lines (CSV, the default) or worksheet rows (a selected range). */
  readonly lineWord?: "line" | "row";
}

/** The 1-based line of each character offset, counted forward as the parser moves (offsets only grow). */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset) => {
    for (; pos < offset && pos < text.length; pos++) if (text.charCodeAt(pos) === 10) line++;
    return line;
  };
}

/** The offset of the first character at or after `from` that is not blank space or a line end. */
function firstContent(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * Parses CSV text (comma, semicolon or tab separated; CRLF or LF; blank lines skipped) into a header row and
 * records, each with the file line it starts on. Cells are trimmed. A record with cells beyond the header's
 * columns, an unterminated quote, or more rows/columns than a worksheet holds is refused, naming the line.
 */
export function parseCsv(text: string, source: string): CsvTable {
  const body = text.replace(/^\uFEFF/, "");
  const lineAt = lineCounter(body);
  const rows: CsvRecord[] = [];
  let cursor = 0;
  let failure: Error | null = null;
  Papa.parse<string[]>(body, {
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      const start = firstContent(body, cursor);
      const line = lineAt(start);
      cursor = result.meta.cursor;
      const bad = result.errors.find((e) => e.type !== "Delimiter");
      if (bad) {
        const at = typeof bad.index === "number" ? lineAt(Math.max(start, bad.index)) : line;
        failure = invalid(`${source} line ${at}: ${bad.type === "Quotes" ? "a quoted cell is never closed (a \" is missing)" : bad.message}`);
        parser.abort();
        return;
      }
      const cells = result.data.map((c) => c.trim());
      if (rows.length === 0 && cells.length > EXCEL_MAX_COLUMNS) {
        failure = invalid(`${source} has ${cells.length.toLocaleString("en-GB")} columns, more than a worksheet holds (${EXCEL_MAX_COLUMNS.toLocaleString("en-GB")})`);
        parser.abort();
        return;
      }
      if (rows.length >= EXCEL_MAX_ROWS) {
        failure = invalid(`${source} has more than ${EXCEL_MAX_ROWS.toLocaleString("en-GB")} rows, more than a worksheet holds`);
        parser.abort();
        return;
      }
      const long = cells.findIndex((c) => c.length > EXCEL_MAX_CELL_CHARACTERS);
      if (long >= 0) {
        failure = invalid(`${source} line ${line}: cell ${long + 1} holds ${cells[long]!.length.toLocaleString("en-GB")} characters, more than an Excel cell holds (${EXCEL_MAX_CELL_CHARACTERS.toLocaleString("en-GB")})`);
        parser.abort();
        return;
      }
      rows.push({ line, cells });
    },
  });
  if (failure) throw failure;
  const [header, ...records] = rows;
  if (!header || header.cells.every((c) => c === "")) throw invalid(`${source} is empty: it needs a header row`);
  const width = header.cells.length;
  for (const r of records) {
    const extra = r.cells.slice(width).findIndex((c) => c !== "");
    if (extra >= 0) {
      throw invalid(`${source} line ${r.line}: ${r.cells.length} cells but the header on line ${header.line} names ${width} columns; quote cells that contain the separator`);
    }
  }
  return { source, headers: header.cells, headerLine: header.line, records };
}
