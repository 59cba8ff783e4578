import { normalizeText } from "../text";
import { readCompetenceRow } from "./competenceRow";
import { looksLikeJoinedTitles, splitJoinedTitles } from "./joinedTitles";
import { AFTER_COMPETENCES, HEADING } from "./profileHeadings";
import type { ImportProblem, ParsedCompetenceLine, ProfileSection } from "./roleProfileTypes";
import { headingText, type SourceLine } from "./sourceLines";

/**
 * Walks the three competence sections (core, role-specific, locality) and reads their tables. The state
 * (current principle and function) carries down blank cells and across the header a table repeats after a
 * page break, and is reset when a section starts: a section never continues the previous one's principle.
 */

export interface CompetenceTablesResult {
  competences: ParsedCompetenceLine[];
  /** Index of each section's heading line. */
  sectionStart: Partial<Record<ProfileSection, number>>;
  /** The N of "Common/Core Competences for all Level N Roles", to cross-check the level. */
  coreLevel: number | null;
}

interface TableState {
  section: ProfileSection;
  principle: { code: string; text: string } | null;
  /** Why there is no principle, for the problem each unplaceable row gets. */
  noPrincipleReason: string;
  function: string;
  /** Explanatory text may precede a table; after its header an untabbed line is a broken row. */
  headerSeen: boolean;
  /** The competences of the previous row, and whether their function was carried down from above. */
  previous: { lines: ParsedCompetenceLine[]; functionCarried: boolean } | null;
}

const SECTIONS: readonly [ProfileSection, RegExp][] = [
  ["core", HEADING.core],
  ["specific", HEADING.specific],
  ["locality", HEADING.locality],
];

function sectionOf(heading: string | null): ProfileSection | null {
  if (heading === null) return null;
  return SECTIONS.find(([, pattern]) => pattern.test(heading))?.[0] ?? null;
}

function newState(section: ProfileSection): TableState {
  return {
    section,
    principle: null,
    noPrincipleReason: "competence before any underpinning principle in its section",
    function: "",
    headerSeen: false,
    previous: null,
  };
}

export function readCompetenceTables(
  lines: readonly SourceLine[],
  from: number,
  knownTitles: ReadonlySet<string>,
  problems: ImportProblem[],
): CompetenceTablesResult {
  const result: CompetenceTablesResult = { competences: [], sectionStart: {}, coreLevel: null };
  const report = (line: SourceLine, reason: string): void => {
    problems.push({ line: line.no, text: line.text, reason });
  };
  let state: TableState | null = null;

  for (let i = Math.max(0, from); i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    const heading = headingText(line);
    const section = sectionOf(heading);
    if (section !== null) {
      // The same section heading twice (a page-break repeat) continues the section.
      if (state?.section !== section) state = newState(section);
      result.sectionStart[section] ??= i;
      if (section === "core" && heading !== null) {
        const level = HEADING.core.exec(heading)?.[1];
        if (level !== undefined) result.coreLevel ??= Number(level);
      }
      continue;
    }
    // Before the first section heading: basic information, scope and the like, read elsewhere.
    if (state === null) continue;
    if (heading !== null && AFTER_COMPETENCES.some((pattern) => pattern.test(heading))) break;
    if (!line.tabbed) {
      if (heading !== null && state.headerSeen) {
        report(line, "text inside a competence table that is not a table row; not read as a competence");
      }
      continue;
    }
    readRow(line, state, knownTitles, result.competences, report);
  }
  return result;
}

function readRow(
  line: SourceLine,
  state: TableState,
  knownTitles: ReadonlySet<string>,
  out: ParsedCompetenceLine[],
  report: (line: SourceLine, reason: string) => void,
): void {
  const row = readCompetenceRow(line.cells);
  if (row.kind === "blank") return;
  if (row.kind === "header") {
    state.headerSeen = true;
    return;
  }
  if (row.overflow) {
    report(line, "more cells than principle, reference function and competence; row not read");
    state.previous = null;
    return;
  }
  if (row.unrecognisedPrinciple !== null) {
    report(line, `unrecognised underpinning principle '${row.unrecognisedPrinciple}'; row not read`);
    // The rows below continue this unknown principle: filing them under the previous one would be a guess.
    state.principle = null;
    state.noPrincipleReason = `under the unrecognised underpinning principle '${row.unrecognisedPrinciple}'`;
    state.function = "";
    state.previous = null;
    return;
  }
  if (row.principle !== null) {
    if (row.principle.match.doubt !== undefined) report(line, row.principle.match.doubt);
    state.principle = { code: row.principle.match.code, text: row.principle.text };
    // A function belongs to one principle; it is never carried into the next.
    state.function = "";
    state.previous = null;
  }

  if (row.competence === null) {
    readRowWithoutCompetence(line, row.principle !== null, row.function, state, report);
    return;
  }
  if (state.principle === null) {
    report(line, `${state.noPrincipleReason}; not read`);
    state.previous = null;
    return;
  }
  const functionCarried = row.function === null;
  if (row.function !== null) state.function = row.function;
  if (state.function === "") report(line, "competence with no reference function");

  const titles = splitJoinedTitles(row.competence, knownTitles) ?? [row.competence];
  if (titles.length === 1 && looksLikeJoinedTitles(row.competence) && !knownTitles.has(normalizeText(row.competence))) {
    report(
      line,
      knownTitles.size === 0
        ? "cell may hold two competences; kept as one (give knownTitles to split it)"
        : "cell may hold two competences but is not two known titles; kept as one",
    );
  }
  const lines = titles.map((title) => ({
    section: state.section,
    principleCode: state.principle?.code ?? "",
    principleText: state.principle?.text ?? "",
    function: state.function,
    title,
    line: line.no,
  }));
  out.push(...lines);
  state.previous = { lines, functionCarried };
}

/**
 * A row with a function (or only a principle) and no competence. Right after a competence whose function
 * was carried down from the row above, it is that competence's own function landed after it
 * (001 lines 196–197: "Obtain, analyse and provide information required for courts and formal hearings",
 * then "Present information to courts and formal hearings" alone in the function column).
 */
function readRowWithoutCompetence(
  line: SourceLine,
  opensPrinciple: boolean,
  fn: string | null,
  state: TableState,
  report: (line: SourceLine, reason: string) => void,
): void {
  if (fn === null) {
    report(line, "underpinning principle with no reference function or competence; applied to the rows below");
    return;
  }
  const previous = state.previous;
  state.function = fn;
  state.previous = null;
  if (!opensPrinciple && previous?.functionCarried) {
    for (const competence of previous.lines) competence.function = fn;
    return;
  }
  report(line, "reference function with no competence; applied to the rows below");
}
