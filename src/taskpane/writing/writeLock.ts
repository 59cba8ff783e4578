/**
 * One write at a time: two writes to the same workbook at once would race. A tab whose parts all write (Skill mix)
 * shares one lock across them; otherwise each writer holds its own.
 */
import { useCallback, useMemo, useRef, useState } from "react";

/** `busy` re-renders the buttons; the ref decides at once, so a second click in the same turn is refused. */
export interface WriteLock {
  readonly busy: boolean;
  acquire(): boolean;
  release(): void;
}

export function useWriteLock(): WriteLock {
  const held = useRef(false);
  const [busy, setBusy] = useState(false);
  const acquire = useCallback(() => {
    if (held.current) return false;
    held.current = true;
    setBusy(true);
    return true;
  }, []);
  const release = useCallback(() => {
    held.current = false;
    setBusy(false);
  }, []);
  return useMemo(() => ({ busy, acquire, release }), [busy, acquire, release]);
}
