/**
 * The CustomFunctions global that Excel provides at run time, reduced to what our functions use:
 * an Error carrying a code and a message.
 */
export class StubCustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
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
