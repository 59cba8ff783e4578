/** What parseRoleProfileText returns. Kept apart from the parser so the reading modules can share it. */

export type ProfileSection = "core" | "specific" | "locality";

export interface ParsedCompetenceLine {
  section: ProfileSection;
  /** "1".."6" or "A".."H". */
  principleCode: string;
  /** As written in the document on the row that opened the principle ("1. Communication"). */
  principleText: string;
  /** The reference function as written (carried down from the row above when blank). */
  function: string;
  /** The competence title as written. */
  title: string;
  /** 1-based line number in the input where the competence was read. */
  line: number;
}

/** line is 1-based; 0 means the document as a whole (something that should be there is missing). */
export interface ImportProblem {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedRoleProfile {
  /** The Named Role. */
  title: string;
  areaOfWork: string;
  careerFrameworkLevel: number | null;
  experienceRequired: string[];
  scope: string[];
  levelDescriptor: string;
  competences: ParsedCompetenceLine[];
  learning: { formal: string[]; informal: string[] };
  /** Whatever could not be placed, or is missing: never dropped or guessed silently. */
  problems: ImportProblem[];
}

export interface ParseRoleProfileOptions {
  /**
   * Competence titles known from elsewhere (a catalogue). The extraction sometimes puts two competences in
   * one cell; only with known titles can the parser tell where one ends and the next begins.
   */
  knownTitles?: readonly string[];
}
