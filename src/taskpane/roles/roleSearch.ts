/**
 * Which roles the Roles tab lists: filtered by service and Career Framework level, searched by role title or by
 * the title of a competence the role needs (the match is shown, so the user sees why a role is listed).
 */
import type { Catalog } from "../../catalog";
import { type CareerLevel, type Role, type Service, normalizeText, roleRequirements } from "../../domain";

export interface RoleFilter {
  readonly service: Service | "all";
  readonly level: CareerLevel | "all";
  /** Free text; blank lists every role that passes the other filters. */
  readonly query: string;
}

export const NO_FILTER: RoleFilter = { service: "all", level: "all", query: "" };

export interface RoleMatch {
  readonly role: Role;
  /** The search text is in the role's title (always true for a blank search). */
  readonly titleMatched: boolean;
  /** Titles of the role's competences that contain the search text, in the role's order. */
  readonly competenceMatches: readonly string[];
}

/**
 * Text search is insensitive to case, accents, punctuation and spacing ("healthcare" finds "health care").
 * A competence matches on its catalog title or on the title the role's document uses.
 */
export function findRoles(catalog: Catalog, filter: RoleFilter): RoleMatch[] {
  const key = normalizeText(filter.query);
  const matches: RoleMatch[] = [];
  for (const role of catalog.roles) {
    if (filter.service !== "all" && role.service !== filter.service) continue;
    if (filter.level !== "all" && role.careerFrameworkLevel !== filter.level) continue;
    if (key === "") {
      matches.push({ role, titleMatched: true, competenceMatches: [] });
      continue;
    }
    const titleMatched = [role.title, role.namedRole ?? ""].some((t) => normalizeText(t).includes(key));
    const competenceMatches: string[] = [];
    const seen = new Set<string>();
    for (const rc of role.competences) {
      const competence = catalog.competenceIndex.byId.get(rc.competenceId);
      const title = competence?.title ?? rc.titleInDocument;
      if (seen.has(title)) continue;
      if ([title, rc.titleInDocument].some((t) => normalizeText(t).includes(key))) {
        seen.add(title);
        competenceMatches.push(title);
      }
    }
    if (titleMatched || competenceMatches.length > 0) matches.push({ role, titleMatched, competenceMatches });
  }
  return matches;
}

export const SERVICE_CHOICES: readonly { readonly value: Service | "all"; readonly label: string }[] = [
  { value: "all", label: "All services" },
  { value: "liaison-diversion", label: "Liaison and Diversion (L&D)" },
  { value: "reconnect", label: "RECONNECT" },
  // No built-in role is "other"; a workbook's own role may be (a court or MHTR service, say).
  { value: "other", label: "Other service" },
];

export interface CompetenceCounts {
  readonly core: number;
  readonly specific: number;
  readonly locality: number;
  /** Distinct competences the role requires, as coverage and progression count them (roleRequirements). */
  readonly total: number;
  /** Competences the document lists in more than one section (counted once in `total`). */
  readonly inMoreThanOneSection: number;
}

export function competenceCounts(role: Role): CompetenceCounts {
  const counts = { core: 0, specific: 0, locality: 0 };
  for (const rc of role.competences) counts[rc.section] += 1;
  const required = roleRequirements(role);
  const repeated = [...required.values()].filter((r) => r.sections.length > 1).length;
  return { ...counts, total: required.size, inMoreThanOneSection: repeated };
}

/** "20 core · 40 role-specific (59 in all: 1 is listed in both sections)". */
export function competenceCountText(counts: CompetenceCounts): string {
  const parts = [`${counts.core} core`, `${counts.specific} role-specific`, ...(counts.locality > 0 ? [`${counts.locality} locality-specific`] : [])];
  const n = counts.inMoreThanOneSection;
  const both = n === 0 ? "" : `: ${n} ${n === 1 ? "is" : "are"} listed in two sections`;
  return `${parts.join(" · ")} (${counts.total} in all${both})`;
}

export interface PrincipleGroup {
  readonly principleId: string;
  readonly heading: string;
  readonly competences: readonly { readonly title: string; readonly code: string | null; readonly function: string }[];
}

export interface SectionGroup {
  readonly section: Role["competences"][number]["section"];
  readonly label: string;
  readonly principles: readonly PrincipleGroup[];
}

const SECTION_LABELS = { core: "Core competences", specific: "Role-specific competences", locality: "Locality-specific competences" } as const;

/** A role's competences by section (core, specific, locality) then by underpinning principle, in document order. */
export function groupCompetences(catalog: Catalog, role: Role): SectionGroup[] {
  const sections: SectionGroup[] = [];
  for (const section of ["core", "specific", "locality"] as const) {
    const byPrinciple = new Map<string, { principleId: string; heading: string; competences: PrincipleGroup["competences"][number][] }>();
    for (const rc of role.competences) {
      if (rc.section !== section) continue;
      let group = byPrinciple.get(rc.principleId);
      if (!group) {
        const p = catalog.principleById(rc.principleId);
        group = { principleId: rc.principleId, heading: `${p.code}. ${p.name}`, competences: [] };
        byPrinciple.set(rc.principleId, group);
      }
      const competence = catalog.competenceIndex.byId.get(rc.competenceId);
      group.competences.push({ title: competence?.title ?? rc.titleInDocument, code: competence?.code ?? null, function: rc.function });
    }
    if (byPrinciple.size > 0) sections.push({ section, label: SECTION_LABELS[section], principles: [...byPrinciple.values()] });
  }
  return sections;
}
