import { findLabelledRow } from "./labelledRows";
import { splitMarkedItems } from "./listItems";
import { AFTER_COMPETENCES, HEADING } from "./profileHeadings";
import type { ImportProblem } from "./roleProfileTypes";
import { findHeading, type SourceLine } from "./sourceLines";

/**
 * The "Formal endorsed learning" and "Informal learning" rows of the Indicative Learning and Development
 * table. Only that table: the Continuing Professional Development table after it has rows with the same
 * labels ("Formal endorsed learning<TAB>Title") that describe a form, not the role's learning.
 *
 * Items are split only where the document marks them (• or HTML). Where it runs them together with spaces
 * ("Statutory/Mandatory training within the service Equality, diversity and inclusion …", 000 line 215)
 * the boundaries cannot be read without guessing, so the text stays one item and nothing is reported.
 */
export function readLearning(
  lines: readonly SourceLine[],
  from: number,
  problems: ImportProblem[],
): { formal: string[]; informal: string[] } {
  const start = findHeading(lines, HEADING.learning, from);
  if (start < 0) {
    problems.push({ line: 0, text: "", reason: "no Indicative Learning and Development section" });
    return { formal: [], informal: [] };
  }
  const ends = AFTER_COMPETENCES.filter((pattern) => pattern !== HEADING.learning)
    .map((pattern) => findHeading(lines, pattern, start + 1))
    .filter((index) => index >= 0);
  const end = Math.min(lines.length, ...ends);
  const items = (label: string): string[] => {
    const row = findLabelledRow(lines, label, start + 1, end);
    if (row === null) {
      const heading = lines[start];
      problems.push({
        line: heading?.no ?? 0,
        text: heading?.text ?? "",
        reason: `no '${label}' row in Indicative Learning and Development`,
      });
      return [];
    }
    return splitMarkedItems(row.value);
  };
  return { formal: items("Formal endorsed learning"), informal: items("Informal learning") };
}
