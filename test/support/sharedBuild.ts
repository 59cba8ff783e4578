/**
 * The run's one production build of the add-in, for the browser and build tests (see buildOnce.ts). A webpack
 * build takes 20–45 s on a 2-core machine; five test files building their own made most of the suite's time.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { type SharedBuild, buildOnce } from "./buildOnce";

export { BUILD_PUBLIC_URL, type SharedBuild } from "./buildOnce";

let mine: Promise<SharedBuild> | undefined;

/** The run's build: made here if neither the global set-up nor another worker has started it, otherwise awaited. */
export function sharedBuild(): Promise<SharedBuild> {
  // Outside a `vitest run` with the project's config (no global set-up) there is nobody to share with.
  mine ??= buildOnce(inject("wfpRunDir") ?? mkdtempSync(path.join(tmpdir(), "wfp-test-run-")));
  return mine;
}
