#!/usr/bin/env node
// `wfp`: runs the bundled command line. The bundle is made by `npm install` (prepare) or `npm run build:cli`.
const path = require("node:path");
const bundle = path.join(__dirname, "..", "build", "cli", "wfp.cjs");
try {
  require.resolve(bundle);
} catch {
  process.stderr.write("wfp: the command line is not built yet; run `npm run build:cli` in the project folder\n");
  process.exit(3);
}
require(bundle);
