import type { CareerLevel } from "./careerFramework";
import type { RoleSection } from "./competence";
import type { Provenance } from "./provenance";

export const SERVICES = ["liaison-diversion", "reconnect", "other"] as const;
/**
 * liaison-diversion = Liaison and Diversion; reconnect = RECONNECT / Enhanced RECONNECT; other = a service of the
 * wider non-custodial framework (courts, Mental Health Treatment Requirements…) or the user's own.
 */
export type Service = (typeof SERVICES)[number];

export const SERVICE_LABELS: Readonly<Record<Service, string>> = {
  "liaison-diversion": "Liaison and Diversion",
  reconnect: "RECONNECT / Enhanced RECONNECT",
  other: "Other service",
};

/** The short names the task pane and the documents use ("L&D Operational/Service Manager"). */
export const SERVICE_SHORT_LABELS: Readonly<Record<Service, string>> = {
  "liaison-diversion": "L&D",
  reconnect: "RECONNECT",
  other: "Other",
};

/** A role's title with its service's short name ("Liaison and Diversion X" → "L&D X"); the title when it has none. */
export function shortRoleTitle(role: Pick<Role, "title" | "service">): string {
  const full = SERVICE_LABELS[role.service];
  return role.title.startsWith(full) ? `${SERVICE_SHORT_LABELS[role.service]}${role.title.slice(full.length)}` : role.title;
}

/** One line of a role profile's competence tables: which competence, where the document files it. */
export interface RoleCompetence {
  competenceId: string;
  section: RoleSection;
  principleId: string;
  /** The reference function as the document writes it. */
  function: string;
  /** The title as this document writes it (may be an alias of the canonical title). */
  titleInDocument: string;
}

export interface LearningAndDevelopment {
  formal: readonly string[];
  informal: readonly string[];
}

export interface Role {
  /** The role as the document names it ("Service Manager"); `title` is unique across the catalog. */
  namedRole?: string;
  id: string;
  title: string;
  service: Service;
  /** What the document calls the area of work. */
  areaOfWork: string;
  careerFrameworkLevel: CareerLevel;
  experienceRequired: readonly string[];
  scope: readonly string[];
  competences: readonly RoleCompetence[];
  learning: LearningAndDevelopment;
  provenance: Provenance;
}
