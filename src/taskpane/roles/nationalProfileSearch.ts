/** Which national job profiles the Roles tab lists: searched by title, id or band as the document writes it. */
import type { Catalog } from "../../catalog";
import { type NationalProfile, normalizeText } from "../../domain";
import type { RoleFilter } from "./roleSearch";

export function findNationalProfiles(catalog: Catalog, filter: RoleFilter): NationalProfile[] {
  // A national profile has no service or Career Framework level: a filter on either is a search for roles.
  if (filter.service !== "all" || filter.level !== "all") return [];
  const key = normalizeText(filter.query);
  if (key === "") return [...catalog.nationalProfiles];
  return catalog.nationalProfiles.filter((p) => [p.title, p.id, `band ${p.documentBand}`].some((t) => normalizeText(t).includes(key)));
}
