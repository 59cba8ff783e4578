import { headingText, type SourceLine } from "./sourceLines";

/**
 * The paragraphs from line index `from` up to the first line that `stop` accepts, a tabbed line (a table
 * has started) or the end. Lines not separated by a blank line belong to one paragraph: the extractor
 * sometimes wraps a paragraph over several lines.
 */
export function readParagraphs(
  lines: readonly SourceLine[],
  from: number,
  stop: (line: SourceLine, heading: string | null) => boolean,
): { paragraphs: string[]; end: number } {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(" "));
    current = [];
  };
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || line.tabbed || stop(line, headingText(line))) break;
    const text = line.cells[0] ?? "";
    if (text === "") flush();
    else current.push(text);
  }
  flush();
  return { paragraphs, end: i };
}
