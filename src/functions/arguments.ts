import { describeInput, invalid } from "../domain";

/**
 * Reading what Excel passes to a custom function. Parameters are typed `any` in the JSDoc so that a blank
 * cell reaches us as null rather than as 0: a blank is never read as zero.
 */
export type CellInput = string | number | boolean | null | undefined;

export function isBlank(value: CellInput): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A required argument; `what` names it in the message ("score is blank"). */
export function required(value: CellInput, what: string): string | number | boolean {
  if (isBlank(value)) throw invalid(`${what} is blank`);
  return value as string | number | boolean;
}

/** A number, also when the cell holds it as text ("598"); anything else is refused with what was given. */
export function numberArgument(value: CellInput, what: string): number {
  const v = required(value, what);
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  throw invalid(`${describeInput(v)} is not a number: ${what} must be a number`);
}

/** The cells of a range, row by row, blanks kept as null so callers can say which one is blank. */
export function cellsOf(range: unknown, what: string): CellInput[] {
  if (!Array.isArray(range)) return [range as CellInput];
  const rows = range as unknown[];
  // Loops rather than some()/flat(): V8's flat() costs more than the rest of a JESCORE call.
  const cells: CellInput[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) {
      cells.push(row as CellInput);
      continue;
    }
    if (rows.length > 1 && row.length > 1) throw invalid(`${what} must be a single row or a single column of cells`);
    for (const cell of row) cells.push(cell as CellInput);
  }
  return cells;
}

/**
 * The texts of a range's non-empty cells as they are, untrimmed and blanks kept: for competence titles, whose
 * comparison key ignores spacing and reads a blank text as none (coverage.ts), so trimming each cell on every
 * recalculation would only repeat that work. Written into `into` (its old contents replaced), so that a function
 * called thousands of times reuses one array rather than growing a new one per call.
 */
export function cellTextsInto(range: unknown, into: string[]): string[] {
  let n = 0;
  if (!Array.isArray(range)) {
    if (range !== null && range !== undefined) into[n++] = String(range);
  } else {
    for (let r = 0; r < range.length; r++) {
      const row: unknown = range[r];
      if (!Array.isArray(row)) {
        if (row !== null && row !== undefined) into[n++] = typeof row === "string" ? row : String(row);
        continue;
      }
      for (let i = 0; i < row.length; i++) {
        const value: unknown = row[i];
        if (typeof value === "string") into[n++] = value;
        else if (value !== null && value !== undefined) into[n++] = String(value);
      }
    }
  }
  // Setting an array's length is a call into the engine's runtime: only when it changes.
  if (into.length !== n) into.length = n;
  return into;
}

/** An optional text argument, lower-cased; blank or omitted gives the fallback. */
export function optionalChoice<T extends string>(value: CellInput, choices: readonly T[], fallback: T, what: string): T {
  if (isBlank(value)) return fallback;
  const v = String(value).trim().toLowerCase();
  const found = choices.find((c) => c === v);
  if (found) return found;
  throw invalid(`${describeInput(value)} is not a ${what}: give ${choices.map((c) => `"${c}"`).join(" or ")}`);
}
