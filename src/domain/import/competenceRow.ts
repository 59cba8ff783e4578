import { normalizeText } from "../text";
import { matchPrinciple, type PrincipleMatch } from "./principles";

/**
 * What one tab-separated row of a competence table says, read from which cells are filled rather than from
 * fixed columns, because the extraction shifts cells one or two columns either way:
 *
 * - A principle is only ever the first cell, and only when it names a principle (or is numbered like one).
 *   A first cell that is no principle is a function or competence shifted left, and the principle continues:
 *   "Facilitate the audit/inspection process<TAB>Facilitate the clinical audit process<TAB>" (000 line 178).
 * - Of the other filled cells, the last is the competence and the one before it the function. This also
 *   reads the tables that come out with a stray 4th column:
 *   "<TAB>Manage and work with people<TAB><TAB>Develop and sustain …" (000 line 188),
 *   "Recruit, select and retain colleagues<TAB><TAB>Recruit, induct and retain …<TAB>" (000 line 197).
 * - A single filled cell in the function column (second) is a function without a competence:
 *   "<TAB>Present information to courts and formal hearings<TAB>" (001 line 197).
 * - A single filled cell in the first column that is no principle is a competence shifted two cells left,
 *   not a function: "Support individuals to access information on services and facilities<TAB><TAB>"
 *   (003 lines 149 and 170). Both are NOS competence titles, both sit where the rows around them carry the
 *   principle and function down, and nowhere in the four documents does a function open a group without a
 *   competence on the same row; taking them as functions would leave functions with no competence at all.
 */
export type RowReading =
  | { kind: "header" }
  | { kind: "blank" }
  | {
      kind: "row";
      principle: { text: string; match: PrincipleMatch } | null;
      /** A first cell that is no known principle in a row that has a principle's place filled too. */
      unrecognisedPrinciple: string | null;
      function: string | null;
      competence: string | null;
      /** More filled cells than principle, function and competence: the row cannot be read. */
      overflow: boolean;
    };

interface FilledCell {
  text: string;
  column: number;
}

/** "Underpinning Principles", "Underpinning Principle": the header each table repeats after a page break. */
function isHeader(first: FilledCell | undefined): boolean {
  return first !== undefined && normalizeText(first.text).startsWith("underpinningprinciple");
}

export function readCompetenceRow(cells: readonly string[]): RowReading {
  const filled: FilledCell[] = [];
  cells.forEach((text, column) => {
    if (text !== "") filled.push({ text, column });
  });
  const first = filled[0];
  if (first === undefined) return { kind: "blank" };
  if (isHeader(first)) return { kind: "header" };

  const match = first.column === 0 ? matchPrinciple(first.text) : null;
  const principle = match ? { text: first.text, match } : null;
  const rest = principle ? filled.slice(1) : filled;
  const reading = { kind: "row" as const, principle, unrecognisedPrinciple: null, overflow: false };

  if (rest.length === 0) return { ...reading, function: null, competence: null };
  const [a, b, c] = rest;
  if (rest.length === 1 && a !== undefined) {
    return a.column === 1
      ? { ...reading, function: a.text, competence: null }
      : { ...reading, function: null, competence: a.text };
  }
  if (rest.length === 2 && a !== undefined && b !== undefined) {
    return { ...reading, function: a.text, competence: b.text };
  }
  // Three cells with the first in the principle's place: a principle whose name we do not know.
  if (rest.length === 3 && !principle && a !== undefined && b !== undefined && c !== undefined && a.column === 0) {
    return { ...reading, unrecognisedPrinciple: a.text, function: b.text, competence: c.text };
  }
  return { ...reading, function: null, competence: null, overflow: true };
}
