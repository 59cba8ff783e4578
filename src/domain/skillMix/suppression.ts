import { outOfRange } from "../errors";

/** Commissioners' views of staff data hide counts of fewer than this many people. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** A count as a shared view shows it: the number, or "<5" for 1 to 4 people. Zero is shown: it identifies nobody. */
export type ShownCount = number | `<${number}`;

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 0) throw outOfRange(`the suppression threshold must be a whole number, 0 or more (0 turns it off), not ${threshold}`);
}

export function isSuppressed(count: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): boolean {
  checkThreshold(threshold);
  return count > 0 && count < threshold;
}

export function suppressCount(count: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): ShownCount {
  return isSuppressed(count, threshold) ? `<${threshold}` : count;
}

/**
 * A figure derived from a suppressed count (its WTE, its share) would give the count away, so it is hidden too:
 * shown as "*".
 */
export const HIDDEN = "*";

export function suppressDerived<T extends number | null>(value: T, count: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): T | typeof HIDDEN {
  return isSuppressed(count, threshold) ? HIDDEN : value;
}
