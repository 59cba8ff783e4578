import type { z } from "zod";
import { type Catalog, CatalogError, catalogFromData, formatPath } from "./build";
import { catalogDataSchema } from "./schema";

export { type Catalog, CatalogError, catalogFromData, formatPath } from "./build";

function schemaIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Validates catalog data and builds its indices. Throws CatalogError naming every bad field. */
export function loadCatalog(raw: unknown): Catalog {
  const parsed = catalogDataSchema.safeParse(raw);
  if (!parsed.success) throw new CatalogError(schemaIssues(parsed.error));
  return catalogFromData(parsed.data);
}
