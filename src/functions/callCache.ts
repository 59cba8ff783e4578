/**
 * Results of WFP functions that depend only on the catalog and their cell arguments, kept per catalog part and
 * looked up by the arguments' exact values. A workbook recalculates the same call in hundreds of cells (POSTCOST
 * down a column of posts that share a band, COMPETENCES of one role), and each distinct call is worked out once.
 *
 * Only results are kept, never errors: a refused call is refused afresh, with its message, every time. Arguments
 * are told apart as Map keys are (6 from "6", a blank null from "" and from an omitted undefined); -0, the one value
 * a Map key takes for another (0), and a range (an array) are not looked up: such a call is worked out each time.
 * One Map per argument rather than one string key: building and hashing a new key string on every call cost more
 * than the lookups it saved.
 */

/** Distinct calls kept per catalog part before the cache starts again (the arguments are the user's). */
const LIMIT = 5_000;

interface Level<T> {
  readonly next: Map<unknown, Level<T>>;
  result?: T;
  hasResult: boolean;
}

interface Results<T> {
  root: Level<T>;
  count: number;
}

const level = <T>(): Level<T> => ({ next: new Map(), hasResult: false });

export class CallCache<T> {
  private readonly byOwner = new WeakMap<object, Results<T>>();

  /** The result of `compute()` for these arguments over `owner` (the catalog or the part of it the call reads). */
  get(owner: object, args: readonly unknown[], compute: () => T): T {
    for (let i = 0; i < args.length; i++) if (!isKey(args[i])) return compute();
    let results = this.byOwner.get(owner);
    if (!results) {
      results = { root: level(), count: 0 };
      this.byOwner.set(owner, results);
    }
    let at: Level<T> | undefined = results.root;
    for (let i = 0; i < args.length && at; i++) at = at.next.get(args[i]);
    if (at?.hasResult) return at.result as T;
    const result = compute();
    if (results.count >= LIMIT) results = { root: level(), count: 0 };
    this.byOwner.set(owner, results);
    let into = results.root;
    for (let i = 0; i < args.length; i++) {
      let next = into.next.get(args[i]);
      if (!next) {
        next = level();
        into.next.set(args[i], next);
      }
      into = next;
    }
    into.result = result;
    into.hasResult = true;
    results.count++;
    return result;
  }
}

/** A cell value a Map tells apart from every other: text, a number other than -0, a boolean, blank. */
function isKey(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "undefined":
      return true;
    case "number":
      return !Object.is(value, -0);
    default:
      return value === null;
  }
}
