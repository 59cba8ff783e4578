import { ROLE_SECTIONS, type RoleSection } from "../competence";
import type { Role } from "../role";
import { type FiledCompetence, type SkillCatalog, filedCompetences, roleRequirements } from "./catalogView";

/** How one role needs one competence: the sections that list it, or none (not required). */
export type RoleNeed = readonly RoleSection[];

export interface RoleMatrixRow extends FiledCompetence {
  /** One entry per role of the matrix, in the matrix's role order; empty = not required. */
  readonly needs: readonly RoleNeed[];
  /** How many of the matrix's roles require it. */
  readonly rolesRequiring: number;
}

export interface RoleRequirementCounts {
  readonly role: Role;
  /** Competences listed in each section (a competence in both core and specific counts in both). */
  readonly core: number;
  readonly specific: number;
  readonly locality: number;
  /** Distinct competences required: what coverage and overlap divide by. */
  readonly required: number;
}

export interface RoleMatrix {
  readonly roles: readonly Role[];
  readonly rows: readonly RoleMatrixRow[];
  readonly counts: readonly RoleRequirementCounts[];
}

/** Roles × competences: every competence any of the roles requires, and how each role requires it. */
export function roleMatrix(catalog: SkillCatalog, roles: readonly Role[]): RoleMatrix {
  const requirements = roles.map(roleRequirements);
  const rows = filedCompetences(catalog, roles).map((filed): RoleMatrixRow => {
    const needs = requirements.map((r) => r.get(filed.key)?.sections ?? []);
    return { ...filed, needs, rolesRequiring: needs.filter((n) => n.length > 0).length };
  });
  const counts = roles.map((role, i): RoleRequirementCounts => {
    const sections = [...requirements[i]!.values()].map((r) => r.sections);
    const listing = (s: RoleSection) => sections.filter((x) => x.includes(s)).length;
    return { role, core: listing("core"), specific: listing("specific"), locality: listing("locality"), required: sections.length };
  });
  return { roles, rows, counts };
}

/** The mark a matrix cell shows: "Core", "Specific", "Core and specific"…, or null when not required. */
export function needMark(need: RoleNeed): string | null {
  if (need.length === 0) return null;
  const words = ROLE_SECTIONS.filter((s) => need.includes(s)) as string[];
  const text = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)!}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every mark that says a role lists the competence in `section`, so a sheet can count them with COUNTIF. */
export function marksIncluding(section: RoleSection): string[] {
  const subsets = [1, 2, 3, 4, 5, 6, 7].map((bits) => ROLE_SECTIONS.filter((_, i) => bits & (1 << i)));
  return subsets.filter((s) => s.includes(section)).map((s) => needMark(s)!);
}
