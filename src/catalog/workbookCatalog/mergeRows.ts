/**
 * Adding roles to the catalog tables without losing anything the user has there. Every row the user has is kept
 * as it is (a bad row too: it is theirs to fix). A role whose id is already in the roles table is skipped unless
 * the caller asks to replace it; replacing swaps its row and its core and role-specific competence rows, and keeps
 * the locality-specific ones, which a service added and no national document carries.
 */
import { normalizeText } from "../../domain/text";
import { cellText, isBlankCell, readSection } from "./cellText";
import { competenceCellsWriter, roleCells } from "./toRows";
import type { BaseCatalog, CatalogCells, CatalogRows, CompetenceCells, RoleCells, WorkbookCatalog } from "./types";

export interface MergeOptions {
  /** Replace roles already in the roles table (by Role id); otherwise they are skipped and reported. */
  readonly replace: boolean;
}

export interface RowsMerge {
  readonly cells: CatalogCells;
  readonly added: readonly string[];
  readonly replaced: readonly string[];
  readonly skipped: readonly { readonly roleId: string; readonly reason: string }[];
  /** Locality competence rows added (to built-in roles, or carried by added roles). */
  readonly localityAdded: number;
}

const idKey = (value: RoleCells["id"]): string => cellText(value).toLowerCase();
const competenceKey = (cells: CompetenceCells): string => `${idKey(cells.roleId)}|${normalizeText(cellText(cells.competence))}`;
const notBlank = <T extends Readonly<Record<string, RoleCells["id"]>>>(cells: T): boolean => !Object.values(cells).every(isBlankCell);

export function mergeIntoRows(existing: CatalogRows, incoming: WorkbookCatalog, base: BaseCatalog, options: MergeOptions): RowsMerge {
  const existingRoles = existing.roles.filter((r) => notBlank(r.cells));
  const rowOfId = new Map<string, number>();
  for (const r of existingRoles) if (!rowOfId.has(idKey(r.cells.id)) && idKey(r.cells.id) !== "") rowOfId.set(idKey(r.cells.id), r.row);

  const added: string[] = [];
  const replaced: string[] = [];
  const skipped: { roleId: string; reason: string }[] = [];
  const incomingRoles = incoming.roles.filter((role) => {
    const row = rowOfId.get(role.id.toLowerCase());
    if (row === undefined) {
      added.push(role.id);
      return true;
    }
    if (options.replace) {
      replaced.push(role.id);
      return true;
    }
    skipped.push({ roleId: role.id, reason: `already in the roles table (row ${row}); replace it to take the new one` });
    return false;
  });
  const replacing = new Set(replaced.map((id) => id.toLowerCase()));

  const roles: RoleCells[] = [
    ...existingRoles.filter((r) => !replacing.has(idKey(r.cells.id))).map((r) => r.cells),
    ...incomingRoles.map(roleCells),
  ];
  // A replaced role's locality rows stay, moved after its new rows so they still come last in the role; its
  // national rows go (a row whose section can't be read stays where it is: it's the user's to fix).
  const existingCompetences = existing.competences.filter((r) => notBlank(r.cells)).map((r) => r.cells);
  const replacedRows = (cells: CompetenceCells): boolean => replacing.has(idKey(cells.roleId)) && readSection(cells.section) !== null;
  const keptCompetences = existingCompetences.filter((c) => !replacedRows(c));
  const movedLocality = existingCompetences.filter((c) => replacedRows(c) && readSection(c.section) === "locality");
  const present = new Set([...keptCompetences, ...movedLocality].filter((c) => readSection(c.section) === "locality").map(competenceKey));
  const write = competenceCellsWriter(base, incoming.competences);
  let localityAdded = 0;
  const newCompetences: CompetenceCells[] = [];
  const addRow = (cells: CompetenceCells, locality: boolean): void => {
    if (locality) {
      // The same locality competence twice would be listed twice; the one already there wins.
      if (present.has(competenceKey(cells))) return;
      present.add(competenceKey(cells));
      localityAdded += 1;
    }
    newCompetences.push(cells);
  };
  for (const role of incomingRoles) {
    for (const rc of role.competences) addRow(write(role.id, rc), rc.section === "locality");
    newCompetences.push(...movedLocality.filter((c) => idKey(c.roleId) === role.id.toLowerCase()));
  }
  for (const addition of incoming.locality) for (const rc of addition.competences) addRow(write(addition.roleId, rc), true);
  return { cells: { roles, competences: [...keptCompetences, ...newCompetences] }, added, replaced, skipped, localityAdded };
}
