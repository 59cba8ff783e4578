import careerFramework from "./data/career-framework.json";
import competences from "./data/competences.json";
import jeScheme from "./data/je-scheme.json";
import nationalProfiles from "./data/national-profiles.json";
import pay from "./data/pay.json";
import roles from "./data/roles.json";
import { type Catalog, loadCatalog } from "./load";

export { type Catalog, CatalogError, formatPath, loadCatalog } from "./load";
export { type CatalogData, catalogDataSchema } from "./schema";

/** The embedded data, as shipped: one file per part, checked together at load. */
export const embeddedCatalogData = { jeScheme, careerFramework, competences, roles, nationalProfiles, pay };

let cached: Catalog | undefined;

/** The embedded default catalog, validated once on first use. */
export function defaultCatalog(): Catalog {
  cached ??= loadCatalog(embeddedCatalogData);
  return cached;
}
export { type CatalogAdditions, catalogWith } from "./merge";
