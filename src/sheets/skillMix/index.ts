import {
  DEFAULT_MIN_HOLDERS,
  type RegisterRebuild,
  type Role,
  type SkillCatalog,
  competenceCover,
  progressionGap,
  roleMatrix,
  trainingNeeds,
} from "../../domain";
import type { SheetPlan } from "../plan";
import { progressionSheet } from "./progressionSheet";
import { removedSheet } from "./removedSheet";
import { roleMatrixSheet } from "./roleMatrixSheet";
import { skillMixSummarySheet } from "./summarySheet";
import { DEFAULT_SETTINGS, type TeamSkillsSettings, teamSkillsSheet } from "./teamSkillsSheet";
import { trainingNeedsSheet } from "./trainingNeedsSheet";

export * from "./names";
export { progressionSheet } from "./progressionSheet";
export { removedSheet } from "./removedSheet";
export { roleMatrixSheet } from "./roleMatrixSheet";
export { skillMixSummarySheet } from "./summarySheet";
export { DEFAULT_SETTINGS, REGISTER_HEADER_ROW, type TeamSkillsSettings, teamSkillsSheet } from "./teamSkillsSheet";
export { trainingNeedsSheet } from "./trainingNeedsSheet";

/** The Role matrix for roles, straight from the catalog. */
export const roleMatrixPlan = (catalog: SkillCatalog, roles: readonly Role[]): SheetPlan => roleMatrixSheet(roleMatrix(catalog, roles));

/** Role A → role B. */
export const progressionPlan = (catalog: SkillCatalog, from: Role, to: Role): SheetPlan => progressionSheet(progressionGap(catalog, from, to));

/** The k the user set on the register, when it is one; the default otherwise (the sheet flags it the same way). */
export function minHoldersOf(settings: TeamSkillsSettings): number {
  const k = Number(settings.minHolders);
  return Number.isInteger(k) && k >= 1 ? k : DEFAULT_MIN_HOLDERS;
}

export interface TeamPlansOptions {
  readonly settings?: TeamSkillsSettings;
  /**
   * Write the "Left the team" sheet even when nobody is on it: when the workbook already has one, so it is
   * emptied rather than left showing people who are back on the team.
   */
  readonly alwaysWriteRemoved?: boolean;
}

/**
 * The team's sheets from a built register, in the order they are written: the register first (the others refer
 * to its table and settings), the removed list when anyone is on it, the summary, the training needs.
 */
export function teamPlans(catalog: SkillCatalog, rebuild: RegisterRebuild, options: TeamPlansOptions = {}): SheetPlan[] {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const cover = competenceCover(rebuild.register, minHoldersOf(settings));
  return [
    teamSkillsSheet(rebuild, settings),
    ...(rebuild.removed.people.length > 0 || options.alwaysWriteRemoved ? [removedSheet(rebuild.removed)] : []),
    skillMixSummarySheet({ register: rebuild.register, roles: catalog.roles, cover }),
    trainingNeedsSheet(trainingNeeds(rebuild.register)),
  ];
}
