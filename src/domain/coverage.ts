import type { Competence, RoleSection } from "./competence";
import type { Role } from "./role";
import { normalizeText } from "./text";

/** Finds competences by id, title or alias, whatever the case, punctuation or spacing. */
export interface CompetenceIndex {
  readonly competences: readonly Competence[];
  readonly byId: ReadonlyMap<string, Competence>;
  readonly byKey: ReadonlyMap<string, Competence>;
}

export function createCompetenceIndex(competences: readonly Competence[]): CompetenceIndex {
  const byKey = new Map<string, Competence>();
  for (const c of competences) {
    for (const name of [c.id, c.title, ...c.aliases, ...(c.code ? [c.code] : [])]) {
      const key = normalizeText(name);
      const existing = byKey.get(key);
      if (existing && existing.id !== c.id) {
        throw new Error(`'${name}' names two competences: ${existing.id} and ${c.id}`);
      }
      byKey.set(key, c);
    }
  }
  return { competences, byId: new Map(competences.map((c) => [c.id, c])), byKey };
}

export function findCompetence(index: CompetenceIndex, text: string): Competence | undefined {
  return index.byKey.get(normalizeText(text));
}

/**
 * The key a competence is compared by: its canonical id when the catalog knows it, else its normalised
 * text, so that competences outside the catalog (a user's own list) still match each other.
 */
export function competenceKey(index: CompetenceIndex, text: string): string {
  const known = findCompetence(index, text);
  return known ? known.id : `text:${normalizeText(text)}`;
}

/**
 * A competence key as the coverage functions see it: one object per distinct key, whatever text (title, id, alias)
 * named it, so that a call can mark a key it has seen by writing `mark` rather than by keeping a set of keys.
 * `key` is "" for a blank text.
 */
interface KeyEntry {
  readonly key: string;
  /** The stamp of the last call that saw this key (see Keys.stamp). */
  mark: number;
}

/**
 * The entries of one competence index: by the text as given (the same held titles come back in thousands of
 * COVERAGE/ROLECOVERAGE cells, and each is looked up once), and by key. Bounded, as the input is the user's.
 * `stamp` numbers the calls: each takes fresh stamps, so no mark needs clearing between calls.
 */
interface Keys {
  byText: Map<string, KeyEntry>;
  byKey: Map<string, KeyEntry>;
  stamp: number;
}

function entryOf(index: CompetenceIndex, text: string, keys: Keys): KeyEntry {
  let entry = keys.byText.get(text);
  if (entry === undefined) {
    const key = normalizeText(text) === "" ? "" : competenceKey(index, text);
    entry = keys.byKey.get(key);
    if (!entry) {
      entry = { key, mark: 0 };
      keys.byKey.set(key, entry);
    }
    keys.byText.set(text, entry);
  }
  return entry;
}

/** competenceKey through the index's cache, with "" for a blank text. */
function cachedKey(index: CompetenceIndex, text: string): string {
  return entryOf(index, text, keysOf(index)).key;
}

/**
 * The index's keys, for one call: a full cache starts again here, between calls, never during one (a call's marks
 * live on its entries; a key dropped halfway would lose what the call had seen of it).
 */
function keysOf(index: CompetenceIndex): Keys {
  let keys = keysByIndex.get(index);
  if (!keys || keys.byText.size >= KEY_CACHE_LIMIT) {
    keys = { byText: new Map(), byKey: new Map(), stamp: keys?.stamp ?? 0 };
    keysByIndex.set(index, keys);
  }
  return keys;
}

/** `count` fresh stamps for one call (numbered from the return value), starting the marks afresh if need be. */
function takeStamps(index: CompetenceIndex, count: number): { keys: Keys; first: number } {
  let keys = keysOf(index);
  if (keys.stamp >= Number.MAX_SAFE_INTEGER - count) {
    keys = { byText: new Map(), byKey: new Map(), stamp: 0 };
    keysByIndex.set(index, keys);
  }
  const first = keys.stamp + 1;
  keys.stamp += count;
  return { keys, first };
}

const keysByIndex = new WeakMap<CompetenceIndex, Keys>();
const KEY_CACHE_LIMIT = 20_000;

export interface CoverageGap {
  key: string;
  /** The canonical title when known, else the text as given. */
  title: string;
  competence?: Competence;
}

export interface CoverageResult {
  /** Distinct required competences (blanks and repeats ignored). */
  required: number;
  covered: number;
  /** covered ÷ required; null when nothing is required (no fraction to give). */
  fraction: number | null;
  gaps: CoverageGap[];
}

/** How many of the required competences the held list covers, and which are missing (in required order). */
export function coverage(
  index: CompetenceIndex,
  required: readonly string[],
  held: readonly string[],
): CoverageResult {
  const gaps: CoverageGap[] = [];
  const count = measureCoverage(index, required, held, gaps);
  return { required: count.required, covered: count.covered, fraction: count.fraction, gaps };
}

/** coverage()'s fraction alone, without listing the gaps: COVERAGE runs in thousands of cells and needs the number. */
export function coverageFraction(index: CompetenceIndex, required: readonly string[], held: readonly string[]): number | null {
  return measureCoverage(index, required, held, null).fraction;
}

/** coverage(), listing the gaps into `gaps` unless it is null. */
function measureCoverage(
  index: CompetenceIndex,
  required: readonly string[],
  held: readonly string[],
  gaps: CoverageGap[] | null,
): Omit<CoverageResult, "gaps"> {
  // Each key's mark says what this call has seen of it: held, or already counted as required.
  const { keys, first: heldStamp } = takeStamps(index, 2);
  const countedStamp = heldStamp + 1;
  for (let i = 0; i < held.length; i++) {
    const entry = entryOf(index, held[i]!, keys);
    if (entry.key !== "") entry.mark = heldStamp;
  }
  let distinct = 0;
  let covered = 0;
  for (let i = 0; i < required.length; i++) {
    const entry = entryOf(index, required[i]!, keys);
    if (entry.key === "") continue;
    const seen = entry.mark;
    if (seen === countedStamp) continue;
    entry.mark = countedStamp;
    distinct++;
    if (seen === heldStamp) covered++;
    else if (gaps) gaps.push(gapOf(index, entry.key, required[i]!));
  }
  return { required: distinct, covered, fraction: distinct === 0 ? null : covered / distinct };
}

function gapOf(index: CompetenceIndex, key: string, text: string): CoverageGap {
  const competence = index.byId.get(key);
  return competence ? { key, title: competence.title, competence } : { key, title: text.trim() };
}

/**
 * A role's required competence ids, each once, in document order. A competence a document lists in both the
 * core and the specific section (e.g. "Identify and evaluate opportunities for innovation and improvement")
 * is required once.
 */
export function roleCompetenceIds(role: Role, sections?: readonly RoleSection[]): string[] {
  if (!sections) return [...requiredIds(role).ids];
  const ids = new Set<string>();
  for (const rc of role.competences) {
    if (sections.includes(rc.section)) ids.add(rc.competenceId);
  }
  return [...ids];
}

/** A role's distinct required competence ids (roleCompetenceIds of every section), worked out once per role. */
export function requiredIds(role: Role): { readonly ids: readonly string[]; readonly set: ReadonlySet<string> } {
  let required = requiredIdsByRole.get(role);
  if (!required) {
    const set = new Set<string>();
    for (const rc of role.competences) set.add(rc.competenceId);
    // Not frozen: V8 runs filter() and friends over a frozen array on a slow path. The type is readonly.
    required = { ids: [...set], set };
    requiredIdsByRole.set(role, required);
  }
  return required;
}

const requiredIdsByRole = new WeakMap<Role, { readonly ids: readonly string[]; readonly set: ReadonlySet<string> }>();

/**
 * What a role requires, worked out once per catalog index and role: its distinct required keys in order and the gap
 * each leaves when missing. `entries` are the keys' cache entries (one per key, shared with the held texts that name
 * it), looked up again only when the cache has started afresh (`entriesOf`): a call marks the held texts' entries
 * and reads the marks of these, so no call looks a required key up.
 */
interface RoleRequirement {
  readonly keys: readonly string[];
  readonly gaps: readonly CoverageGap[];
  entries: readonly KeyEntry[];
  entriesOf: Keys | null;
}

const requirements = new WeakMap<CompetenceIndex, WeakMap<Role, RoleRequirement>>();

function roleRequirement(index: CompetenceIndex, role: Role): RoleRequirement {
  let byRole = requirements.get(index);
  if (!byRole) {
    byRole = new WeakMap();
    requirements.set(index, byRole);
  }
  let requirement = byRole.get(role);
  if (!requirement) {
    const keys: string[] = [];
    const gaps: CoverageGap[] = [];
    const seen = new Set<string>();
    for (const id of requiredIds(role).ids) {
      const key = cachedKey(index, id);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
      // Shared by every call's result: frozen, so no caller can change another's.
      gaps.push(Object.freeze(gapOf(index, key, id)));
    }
    requirement = { keys, gaps, entries: [], entriesOf: null };
    byRole.set(role, requirement);
  }
  return requirement;
}

function requirementEntries(requirement: RoleRequirement, keys: Keys): readonly KeyEntry[] {
  if (requirement.entriesOf !== keys) {
    requirement.entries = requirement.keys.map((key) => {
      let entry = keys.byKey.get(key);
      if (!entry) {
        entry = { key, mark: 0 };
        keys.byKey.set(key, entry);
      }
      return entry;
    });
    requirement.entriesOf = keys;
  }
  return requirement.entries;
}

/**
 * Marks the entries of the held texts with a fresh stamp and counts the role's required keys so marked. Returns the
 * stamp (a required key is covered when its entry's mark equals it) and the count.
 */
function markHeld(index: CompetenceIndex, requirement: RoleRequirement, held: readonly string[]): { stamp: number; covered: number } {
  const { keys, first: stamp } = takeStamps(index, 1);
  for (let h = 0; h < held.length; h++) entryOf(index, held[h]!, keys).mark = stamp;
  const entries = requirementEntries(requirement, keys);
  let covered = 0;
  for (let i = 0; i < entries.length; i++) if (entries[i]!.mark === stamp) covered++;
  return { stamp, covered };
}

/** coverage() of the role's required competences, from what the role requires worked out once (roleRequirement). */
export function roleCoverage(index: CompetenceIndex, role: Role, held: readonly string[]): CoverageResult {
  const requirement = roleRequirement(index, role);
  const { stamp, covered } = markHeld(index, requirement, held);
  const { keys, entries } = requirement;
  const gaps: CoverageGap[] = [];
  for (let i = 0; i < keys.length; i++) if (entries[i]!.mark !== stamp) gaps.push(requirement.gaps[i]!);
  return { required: keys.length, covered, fraction: keys.length === 0 ? null : covered / keys.length, gaps };
}

/**
 * roleCoverage's fraction alone (null when the role requires nothing), without listing the gaps: ROLECOVERAGE runs
 * in thousands of cells and needs only the number.
 */
export function roleCoverageFraction(index: CompetenceIndex, role: Role, held: readonly string[]): number | null {
  const requirement = roleRequirement(index, role);
  const required = requirement.keys.length;
  return required === 0 ? null : markHeld(index, requirement, held).covered / required;
}
