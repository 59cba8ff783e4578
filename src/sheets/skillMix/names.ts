import { tableNameFor } from "../names";

/** Keys by which the add-in finds its skill-mix sheets again. */
export const SKILL_MIX_KEYS = {
  roleMatrix: "skill-mix:role-matrix",
  teamSkills: "skill-mix:team-skills",
  removed: "skill-mix:removed",
  summary: "skill-mix:summary",
  trainingNeeds: "skill-mix:training-needs",
  progression: (fromId: string, toId: string): string => `skill-mix:progression:${fromId}:${toId}`,
} as const;

export const SKILL_MIX_TABLES = {
  roleMatrix: "Role_Matrix",
  roleCounts: "Role_Counts",
  roleOverlap: "Role_Overlap",
  roleShared: "Role_Shared",
  teamSkills: "Team_Skills",
  settings: "Skills_Settings",
  removed: "Team_Skills_Removed",
  cover: "Skill_Cover",
  byBand: "Mix_By_Band",
  byLevel: "Mix_By_Level",
  byRole: "Mix_By_Role",
  trainingNeeds: "Training_Needs",
  roleLearning: "Training_Learning",
  progression: (fromId: string, toId: string): string => tableNameFor("Progression", `${fromId}__${toId}`),
  progressionLearning: (fromId: string, toId: string): string => tableNameFor("Progression_Learning", `${fromId}__${toId}`),
} as const;

/** Workbook names of the register's settings, so formulas on any sheet read them. */
export const SKILL_MIX_NAMES = { minHolders: "Skills_K", suppression: "Skills_Suppress" } as const;

/** The register's own columns, before one column per competence. */
export const REGISTER_PERSON_HEADERS = ["Name", "Role", "Band", "Level", "WTE", "Review date"] as const;
export const REGISTER_COMPUTED_HEADERS = ["Needed", "Competent", "Coverage", "Check"] as const;
export const REGISTER_FIXED_HEADERS = [...REGISTER_PERSON_HEADERS, ...REGISTER_COMPUTED_HEADERS] as const;

/** Heatmap colours: light fills with dark text of the same hue, readable in print and by colour-blind readers by their words. */
export const STATUS_COLOURS = {
  Competent: { fill: "#C6EFCE", fontColor: "#006100" },
  Developing: { fill: "#FFEB9C", fontColor: "#7F6000" },
  "Not yet": { fill: "#FFC7CE", fontColor: "#9C0006" },
  "Not required": { fill: "#EDEDED", fontColor: "#7F7F7F" },
} as const;

export const RISK_COLOURS = {
  "No holder": { fill: "#C00000", fontColor: "#FFFFFF" },
  "One holder": { fill: "#F4B183", fontColor: "#843C0C" },
  "Too few holders": { fill: "#FFE699", fontColor: "#7F6000" },
} as const;
