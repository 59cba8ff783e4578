import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import BuildLastSequencer from "./test/support/sequencer.mjs";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Every core (vitest's default leaves one idle: on a 2-core machine, one test file at a time).
    maxWorkers: availableParallelism(),
    // Files that wait for the run's production build start after the others (see the sequencer).
    sequence: { sequencer: BuildLastSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          exclude: ["test/taskpane/**"],
          environment: "node",
          // One module cache per worker, as for the task pane below: the domain, the catalog, exceljs and the
          // sheet builders load once per worker, not once per file (a third of these files' time). No test here
          // mocks a module; what a test sets on a shared module (the fake Excel's offered API) it sets per run.
          isolate: false,
          // One folder per run for what test files share: the one production build the browser and build tests use.
          globalSetup: ["test/support/globalSetup.ts"],
        },
      },
      {
        extends: true,
        test: {
          // The task pane's component tests. Each file importing React, Fluent UI and the catalog afresh cost more
          // than its tests (about 5 s a file on 2 cores); one module cache per worker loads them once. What a file
          // must not inherit from the one before is reset by the setup file, run before every file.
          name: "taskpane",
          include: ["test/taskpane/**/*.test.ts", "test/taskpane/**/*.test.tsx"],
          environment: "./test/support/sharedJsdomEnvironment.ts",
          isolate: false,
          setupFiles: ["test/support/jsdomSetup.ts"],
        },
      },
    ],
  },
});
