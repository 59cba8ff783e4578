// Once per `vitest run`, before any worker starts: a folder for what the run's test files share (the one
// production build of the add-in, see buildOnce.ts), removed when the run ends.
//
// On a whole run (`npm test` with no file filter sets WFP_EAGER_BUILD) the build starts here, at once, in a child
// process beside the workers: it is ready by the time the browser tests need it, instead of a worker waiting
// idle for it. A run of chosen files builds only if one of them asks.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildOnce } from "./buildOnce";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's shared folder (one per `vitest run`). */
    wfpRunDir: string;
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "wfp-test-run-"));
  project.provide("wfpRunDir", dir);
  // A failure is recorded for the tests that wait on it (build.failed), which report it; nothing to do here.
  const eager = process.env.WFP_EAGER_BUILD === "1" ? buildOnce(dir).catch(() => undefined) : undefined;
  return async () => {
    await eager;
    rmSync(dir, { recursive: true, force: true });
  };
}
