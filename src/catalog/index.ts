export { type Catalog, CatalogError, catalogFromData, formatPath } from "./build";
export { defaultCatalog, embeddedCatalogData } from "./embedded";
export { loadCatalog } from "./load";
export { type CatalogData, catalogDataSchema } from "./schema";
export { type CatalogAdditions, catalogWith } from "./merge";
