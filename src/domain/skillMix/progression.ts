import type { Competence, PrincipleDefinition, RoleSection } from "../competence";
import type { LearningAndDevelopment, Role } from "../role";
import { type SkillCatalog, filedCompetences, roleRequirements } from "./catalogView";

export interface ProgressionStep {
  readonly competence: Competence;
  readonly function: string;
  /** The sections of role B that list it. */
  readonly sections: readonly RoleSection[];
}

export interface ProgressionGroup {
  readonly principle: PrincipleDefinition;
  readonly toGain: readonly ProgressionStep[];
}

/** Moving from role A to role B (e.g. Peer Support Worker → Senior Engagement Worker). */
export interface ProgressionGap {
  readonly from: Role;
  readonly to: Role;
  /** What B requires that A does not, grouped by principle in the profiles' order. */
  readonly groups: readonly ProgressionGroup[];
  readonly toGain: number;
  /** What B requires that A already requires. */
  readonly carried: number;
  readonly toRequired: number;
  /** B's indicative learning and development. */
  readonly learning: LearningAndDevelopment;
}

export function progressionGap(catalog: SkillCatalog, from: Role, to: Role): ProgressionGap {
  const have = roleRequirements(from);
  const need = roleRequirements(to);
  const groups: { principle: PrincipleDefinition; toGain: ProgressionStep[] }[] = [];
  for (const filed of filedCompetences(catalog, [to])) {
    if (have.has(filed.key)) continue;
    let group = groups.at(-1);
    if (group?.principle.id !== filed.principle.id) groups.push((group = { principle: filed.principle, toGain: [] }));
    group.toGain.push({ competence: filed.competence, function: filed.function, sections: need.get(filed.key)!.sections });
  }
  const toGain = groups.reduce((n, g) => n + g.toGain.length, 0);
  return { from, to, groups, toGain, carried: need.size - toGain, toRequired: need.size, learning: to.learning };
}
