import { isCareerLevel } from "../careerFramework";
import { findLabelledRow, type LabelledRow } from "./labelledRows";
import { splitItemsOrSentences } from "./listItems";
import type { ImportProblem } from "./roleProfileTypes";
import type { SourceLine } from "./sourceLines";

/** The "Basic Information" table: Named Role, Area of Work, Experience Required, Career Framework Level. */
export interface BasicInformation {
  title: string;
  areaOfWork: string;
  experienceRequired: string[];
  careerFrameworkLevel: number | null;
  /** Index of the Named Role row: the profile proper starts there, after the introduction. */
  namedRoleIndex: number | null;
}

export function readBasicInformation(lines: readonly SourceLine[], problems: ImportProblem[]): BasicInformation {
  const read = (label: string): LabelledRow | null => {
    const row = findLabelledRow(lines, label);
    if (row === null) problems.push({ line: 0, text: "", reason: `no ${label}` });
    else if (row.value === "") problems.push({ line: row.line.no, text: row.line.text, reason: `${label} is blank` });
    return row;
  };

  const named = read("Named Role");
  const area = read("Area of Work");
  // Experience comes as <p> paragraphs (000), "•" bullets (002) or plain sentences (001, 003).
  const experience = read("Experience Required");
  return {
    title: named?.value ?? "",
    areaOfWork: area?.value ?? "",
    experienceRequired: splitItemsOrSentences(experience?.value ?? ""),
    careerFrameworkLevel: readLevel(lines, problems),
    namedRoleIndex: named ? lines.indexOf(named.line) : null,
  };
}

/** "Career Framework Level<TAB>Level 7". Not the cover's "Career Framework **Level 7**": that is no row. */
function readLevel(lines: readonly SourceLine[], problems: ImportProblem[]): number | null {
  const row = findLabelledRow(lines, "Career Framework Level");
  if (row === null) {
    problems.push({ line: 0, text: "", reason: "no Career Framework Level" });
    return null;
  }
  const match = /^(?:level\s*)?(\d+)$/i.exec(row.value);
  const level = match?.[1] !== undefined ? Number(match[1]) : Number.NaN;
  if (isCareerLevel(level)) return level;
  problems.push({ line: row.line.no, text: row.line.text, reason: "Career Framework Level is not a level 1–9" });
  return null;
}
