import { type CareerLevel, isCareerLevel } from "../careerFramework";
import type { Competence, PrincipleDefinition } from "../competence";
import { type CompetenceIndex, findCompetence } from "../coverage";
import type { Provenance } from "../provenance";
import type { Role, RoleCompetence, Service } from "../role";
import { normalizeText, slugify } from "../text";
import type { ImportProblem, ParsedRoleProfile } from "./roleProfileTypes";

export interface ImportContext {
  competenceIndex: CompetenceIndex;
  principles: readonly PrincipleDefinition[];
  /**
   * Learning items known from elsewhere: a document that runs its list together ("De-escalation training
   * Information governance …") is split where it is exactly a sequence of known items, and kept whole otherwise.
   */
  knownLearning?: readonly string[];
}

export interface ImportOptions {
  id?: string;
  title?: string;
  service?: Service;
  provenance?: Provenance;
}

export interface ImportedRole {
  /** Null when the document lacks what a role needs (its level); `problems` says what. */
  role: Role | null;
  /** Competences the catalog does not know yet, made from the document's titles. */
  newCompetences: Competence[];
  problems: ImportProblem[];
}

const SERVICE_PATTERNS: readonly [RegExp, Service, string][] = [
  [/liaison\s+and\s+diversion/i, "liaison-diversion", "Liaison and Diversion"],
  [/reconnect/i, "reconnect", "RECONNECT"],
];

function serviceOf(areaOfWork: string): { service: Service; short: string } | null {
  const hit = SERVICE_PATTERNS.find(([pattern]) => pattern.test(areaOfWork));
  return hit ? { service: hit[1], short: hit[2] } : null;
}

/** Splits run-together text into known items when it is exactly a sequence of them (by words); else keeps it. */
export function splitKnownItems(items: readonly string[], known: readonly string[]): string[] {
  if (known.length === 0) return [...items];
  const knownKeys = new Map(known.map((k) => [normalizeText(k), k]));
  return items.flatMap((item) => {
    if (knownKeys.has(normalizeText(item))) return [item];
    const words = item.split(/\s+/).filter((w) => w !== "");
    // best[i]: a segmentation of words[0..i) into known items, or undefined.
    const best: (string[] | undefined)[] = [[]];
    for (let end = 1; end <= words.length; end++) {
      for (let start = end - 1; start >= 0 && best[end] === undefined; start--) {
        const before = best[start];
        const piece = words.slice(start, end).join(" ");
        if (before && knownKeys.has(normalizeText(piece))) best[end] = [...before, piece];
      }
    }
    const whole = best[words.length];
    return whole && whole.length > 1 ? whole : [item];
  });
}

/**
 * Turns a parsed role profile into a catalog role: competences matched to the canonical ones by title or alias
 * (so imported roles join the matrices), unknown titles made into new competences, principles by their code.
 */
export function importedRole(parsed: ParsedRoleProfile, context: ImportContext, options: ImportOptions = {}): ImportedRole {
  const problems = [...parsed.problems];
  const found = serviceOf(parsed.areaOfWork);
  const service = options.service ?? found?.service ?? "other";
  if (!options.service && !found) {
    problems.push({ line: 0, text: parsed.areaOfWork, reason: "the area of work names neither Liaison and Diversion nor RECONNECT: filed as another service" });
  }
  const short = found?.short ?? "";
  const title =
    options.title ??
    (short && !normalizeText(parsed.title).includes(normalizeText(short)) ? `${short} ${parsed.title}` : parsed.title);

  const principleByCode = new Map(context.principles.map((p) => [p.code, p]));
  const newCompetences: Competence[] = [];
  const taken = new Set(context.competenceIndex.competences.map((c) => c.id));
  const competenceFor = (titleInDocument: string): Competence => {
    const known = findCompetence(context.competenceIndex, titleInDocument) ?? newCompetences.find((c) => normalizeText(c.title) === normalizeText(titleInDocument));
    if (known) return known;
    let id = slugify(titleInDocument) || "competence";
    for (let n = 2; taken.has(id); n++) id = `${slugify(titleInDocument)}-${n}`;
    taken.add(id);
    const made: Competence = { id, title: titleInDocument.trim(), aliases: [], code: null };
    newCompetences.push(made);
    return made;
  };
  const competences: RoleCompetence[] = [];
  for (const line of parsed.competences) {
    const principle = principleByCode.get(line.principleCode);
    if (!principle) {
      problems.push({ line: line.line, text: line.principleText, reason: `no underpinning principle has the code ${line.principleCode}` });
      continue;
    }
    competences.push({
      competenceId: competenceFor(line.title).id,
      section: line.section,
      principleId: principle.id,
      function: line.function,
      titleInDocument: line.title,
    });
  }
  const level = parsed.careerFrameworkLevel;
  if (!isCareerLevel(level)) {
    if (level !== null) problems.push({ line: 0, text: String(level), reason: "the Career Framework level is not 1–9" });
    return { role: null, newCompetences, problems };
  }
  const known = context.knownLearning ?? [];
  const role: Role = {
    id: options.id ?? slugify(title),
    title,
    namedRole: parsed.title,
    service,
    areaOfWork: parsed.areaOfWork,
    careerFrameworkLevel: level as CareerLevel,
    experienceRequired: parsed.experienceRequired,
    scope: parsed.scope,
    competences,
    learning: { formal: splitKnownItems(parsed.learning.formal, known), informal: splitKnownItems(parsed.learning.informal, known) },
    provenance: options.provenance ?? { source: `Imported from the role profile of ${title}`, year: "undated", status: "secondary", note: "Read from the document by the importer; check what it reports." },
  };
  return { role, newCompetences, problems };
}

/**
 * What a role profile needs and an imported role lacks: a Skills for Health role profile always has core
 * competences and role-specific competences (a scrambled or cut document loses them), and a career level (without
 * one, importedRole gives no role at all). Empty when the role is complete.
 */
export function missingFromRole(role: Role): string[] {
  const missing: string[] = [];
  if (!role.competences.some((c) => c.section === "core")) missing.push("core competences section");
  if (!role.competences.some((c) => c.section === "specific")) missing.push("role-specific competences section");
  return missing;
}
