import { DomainError } from "../domain";

/**
 * Turns any failure into the Excel error a user understands, with its message: something not found → #N/A,
 * anything else refused → #VALUE!. A number outside what has an answer (a JE score above 765) is #VALUE! too,
 * not #NUM!: Excel shows a custom message only with #VALUE! and #N/A, and "766 is above 765, the top of band 9"
 * is worth more than the bare code.
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/custom-functions-errors
 * CustomFunctions.Error needs CustomFunctionsRuntime 1.2 and these ErrorCode values 1.3; manifest.xml declares 1.3.
 * A custom function never throws anything else, so Excel never shows a bare error or, worse, a wrong number.
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  const { ErrorCode } = CustomFunctions;
  if (error instanceof DomainError) {
    const code = error.kind === "not-found" ? ErrorCode.notAvailable : ErrorCode.invalidValue;
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
