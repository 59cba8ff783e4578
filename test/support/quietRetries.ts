// Testing Library's "element not found" error, with its DOM dump written only if someone reads it.
//
// Why: findBy… and waitFor run their query again after every DOM change and every 50 ms until it passes, and each
// failed try builds an error whose message is a pretty-printed dump of the whole document (pretty-format walks every
// node). Almost every one of those errors is thrown away when a later try passes; building their messages cost the
// task pane tests several CPU-seconds.
//
// Same message when it is read: inside waitFor (the only place Testing Library marks with its
// `_disableExpensiveErrorDiagnostics` flag) the error's message is Testing Library's own default message, built
// from the container when first read. waitFor reads it (copying the stack of the test's call onto it) the moment it
// gives up, and it re-runs the query on every DOM change of the container, so the DOM it dumps then is the DOM its
// last try saw. A failing getBy… outside waitFor gets Testing Library's own error, built at once, as before.
import { configure, getConfig } from "@testing-library/react";

type GetElementError = (message: string | null, container: Element) => Error;
const DEFAULT = Symbol.for("wfp.test.defaultGetElementError");
type Wrapped = GetElementError & { [DEFAULT]?: GetElementError };

export function installQuietRetries(): void {
  const current = getConfig().getElementError as Wrapped;
  const testingLibraryDefault = current[DEFAULT] ?? current;
  const getElementError: Wrapped = (message, container) => {
    if (!(getConfig() as { _disableExpensiveErrorDiagnostics?: boolean })._disableExpensiveErrorDiagnostics) {
      return testingLibraryDefault(message, container);
    }
    const error = new Error();
    error.name = "TestingLibraryElementError";
    let text: string | undefined;
    // V8 formats `stack` when it is first read, from the message at that moment: the lazy message is in it too.
    Object.defineProperty(error, "message", {
      get: () => (text ??= testingLibraryDefault(message, container).message),
      set: (value: string) => {
        text = value;
      },
      configurable: true,
      enumerable: false,
    });
    return error;
  };
  getElementError[DEFAULT] = testingLibraryDefault;
  configure({ getElementError });
}
