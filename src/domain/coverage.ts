import type { Competence, RoleSection } from "./competence";
import type { Role } from "./role";
import { normalizeText } from "./text";

/** Finds competences by id, title or alias, whatever the case, punctuation or spacing. */
export interface CompetenceIndex {
  readonly competences: readonly Competence[];
  readonly byId: ReadonlyMap<string, Competence>;
  readonly byKey: ReadonlyMap<string, Competence>;
}

export function createCompetenceIndex(competences: readonly Competence[]): CompetenceIndex {
  const byKey = new Map<string, Competence>();
  for (const c of competences) {
    for (const name of [c.id, c.title, ...c.aliases, ...(c.code ? [c.code] : [])]) {
      const key = normalizeText(name);
      const existing = byKey.get(key);
      if (existing && existing.id !== c.id) {
        throw new Error(`'${name}' names two competences: ${existing.id} and ${c.id}`);
      }
      byKey.set(key, c);
    }
  }
  return { competences, byId: new Map(competences.map((c) => [c.id, c])), byKey };
}

export function findCompetence(index: CompetenceIndex, text: string): Competence | undefined {
  return index.byKey.get(normalizeText(text));
}

/**
 * The key a competence is compared by: its canonical id when the catalog knows it, else its normalised
 * text, so that competences outside the catalog (a user's own list) still match each other.
 */
export function competenceKey(index: CompetenceIndex, text: string): string {
  const known = findCompetence(index, text);
  return known ? known.id : `text:${normalizeText(text)}`;
}

export interface CoverageGap {
  key: string;
  /** The canonical title when known, else the text as given. */
  title: string;
  competence?: Competence;
}

export interface CoverageResult {
  /** Distinct required competences (blanks and repeats ignored). */
  required: number;
  covered: number;
  /** covered ÷ required; null when nothing is required (no fraction to give). */
  fraction: number | null;
  gaps: CoverageGap[];
}

const isBlank = (text: string): boolean => normalizeText(text) === "";

/** How many of the required competences the held list covers, and which are missing (in required order). */
export function coverage(
  index: CompetenceIndex,
  required: readonly string[],
  held: readonly string[],
): CoverageResult {
  const heldKeys = new Set(held.filter((h) => !isBlank(h)).map((h) => competenceKey(index, h)));
  const seen = new Set<string>();
  const gaps: CoverageGap[] = [];
  let covered = 0;
  for (const r of required) {
    if (isBlank(r)) continue;
    const key = competenceKey(index, r);
    if (seen.has(key)) continue;
    seen.add(key);
    if (heldKeys.has(key)) {
      covered++;
    } else {
      const competence = index.byId.get(key);
      gaps.push(competence ? { key, title: competence.title, competence } : { key, title: r.trim() });
    }
  }
  return { required: seen.size, covered, fraction: seen.size === 0 ? null : covered / seen.size, gaps };
}

/**
 * A role's required competence ids, each once, in document order. A competence a document lists in both the
 * core and the specific section (e.g. "Identify and evaluate opportunities for innovation and improvement")
 * is required once.
 */
export function roleCompetenceIds(role: Role, sections?: readonly RoleSection[]): string[] {
  const ids = new Set<string>();
  for (const rc of role.competences) {
    if (!sections || sections.includes(rc.section)) ids.add(rc.competenceId);
  }
  return [...ids];
}

export function roleCoverage(index: CompetenceIndex, role: Role, held: readonly string[]): CoverageResult {
  return coverage(index, roleCompetenceIds(role), held);
}
