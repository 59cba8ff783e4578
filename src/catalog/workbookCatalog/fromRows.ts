/**
 * The workbook's two catalog tables → what the workbook adds to the built-in catalog. Bad rows are reported with
 * their row and left out; everything else loads, and what loads is always a valid catalog addition (checked
 * against the catalog's own schema, so merging it can't fail).
 */
import { rolesSchema } from "../schema";
import type { Role } from "../../domain/role";
import { readCompetenceRows } from "./competenceRows";
import { readRoleRows } from "./roleRows";
import type { BaseCatalog, CatalogProblem, CatalogRows, LocalityAddition, LocalityCompetence, WorkbookCatalog } from "./types";

export interface WorkbookCatalogRead {
  readonly catalog: WorkbookCatalog;
  /** In table order: the roles table's problems, then the competences table's. */
  readonly problems: readonly CatalogProblem[];
}

const roleSchema = rolesSchema.shape.roles.element;

export function workbookCatalogFromRows(rows: CatalogRows, base: BaseCatalog): WorkbookCatalogRead {
  const roleRows = readRoleRows(rows.roles, base);
  const problems: CatalogProblem[] = [...roleRows.problems];
  const workbookRoleIds = new Set(roleRows.accepted.map((a) => a.role.id));
  const competenceRows = readCompetenceRows(rows.competences, { base, workbookRoleIds, rejectedRoles: roleRows.rejected });
  problems.push(...competenceRows.problems);

  const roles: Role[] = [];
  for (const { row, role } of roleRows.accepted) {
    const full: Role = { ...role, competences: competenceRows.byRole.get(role.id) ?? [] };
    const checked = roleSchema.safeParse(full);
    if (checked.success) {
      roles.push(full);
    } else {
      // Not expected (each field was read with the catalog's rules): kept as a safety net so the merge never throws.
      const issue = checked.error.issues[0];
      problems.push({ table: "roles", row, message: `The role "${role.id}" does not fit the catalog (${issue?.path.join(".")}: ${issue?.message}): this row is left out` });
    }
  }
  const locality: LocalityAddition[] = [];
  for (const builtIn of base.roles) {
    if (workbookRoleIds.has(builtIn.id)) continue;
    const added = competenceRows.byRole.get(builtIn.id);
    // The competence reader only lets locality rows through for a built-in role; the filter says so to the types.
    const competences = (added ?? []).filter((c): c is LocalityCompetence => c.section === "locality");
    if (competences.length > 0) locality.push({ roleId: builtIn.id, competences });
  }
  // Only the new competences some loaded role uses (a row left out after its competence was made leaves none).
  const used = new Set([...roles.flatMap((r) => r.competences), ...locality.flatMap((l) => l.competences)].map((c) => c.competenceId));
  const competences = competenceRows.newCompetences.filter((c) => used.has(c.id));
  return { catalog: { roles, locality, competences }, problems };
}
