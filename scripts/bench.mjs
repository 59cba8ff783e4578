// Bundles bench/index.ts with esbuild and runs it in this Node process's own binary.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";

await build({
  entryPoints: ["bench/index.ts"],
  outfile: "build/bench/bench.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs", "playwright-core"],
  logLevel: "warning",
});
execFileSync(process.execPath, ["build/bench/bench.cjs", ...process.argv.slice(2)], { stdio: "inherit" });
