import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    // One folder per run for what test files share: the one production build the browser and build tests use.
    globalSetup: ["test/support/globalSetup.ts"],
    testTimeout: 60_000,
  },
});
