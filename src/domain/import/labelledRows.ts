import { normalizeText } from "../text";
import type { SourceLine } from "./sourceLines";

/** A "Label<TAB>value" row of a two-column table (Basic Information, Indicative Learning and Development). */
export interface LabelledRow {
  line: SourceLine;
  /** The non-empty cells after the label, joined by a space (an extractor sometimes adds an empty cell). */
  value: string;
}

/** The first row in [from, to) whose first cell is `label`, compared case- and punctuation-insensitively. */
export function findLabelledRow(
  lines: readonly SourceLine[],
  label: string,
  from = 0,
  to = lines.length,
): LabelledRow | null {
  const key = normalizeText(label);
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const line = lines[i];
    if (line === undefined || !line.tabbed || normalizeText(line.cells[0] ?? "") !== key) continue;
    const value = line.cells
      .slice(1)
      .filter((cell) => cell !== "")
      .join(" ");
    return { line, value };
  }
  return null;
}
