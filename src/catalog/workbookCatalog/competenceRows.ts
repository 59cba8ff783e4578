/**
 * The competences table's rows → each role's competences. A row names its role by id: a workbook role takes rows of
 * any section; a built-in role the workbook does not redefine takes locality-specific rows only (its national
 * profile stays as published). Titles are matched to the catalog's competences (title, alias or NOS code), so
 * workbook roles join the matrices; a title the catalog does not know becomes a new competence.
 */
import type { Competence, RoleSection } from "../../domain/competence";
import { findCompetence } from "../../domain/coverage";
import type { RoleCompetence } from "../../domain/role";
import { normalizeText, slugify } from "../../domain/text";
import { cellText, isBlankCell, readPrinciple, readSection, SECTION_CHOICES } from "./cellText";
import type { BaseCatalog, CatalogProblem, CompetenceField, NumberedRow } from "./types";

export interface CompetenceRowsContext {
  readonly base: BaseCatalog;
  /** Roles the workbook defines (accepted from the roles table). */
  readonly workbookRoleIds: ReadonlySet<string>;
  /** Role ids whose row in the roles table was left out, with that row. */
  readonly rejectedRoles: ReadonlyMap<string, number>;
}

export interface CompetenceRowsRead {
  /** Each role's competences in table order. */
  readonly byRole: ReadonlyMap<string, readonly RoleCompetence[]>;
  /** Competences the built-in catalog does not know, made from the rows' titles (and NOS codes). */
  readonly newCompetences: readonly Competence[];
  readonly problems: readonly CatalogProblem[];
}

/** Where a NOS code typed on the sheet for a new competence comes from. */
const SHEET_CODE_SOURCE = { source: "Entered on the workbook's Catalog sheet", year: "undated", status: "secondary" } as const;

export function readCompetenceRows(rows: readonly NumberedRow<CompetenceField>[], context: CompetenceRowsContext): CompetenceRowsRead {
  const { base } = context;
  const builtInIds = new Set(base.roles.map((r) => r.id));
  const problems: CatalogProblem[] = [];
  const byRole = new Map<string, RoleCompetence[]>();
  const firstRow = new Map<string, number>();
  const resolver = competenceResolver(base);

  for (const { row, cells } of rows) {
    if (Object.values(cells).every(isBlankCell)) continue;
    const reasons: string[] = [];
    const roleId = cellText(cells.roleId);
    const section = readSection(cells.section);
    const principle = readPrinciple(cells.principle, base.principles);
    const fn = cellText(cells.function);
    const title = cellText(cells.competence);

    if (roleId === "") reasons.push("no Role id (say which role the competence is for)");
    else if (context.rejectedRoles.has(roleId)) {
      reasons.push(`its role "${roleId}" (row ${context.rejectedRoles.get(roleId)} of the roles table) did not load`);
    } else if (!context.workbookRoleIds.has(roleId) && !builtInIds.has(roleId)) {
      reasons.push(`no role has the Role id "${roleId}" (use one from the roles table or a built-in role's id)`);
    }
    if (section === null) {
      const given = cellText(cells.section);
      reasons.push(`${given === "" ? "no Section" : `the Section "${given}" is not one we know`} (choose ${SECTION_CHOICES.join(", ")})`);
    } else if (section !== "locality" && builtInIds.has(roleId) && !context.workbookRoleIds.has(roleId)) {
      reasons.push(
        `only locality-specific competences can be added to the built-in role "${roleId}" (to change its core or role-specific competences, add the role to the roles table)`,
      );
    }
    if (principle === null) {
      const given = cellText(cells.principle);
      reasons.push(given === "" ? "no Principle" : `the Principle "${given}" is not one of the 14 underpinning principles`);
    }
    if (fn === "") reasons.push("no Reference function");
    if (title === "") reasons.push("no Competence");

    if (reasons.length > 0 || section === null || principle === null) {
      problems.push({ table: "competences", row, message: `${capitalise(reasons.join("; "))}: this row is left out` });
      continue;
    }
    const resolved = resolver.resolve(title, cellText(cells.nosCode));
    if ("problem" in resolved) {
      problems.push({ table: "competences", row, message: `${resolved.problem}: this row is left out` });
      continue;
    }
    const key = `${roleId}|${resolved.competence.id}|${section satisfies RoleSection}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      problems.push({ table: "competences", row, message: `"${title}" is already listed for "${roleId}" on row ${earlier}: this row is left out` });
      continue;
    }
    firstRow.set(key, row);
    if (resolved.note) problems.push({ table: "competences", row, message: resolved.note });
    const list = byRole.get(roleId) ?? [];
    list.push({ competenceId: resolved.competence.id, section, principleId: principle.id, function: fn, titleInDocument: title });
    byRole.set(roleId, list);
  }
  return { byRole, newCompetences: resolver.made, problems };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

type Resolved = { competence: Competence; note?: string } | { problem: string };

/**
 * Finds a row's competence: by title (or alias) in the catalog, then among competences made from earlier rows,
 * then by NOS code; else makes a new one. Every name of a new competence (id, title, code) is kept clear of the
 * names of others, as the catalog's competence index requires.
 */
function competenceResolver(base: BaseCatalog) {
  const made: Competence[] = [];
  const madeByKey = new Map<string, Competence>();
  const taken = (key: string): boolean => base.competenceIndex.byKey.has(key) || madeByKey.has(key);

  function resolve(title: string, code: string): Resolved {
    const known = findCompetence(base.competenceIndex, title);
    if (known) {
      if (code === "" || normalizeText(code) === normalizeText(known.code ?? "")) return { competence: known };
      return {
        competence: known,
        note: known.code
          ? `The NOS code "${code}" is not the catalog's code for "${known.title}" (${known.code}): the catalog's code is kept`
          : `The catalog has no confirmed NOS code for "${known.title}": the code "${code}" is not used`,
      };
    }
    const earlier = madeByKey.get(normalizeText(title));
    if (earlier) return { competence: earlier };
    if (code !== "") {
      const byCode = findCompetence(base.competenceIndex, code) ?? madeByKey.get(normalizeText(code));
      if (byCode) return { competence: byCode };
    }
    const stem = slugify(title) || "competence";
    let id = stem;
    for (let n = 2; taken(normalizeText(id)); n++) id = `${stem}-${n}`;
    const competence: Competence = {
      id,
      title,
      aliases: [],
      code: code === "" ? null : code,
      ...(code === "" ? {} : { codeProvenance: SHEET_CODE_SOURCE }),
    };
    for (const name of [id, title, ...(code === "" ? [] : [code])]) madeByKey.set(normalizeText(name), competence);
    made.push(competence);
    return { competence };
  }
  return { resolve, made };
}
