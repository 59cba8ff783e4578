/**
 * The CustomFunctions global that Excel provides at run time, reduced to what our functions use:
 * an Error carrying a code and a message. Stricter than Excel: Excel shows a custom message only with #VALUE!
 * and #N/A and drops any other silently; here a message with another code is refused, so a message that would
 * never reach the user fails a test.
 * https://learn.microsoft.com/en-us/javascript/api/custom-functions-runtime/customfunctions.error
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/custom-functions-errors
 */
export class StubCustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    if (message !== undefined && code !== "#VALUE!" && code !== "#N/A") {
      throw new Error(`CustomFunctions.Error: Excel shows no message with ${code} (only #VALUE! and #N/A carry one): "${message}"`);
    }
    super(message);
    this.code = code;
  }
}

export function installCustomFunctionsStub(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StubCustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}

/** Calls a function and returns its result, or the Excel error and message it raised. */
export function excel(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    if (e instanceof StubCustomFunctionError) return { error: e.code, message: e.message };
    throw e;
  }
}
