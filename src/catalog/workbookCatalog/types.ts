/**
 * The workbook catalog: roles and competences a workbook adds to the built-in catalog, kept in two tables a user
 * can read and edit (a roles table and a competences table), so a colleague who opens the workbook sees the same
 * roles. Pure types; the sheet decides the headers (src/sheets/catalogSheet.ts), the domain the meaning.
 */
import type { Competence, PrincipleDefinition } from "../../domain/competence";
import type { CompetenceIndex } from "../../domain/coverage";
import type { Role, RoleCompetence } from "../../domain/role";

/** A cell as a workbook gives it back: text, number, TRUE/FALSE, or null when empty. */
export type CellValue = string | number | boolean | null;

/** The roles table's columns, by meaning, in the order the sheet shows them. */
export const ROLE_FIELDS = [
  "id",
  "title",
  "namedRole",
  "service",
  "level",
  "areaOfWork",
  "experience",
  "scope",
  "formalLearning",
  "informalLearning",
  "source",
] as const;
export type RoleField = (typeof ROLE_FIELDS)[number];

/** The competences table's columns: one row per competence of a role. */
export const COMPETENCE_FIELDS = ["roleId", "section", "principle", "function", "competence", "nosCode"] as const;
export type CompetenceField = (typeof COMPETENCE_FIELDS)[number];

/** One table row's cells by field. */
export type RowCells<F extends string> = Readonly<Record<F, CellValue>>;
export type RoleCells = RowCells<RoleField>;
export type CompetenceCells = RowCells<CompetenceField>;

/** A row as read from the workbook, with the sheet row it is on, so a problem can point the user at it. */
export interface NumberedRow<F extends string> {
  readonly row: number;
  readonly cells: RowCells<F>;
}

export interface CatalogRows {
  readonly roles: readonly NumberedRow<RoleField>[];
  readonly competences: readonly NumberedRow<CompetenceField>[];
}

/** Rows to write, in table order (no row numbers: the sheet decides where they land). */
export interface CatalogCells {
  readonly roles: readonly RoleCells[];
  readonly competences: readonly CompetenceCells[];
}

export type CatalogTable = "roles" | "competences";

/**
 * Something in the workbook's tables that could not be used as it is. `row` is the sheet row (as Excel numbers it);
 * 0 means the table as a whole. The message says what is wrong and what was done (the row left out, or a value
 * not used), so nothing is dropped silently.
 */
export interface CatalogProblem {
  readonly table: CatalogTable;
  readonly row: number;
  readonly message: string;
}

/** A competence a service adds to a role: always in the locality-specific section. */
export type LocalityCompetence = RoleCompetence & { readonly section: "locality" };

export interface LocalityAddition {
  /** A built-in role the workbook does not redefine. */
  readonly roleId: string;
  readonly competences: readonly LocalityCompetence[];
}

/** What a workbook adds to the built-in catalog. */
export interface WorkbookCatalog {
  /** Roles defined in the workbook. One with a built-in role's id replaces that role. */
  readonly roles: readonly Role[];
  /** Locality-specific competences added to built-in roles the workbook does not redefine. */
  readonly locality: readonly LocalityAddition[];
  /** Competences the built-in catalog does not know, used by the roles above. */
  readonly competences: readonly Competence[];
}

export const EMPTY_WORKBOOK_CATALOG: WorkbookCatalog = { roles: [], locality: [], competences: [] };

/** What the workbook catalog is read against: the built-in catalog (a Catalog fits). */
export interface BaseCatalog {
  readonly principles: readonly PrincipleDefinition[];
  readonly competenceIndex: CompetenceIndex;
  readonly roles: readonly Role[];
}

/** Where a role in the merged catalog comes from, as the task pane shows it. */
export type RoleSource = "built-in" | "workbook" | "built-in + locality";
