import type { PrincipleDefinition } from "../competence";
import type { LearningAndDevelopment } from "../role";
import type { RegisterPerson, SkillRegister } from "./register";
import { type RegisterCell, isCompetent, isNeeded } from "./status";

export interface CompetenceToGain {
  readonly key: string;
  readonly title: string;
  readonly principle: PrincipleDefinition | null;
  /** Where the person is now: blank (not recorded), Not yet, Developing, or text that is no status. */
  readonly now: RegisterCell;
}

export interface PersonTrainingNeeds {
  readonly person: RegisterPerson;
  /** Needed and not Competent, in register order. */
  readonly toGain: readonly CompetenceToGain[];
  /** The learning and development of the person's catalog role; null for a role the catalog does not know. */
  readonly learning: LearningAndDevelopment | null;
}

/** From the register's gaps: for each person who has any, what to gain and their role's learning. */
export function trainingNeeds(register: SkillRegister): PersonTrainingNeeds[] {
  return register.people.flatMap((person, p) => {
    const toGain = register.cells[p]!.flatMap((cell, c): CompetenceToGain[] => {
      if (!isNeeded(cell) || isCompetent(cell)) return [];
      const competence = register.competences[c]!;
      return [{ key: competence.key, title: competence.title, principle: competence.principle, now: cell }];
    });
    return toGain.length === 0 ? [] : [{ person, toGain, learning: person.catalogRole?.learning ?? null }];
  });
}
