import type { PrincipleDefinition } from "../competence";
import { normalizeText } from "../text";

/**
 * The underpinning principles the competence tables group by: the six NHS KSF core dimensions (1–6) and the
 * Health Functional Map areas (A–H). Variants are the other spellings the documents use; E and G appear in
 * none of the four seed documents but are valid.
 */
export const UNDERPINNING_PRINCIPLES: readonly PrincipleDefinition[] = [
  { id: "communication", code: "1", name: "Communication", variants: [] },
  { id: "personal-and-people-development", code: "2", name: "Personal and People Development", variants: [] },
  { id: "health-safety-and-security", code: "3", name: "Health, Safety and Security", variants: [] },
  { id: "service-improvement", code: "4", name: "Service Improvement", variants: [] },
  { id: "quality", code: "5", name: "Quality", variants: [] },
  { id: "equality-and-diversity", code: "6", name: "Equality and Diversity", variants: ["Equality & Diversity"] },
  { id: "assessment", code: "A", name: "Assessment", variants: ["Assessment (Screening)"] },
  { id: "health-intervention", code: "B", name: "Health Intervention", variants: ["Health interventions"] },
  { id: "health-promotion-and-protection", code: "C", name: "Health Promotion and Protection", variants: [] },
  {
    id: "information-management-and-ict",
    code: "D",
    name: "Information Management / Information and Communication Technology",
    variants: [],
  },
  { id: "facilities-and-estates-management", code: "E", name: "Facilities and Estates Management", variants: [] },
  { id: "education-learning-and-research", code: "F", name: "Education, Learning and Research", variants: [] },
  { id: "service-development", code: "G", name: "Service Development", variants: [] },
  { id: "management-and-administration", code: "H", name: "Management and Administration", variants: [] },
];

// normalizeText drops case, punctuation and spaces, so "Information Management/Information…" and
// "Information Management / Information…", "&" and "and" all share a key.
const CODE_BY_KEY: ReadonlyMap<string, string> = new Map(
  UNDERPINNING_PRINCIPLES.flatMap((p) => [p.name, ...p.variants].map((name) => [normalizeText(name), p.code] as const)),
);

// "1. Communication", "B. Health Intervention"; the number may be missing ("Communication"). A letter needs
// its punctuation, or a title starting with the article "A " would read as principle A.
const NUMBERED = /^(?:([1-6])[.):]?|([A-H])[.):])\s+(.+)$/;

export interface PrincipleMatch {
  code: string;
  /** Set when the cell was read as a principle but something about it is doubtful. */
  doubt?: string;
}

/**
 * The principle a table cell names, or null when the cell is no principle (then it is a function or a
 * competence shifted left).
 */
export function matchPrinciple(cell: string): PrincipleMatch | null {
  const numbered = NUMBERED.exec(cell);
  const prefix = numbered ? (numbered[1] ?? numbered[2] ?? null) : null;
  const byName = CODE_BY_KEY.get(normalizeText(numbered?.[3] ?? cell)) ?? CODE_BY_KEY.get(normalizeText(cell));
  if (byName !== undefined) {
    if (prefix !== null && prefix !== byName) {
      return { code: byName, doubt: `numbered ${prefix} but names principle ${byName}; read by its name as ${byName}` };
    }
    return { code: byName };
  }
  if (prefix !== null) {
    return { code: prefix, doubt: `unrecognised underpinning principle name; code ${prefix} taken from its number` };
  }
  return null;
}
