import { type Band, parseBand } from "../band";
import type { Competence, PrincipleDefinition } from "../competence";
import { describeInput, invalid } from "../errors";
import { type Role, shortRoleTitle } from "../role";
import { normalizeText } from "../text";
import { roleRequirements } from "./catalogView";
import { BLANK_CELL, type RegisterCell, statusCell } from "./status";

/** A person on a team, as the staffing plan or a team list gives them. */
export interface TeamMember {
  /** A name or a pseudonymous id; unique in the team. */
  readonly name: string;
  /** A catalog role id or title, or a role of the team's own. */
  readonly role: string;
  readonly band: Band | null;
  readonly wte: number;
}

export interface RegisterPerson extends TeamMember {
  /** The catalog role `role` names, or null: then the register cannot know which competences the role needs. */
  readonly catalogRole: Role | null;
  /** When the person's statuses were last reviewed: yyyy-mm-dd, or the text the user typed. */
  readonly reviewDate: string | null;
}

export interface RegisterCompetence {
  /** See competenceKey: the catalog id, or "text:…" for a competence of the team's own. */
  readonly key: string;
  /** The catalog's title, or the text the team gave. */
  readonly title: string;
  readonly competence: Competence | null;
  readonly principle: PrincipleDefinition | null;
}

/** People × competences, a status in every cell. */
export interface SkillRegister {
  readonly people: readonly RegisterPerson[];
  readonly competences: readonly RegisterCompetence[];
  /** cells[person][competence], in the orders above. */
  readonly cells: readonly (readonly RegisterCell[])[];
}

/** How people are matched between a team list and a register: case and spacing do not make two people. */
export function personKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Refuses a team in which two people share a name (by personKey), naming both places. */
export function checkUniqueNames(names: readonly string[], where: (index: number) => string): void {
  const first = new Map<string, number>();
  names.forEach((name, i) => {
    const key = personKey(name);
    const seen = first.get(key);
    if (seen !== undefined) {
      throw invalid(`${where(i)}: '${name.trim()}' is already on ${where(seen)}; give each person their own name or id`);
    }
    first.set(key, i);
  });
}

/**
 * Reads a person from loosely typed fields (a CSV row, a table row), naming the place in any error. A blank band
 * is allowed (the register is about skills; the mix shows it as not given); a blank WTE is 1, as in the plan.
 */
export function readTeamMember(fields: { name?: unknown; role?: unknown; band?: unknown; wte?: unknown }, where: string): TeamMember {
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());
  const name = text(fields.name);
  if (name === "") throw invalid(`${where}: the person has no name; give a name or a pseudonymous id`);
  let band: Band | null = null;
  if (text(fields.band) !== "") {
    try {
      band = parseBand(typeof fields.band === "string" && /^\s*\d+\s*$/.test(fields.band) ? Number(fields.band) : fields.band);
    } catch (e) {
      throw invalid(`${where}: ${(e as Error).message}`);
    }
  }
  const wteText = text(fields.wte);
  const wte = wteText === "" ? 1 : Number(wteText);
  if (!Number.isFinite(wte) || wte < 0 || wte > 1.5) throw invalid(`${where}: ${describeInput(fields.wte)} is not a WTE from 0 to 1.5`);
  return { name, role: text(fields.role), band, wte };
}

/**
 * The catalog role a person's role text names (id, title, the title with its service's short name — "L&D
 * Operational/Service Manager", as the task pane writes it — or the document's named role), or null.
 */
export function catalogRoleOf(roles: readonly Role[], roleText: string): Role | null {
  const key = normalizeText(roleText);
  if (key === "") return null;
  const matches = (r: Role) => normalizeText(r.id) === key || normalizeText(r.title) === key || normalizeText(shortRoleTitle(r)) === key;
  const exact = roles.find(matches);
  if (exact) return exact;
  const named = roles.filter((r) => r.namedRole !== undefined && normalizeText(r.namedRole) === key);
  return named.length === 1 ? named[0]! : null;
}

/**
 * What a cell holds before anyone has recorded a status: "Not required" where the person's catalog role does
 * not list the competence, so the register's counts (everything not "Not required" is needed) start out as the
 * role's requirements; blank otherwise, including for a role or a competence the catalog does not know.
 */
export function defaultCell(role: Role | null, competence: RegisterCompetence): RegisterCell {
  if (!role || !competence.competence) return BLANK_CELL;
  return requiredIds(role).has(competence.key) ? BLANK_CELL : statusCell("Not required");
}

const requiredCache = new WeakMap<Role, ReadonlySet<string>>();
function requiredIds(role: Role): ReadonlySet<string> {
  let ids = requiredCache.get(role);
  if (!ids) requiredCache.set(role, (ids = new Set(roleRequirements(role).keys())));
  return ids;
}

/** Whether a person's catalog role requires a register competence. */
export const roleRequires = (role: Role, competence: RegisterCompetence): boolean => requiredIds(role).has(competence.key);

/** A catalog competence as a register column. */
export function catalogColumn(competence: Competence, principle: PrincipleDefinition | null): RegisterCompetence {
  return { key: competence.id, title: competence.title, competence, principle };
}

/** A column of the team's own: a competence the catalog does not know, kept under the team's text. */
export function ownColumn(key: string, title: string): RegisterCompetence {
  return { key, title: title.trim(), competence: null, principle: null };
}
