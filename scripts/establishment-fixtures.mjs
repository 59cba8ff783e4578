// Writes the made-up establishment fixtures (test/fixtures/establishment) from test/support/esrExtract.ts:
// 300 funded positions, a 320-assignment ESR extract, and next month's extract of 300 assignments.
// Deterministic: running it again gives the same files (a test checks the committed ones match).
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const out = "build/fixtures/esrExtract.cjs";
await build({ entryPoints: ["test/support/esrExtract.ts"], outfile: out, bundle: true, platform: "node", format: "cjs", logLevel: "warning" });
const { generateExtract, toCsv, FUNDED_COLUMNS, ESR_COLUMNS } = createRequire(import.meta.url)(`../${out}`);

const dir = "test/fixtures/establishment";
mkdirSync(dir, { recursive: true });
const month = generateExtract(300, 320);
const next = generateExtract(300, 300, 14, 15);
writeFileSync(`${dir}/funded.csv`, toCsv(FUNDED_COLUMNS, month.funded));
writeFileSync(`${dir}/staff.csv`, toCsv(ESR_COLUMNS, month.staff));
writeFileSync(`${dir}/staff-next-month.csv`, toCsv(ESR_COLUMNS, next.staff));
console.log(`wrote ${dir}: ${month.funded.length} positions, ${month.staff.length} and ${next.staff.length} assignments`);
