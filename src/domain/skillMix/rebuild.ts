import { competenceKey } from "../coverage";
import { invalid } from "../errors";
import type { Role } from "../role";
import { normalizeText } from "../text";
import { type FiledCompetence, type SkillCatalog, filedCompetences, roleRequirements } from "./catalogView";
import {
  type RegisterCompetence,
  type RegisterPerson,
  type SkillRegister,
  type TeamMember,
  catalogColumn,
  catalogRoleOf,
  checkUniqueNames,
  defaultCell,
  ownColumn,
  personKey,
  roleRequires,
} from "./register";
import { BLANK_CELL, type RegisterCell, cellText } from "./status";

/** A register as read back from a workbook (or a team list): what the user recorded, by person and competence. */
export interface PreviousRegister {
  /** The register's competence columns, in their order. */
  readonly competences: readonly RegisterCompetence[];
  readonly rows: readonly PreviousRow[];
}

export interface PreviousRow {
  readonly person: TeamMember & { readonly reviewDate: string | null };
  /** By competence key; a competence missing here is blank. */
  readonly statuses: ReadonlyMap<string, RegisterCell>;
  /** The row was on the register's list of people no longer on the team. */
  readonly removed: boolean;
}

export interface ReviewNeeded {
  readonly name: string;
  /** Competences the person's new role needs that are marked "Not required" (perhaps by the old role). */
  readonly markedNotRequired: readonly string[];
  /** Competences the new role does not list that still carry a status, so they still count as needed. */
  readonly stillRecorded: readonly string[];
}

export interface RegisterRebuild {
  readonly register: SkillRegister;
  /** People no longer on the team, with every status they had, over the register's competences. */
  readonly removed: SkillRegister;
  /** Names new to the register. */
  readonly added: readonly string[];
  /** Names back on the team from the removed list, statuses and all. */
  readonly restored: readonly string[];
  /** Names that were on the register and are not on the team now: moved to the removed list. */
  readonly newlyRemoved: readonly string[];
  /** Competence titles new to the register (a role on the team needs them). */
  readonly addedCompetences: readonly string[];
  /** Catalog competences no role on the team needs and nobody has a status for: their columns are gone. */
  readonly droppedCompetences: readonly string[];
  /** Columns kept though no role on the team lists them: someone has a status there, or the team added them. */
  readonly unlistedCompetences: readonly string[];
  /** People whose role changed since the register was built, with what to look at again. */
  readonly reviewNeeded: readonly ReviewNeeded[];
  /** Cells whose text is no status, kept as typed. */
  readonly unrecognised: readonly { readonly name: string; readonly competence: string; readonly text: string }[];
  /** People whose role is not in the catalog: the register cannot tell what their role needs. */
  readonly unknownRoles: readonly { readonly name: string; readonly role: string }[];
}

const filedCache = new WeakMap<SkillCatalog, ReadonlyMap<string, FiledCompetence & { readonly order: number }>>();

/** Every catalog competence in the catalog-wide grouping (all roles), by id, with its place in that order. */
function catalogFiling(catalog: SkillCatalog): ReadonlyMap<string, FiledCompetence & { readonly order: number }> {
  let filed = filedCache.get(catalog);
  if (!filed) filedCache.set(catalog, (filed = new Map(filedCompetences(catalog, catalog.roles).map((f, order) => [f.key, { ...f, order }]))));
  return filed;
}

/** A register column for a header as typed: a catalog competence by id, title or alias, else the team's own. */
export function registerColumn(catalog: SkillCatalog, header: string): RegisterCompetence {
  const key = competenceKey(catalog.competenceIndex, header);
  const competence = catalog.competenceIndex.byId.get(key);
  return competence ? catalogColumn(competence, catalogFiling(catalog).get(key)?.principle ?? null) : ownColumn(key, header);
}

/** The register's columns for the roles: every competence they need, in the catalog-wide grouping. */
export function registerColumnsFor(catalog: SkillCatalog, roles: readonly Role[]): RegisterCompetence[] {
  const needed = new Set(roles.flatMap((r) => [...roleRequirements(r).keys()]));
  return orderColumns(catalog, [...needed].map((id) => registerColumn(catalog, id)));
}

/** Catalog competences in the catalog-wide grouping, then any the grouping lacks, then the team's own as given. */
function orderColumns(catalog: SkillCatalog, columns: readonly RegisterCompetence[]): RegisterCompetence[] {
  const filing = catalogFiling(catalog);
  const rank = (c: RegisterCompetence): number => (c.competence ? (filing.get(c.key)?.order ?? filing.size) : filing.size + 1);
  return columns.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
}

const sameRole = (a: TeamMember, b: TeamMember, aRole: Role | null, bRole: Role | null): boolean =>
  aRole && bRole ? aRole.id === bRole.id : normalizeText(a.role) === normalizeText(b.role);

/**
 * Builds the register for a team, keeping everything a previous register recorded: each person's statuses and
 * review date (matched by name and competence key), people who left (moved to the removed list, never dropped)
 * and columns someone has a status in. New people and the competences their roles need are added; a blank cell
 * takes its default (see defaultCell), a recorded status is never changed.
 */
export function rebuildRegister(catalog: SkillCatalog, team: readonly TeamMember[], previous: PreviousRegister | null): RegisterRebuild {
  checkUniqueNames(
    team.map((m) => m.name),
    (i) => `entry ${i + 1} of the team`,
  );
  const previousRows = previous?.rows ?? [];
  checkUniqueNames(
    previousRows.map((r) => r.person.name),
    (i) => `row ${i + 1} of the ${previousRows[i]!.removed ? "removed list" : "register"}`,
  );
  const byKey = new Map(previousRows.map((r) => [personKey(r.person.name), r]));
  const roles = team.map((m) => catalogRoleOf(catalog.roles, m.role));
  const neededKeys = new Set(roles.flatMap((r) => (r ? [...roleRequirements(r).keys()] : [])));

  // Columns: what the team's roles need, plus every previous column that carries information.
  const previousColumns = previous?.competences ?? [];
  const previousKeys = new Set(previousColumns.map((c) => c.key));
  const hasStatus = (key: string): boolean =>
    previousRows.some((r) => {
      const cell = r.statuses.get(key);
      return cell !== undefined && cell.kind !== "blank" && !(cell.kind === "status" && cell.status === "Not required");
    });
  const dropped = previousColumns.filter((c) => c.competence !== null && !neededKeys.has(c.key) && !hasStatus(c.key));
  const droppedKeys = new Set(dropped.map((c) => c.key));
  const added = registerColumnsFor(catalog, roles.filter((r): r is Role => r !== null)).filter((c) => !previousKeys.has(c.key));
  const columns = orderColumns(catalog, [...previousColumns.filter((c) => !droppedKeys.has(c.key)), ...added]);

  const reviewNeeded: ReviewNeeded[] = [];
  const people: RegisterPerson[] = [];
  const cells: RegisterCell[][] = [];
  team.forEach((member, i) => {
    const role = roles[i]!;
    const before = byKey.get(personKey(member.name));
    const row = columns.map((c) => {
      const kept = before?.statuses.get(c.key);
      return kept && kept.kind !== "blank" ? kept : defaultCell(role, c);
    });
    if (before && role && !sameRole(before.person, member, catalogRoleOf(catalog.roles, before.person.role), role)) {
      const markedNotRequired: string[] = [];
      const stillRecorded: string[] = [];
      for (const c of columns) {
        const kept = before.statuses.get(c.key);
        if (!kept || kept.kind !== "status" || !c.competence) continue;
        if (kept.status === "Not required" && roleRequires(role, c)) markedNotRequired.push(c.title);
        if (kept.status !== "Not required" && !roleRequires(role, c)) stillRecorded.push(c.title);
      }
      if (markedNotRequired.length + stillRecorded.length > 0) reviewNeeded.push({ name: member.name, markedNotRequired, stillRecorded });
    }
    people.push({ ...member, catalogRole: role, reviewDate: before?.person.reviewDate ?? null });
    cells.push(row);
  });

  const onTeam = new Set(team.map((m) => personKey(m.name)));
  const leavers = previousRows.filter((r) => !onTeam.has(personKey(r.person.name)));
  const removed: SkillRegister = {
    people: leavers.map((r) => ({ ...r.person, catalogRole: catalogRoleOf(catalog.roles, r.person.role) })),
    competences: columns,
    cells: leavers.map((r) => columns.map((c) => r.statuses.get(c.key) ?? BLANK_CELL)),
  };
  const register: SkillRegister = { people, competences: columns, cells };

  const unrecognised = [register, removed].flatMap((reg) =>
    reg.cells.flatMap((row, p) =>
      row.flatMap((cell, c) => (cell.kind === "unrecognised" ? [{ name: reg.people[p]!.name, competence: columns[c]!.title, text: cellText(cell)! }] : [])),
    ),
  );
  return {
    register,
    removed,
    added: team.filter((m) => !byKey.has(personKey(m.name))).map((m) => m.name),
    restored: team.filter((m) => byKey.get(personKey(m.name))?.removed === true).map((m) => m.name),
    newlyRemoved: leavers.filter((r) => !r.removed).map((r) => r.person.name),
    addedCompetences: added.map((c) => c.title),
    droppedCompetences: dropped.map((c) => c.title),
    unlistedCompetences: columns.filter((c) => !neededKeys.has(c.key)).map((c) => c.title),
    reviewNeeded,
    unrecognised,
    unknownRoles: team.filter((_, i) => roles[i] === null).map((m) => ({ name: m.name, role: m.role })),
  };
}

/** Refuses a register whose columns name one competence twice (a title and its alias, say): whose status would win? */
export function checkUniqueColumns(columns: readonly RegisterCompetence[]): void {
  const seen = new Map<string, string>();
  for (const c of columns) {
    const first = seen.get(c.key);
    if (first !== undefined) throw invalid(`the columns '${first}' and '${c.title}' name the same competence; keep one of them`);
    seen.set(c.key, c.title);
  }
}
