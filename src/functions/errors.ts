import { DomainError } from "../domain";

/**
 * Turns any failure into the Excel error a user understands, with its message: refused input → #VALUE!,
 * something not found → #N/A, a number outside what has an answer → #NUM!. A custom function never throws
 * anything else, so Excel never shows a bare error or, worse, a wrong number.
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  const { ErrorCode } = CustomFunctions;
  if (error instanceof DomainError) {
    const code =
      error.kind === "not-found"
        ? ErrorCode.notAvailable
        : error.kind === "out-of-range"
          ? ErrorCode.invalidNumber
          : ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(ErrorCode.invalidValue, `Workforce Planner could not compute this: ${message}`);
}

/** Runs a function body; any failure is thrown as a CustomFunctions.Error. */
export function excelCall<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}
