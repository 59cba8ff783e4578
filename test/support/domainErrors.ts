import { DomainError } from "../../src/domain";

/** The kind of DomainError a call raises ("invalid", "not-found", "out-of-range"), or "no error". */
export function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.kind;
    throw e;
  }
  return "no error";
}
