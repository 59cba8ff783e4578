/**
 * The catalog the WFP functions compute over: the workbook's own (built-in roles with its Catalog sheet's roles and
 * competences) once the task pane has read it, the embedded one until then. In the shared runtime the task pane and
 * the functions are one page and share this module (webpack: the task pane's entry depends on the functions'), so
 * the pane's read of the Catalog sheet — at start and whenever the sheet changes — is what
 * `=WFP.ROLECOVERAGE("my-local-role", …)` sees. The functions stay synchronous: they only read what is here.
 */
import type { Catalog } from "../catalog";
import { defaultCatalog } from "../catalog/embedded";

let workbookCatalog: Catalog | null = null;

export function functionsCatalog(): Catalog {
  return workbookCatalog ?? defaultCatalog();
}

/** The workbook's catalog as just read; null goes back to the embedded one. */
export function setFunctionsCatalog(catalog: Catalog | null): void {
  workbookCatalog = catalog;
}
