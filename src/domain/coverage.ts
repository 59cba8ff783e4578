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
  readonly byText: Map<string, KeyEntry>;
  readonly byKey: Map<string, KeyEntry>;
  stamp: number;
}

/**
 * The entries of the texts of one list, as a call last looked them up. Workbooks ask about one list many times over
 * (a person's held competences against every role, a team's list in COVERAGE down a column): when a call brings the
 * same texts in the same order, it reuses these entries instead of looking each text up again. Compared by value, so
 * a new array of the same texts (Excel passes a new array with every call) is the same list.
 */
interface ListEntries {
  readonly texts: string[];
  readonly entries: KeyEntry[];
  /** The key cache `entries` belong to; null while they belong to none. */
  of: Keys | null;
}

/** Lists longer than this are looked up each time, not kept: the memory a list keeps stays small. */
const LIST_LIMIT = 2_000;

/** What the coverage functions keep per competence index: its key cache, what each role requires, the last lists. */
interface IndexState {
  keys: Keys;
  readonly requirements: WeakMap<Role, RoleRequirement>;
  /** The held list, and COVERAGE's required list, of the last call. */
  readonly held: ListEntries;
  readonly required: ListEntries;
}

const states = new WeakMap<CompetenceIndex, IndexState>();
const KEY_CACHE_LIMIT = 20_000;

const emptyKeys = (stamp: number): Keys => ({ byText: new Map(), byKey: new Map(), stamp });
const emptyList = (): ListEntries => ({ texts: [], entries: [], of: null });

function stateOf(index: CompetenceIndex): IndexState {
  let state = states.get(index);
  if (!state) {
    state = { keys: emptyKeys(0), requirements: new WeakMap(), held: emptyList(), required: emptyList() };
    states.set(index, state);
  }
  return state;
}

/** The entries of `texts`, in order: the list's kept entries when it holds the same texts, else looked up into it. */
function listEntries(index: CompetenceIndex, keys: Keys, texts: readonly string[], list: ListEntries): readonly KeyEntry[] {
  const n = texts.length;
  if (n > LIST_LIMIT) {
    // Too long to keep: looked up for this call alone, and the list kept stays as it was.
    const entries = new Array<KeyEntry>(n);
    for (let i = 0; i < n; i++) entries[i] = entryOf(index, texts[i]!, keys);
    return entries;
  }
  const kept = list.texts;
  const entries = list.entries;
  if (list.of === keys && kept.length === n) {
    let same = true;
    for (let i = 0; i < n; i++) {
      if (kept[i] !== texts[i]) {
        same = false;
        break;
      }
    }
    if (same) return entries;
  }
  list.of = null;
  for (let i = 0; i < n; i++) {
    const text = texts[i]!;
    kept[i] = text;
    entries[i] = entryOf(index, text, keys);
  }
  // Setting an array's length is a call into the engine's runtime: only when it changes.
  if (kept.length !== n) {
    kept.length = n;
    entries.length = n;
  }
  list.of = keys;
  return entries;
}

function entryOf(index: CompetenceIndex, text: string, keys: Keys): KeyEntry {
  let entry = keys.byText.get(text);
  if (entry === undefined) {
    const key = normalizeText(text) === "" ? "" : competenceKey(index, text);
    entry = keyEntry(keys, key);
    keys.byText.set(text, entry);
  }
  return entry;
}

function keyEntry(keys: Keys, key: string): KeyEntry {
  let entry = keys.byKey.get(key);
  if (!entry) {
    entry = { key, mark: 0 };
    keys.byKey.set(key, entry);
  }
  return entry;
}

/**
 * The index's keys for one call, with `count` fresh stamps taken: the call's stamps run up to `keys.stamp`. A full
 * cache starts again here, between calls, never during one (a call's marks live on its entries; a key dropped
 * halfway would lose what the call had seen of it); so do the marks, long before the stamps could run out.
 */
function takeStamps(state: IndexState, count: number): Keys {
  let keys = state.keys;
  if (keys.byText.size >= KEY_CACHE_LIMIT) keys = state.keys = emptyKeys(keys.stamp);
  if (keys.stamp >= Number.MAX_SAFE_INTEGER - count) keys = state.keys = emptyKeys(0);
  keys.stamp += count;
  return keys;
}

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
  const state = stateOf(index);
  const keys = takeStamps(state, 2);
  const countedStamp = keys.stamp;
  const heldStamp = countedStamp - 1;
  const heldEntries = listEntries(index, keys, held, state.held);
  for (let i = 0; i < heldEntries.length; i++) heldEntries[i]!.mark = heldStamp;
  const requiredEntries = listEntries(index, keys, required, state.required);
  let distinct = 0;
  let covered = 0;
  for (let i = 0; i < requiredEntries.length; i++) {
    const entry = requiredEntries[i]!;
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

function roleRequirement(index: CompetenceIndex, state: IndexState, role: Role): RoleRequirement {
  let requirement = state.requirements.get(role);
  if (!requirement) {
    const keys: string[] = [];
    const gaps: CoverageGap[] = [];
    const seen = new Set<string>();
    for (const id of requiredIds(role).ids) {
      const key = entryOf(index, id, state.keys).key;
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
      // Shared by every call's result: frozen, so no caller can change another's.
      gaps.push(Object.freeze(gapOf(index, key, id)));
    }
    requirement = { keys, gaps, entries: [], entriesOf: null };
    state.requirements.set(role, requirement);
  }
  return requirement;
}

/**
 * Marks the entries of the held texts with a fresh stamp (`keys.stamp` of the index's keys afterwards) and counts
 * the role's required keys so marked; `requirement.entries` are then the entries to read the marks of.
 */
function countHeld(index: CompetenceIndex, state: IndexState, requirement: RoleRequirement, held: readonly string[]): number {
  const keys = takeStamps(state, 1);
  const stamp = keys.stamp;
  const heldEntries = listEntries(index, keys, held, state.held);
  for (let h = 0; h < heldEntries.length; h++) heldEntries[h]!.mark = stamp;
  if (requirement.entriesOf !== keys) {
    requirement.entries = requirement.keys.map((key) => keyEntry(keys, key));
    requirement.entriesOf = keys;
  }
  const entries = requirement.entries;
  let covered = 0;
  for (let i = 0; i < entries.length; i++) if (entries[i]!.mark === stamp) covered++;
  return covered;
}

/** coverage() of the role's required competences, from what the role requires worked out once (roleRequirement). */
export function roleCoverage(index: CompetenceIndex, role: Role, held: readonly string[]): CoverageResult {
  const state = stateOf(index);
  const requirement = roleRequirement(index, state, role);
  const covered = countHeld(index, state, requirement, held);
  const stamp = state.keys.stamp;
  const { keys, entries } = requirement;
  // Sized up front: as many gaps as keys not covered.
  const gaps: CoverageGap[] = new Array<CoverageGap>(keys.length - covered);
  for (let i = 0, g = 0; i < keys.length; i++) if (entries[i]!.mark !== stamp) gaps[g++] = requirement.gaps[i]!;
  return { required: keys.length, covered, fraction: keys.length === 0 ? null : covered / keys.length, gaps };
}

/**
 * roleCoverage's fraction alone (null when the role requires nothing), without listing the gaps: ROLECOVERAGE runs
 * in thousands of cells and needs only the number.
 */
export function roleCoverageFraction(index: CompetenceIndex, role: Role, held: readonly string[]): number | null {
  const state = stateOf(index);
  const requirement = roleRequirement(index, state, role);
  const required = requirement.keys.length;
  return required === 0 ? null : countHeld(index, state, requirement, held) / required;
}
