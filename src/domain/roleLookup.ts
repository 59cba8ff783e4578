import { describeInput, notFound } from "./errors";
import type { Role } from "./role";
import { normalizeText } from "./text";

/** Finds a role by id, catalog title or the document's named role, insensitive to case and punctuation. */
export function findRole<R extends Pick<Role, "id" | "title"> & { namedRole?: string }>(
  roles: readonly R[],
  query: unknown,
): R {
  if (typeof query === "string" && query.trim() !== "") {
    const key = normalizeText(query);
    const byId = roles.find((r) => normalizeText(r.id) === key);
    if (byId) return byId;
    const byTitle = roles.filter((r) => normalizeText(r.title) === key);
    if (byTitle.length === 1) return byTitle[0]!;
    const byNamedRole = roles.filter((r) => r.namedRole !== undefined && normalizeText(r.namedRole) === key);
    if (byNamedRole.length === 1) return byNamedRole[0]!;
    if (byTitle.length + byNamedRole.length > 1) {
      throw notFound(`${describeInput(query)} names more than one role: give the role id`);
    }
  }
  throw notFound(`${describeInput(query)} is not a role in the catalog: give a role id or title`);
}
