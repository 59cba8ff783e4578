/**
 * Why a domain operation refused its input. The kind decides how each surface reports it:
 * a custom function maps `invalid` to #VALUE!, `not-found` to #N/A and `out-of-range` to #NUM!;
 * the CLI prints the message and exits non-zero; the task pane shows it beside the field.
 */
export type DomainErrorKind = "invalid" | "not-found" | "out-of-range";

export class DomainError extends Error {
  readonly kind: DomainErrorKind;

  constructor(kind: DomainErrorKind, message: string) {
    super(message);
    this.name = "DomainError";
    this.kind = kind;
  }
}

export const invalid = (message: string): DomainError => new DomainError("invalid", message);
export const notFound = (message: string): DomainError => new DomainError("not-found", message);
export const outOfRange = (message: string): DomainError => new DomainError("out-of-range", message);

/** Quotes what the user gave, as they gave it, for an error message. */
export function describeInput(value: unknown): string {
  if (value === null || value === undefined) return "a blank";
  if (typeof value === "string") return value.trim() === "" ? "a blank" : `'${value}'`;
  if (typeof value === "number") return Number.isFinite(value) ? `'${value}'` : "a non-finite number";
  if (typeof value === "boolean") return `'${value ? "TRUE" : "FALSE"}'`;
  return "a value of the wrong kind";
}
