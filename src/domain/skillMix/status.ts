import { describeInput, invalid } from "../errors";

/** What a team skills register records for one person and one competence. */
export const SKILL_STATUSES = ["Competent", "Developing", "Not yet", "Not required"] as const;
export type SkillStatus = (typeof SKILL_STATUSES)[number];

/**
 * One cell of a register. A blank is "not recorded yet", which is not the same as "Not yet" (assessed, not yet
 * competent); text that is no status is kept as the user typed it, so rebuilding a register never loses it.
 */
export type RegisterCell =
  | { readonly kind: "blank" }
  | { readonly kind: "status"; readonly status: SkillStatus }
  | { readonly kind: "unrecognised"; readonly text: string };

// Shared instances: a register of 2,000 people × 150 competences holds 300,000 cells.
export const BLANK_CELL: RegisterCell = Object.freeze({ kind: "blank" });
const STATUS_CELLS: Readonly<Record<SkillStatus, RegisterCell>> = Object.freeze({
  Competent: Object.freeze({ kind: "status", status: "Competent" }),
  Developing: Object.freeze({ kind: "status", status: "Developing" }),
  "Not yet": Object.freeze({ kind: "status", status: "Not yet" }),
  "Not required": Object.freeze({ kind: "status", status: "Not required" }),
});

export const statusCell = (status: SkillStatus): RegisterCell => STATUS_CELLS[status];

/**
 * Statuses are matched without regard to case, as Excel's COUNTIFS does, so the register's formulas and the
 * domain count the same cells. Spaces around the text are ignored too; the sheet then writes the status back
 * in its canonical spelling, so the formulas see what the domain saw.
 */
const BY_TEXT: ReadonlyMap<string, SkillStatus> = new Map(SKILL_STATUSES.map((s) => [s.toLowerCase(), s]));

function statusOfText(text: string): SkillStatus | undefined {
  return BY_TEXT.get(text.trim().replace(/\s+/g, " ").toLowerCase());
}

const isBlankInput = (value: unknown): boolean => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** Reads a cell as the workbook holds it; anything that is not a status is kept as unrecognised text. */
export function readRegisterCell(value: unknown): RegisterCell {
  if (isBlankInput(value)) return BLANK_CELL;
  const text = String(value);
  const status = statusOfText(text);
  return status ? STATUS_CELLS[status] : { kind: "unrecognised", text };
}

/** A status as given in a team list or a function argument: blank is null, anything else must be a status. */
export function parseSkillStatus(value: unknown): SkillStatus | null {
  const cell = readRegisterCell(value);
  if (cell.kind === "blank") return null;
  if (cell.kind === "status") return cell.status;
  throw invalid(`${describeInput(value)} is not a skill status: give ${SKILL_STATUSES.map((s) => `"${s}"`).join(", ")} or leave it blank`);
}

export const isCompetent = (cell: RegisterCell): boolean => cell.kind === "status" && cell.status === "Competent";

/** Whether the cell asks for the competence: everything except "Not required" (a blank still needs assessing). */
export const isNeeded = (cell: RegisterCell): boolean => !(cell.kind === "status" && cell.status === "Not required");

/** The text a cell is written back as. */
export function cellText(cell: RegisterCell): string | null {
  return cell.kind === "blank" ? null : cell.kind === "status" ? cell.status : cell.text;
}
