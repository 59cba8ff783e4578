/**
 * The extracted text as numbered lines of cells. Everything that differs between extractions of the same
 * document without changing its meaning (CRLF, non-breaking spaces, runs of spaces) is normalised here,
 * so the readers never see it.
 */

export interface SourceLine {
  /** 1-based line number in the input. */
  no: number;
  /** The line with spacing normalised and cells rejoined by tabs: what a problem report quotes. */
  text: string;
  /** Tab-separated cells, each trimmed; a line without tabs is one cell. */
  cells: string[];
  /** Tables come out as tab-separated lines; prose and headings never contain a tab. */
  tabbed: boolean;
}

// NBSP, figure space and narrow NBSP: PDF extractors emit them where the document has plain spaces.
const ODD_SPACES = /[\u00a0\u2007\u202f]/g;

export function cleanCell(cell: string): string {
  return cell.replace(ODD_SPACES, " ").replace(/[ \f\v]+/g, " ").trim();
}

export function toSourceLines(text: string): SourceLine[] {
  return text
    .replace(/^\ufeff/, "") // a BOM some extractors leave at the start
    .split(/\r\n|\r|\n/)
    .map((raw, index) => {
      const cells = raw.split("\t").map(cleanCell);
      // Leading tabs stay (they show which column a cell is in); trailing ones say nothing.
      return { no: index + 1, text: cells.join("\t").replace(/\t+$/, ""), cells, tabbed: cells.length > 1 };
    });
}

export function isBlank(line: SourceLine): boolean {
  return line.cells.every((cell) => cell === "");
}

/**
 * The text of a line that could be a heading: untabbed (the table of contents repeats every heading with a
 * tab and a page number, and must not be taken for the real one), markup and trailing dots/colons removed.
 */
export function headingText(line: SourceLine): string | null {
  if (line.tabbed) return null;
  const text = (line.cells[0] ?? "")
    .replace(/<[^>]*>/g, "")
    .replace(/\*\*/g, "")
    .replace(/[.:\s]+$/, "")
    .trim();
  return text === "" ? null : text;
}

/** Index of the first line at or after `from` whose heading matches. */
export function findHeading(lines: readonly SourceLine[], pattern: RegExp, from = 0): number {
  for (let i = Math.max(0, from); i < lines.length; i++) {
    const line = lines[i];
    const heading = line ? headingText(line) : null;
    if (heading !== null && pattern.test(heading)) return i;
  }
  return -1;
}
