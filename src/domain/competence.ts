import type { Provenance } from "./provenance";

/**
 * Underpinning principles, in the order the role profiles list them: the six NHS KSF core dimensions (1–6)
 * then the Health Functional Map areas (A–H).
 */
export interface PrincipleDefinition {
  id: string;
  /** "1"–"6" or "A"–"H", as the documents number them. */
  code: string;
  name: string;
  /** Other spellings seen in documents ("Health interventions", "Assessment (Screening)"). */
  variants: readonly string[];
}

/** A National Occupational Standard used as a competence. */
export interface Competence {
  /** Canonical id: a slug of the canonical title, stable across documents. */
  id: string;
  title: string;
  /** Titles the documents also use for this competence ("in"/"from vulnerable groups"). */
  aliases: readonly string[];
  /** NOS code where confirmed; null rather than guessed. */
  code: string | null;
  codeProvenance?: Provenance;
}

export const ROLE_SECTIONS = ["core", "specific", "locality"] as const;
/** core = common to every role at the level; specific = the role's own; locality = added by a service. */
export type RoleSection = (typeof ROLE_SECTIONS)[number];
