// Once per `vitest run`, before any worker starts: a folder for what the run's test files share (the one
// production build of the add-in, see sharedBuild.ts), removed when the run ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's shared folder (one per `vitest run`). */
    wfpRunDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "wfp-test-run-"));
  project.provide("wfpRunDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
