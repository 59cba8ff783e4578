// The task pane tests' environment: Vitest's own jsdom, made once per worker and kept for every file that worker
// runs, as a browser keeps one page while an app changes views.
//
// Why: with a fresh jsdom per file, modules loaded by an earlier file (the project runs with isolate: false, so
// React and Fluent UI load once per worker) keep the timers and message channels of a window that was closed, and
// React's scheduler then waits for ever. One window for the worker's life keeps those modules and the page they
// render into the same. What must not pass from one file to the next is reset in jsdomSetup.ts.
import { builtinEnvironments, type Environment } from "vitest/runtime";
import { installFastComputedStyle } from "./fastComputedStyle";
import { installFastLabels } from "./fastLabels";

type Teardown = { teardown(global: unknown): unknown };
const KEPT = Symbol.for("wfp.test.sharedJsdom");
type Holder = { [KEPT]?: Promise<Teardown> };

const sharedJsdom: Environment = {
  name: "shared-jsdom",
  viteEnvironment: "client",
  async setup(global, options) {
    const holder = globalThis as Holder;
    holder[KEPT] ??= Promise.resolve(builtinEnvironments.jsdom.setup(global, options)).then((environment) => {
      installFastComputedStyle(global);
      installFastLabels(global);
      return environment;
    });
    await holder[KEPT];
    // The window outlives the file: it closes with the worker.
    return { teardown: () => undefined };
  },
};

export default sharedJsdom;
