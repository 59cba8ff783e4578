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
  // Loops rather than flatMap: a register of 10,000 × 150 is 1.5 million cells, and a throwaway array per cell
  // was most of this function's time (in the garbage collector).
  const needs: PersonTrainingNeeds[] = [];
  register.people.forEach((person, p) => {
    const toGain: CompetenceToGain[] = [];
    const cells = register.cells[p]!;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      if (!isNeeded(cell) || isCompetent(cell)) continue;
      const competence = register.competences[c]!;
      toGain.push({ key: competence.key, title: competence.title, principle: competence.principle, now: cell });
    }
    if (toGain.length > 0) needs.push({ person, toGain, learning: person.catalogRole?.learning ?? null });
  });
  return needs;
}
