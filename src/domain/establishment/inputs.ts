import { type Band, parseBand } from "../band";
import { describeInput, invalid } from "../errors";
import type { PayPointName } from "../pay";
import { parseAssignmentWte, parseEsrBand, parseEsrDate, parseEsrPoint } from "./esrFields";

/** One funded position of the establishment (the ledger's post). */
export interface FundedPosition {
  position: string;
  costCentre: string;
  role: string;
  band: Band;
  fundedWte: number;
  /** £ a year; null = cost it at the band's top point. */
  budget: number | null;
  /** ISO date, or null. */
  vacantSince: string | null;
}

/** One assignment of staff in post, as ESR exports it (names are never read). */
export interface StaffAssignment {
  assignment: string;
  position: string;
  positionTitle: string;
  costCentre: string;
  band: Band;
  /** From Spinal Point; null when not given (costed at top, and said so). */
  point: PayPointName | null;
  wte: number;
  category: string;
  status: string;
  /** ISO date, or null. */
  fixedTermEnd: string | null;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

function atLine<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw invalid(`${where}: ${(e as Error).message}`);
  }
}

function number(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  const t = text(v).replace(/^£/, "").replace(/,/g, "");
  if (t === "") return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/** Reads one funded position from loosely typed fields (a CSV row, a table row), naming `where` in any error. */
export function parseFundedPosition(fields: Record<string, unknown>, where: string): FundedPosition {
  const position = text(fields.position);
  if (position === "") throw invalid(`${where}: the position has no id`);
  const costCentre = text(fields.costCentre);
  if (costCentre === "") throw invalid(`${where}: position '${position}' has no cost centre`);
  const band = atLine(where, () => (typeof fields.band === "number" ? parseBand(fields.band) : parseEsrBand(fields.band)));
  const fundedWte = number(fields.fundedWte);
  if (fundedWte === null || !(fundedWte >= 0 && fundedWte <= 1000)) {
    throw invalid(`${where}: ${describeInput(fields.fundedWte)} is not a funded WTE (a number from 0)`);
  }
  const budget = number(fields.budget);
  if (budget !== null && !(budget >= 0)) throw invalid(`${where}: ${describeInput(fields.budget)} is not a budget in £ a year`);
  const vacantSince = atLine(where, () => parseEsrDate(fields.vacantSince));
  return { position, costCentre, role: text(fields.role), band, fundedWte, budget, vacantSince };
}

/** Reads one ESR assignment from loosely typed fields, naming `where` in any error. */
export function parseStaffAssignment(fields: Record<string, unknown>, where: string): StaffAssignment {
  const assignment = text(fields.assignment);
  if (assignment === "") throw invalid(`${where}: the row has no assignment number`);
  const position = text(fields.position);
  if (position === "") throw invalid(`${where}: assignment ${assignment} has no position number`);
  return {
    assignment,
    position,
    positionTitle: text(fields.positionTitle),
    costCentre: text(fields.costCentre),
    band: atLine(where, () => parseEsrBand(fields.band)),
    point: atLine(where, () => parseEsrPoint(fields.point)),
    wte: atLine(where, () => parseAssignmentWte(fields.fte, fields.hours)),
    category: text(fields.category),
    status: text(fields.status),
    fixedTermEnd: atLine(where, () => parseEsrDate(fields.fixedTermEnd)),
  };
}

/**
 * Refuses an id given twice, naming both places. Ids are compared without case: the workbook's lookups
 * (MATCH, SUMIFS) ignore case, so two ids that differ only in case could not be told apart there.
 */
export function refuseDuplicates<T>(rows: readonly { value: T; where: string }[], id: (value: T) => string, what: string): T[] {
  const seen = new Map<string, string>();
  return rows.map(({ value, where }) => {
    const key = id(value).toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) throw invalid(`${where}: ${what} '${id(value)}' is given twice (first at ${first})`);
    seen.set(key, where);
    return value;
  });
}
