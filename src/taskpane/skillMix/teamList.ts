/**
 * A team typed or pasted into the task pane, one person per line: name, role, band, WTE. Commas separate the
 * values; a line pasted from Excel is split at its tabs instead. Every line is checked on its own, so each problem
 * names its line; a role the catalog does not know is a warning (the register keeps the person, flagged), anything
 * that would stop the build is an error. Pure: the words are tested without a DOM.
 */
import { type Role, type TeamMember, catalogRoleOf, normalizeText, personKey, readTeamMember } from "../../domain";

export interface LineProblem {
  /** 1-based line of the text as typed (blank lines count). */
  readonly line: number;
  readonly message: string;
}

export interface ParsedTeamList {
  /** The people of the lines that read, in order. */
  readonly people: readonly TeamMember[];
  /** Lines that stop the build. */
  readonly errors: readonly LineProblem[];
  /** Lines that build but deserve a look (a role the catalog does not know). */
  readonly warnings: readonly LineProblem[];
}

export const TEAM_LIST_EXAMPLE = "Ana, Peer Support Worker, 3, 1";

const splitLine = (line: string): string[] => (line.includes("\t") ? line.split("\t") : line.split(",")).map((v) => v.trim());

const isHeader = (fields: readonly string[]): boolean =>
  fields.length >= 2 && normalizeText(fields[0]!) === "name" && normalizeText(fields[1]!) === "role";

/** A catalog role whose title or named role contains what was typed, when only one does: "did you mean…". */
function likelyRole(roles: readonly Role[], text: string): Role | null {
  const key = normalizeText(text);
  if (key.length < 3) return null;
  const hits = roles.filter((r) => normalizeText(r.title).includes(key) || (r.namedRole !== undefined && normalizeText(r.namedRole).includes(key)));
  return hits.length === 1 ? hits[0]! : null;
}

export function parseTeamList(text: string, roles: readonly Role[]): ParsedTeamList {
  const people: TeamMember[] = [];
  const errors: LineProblem[] = [];
  const warnings: LineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  let seenContent = false;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const where = `Line ${line}`;
    if (raw.trim() === "") return;
    const fields = splitLine(raw);
    if (!seenContent) {
      seenContent = true;
      if (isHeader(fields)) return;
    }
    if (fields.length > 4) {
      errors.push({ line, message: `${where} has ${fields.length} values: give name, role, band, WTE (paste from Excel to keep commas in a role)` });
      return;
    }
    const [name = "", role = "", band = "", wte = ""] = fields;
    let member: TeamMember;
    try {
      member = readTeamMember({ name, role, band, wte }, where);
    } catch (e) {
      errors.push({ line, message: (e as Error).message });
      return;
    }
    if (member.role === "") {
      errors.push({ line, message: `${where}: ${member.name} has no role; give a role from the catalog, or your own` });
      return;
    }
    const key = personKey(member.name);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      errors.push({ line, message: `${where}: '${member.name}' is already on line ${first}; give each person their own name or id` });
      return;
    }
    firstLineOf.set(key, line);
    if (catalogRoleOf(roles, member.role) === null) {
      const likely = likelyRole(roles, member.role);
      warnings.push({
        line,
        message: likely
          ? `${where}: '${member.role}' is not a catalog role. Did you mean '${likely.title}'?`
          : `${where}: '${member.role}' is not a catalog role; the register keeps ${member.name}, and you mark what the role does not need Not required`,
      });
    }
    people.push(member);
  });
  if (!seenContent) errors.push({ line: 1, message: "Type or paste the team: one person a line" });
  return { people, errors, warnings };
}
