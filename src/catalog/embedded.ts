// The catalog that ships with the add-in. Its data is checked against the schema when the add-in is built
// (webpack.config.js runs checkEmbedded.ts) and by the tests, so the browser builds it without a schema library:
// the task pane and the custom functions share it, and neither downloads zod for data that cannot be wrong.
import careerFramework from "./data/career-framework.json";
import competences from "./data/competences.json";
import jeScheme from "./data/je-scheme.json";
import nationalProfiles from "./data/national-profiles.json";
import pay from "./data/pay.json";
import roles from "./data/roles.json";
import { type Catalog, catalogFromData } from "./build";
import type { CatalogData } from "./schema";

/** The embedded data, as shipped: one file per part, checked together at build time. */
export const embeddedCatalogData = { jeScheme, careerFramework, competences, roles, nationalProfiles, pay };

let cached: Catalog | undefined;

/** The embedded default catalog, built once on first use (references are still checked, the schema at build time). */
export function defaultCatalog(): Catalog {
  cached ??= catalogFromData(embeddedCatalogData as unknown as CatalogData);
  return cached;
}
