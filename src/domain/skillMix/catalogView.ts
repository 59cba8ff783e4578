import type { Competence, PrincipleDefinition, RoleSection } from "../competence";
import type { CompetenceIndex } from "../coverage";
import type { Role } from "../role";

/**
 * What the skill-mix domain needs of a catalog. The catalog module satisfies it; the domain cannot import the
 * catalog (it depends on nothing), and tests can hand in a small one.
 */
export interface SkillCatalog {
  readonly principles: readonly PrincipleDefinition[];
  readonly competenceIndex: CompetenceIndex;
  readonly roles: readonly Role[];
}

/** Where a role's document files a competence: the sections it is listed in (one or two) and its function. */
export interface Requirement {
  /** Distinct sections in document order; a competence listed in both core and specific is required once. */
  readonly sections: readonly RoleSection[];
  readonly principleId: string;
  readonly function: string;
}

/** A role's requirements by competence id, in the order the document lists them. */
export function roleRequirements(role: Role): ReadonlyMap<string, Requirement> {
  const byId = new Map<string, { sections: RoleSection[]; principleId: string; function: string }>();
  for (const rc of role.competences) {
    const seen = byId.get(rc.competenceId);
    if (!seen) byId.set(rc.competenceId, { sections: [rc.section], principleId: rc.principleId, function: rc.function });
    else if (!seen.sections.includes(rc.section)) seen.sections.push(rc.section);
  }
  return byId;
}

/** A competence with where it sits in the grouping every skill-mix sheet uses. */
export interface FiledCompetence {
  /** The comparison key (see competenceKey): a catalog id here. */
  readonly key: string;
  readonly competence: Competence;
  readonly principle: PrincipleDefinition;
  /** The reference function, as the first of the roles (in the order given) that requires it files it. */
  readonly function: string;
}

/**
 * Every competence the roles require, grouped by underpinning principle (in the profiles' order, 1–6 then A–H),
 * then by reference function, then in document order. A function is placed where it first appears; documents
 * spell some functions differently ("organise"/"organize"), so the first role's filing is the one shown.
 */
export function filedCompetences(catalog: SkillCatalog, roles: readonly Role[]): FiledCompetence[] {
  const principleOrder = new Map(catalog.principles.map((p, i) => [p.id, i]));
  const functionOrder = new Map<string, number>();
  const found = new Map<string, { principleId: string; function: string; seq: number }>();
  let seq = 0;
  for (const role of roles) {
    for (const rc of role.competences) {
      const fnKey = `${rc.principleId}\u0000${rc.function}`;
      if (!functionOrder.has(fnKey)) functionOrder.set(fnKey, functionOrder.size);
      if (!found.has(rc.competenceId)) found.set(rc.competenceId, { principleId: rc.principleId, function: rc.function, seq: seq++ });
    }
  }
  const principleById = new Map(catalog.principles.map((p) => [p.id, p]));
  return [...found.entries()]
    .map(([id, f]) => ({ id, ...f, fnOrder: functionOrder.get(`${f.principleId}\u0000${f.function}`) ?? 0 }))
    .sort(
      (a, b) =>
        (principleOrder.get(a.principleId) ?? Infinity) - (principleOrder.get(b.principleId) ?? Infinity) ||
        a.fnOrder - b.fnOrder ||
        a.seq - b.seq,
    )
    .map((f) => {
      const competence = catalog.competenceIndex.byId.get(f.id);
      const principle = principleById.get(f.principleId);
      if (!competence || !principle) throw new Error(`the catalog has no competence '${f.id}' or principle '${f.principleId}'`);
      return { key: f.id, competence, principle, function: f.function };
    });
}
