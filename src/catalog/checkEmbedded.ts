// Run by the build (webpack.config.js) before bundling: the embedded catalog must fit its schema exactly, since the
// browser builds it without parsing (embedded.ts). Throws CatalogError naming each bad field.
import { isDeepStrictEqual } from "node:util";
import { embeddedCatalogData } from "./embedded";
import { CatalogError, loadCatalog } from "./load";

/** Catalog data the schema accepts and takes exactly as it is (strips no unknown key, fills in no default). */
export function checkShippedCatalog(data: unknown): void {
  const catalog = loadCatalog(data);
  if (!isDeepStrictEqual(catalog.data, data)) {
    throw new CatalogError([{ path: "(root)", message: "the schema changes this data when parsing it (an unknown key it drops, or a default)" }]);
  }
}

export function checkEmbeddedCatalog(): void {
  checkShippedCatalog(embeddedCatalogData);
}
