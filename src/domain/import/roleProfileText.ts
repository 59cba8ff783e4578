/**
 * Reads a Skills for Health transferable role profile from the plain text extracted from its PDF (tables
 * as tab-separated lines). Pure: no I/O, runs in the browser and in Node.
 *
 * The extraction is imperfect, and the parser's rule is to place what it can read with confidence and
 * report everything else in `problems`, never dropping or guessing silently. How a table row's shifted
 * cells are read is in competenceRow.ts; how the state carries across rows and page breaks is in
 * competenceTables.ts.
 */
import { invalid } from "../errors";
import { readBasicInformation } from "./basicInformation";
import { readCompetenceTables } from "./competenceTables";
import { readCompetenceRow } from "./competenceRow";
import { knownTitleKeys } from "./joinedTitles";
import { findLabelledRow } from "./labelledRows";
import { readLearning } from "./learningTable";
import { HEADING } from "./profileHeadings";
import { readParagraphs } from "./proseSections";
import type { ImportProblem, ParsedRoleProfile, ParseRoleProfileOptions } from "./roleProfileTypes";
import { findHeading, headingText, type SourceLine, toSourceLines } from "./sourceLines";

export type {
  ImportProblem,
  ParsedCompetenceLine,
  ParsedRoleProfile,
  ParseRoleProfileOptions,
  ProfileSection,
} from "./roleProfileTypes";

const ANY_HEADING: readonly RegExp[] = Object.values(HEADING);
const isKnownHeading = (heading: string | null): boolean =>
  heading !== null && ANY_HEADING.some((pattern) => pattern.test(heading));

export function parseRoleProfileText(text: string, options: ParseRoleProfileOptions = {}): ParsedRoleProfile {
  const lines = toSourceLines(text);
  assertIsRoleProfile(lines);
  const problems: ImportProblem[] = [];

  const basic = readBasicInformation(lines, problems);
  const descriptor = readLevelDescriptor(lines, problems);
  const scope = readScope(lines, problems);

  // The introduction mentions the sections by name too; the profile proper starts at its Named Role row.
  const profileStart = basic.namedRoleIndex ?? 0;
  const tables = readCompetenceTables(lines, profileStart, knownTitleKeys(options.knownTitles), problems);
  if (tables.sectionStart.core === undefined) missing(problems, "common/core competences section");
  if (tables.sectionStart.specific === undefined) missing(problems, "role-specific competences section");
  // No locality section is no problem: it only ever holds competences a service adds locally, and
  // 003 leaves it out altogether.

  const tablesStart = Math.min(
    ...Object.values(tables.sectionStart).filter((index): index is number => index !== undefined),
  );
  const learning = readLearning(lines, Number.isFinite(tablesStart) ? tablesStart : profileStart, problems);

  const level = basic.careerFrameworkLevel;
  checkLevel(problems, level, descriptor.level, "Definition of the Level N Role heading");
  checkLevel(problems, level, tables.coreLevel, "Common/Core Competences for all Level N Roles heading");

  return {
    title: basic.title,
    areaOfWork: basic.areaOfWork,
    careerFrameworkLevel: level,
    experienceRequired: basic.experienceRequired,
    scope,
    levelDescriptor: descriptor.text,
    competences: tables.competences,
    learning,
    // Missing parts (line 0) first, then in reading order.
    problems: problems.sort((a, b) => a.line - b.line),
  };
}

/** Refuses text with neither a Named Role row nor any competence table: it is some other kind of text. */
function assertIsRoleProfile(lines: readonly SourceLine[]): void {
  const hasNamedRole = findLabelledRow(lines, "Named Role") !== null;
  const hasTables = lines.some(
    (line) =>
      (line.tabbed && readCompetenceRow(line.cells).kind === "header") ||
      [HEADING.core, HEADING.specific].some((pattern) => pattern.test(headingText(line) ?? "")),
  );
  if (!hasNamedRole && !hasTables) {
    throw invalid(
      "This text is not a Skills for Health role profile: it has no 'Named Role' row and no competence tables.",
    );
  }
}

function missing(problems: ImportProblem[], what: string): void {
  problems.push({ line: 0, text: "", reason: `no ${what}` });
}

/** "Definition of the Level N Role": its paragraphs, up to the next heading or table. */
function readLevelDescriptor(
  lines: readonly SourceLine[],
  problems: ImportProblem[],
): { text: string; level: number | null } {
  const start = findHeading(lines, HEADING.levelDefinition);
  const heading = lines[start];
  if (heading === undefined) {
    missing(problems, "Definition of the Level N Role");
    return { text: "", level: null };
  }
  const level = Number(HEADING.levelDefinition.exec(headingText(heading) ?? "")?.[1] ?? Number.NaN);
  const { paragraphs } = readParagraphs(lines, start + 1, (_, h) => isKnownHeading(h));
  if (paragraphs.length === 0) {
    problems.push({ line: heading.no, text: heading.text, reason: "Definition of the Level N Role is empty" });
  }
  return { text: paragraphs.join("\n\n"), level: Number.isNaN(level) ? null : level };
}

/**
 * "Scope of the Role": its paragraphs up to the sentence that introduces the competence tables
 * ("All level 7 roles will have the following common/core competences."), which is template text.
 */
function readScope(lines: readonly SourceLine[], problems: ImportProblem[]): string[] {
  const start = findHeading(lines, HEADING.scope);
  const heading = lines[start];
  if (heading === undefined) {
    missing(problems, "Scope of the Role");
    return [];
  }
  const { paragraphs } = readParagraphs(
    lines,
    start + 1,
    (line, h) => isKnownHeading(h) || /^all level \d+ roles\b/i.test(line.cells[0] ?? ""),
  );
  if (paragraphs.length === 0) {
    problems.push({ line: heading.no, text: heading.text, reason: "Scope of the Role is empty" });
  }
  return paragraphs;
}

function checkLevel(problems: ImportProblem[], level: number | null, other: number | null, where: string): void {
  if (level !== null && other !== null && level !== other) {
    problems.push({
      line: 0,
      text: "",
      reason: `Career Framework Level ${level} disagrees with the ${where.replace("N", String(other))}`,
    });
  }
}
