/**
 * Rebuilding a document's text, table rows as tab-separated cells, from the positioned text runs a PDF reader
 * (pdf.js) gives. Pure: the reader's items in, text out, so it runs in the task pane and the CLI alike.
 */
export interface PositionedText {
  page: number;
  /** Left edge and baseline, in PDF points (y grows upwards). */
  x: number;
  y: number;
  width: number;
  text: string;
}

/** Runs closer than this are one cell (a space or nothing between them); further apart, separate cells. */
const CELL_GAP = 12;
/** Cell starts within this of each other are one column. */
const COLUMN_TOLERANCE = 4;

interface Cell {
  x: number;
  end: number;
  text: string;
}

interface Line {
  page: number;
  y: number;
  cells: Cell[];
}

function linesOf(items: readonly PositionedText[]): Line[] {
  const byLine = new Map<string, PositionedText[]>();
  for (const item of items) {
    // pdf.js reports the gap between two cells as a run of one space as wide as the gap: only real text counts.
    if (item.text.trim() === "") continue;
    const key = `${item.page}:${Math.round(item.y)}`;
    byLine.set(key, [...(byLine.get(key) ?? []), item]);
  }
  const keys = [...byLine.keys()].sort((a, b) => {
    const [pa, ya] = a.split(":").map(Number);
    const [pb, yb] = b.split(":").map(Number);
    return pa! - pb! || yb! - ya!;
  });
  return keys.map((key) => {
    const [page, y] = key.split(":").map(Number) as [number, number];
    const runs = byLine.get(key)!.sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    for (const run of runs) {
      const last = cells[cells.length - 1];
      if (last && run.x - last.end <= CELL_GAP) {
        const joiner = run.x - last.end > 0.5 && !last.text.endsWith(" ") && !run.text.startsWith(" ") ? " " : "";
        last.text += joiner + run.text;
        last.end = Math.max(last.end, run.x + run.width);
      } else {
        cells.push({ x: run.x, end: run.x + run.width, text: run.text });
      }
    }
    return { page, y, cells: cells.map((c) => ({ ...c, text: c.text.trim() })).filter((c) => c.text !== "") };
  });
}

/** Column starts: the x positions where cells of multi-cell lines begin, clustered. */
function columnStarts(lines: readonly Line[]): number[] {
  const starts = lines.filter((l) => l.cells.length > 1).flatMap((l) => l.cells.map((c) => c.x)).sort((a, b) => a - b);
  const columns: number[] = [];
  for (const x of starts) {
    if (columns.length === 0 || x - columns[columns.length - 1]! > COLUMN_TOLERANCE) columns.push(x);
  }
  return columns;
}

/**
 * The text, one line per PDF line. A line that sits in the table's columns is written as tab-separated cells at
 * their column positions, so an empty leading cell (a principle or function carried down) stays empty, and as
 * many cells as the table has columns.
 */
export function textFromPositionedItems(items: readonly PositionedText[]): string {
  const lines = linesOf(items);
  const columns = columnStarts(lines);
  const margin = Math.min(...lines.flatMap((l) => l.cells.map((c) => c.x)), Number.POSITIVE_INFINITY);
  const columnOf = (x: number): number => {
    let index = 0;
    columns.forEach((start, i) => {
      if (start <= x + COLUMN_TOLERANCE) index = i;
    });
    return index;
  };
  const spacing = usualLineSpacing(lines);
  const touching = (a: Line | undefined, b: Line | undefined): boolean =>
    a !== undefined && b !== undefined && a.page === b.page && Math.abs(a.y - b.y) <= spacing * 1.5;
  const plainTable = lines.map((l) => l.cells.length > 1 || (l.cells.length === 1 && l.cells[0]!.x > margin + COLUMN_TOLERANCE));
  // A row whose only text is in the first column reads like a plain line; set tight under a table row (no
  // paragraph gap between them), it is a row of that table all the same.
  const inTable: boolean[] = [];
  lines.forEach((l, i) => inTable.push(plainTable[i]! || (inTable[i - 1] === true && touching(lines[i - 1], l))));
  return lines
    .map((line, i) => {
      const cells = line.cells;
      if (!inTable[i] || columns.length === 0) return cells.map((c) => c.text).join(" ");
      const out: string[] = [];
      for (const cell of cells) {
        const at = columnOf(cell.x);
        while (out.length < at) out.push("");
        out.push(out.length > at ? `${out.pop()} ${cell.text}` : cell.text);
      }
      // A PDF shows no empty trailing cell; the table's full width is given back, as the text extraction has it,
      // so a row with only a reference function still reads as one (its competence cell empty).
      while (out.length < columns.length) out.push("");
      return out.join("\t");
    })
    .join("\n");
}

/** The most common distance between consecutive lines on a page: a table's row pitch. */
function usualLineSpacing(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.page !== lines[i - 1]!.page) continue;
    const d = Math.round(Math.abs(lines[i - 1]!.y - lines[i]!.y) * 10) / 10;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [d, n] of counts) if (n > bestCount) [best, bestCount] = [d, n];
  return best || 1;
}
