/**
 * The "Catalog" sheet: the workbook's own roles and locality competences, visible and documented, in two tables
 * the user can read and edit. The add-in reads it whenever it opens the workbook (src/workbook/catalog.ts), so the
 * catalog travels with the file. Both tables carry the workbook's rows: the flow reads them first and passes every
 * row back, so a rewrite never loses what the user typed.
 *
 * Layout: the explanation at the top, then the roles table, then the competences table below it (the competences
 * table's columns lie within the roles table's, so Excel can insert rows into the roles table and push the
 * competences table down). The principle list the Principle drop-down reads, and the built-in role ids a locality
 * row may name, sit to the right of the roles table, where neither table grows.
 */
import type { PrincipleDefinition, Role } from "../domain";
import {
  type CatalogCells,
  type CompetenceField,
  type RoleField,
  SECTION_CHOICES,
  SERVICE_CHOICES,
  principleCell,
} from "../catalog/workbookCatalog";
import { STYLE, SheetLayout } from "./layout";
import { type PlanCell, type SheetPlan, type TableColumn, columnLetter } from "./plan";

export const CATALOG_KEY = "catalog";
export const CATALOG_SHEET = "Catalog";
export const CATALOG_ROLES_TABLE = "Catalog_Roles";
export const CATALOG_COMPETENCES_TABLE = "Catalog_Competences";

export type FieldColumn<F extends string> = TableColumn & { readonly field: F; readonly required: boolean };

/**
 * The roles table: one row per role; lists (experience, scope, learning) one item per line. Every column wraps, so
 * in a row made tall by a long scope every cell lines up the same way (the .xlsx writer also sets them to the top).
 */
export const CATALOG_ROLE_COLUMNS: readonly FieldColumn<RoleField>[] = [
  { field: "id", header: "Role id", required: true, wrap: true },
  { field: "title", header: "Title", required: true, wrap: true },
  { field: "namedRole", header: "Named role", required: false, wrap: true },
  { field: "service", header: "Service", required: true, wrap: true, validation: { kind: "list", values: SERVICE_CHOICES } },
  { field: "level", header: "Career level", required: true, wrap: true, validation: { kind: "list", values: ["1", "2", "3", "4", "5", "6", "7", "8", "9"] } },
  { field: "areaOfWork", header: "Area of work", required: true, wrap: true },
  { field: "experience", header: "Experience", required: false, wrap: true },
  { field: "scope", header: "Scope", required: false, wrap: true },
  { field: "formalLearning", header: "Formal learning", required: false, wrap: true },
  { field: "informalLearning", header: "Informal learning", required: false, wrap: true },
  { field: "source", header: "Source", required: false, wrap: true },
];

/** The column of the lists beside the roles table (one empty column after it). */
const LIST_COLUMN = CATALOG_ROLE_COLUMNS.length + 2;

/** The competences table: one row per competence of a role; a built-in role's id with a locality row adds to it. */
export function catalogCompetenceColumns(principleList: string): readonly FieldColumn<CompetenceField>[] {
  return [
    { field: "roleId", header: "Role id", required: true, wrap: true },
    { field: "section", header: "Section", required: true, wrap: true, validation: { kind: "list", values: SECTION_CHOICES } },
    { field: "principle", header: "Principle", required: true, wrap: true, validation: { kind: "listRange", source: principleList } },
    { field: "function", header: "Reference function", required: true, wrap: true },
    { field: "competence", header: "Competence", required: true, wrap: true },
    { field: "nosCode", header: "NOS code", required: false, wrap: true },
  ];
}

/** The competences table's headers, for readers (the drop-down's source does not matter to them). */
export const CATALOG_COMPETENCE_COLUMNS = catalogCompetenceColumns("=$A$1");

// Both tables share columns A–F, so one width per column serves both: the wider need wins.
const COLUMN_WIDTHS = [34, 40, 44, 36, 60, 30, 50, 70, 40, 40, 44] as const;

export const CATALOG_EXPLANATION: readonly string[] = [
  "This sheet is this workbook's own role catalog. Workforce Planner reads it whenever it opens the workbook, so a colleague who opens the workbook sees the same roles.",
  "Its entries win over the built-in ones: a role here with a built-in role's Role id replaces that role in this workbook; any other Role id adds a new role.",
  "To add a locality-specific competence to any role, built-in or your own, add a row to Catalog_Competences: the role's Role id (built-in ids are listed on the right), Section \"Locality-specific\", the Principle, a Reference function and the Competence.",
  "Experience, Scope and the learning columns take one item per line (Alt+Enter starts a new line in a cell). Source says where the role comes from.",
  "The task pane's Catalog tab lists any row it cannot read, with its row number; the other rows still load. It also exports this catalog as JSON for another workbook or for wfp workbook --catalog.",
];

export interface CatalogSheetInput {
  readonly principles: readonly PrincipleDefinition[];
  /** Built-in roles, listed for reference: their ids are what a locality row names. */
  readonly builtInRoles: readonly Pick<Role, "id" | "title">[];
  /** The tables' rows: every row read from the workbook, then any added. */
  readonly rows: CatalogCells;
}

function cellsInColumnOrder<F extends string>(columns: readonly FieldColumn<F>[], row: Readonly<Record<F, PlanCell>>): PlanCell[] {
  return columns.map((c) => row[c.field] ?? null);
}

const tableColumns = <F extends string>(columns: readonly FieldColumn<F>[]): TableColumn[] =>
  columns.map(({ field: _field, required: _required, ...column }) => column);

export function catalogSheet(input: CatalogSheetInput): SheetPlan {
  const layout = new SheetLayout();
  layout.line("Catalog", STYLE.title);
  layout.line("Roles and locality-specific competences this workbook adds to Workforce Planner's built-in catalog.", STYLE.subtitle);
  layout.gap();
  layout.cells(CATALOG_EXPLANATION.map((line) => [line]), { verticalAlignment: "top" });
  layout.gap();
  layout.line("Roles", STYLE.heading);
  const rolesHeader = layout.table(
    CATALOG_ROLES_TABLE,
    tableColumns(CATALOG_ROLE_COLUMNS),
    input.rows.roles.map((r) => cellsInColumnOrder(CATALOG_ROLE_COLUMNS, r)),
    { carriesWorkbookRows: true },
  );

  // The lists beside the roles table: principles (the drop-down's source) then the built-in roles.
  const listLetter = columnLetter(LIST_COLUMN);
  const principleLabels = input.principles.map(principleCell);
  const principleTop = rolesHeader + 1;
  const principleList = `=$${listLetter}$${principleTop}:$${listLetter}$${principleTop + principleLabels.length - 1}`;
  layout.blocks.push({ kind: "range", at: `${listLetter}${rolesHeader}`, rows: [["Principles (the Principle drop-down)"]], style: STYLE.label });
  layout.blocks.push({ kind: "range", at: `${listLetter}${principleTop}`, rows: principleLabels.map((p) => [p]) });
  const rolesListRow = principleTop + principleLabels.length + 1;
  layout.blocks.push({ kind: "range", at: `${listLetter}${rolesListRow}`, rows: [["Built-in role id", "Built-in role"]], style: STYLE.label });
  if (input.builtInRoles.length > 0) {
    layout.blocks.push({ kind: "range", at: `${listLetter}${rolesListRow + 1}`, rows: input.builtInRoles.map((r) => [r.id, r.title]) });
  }

  layout.gap();
  layout.line("Competences", STYLE.heading);
  const competenceColumns = catalogCompetenceColumns(principleList);
  layout.table(
    CATALOG_COMPETENCES_TABLE,
    tableColumns(competenceColumns),
    input.rows.competences.map((r) => cellsInColumnOrder(competenceColumns, r)),
    { carriesWorkbookRows: true },
  );

  return {
    key: CATALOG_KEY,
    name: CATALOG_SHEET,
    blocks: layout.blocks,
    columnWidths: [...COLUMN_WIDTHS, null, 44, 40],
    tabColor: "#7C2855",
    print: { landscape: true, fitToWidth: true },
  };
}
