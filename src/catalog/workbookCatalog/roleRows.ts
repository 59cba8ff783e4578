/**
 * The roles table's rows → roles (without their competences, which the competences table holds). A row that
 * cannot be a role is left out and reported with its row; the other rows still load.
 */
import type { Role } from "../../domain/role";
import { slugify } from "../../domain/text";
import { cellLines, cellText, isBlankCell, readCareerLevel, readService, readSource, SERVICE_CHOICES } from "./cellText";
import type { BaseCatalog, CatalogProblem, NumberedRow, RoleField } from "./types";

/** The catalog's own rule for ids (src/catalog/schema.ts), so a role read here always loads there. */
export const ROLE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface RoleRowsRead {
  /** Roles in table order, each with the row it came from; competences still empty. */
  readonly accepted: readonly { readonly row: number; readonly role: Role }[];
  /** Ids of rows left out, with their row, so the competence rows under them can say why they are left out too. */
  readonly rejected: ReadonlyMap<string, number>;
  readonly problems: readonly CatalogProblem[];
}

const sentence = (reasons: readonly string[]): string => {
  const text = reasons.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1);
};

// The catalog compares titles this way when it checks they are unique (src/catalog/load.ts).
const titleKey = (title: string): string => title.trim().toLowerCase();

export function readRoleRows(rows: readonly NumberedRow<RoleField>[], base: BaseCatalog): RoleRowsRead {
  const problems: CatalogProblem[] = [];
  const report = (row: number, message: string): void => {
    problems.push({ table: "roles", row, message });
  };
  const rejected = new Map<string, number>();
  const firstRowOfId = new Map<string, number>();
  const candidates: { row: number; role: Role }[] = [];

  for (const { row, cells } of rows) {
    if (Object.values(cells).every(isBlankCell)) continue;
    const id = cellText(cells.id);
    if (id !== "" && firstRowOfId.has(id)) {
      report(row, `The Role id "${id}" is already used on row ${firstRowOfId.get(id)}: this row is left out`);
      continue;
    }
    if (id !== "") firstRowOfId.set(id, row);
    const read = roleFromCells(cells);
    if ("role" in read) {
      candidates.push({ row, role: read.role });
    } else {
      report(row, `${sentence(read.reasons)}: this row is left out`);
      if (id !== "") rejected.set(id, row);
    }
  }

  // Titles are unique across the whole catalog: among the workbook's roles, and against built-in roles it keeps.
  const replaced = new Set(candidates.map((c) => c.role.id));
  const builtInTitles = new Map(base.roles.filter((r) => !replaced.has(r.id)).map((r) => [titleKey(r.title), r.id]));
  const workbookTitles = new Map<string, number>();
  const accepted: { row: number; role: Role }[] = [];
  for (const candidate of candidates) {
    const key = titleKey(candidate.role.title);
    const builtIn = builtInTitles.get(key);
    const earlier = workbookTitles.get(key);
    if (builtIn !== undefined) {
      report(
        candidate.row,
        `The Title "${candidate.role.title}" is the built-in role "${builtIn}": give this role another title, or the Role id "${builtIn}" to replace the built-in one; this row is left out`,
      );
    } else if (earlier !== undefined) {
      report(candidate.row, `The Title "${candidate.role.title}" is already used on row ${earlier}: this row is left out`);
    } else {
      workbookTitles.set(key, candidate.row);
      accepted.push(candidate);
      continue;
    }
    rejected.set(candidate.role.id, candidate.row);
  }
  return { accepted, rejected, problems };
}

/**
 * One row → a role, or every reason it cannot be one (reported together, so the user fixes them all at once
 * rather than one per reload).
 */
function roleFromCells(cells: NumberedRow<RoleField>["cells"]): { role: Role } | { reasons: string[] } {
  const reasons: string[] = [];
  const id = cellText(cells.id);
  const title = cellText(cells.title);
  const suggestion = slugify(title) || "my-role";
  if (id === "") reasons.push(`no Role id (give it one, e.g. "${suggestion}")`);
  else if (!ROLE_ID_PATTERN.test(id)) reasons.push(`the Role id "${id}" is not lower-case words joined by hyphens (e.g. "${slugify(id) || suggestion}")`);
  if (title === "") reasons.push("no Title");
  const service = readService(cells.service);
  if (service === null) {
    const given = cellText(cells.service);
    reasons.push(`${given === "" ? "no Service" : `the Service "${given}" is not one we know`} (choose ${SERVICE_CHOICES.join(", ")})`);
  }
  const level = readCareerLevel(cells.level);
  if (level === null) {
    const given = cellText(cells.level);
    reasons.push(given === "" ? "no Career level (1 to 9)" : `the Career level ${given} is not a Career Framework level (1 to 9)`);
  }
  const areaOfWork = cellText(cells.areaOfWork);
  if (areaOfWork === "") reasons.push("no Area of work");
  if (reasons.length > 0 || service === null || level === null) return { reasons };
  const namedRole = cellText(cells.namedRole);
  return {
    role: {
      id,
      title,
      ...(namedRole === "" ? {} : { namedRole }),
      service,
      areaOfWork,
      careerFrameworkLevel: level,
      experienceRequired: cellLines(cells.experience),
      scope: cellLines(cells.scope),
      competences: [],
      learning: { formal: cellLines(cells.formalLearning), informal: cellLines(cells.informalLearning) },
      provenance: readSource(cells.source),
    },
  };
}
