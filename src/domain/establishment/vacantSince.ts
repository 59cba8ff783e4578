import type { PositionStatus } from "./reconcile";

export interface VacantSinceState {
  /** The date in the establishment now (the user's or the add-in's), ISO, or null. */
  current: string | null;
  /** The date the add-in set at the last refresh, or null if it set none. */
  setByAddIn: string | null;
}

/**
 * Keeps `Vacant since` alive across refreshes: a position that has become vacant gets today's date, one that is
 * filled again is cleared, and a date the user typed (one the add-in did not set) always wins.
 */
export function nextVacantSince(status: PositionStatus, state: VacantSinceState, today: string): { value: string | null; setByAddIn: string | null } {
  const typedByUser = state.current !== null && state.current !== state.setByAddIn;
  if (typedByUser) return { value: state.current, setByAddIn: null };
  const vacant = status === "Vacant" || status === "Part vacant";
  if (!vacant) return { value: null, setByAddIn: null };
  const value = state.current ?? today;
  return { value, setByAddIn: value };
}
