// The workbook catalog: roles and competences a workbook adds to the built-in catalog (see types.ts).
export * from "./types";
export {
  SECTION_CHOICES,
  SERVICE_CHOICES,
  SHEET_SOURCE,
  cellLines,
  cellText,
  principleCell,
  readCareerLevel,
  readPrinciple,
  readSection,
  readService,
  readSource,
  sectionCell,
  serviceCell,
  sourceCell,
} from "./cellText";
export { ROLE_ID_PATTERN } from "./roleRows";
export { type WorkbookCatalogRead, workbookCatalogFromRows } from "./fromRows";
export { roleCells, workbookCatalogCells } from "./toRows";
export { type WorkbookRoles, sameValue, workbookCatalogOf, workbookRoles } from "./merge";
export { type MergeOptions, type RowsMerge, mergeIntoRows } from "./mergeRows";
export {
  CATALOG_JSON_VERSION,
  type CatalogJson,
  type CatalogJsonRead,
  type JsonIssue,
  catalogJson,
  catalogJsonText,
  readCatalogJson,
} from "./json";
