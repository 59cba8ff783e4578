import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    // One folder per run for what test files share: the one production build the browser and build tests use.
    globalSetup: ["test/support/globalSetup.ts"],
    testTimeout: 60_000,
    // Every core (vitest's default leaves one idle: on a 2-core machine, one test file at a time).
    maxWorkers: availableParallelism(),
  },
});
