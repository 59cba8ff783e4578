// Set-up of every task pane component test (the jsdom project of vitest.config.mts), run before each test file.
//
// That project shares one module cache per worker (isolate: false): React, Fluent UI and the catalog load once per
// worker instead of once per file. So what each file needs afresh lives here, in a setup file (run again for every
// file), not in a module that runs once per worker: Testing Library's clean-up after each test, and an empty
// document at the start of each file.
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, vi } from "vitest";
import { installQuietRetries } from "./quietRetries";

// A file that names its own environment (a `@vitest-environment jsdom` comment) gets a window that closes when the
// file ends, and the modules this worker keeps would go on using that closed window: refuse it here, by name.
if (!(globalThis as Record<symbol, unknown>)[Symbol.for("wfp.test.sharedJsdom")]) {
  throw new Error(
    "This task pane test runs outside the shared jsdom window: remove its `@vitest-environment` comment " +
      "(vitest.config.mts gives every file under test/taskpane the right one).",
  );
}

// jsdom has no layout: Fluent's MessageBar watches its size and motion components ask about reduced motion.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => undefined,
  removeListener: () => undefined,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  dispatchEvent: () => false,
})) as unknown as typeof window.matchMedia;

// findBy…/waitFor wait for what the pane shows after a write to the memory workbook. Testing Library's 1 s default
// is met alone but not on a loaded 2-core machine; waiting longer changes no assertion, only when it gives up.
configure({ asyncUtilTimeout: 15_000 });
// A findBy…/waitFor try that fails builds its DOM dump only if the dump is shown (see quietRetries.ts).
installQuietRetries();

// Vitest runs without globals, so Testing Library can't register its own clean-up.
afterEach(() => cleanup());

// A file leaves nothing behind for the next one in the same worker: no rendered tree (above), no stray nodes a test
// appended itself (portals, download links), no fake timers.
afterAll(() => {
  vi.useRealTimers();
  cleanup();
  document.body.replaceChildren();
});
