/**
 * The workbook catalog against the built-in one: which roles the merged catalog takes from the workbook, where
 * each role comes from, and the reverse (full roles, as a JSON file carries them, back to what the workbook stores).
 */
import type { Competence } from "../../domain/competence";
import type { Role } from "../../domain/role";
import type { BaseCatalog, LocalityAddition, LocalityCompetence, RoleSource, WorkbookCatalog } from "./types";

export interface WorkbookRoles {
  /** Roles to add on top of the built-in catalog (each replaces a built-in role with its id). */
  readonly roles: readonly Role[];
  /** New competences those roles use. */
  readonly competences: readonly Competence[];
  /** Where each role of the merged catalog comes from, built-in roles included. */
  readonly sources: ReadonlyMap<string, RoleSource>;
}

export function workbookRoles(catalog: WorkbookCatalog, base: BaseCatalog): WorkbookRoles {
  const sources = new Map<string, RoleSource>(base.roles.map((r) => [r.id, "built-in"]));
  const roles: Role[] = [...catalog.roles];
  for (const role of catalog.roles) sources.set(role.id, "workbook");
  for (const addition of catalog.locality) {
    const builtIn = base.roles.find((r) => r.id === addition.roleId);
    if (!builtIn || sources.get(builtIn.id) === "workbook") continue;
    roles.push({ ...builtIn, competences: [...builtIn.competences, ...addition.competences] });
    sources.set(builtIn.id, "built-in + locality");
  }
  return { roles, competences: catalog.competences, sources };
}

/**
 * Full roles (as exported) → what the workbook stores: a built-in role that is unchanged but for locality-specific
 * competences added after its own is stored as those additions only, so the workbook keeps following the built-in
 * profile; an unchanged built-in role is not stored at all; any other role is stored whole.
 */
export function workbookCatalogOf(roles: readonly Role[], competences: readonly Competence[], base: BaseCatalog): WorkbookCatalog {
  const stored: Role[] = [];
  const locality: LocalityAddition[] = [];
  for (const role of roles) {
    const builtIn = base.roles.find((r) => r.id === role.id);
    const extra = builtIn ? localityAdded(builtIn, role) : null;
    if (extra === null) stored.push(role);
    else if (extra.length > 0) locality.push({ roleId: role.id, competences: extra });
  }
  const used = new Set([...stored.flatMap((r) => r.competences), ...locality.flatMap((l) => l.competences)].map((c) => c.competenceId));
  return { roles: stored, locality, competences: competences.filter((c) => used.has(c.id)) };
}

/** The locality competences `role` adds to `builtIn`, or null when it differs in anything else. */
function localityAdded(builtIn: Role, role: Role): LocalityCompetence[] | null {
  const { competences: own, ...ownRest } = builtIn;
  const { competences: theirs, ...theirRest } = role;
  if (!sameValue(ownRest, theirRest) || theirs.length < own.length) return null;
  if (!own.every((c, i) => sameValue(c, theirs[i]))) return null;
  const extra = theirs.slice(own.length);
  return extra.every((c): c is LocalityCompetence => c.section === "locality") ? extra : null;
}

/** Structural equality of JSON-like values, whatever the key order (a file's keys come in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
