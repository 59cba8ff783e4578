import type { Competence, Role } from "../domain";
import { type Catalog, loadCatalog } from "./load";

export interface CatalogAdditions {
  roles?: readonly Role[];
  competences?: readonly Competence[];
}

/**
 * A catalog with roles and competences added on top of another: an added role replaces one with the same id (the
 * workbook's entries win over the embedded ones), an added competence joins the list. The result is validated
 * like any catalog, so a bad addition fails with the path of its bad field.
 */
export function catalogWith(base: Catalog, additions: CatalogAdditions): Catalog {
  const roles = additions.roles ?? [];
  const competences = additions.competences ?? [];
  const replaced = new Set(roles.map((r) => r.id));
  const knownCompetences = new Set(base.data.competences.competences.map((c) => c.id));
  return loadCatalog({
    ...base.data,
    competences: {
      ...base.data.competences,
      competences: [...base.data.competences.competences, ...competences.filter((c) => !knownCompetences.has(c.id))],
    },
    roles: { roles: [...base.data.roles.roles.filter((r) => !replaced.has(r.id)), ...roles] },
  });
}
