/**
 * The workbook catalog's flows: read the Catalog sheet into the catalog the add-in uses (built-in roles, with the
 * workbook's entries winning), add roles to the sheet without losing a row the user has, and move the workbook
 * catalog in and out as JSON. The sheet is read through the adapter's tables only, so it is found wherever the
 * user moved or renamed it.
 */
import { type Catalog, CatalogError, catalogWith } from "../catalog";
import type { Competence, Role } from "../domain";
import { normalizeText } from "../domain";
import {
  type CatalogJsonRead,
  type CatalogProblem,
  type CatalogRows,
  type CatalogTable,
  type CellValue,
  EMPTY_WORKBOOK_CATALOG,
  type NumberedRow,
  type RoleSource,
  type RowsMerge,
  type WorkbookCatalog,
  catalogJsonText,
  mergeIntoRows,
  readCatalogJson,
  workbookCatalogCells,
  workbookCatalogFromRows,
  workbookCatalogOf,
  workbookRoles,
} from "../catalog/workbookCatalog";
import type { TableData, WorkbookAdapter, WriteOptions, WriteResult } from "../excel/adapter";
import {
  CATALOG_COMPETENCES_TABLE,
  CATALOG_COMPETENCE_COLUMNS,
  CATALOG_ROLES_TABLE,
  CATALOG_ROLE_COLUMNS,
  type FieldColumn,
  catalogSheet,
} from "../sheets/catalogSheet";
import type { SheetPlan } from "../sheets/plan";
import { parseRange } from "../sheets/plan";

export interface WorkbookCatalogView {
  /** The catalog the add-in works with in this workbook: built-in, with the workbook's entries winning. */
  readonly catalog: Catalog;
  /** What the Catalog sheet holds (what loaded of it). */
  readonly entries: WorkbookCatalog;
  /** Where each role of `catalog` comes from. */
  readonly sources: ReadonlyMap<string, RoleSource>;
  /** Rows that could not be used, with their sheet row. */
  readonly problems: readonly CatalogProblem[];
  /** The sheet the roles table is on, or null when the workbook has no Catalog sheet. */
  readonly sheet: string | null;
}

/** The Excel table each problem's `table` means, for messages ("Catalog_Roles row 12"). */
export const CATALOG_TABLE_NAMES: Readonly<Record<CatalogTable, string>> = {
  roles: CATALOG_ROLES_TABLE,
  competences: CATALOG_COMPETENCES_TABLE,
};

// ---------------------------------------------------------------------------------------------
// Reading the tables
// ---------------------------------------------------------------------------------------------

interface TableRead<F extends string> {
  readonly rows: NumberedRow<F>[];
  readonly problems: CatalogProblem[];
}

/**
 * A table's body rows by field, found by header (so a user who moved columns loses nothing), each with its sheet
 * row. A table missing a required column is not read at all: every row would fail, and one message says why.
 */
function tableRows<F extends string>(table: TableData | null, columns: readonly FieldColumn<F>[], which: CatalogTable): TableRead<F> {
  if (!table) return { rows: [], problems: [] };
  const headerRow = parseRange(table.address).top;
  const index = columns.map((c) => table.headers.findIndex((h) => normalizeText(h) === normalizeText(c.header)));
  const missing = columns.filter((c, i) => c.required && index[i]! < 0).map((c) => `"${c.header}"`);
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [{ table: which, row: headerRow, message: `The table ${table.name} has no ${missing.join(", ")} column: name the column back to read the table` }],
    };
  }
  const rows = table.rows.map((values, r) => {
    const cells = {} as Record<F, CellValue>;
    columns.forEach((c, i) => {
      const at = index[i]!;
      cells[c.field] = at < 0 ? null : (values[at] ?? null);
    });
    return { row: headerRow + 1 + r, cells };
  });
  return { rows, problems: [] };
}

interface TablesRead {
  readonly rows: CatalogRows;
  readonly problems: readonly CatalogProblem[];
  readonly sheet: string | null;
}

async function readCatalogTables(adapter: WorkbookAdapter): Promise<TablesRead> {
  const [roles, competences] = await Promise.all([adapter.readTable(CATALOG_ROLES_TABLE), adapter.readTable(CATALOG_COMPETENCES_TABLE)]);
  const roleRows = tableRows(roles, CATALOG_ROLE_COLUMNS, "roles");
  const competenceRows = tableRows(competences, CATALOG_COMPETENCE_COLUMNS, "competences");
  return {
    rows: { roles: roleRows.rows, competences: competenceRows.rows },
    problems: [...roleRows.problems, ...competenceRows.problems],
    sheet: roles?.sheetName ?? competences?.sheetName ?? null,
  };
}

/** The merged catalog from what the workbook adds; never throws (the base catalog is the fallback). */
export function mergedCatalog(base: Catalog, entries: WorkbookCatalog): Pick<WorkbookCatalogView, "catalog" | "sources"> & { problem?: CatalogProblem } {
  const { roles, competences, sources } = workbookRoles(entries, base);
  if (roles.length === 0) return { catalog: base, sources };
  try {
    return { catalog: catalogWith(base, { roles, competences }), sources };
  } catch (e) {
    // The rows are checked against the catalog's rules as they are read, so this is a safety net, not a path.
    return {
      catalog: base,
      sources: new Map(base.roles.map((r) => [r.id, "built-in" as const])),
      problem: { table: "roles", row: 0, message: `The workbook's catalog could not be used, so the built-in one is: ${(e as Error).message}` },
    };
  }
}

export async function readWorkbookCatalog(adapter: WorkbookAdapter, base: Catalog): Promise<WorkbookCatalogView> {
  const tables = await readCatalogTables(adapter);
  const read = workbookCatalogFromRows(tables.rows, base);
  const merged = mergedCatalog(base, read.catalog);
  return {
    catalog: merged.catalog,
    entries: merged.problem ? EMPTY_WORKBOOK_CATALOG : read.catalog,
    sources: merged.sources,
    problems: [...tables.problems, ...read.problems, ...(merged.problem ? [merged.problem] : [])],
    sheet: tables.sheet,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing the sheet
// ---------------------------------------------------------------------------------------------

export interface CatalogAdditionOptions {
  /** Replace roles the roles table already has (same Role id); otherwise they are skipped. Default false. */
  readonly replace?: boolean;
}

export interface CatalogAdditionPlan {
  readonly plan: SheetPlan;
  readonly merge: RowsMerge;
}

/**
 * The Catalog sheet with `incoming` added: reads both tables first and carries every row the user has, then the
 * new ones. Nothing is written; the caller writes the plan (the task pane does, to show progress and conflicts).
 */
export async function planCatalogAddition(
  adapter: WorkbookAdapter,
  base: Catalog,
  incoming: WorkbookCatalog,
  options: CatalogAdditionOptions = {},
): Promise<CatalogAdditionPlan> {
  const tables = await readCatalogTables(adapter);
  const merge = mergeIntoRows(tables.rows, incoming, base, { replace: options.replace ?? false });
  const plan = catalogSheet({ principles: base.principles, builtInRoles: base.roles, rows: merge.cells });
  return { plan, merge };
}

export type CatalogWriteOutcome = RowsMerge & { readonly result: WriteResult };

/** Adds roles (and the new competences they use) to the workbook's Catalog sheet, creating it if need be. */
export async function addRolesToWorkbookCatalog(
  adapter: WorkbookAdapter,
  base: Catalog,
  roles: readonly Role[],
  competences: readonly Competence[],
  options: CatalogAdditionOptions & WriteOptions = {},
): Promise<CatalogWriteOutcome> {
  const used = new Set(roles.flatMap((r) => r.competences.map((c) => c.competenceId)));
  const incoming: WorkbookCatalog = { roles, locality: [], competences: competences.filter((c) => used.has(c.id)) };
  return writeAddition(adapter, base, incoming, options);
}

async function writeAddition(
  adapter: WorkbookAdapter,
  base: Catalog,
  incoming: WorkbookCatalog,
  options: CatalogAdditionOptions & WriteOptions,
): Promise<CatalogWriteOutcome> {
  const { replace, ...write } = options;
  const { plan, merge } = await planCatalogAddition(adapter, base, incoming, replace === undefined ? {} : { replace });
  const result = await adapter.writeSheetPlan(plan, write);
  return { ...merge, result };
}

/** The Catalog sheet as it is now, with no rows added: makes an empty, documented sheet when there is none. */
export function planCatalogSheet(adapter: WorkbookAdapter, base: Catalog): Promise<CatalogAdditionPlan> {
  return planCatalogAddition(adapter, base, EMPTY_WORKBOOK_CATALOG);
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/** The workbook catalog as a JSON file's text ({version: 1, roles, competences}). */
export async function exportWorkbookCatalogJson(adapter: WorkbookAdapter, base: Catalog): Promise<string> {
  const view = await readWorkbookCatalog(adapter, base);
  return catalogJsonText(view.entries, base);
}

/** A JSON file's roles as the workbook stores them (a built-in role with locality additions as those additions). */
export function workbookCatalogFromJson(read: Extract<CatalogJsonRead, { ok: true }>, base: Catalog): WorkbookCatalog {
  return workbookCatalogOf(read.json.roles, read.json.competences, base);
}

export type CatalogJsonImport =
  | { readonly kind: "invalid"; readonly issues: Extract<CatalogJsonRead, { ok: false }>["issues"] }
  | ({ readonly kind: "written" } & CatalogWriteOutcome);

/** Reads a JSON file into the workbook's Catalog sheet; an invalid file writes nothing and says why. */
export async function importWorkbookCatalogJson(
  adapter: WorkbookAdapter,
  base: Catalog,
  text: string,
  options: CatalogAdditionOptions & WriteOptions = {},
): Promise<CatalogJsonImport> {
  const read = readCatalogJson(text, base);
  if (!read.ok) return { kind: "invalid", issues: read.issues };
  return { kind: "written", ...(await writeAddition(adapter, base, workbookCatalogFromJson(read, base), options)) };
}

/**
 * For `wfp workbook --catalog mine.json`: the built-in catalog with a catalog file's roles and competences on top
 * (its roles replace built-in ones with the same id). Throws CatalogError naming each problem by its path in the
 * file ("roles[2].competences[5].principleId").
 */
export function loadCatalogJson(base: Catalog, text: string): Catalog {
  const read = readCatalogJson(text, base);
  if (!read.ok) throw new CatalogError(read.issues);
  return catalogWith(base, { roles: read.json.roles, competences: read.json.competences });
}

/**
 * For `wfp workbook --catalog mine.json`: the Catalog sheet holding the file's roles, so the workbook carries them
 * and the add-in opening it later shows the same roles. Throws CatalogError like loadCatalogJson.
 */
export function catalogSheetFromJson(base: Catalog, text: string): SheetPlan {
  const read = readCatalogJson(text, base);
  if (!read.ok) throw new CatalogError(read.issues);
  const entries = workbookCatalogFromJson(read, base);
  return catalogSheet({ principles: base.principles, builtInRoles: base.roles, rows: workbookCatalogCells(entries, base) });
}
