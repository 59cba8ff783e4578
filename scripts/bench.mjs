// Bundles bench/index.ts with esbuild and runs it in this Node process's own binary.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";

// The writer bench runs the built `wfp` as users do: build it from the current sources first.
await import("./build-cli.mjs");
await build({
  entryPoints: ["bench/index.ts"],
  outfile: "build/bench/bench.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs", "playwright-core", "webpack-cli"],
  logLevel: "warning",
});
execFileSync(process.execPath, ["build/bench/bench.cjs", ...process.argv.slice(2)], { stdio: "inherit" });
