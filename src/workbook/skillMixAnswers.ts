/**
 * The skill-mix answers read back from the workbook: the Team skills register as the user left it (statuses
 * they entered), counted by the domain — team coverage, each person's coverage, the competences at risk (no
 * holder, a single point of failure, fewer holders than wanted) and each person's training needs — with the cell
 * of the register each answer comes from, so the task pane can take the user there. The same counts the sheet's
 * native formulas make; it also answers on the demo workbook, which does not calculate.
 */
import type { Catalog } from "../catalog";
import type { CellValue, TableData, WorkbookAdapter } from "../excel/adapter";
import {
  BLANK_CELL,
  type CompetenceCover,
  type PersonCoverage,
  type PersonTrainingNeeds,
  type RegisterCell,
  type SkillRegister,
  type TeamCoverage,
  catalogRoleOf,
  competenceCover,
  personCoverage,
  personKey,
  registerColumn,
  teamCoverage,
  topGaps,
  trainingNeeds,
} from "../domain";
import { DEFAULT_SETTINGS, REGISTER_FIXED_HEADERS, SKILL_MIX_TABLES, minHoldersOf } from "../sheets/skillMix";
import { columnLetter, parseRange } from "../sheets/plan";
import { readRegister } from "./skillMix";
import { rowsByHeaders } from "./tableRows";

/** A cell of the workbook an answer comes from. */
export interface CellLink {
  readonly sheet: string;
  readonly address: string;
}

export interface SkillMixAnswers {
  readonly register: SkillRegister;
  readonly minHolders: number;
  readonly team: TeamCoverage;
  readonly people: readonly (PersonCoverage & { readonly link: CellLink | null })[];
  /** Every competence at risk, worst first (topGaps' order). */
  readonly atRisk: readonly (CompetenceCover & { readonly link: CellLink | null })[];
  readonly trainingNeeds: readonly (PersonTrainingNeeds & { readonly link: CellLink | null })[];
  /** The register's own cell for a person and a competence (a training need's "now"). */
  readonly cellOf: (person: string, competenceKey: string) => CellLink | null;
}

/** Where a register's person rows and competence columns sit on its sheet, found by header and name. */
function registerPlaces(catalog: Catalog, table: TableData) {
  const rect = parseRange(table.address);
  const fixed = new Set(REGISTER_FIXED_HEADERS.map((h) => h.toLowerCase()));
  const columnByKey = new Map<string, number>();
  table.headers.forEach((h, i) => {
    if (h.trim() === "" || fixed.has(h.trim().toLowerCase())) return;
    const key = registerColumn(catalog, h).key;
    if (!columnByKey.has(key)) columnByKey.set(key, rect.left + i);
  });
  const column = (header: string): number | null => {
    const i = table.headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase());
    return i < 0 ? null : rect.left + i;
  };
  const nameAt = table.headers.findIndex((h) => h.trim().toLowerCase() === "name");
  const rowByPerson = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const name = nameAt < 0 ? null : row[nameAt];
    if (name !== null && name !== undefined && String(name).trim() !== "") rowByPerson.set(personKey(String(name)), rect.top + 1 + i);
  });
  const at = (row: number | undefined, col: number | null | undefined): CellLink | null =>
    row === undefined || col === null || col === undefined ? null : { sheet: table.sheetName, address: `${columnLetter(col)}${row}` };
  return {
    person: (name: string, header: string) => at(rowByPerson.get(personKey(name)), column(header)),
    competenceHeader: (key: string) => at(rect.top, columnByKey.get(key)),
    cell: (name: string, key: string) => at(rowByPerson.get(personKey(name)), columnByKey.get(key)),
  };
}

/** The holders wanted, as the register's settings table says (or the default, as the sheet does). */
async function minHoldersIn(workbook: WorkbookAdapter): Promise<number> {
  const values = rowsByHeaders(await workbook.readTable(SKILL_MIX_TABLES.settings), ["Value"]).map((r): CellValue => r[0] ?? null);
  return minHoldersOf(values.length === 2 ? { minHolders: values[0]!, suppression: values[1]! } : DEFAULT_SETTINGS);
}

/** The answers, or null when the workbook has no Team skills register. */
export async function readSkillMixAnswers(workbook: WorkbookAdapter, catalog: Catalog): Promise<SkillMixAnswers | null> {
  const [table, previous, minHolders] = await Promise.all([
    workbook.readTable(SKILL_MIX_TABLES.teamSkills),
    readRegister(workbook, catalog),
    minHoldersIn(workbook),
  ]);
  if (!table || !previous) return null;
  const places = registerPlaces(catalog, table);
  const rows = previous.rows.filter((r) => !r.removed);
  // The register's own columns, in its order: a column only the "Left the team" list has is not the team's.
  const competences = previous.competences.filter((c) => places.competenceHeader(c.key) !== null);
  const register: SkillRegister = {
    people: rows.map((r) => ({ ...r.person, catalogRole: catalogRoleOf(catalog.roles, r.person.role) })),
    competences,
    cells: rows.map((r) => competences.map((c): RegisterCell => r.statuses.get(c.key) ?? BLANK_CELL)),
  };
  const cover = competenceCover(register, minHolders);
  return {
    register,
    minHolders,
    team: teamCoverage(register, minHolders),
    people: personCoverage(register).map((p) => ({ ...p, link: places.person(p.name, "Coverage") ?? places.person(p.name, "Name") })),
    atRisk: topGaps(cover, cover.length).map((c) => ({ ...c, link: places.competenceHeader(c.key) })),
    trainingNeeds: trainingNeeds(register).map((n) => ({ ...n, link: places.person(n.person.name, "Name") })),
    cellOf: places.cell,
  };
}
