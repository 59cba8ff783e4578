// Bundles the `wfp` command line into one CommonJS file, so `npx wfp` starts fast without a TypeScript
// runtime. Runs on `npm install` (the prepare script) and before the tests.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/wfp.ts"],
  outfile: "build/cli/wfp.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // exceljs and pdf.js are runtime dependencies with their own large trees: loaded from node_modules, not bundled.
  external: ["exceljs", "pdfjs-dist"],
  sourcemap: "linked",
  logLevel: "warning",
});
