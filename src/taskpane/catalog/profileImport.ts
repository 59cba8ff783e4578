/**
 * What the Catalog tab does with a role profile before anything is written: read it (as `wfp import` does), and
 * decide what adding it would do to this workbook's catalog. Pure, so the decisions are tested without a DOM.
 */
import type { Catalog } from "../../catalog";
import { type Competence, DomainError, type Role } from "../../domain";
import { type ImportProblem, parseRoleProfileText } from "../../domain/import/roleProfileText";
import { importedRole } from "../../domain/import/toRole";
import { type ParsedNationalProfile, parseNationalProfilesText } from "../../domain/import/nationalProfileText";
import { ROLE_ID_PATTERN } from "../../catalog/workbookCatalog";
import type { WorkbookCatalogView } from "../../workbook/catalog";

export type ProfileReading =
  /** `role` is null when the document lacks what a role needs (its level); `problems` say what. */
  | { readonly kind: "read"; readonly role: Role | null; readonly newCompetences: readonly Competence[]; readonly problems: readonly ImportProblem[] }
  /** An NHS national job profile document, read as `wfp import` reads it: each profile scored from its levels. */
  | { readonly kind: "national"; readonly profiles: readonly ParsedNationalProfile[]; readonly problems: readonly ImportProblem[] }
  /** The text is no role profile at all. */
  | { readonly kind: "refused"; readonly message: string };

/** A national job profile document starts each profile with this row (as `wfp import` tells them apart). */
const NATIONAL_PROFILE_ROW = /^Profile Suite and Label\t/m;

/** Reads a role profile's text against the built-in catalog, so its competences join the canonical ones. */
export function readProfile(text: string, base: Catalog): ProfileReading {
  try {
    if (NATIONAL_PROFILE_ROW.test(text)) {
      const { profiles, problems } = parseNationalProfilesText(text, base.jeScheme);
      return { kind: "national", profiles, problems };
    }
    const parsed = parseRoleProfileText(text, { knownTitles: base.competences.flatMap((c) => [c.title, ...c.aliases]) });
    const imported = importedRole(parsed, {
      competenceIndex: base.competenceIndex,
      principles: base.principles,
      knownLearning: base.roles.flatMap((r) => [...r.learning.formal, ...r.learning.informal]),
    });
    return { kind: "read", role: imported.role, newCompetences: imported.newCompetences, problems: imported.problems };
  } catch (e) {
    if (e instanceof DomainError) return { kind: "refused", message: e.message };
    throw e;
  }
}

export type AdditionCheck =
  /** Nothing in the way: a new role. */
  | { readonly kind: "new" }
  /** The workbook has a role with this id: adding replaces it (its locality competences stay). */
  | { readonly kind: "replaces-workbook-role"; readonly title: string }
  /** A built-in role has this id: the workbook will use this role instead. */
  | { readonly kind: "replaces-built-in"; readonly title: string }
  /** The id or title can't be used; `field` says which to change. */
  | { readonly kind: "blocked"; readonly field: "id" | "title"; readonly reason: string };

/** What adding `role` (with the id and title the user settled on) would do, against the catalog as merged now. */
export function checkAddition(role: Pick<Role, "id" | "title">, view: WorkbookCatalogView): AdditionCheck {
  const id = role.id.trim();
  const title = role.title.trim();
  if (!ROLE_ID_PATTERN.test(id)) {
    return { kind: "blocked", field: "id", reason: "A Role id is lower-case words joined by hyphens, e.g. \"court-navigator\"." };
  }
  if (title === "") return { kind: "blocked", field: "title", reason: "Give the role a title." };
  const sameTitle = view.catalog.roles.find((r) => r.id !== id && r.title.trim().toLowerCase() === title.toLowerCase());
  if (sameTitle) {
    return {
      kind: "blocked",
      field: "title",
      reason: `“${sameTitle.title}” is already the title of ${view.sources.get(sameTitle.id) === "workbook" ? "the workbook's" : "the built-in"} role ${sameTitle.id}: change the title, or use that Role id to replace it.`,
    };
  }
  const workbookRole = view.entries.roles.find((r) => r.id === id);
  if (workbookRole) return { kind: "replaces-workbook-role", title: workbookRole.title };
  const builtIn = view.catalog.roles.find((r) => r.id === id);
  if (builtIn) return { kind: "replaces-built-in", title: builtIn.title };
  return { kind: "new" };
}

/** "Line 42" for a problem on a line; "Document" for one about the document as a whole (line 0). */
export const problemPlace = (problem: ImportProblem): string => (problem.line > 0 ? `Line ${problem.line}` : "Document");
