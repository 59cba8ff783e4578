import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defaultCatalog } from "../src/catalog";
import { type ForecastSettings, forecastPay } from "../src/domain";
import { forecastWorkbookPlans } from "../src/sheets/forecast";
import { sampleForecastPosts } from "../test/support/forecastPosts";

/** Issue 15's budget: `wfp forecast` for 2,000 posts × 60 months (5 years), workbook and JSON, within 10 s. */
const BUDGET_S = 10;

export async function runForecastBench(): Promise<void> {
  const catalog = defaultCatalog();
  const posts = sampleForecastPosts(2_000, catalog.roles.map((r) => r.title));
  const settings: ForecastSettings = { fromYear: "2026/27", years: 5, awards: { "2027/28": 2.5, "2028/29": 2.5 }, funded: { "2026/27": 2.8 }, pensionBasis: "employer", includeLevy: false, vacancyFactor: 0.03, proration: "monthly" };

  let start = performance.now();
  forecastPay(catalog.pay, posts, settings);
  const domainMs = performance.now() - start;
  start = performance.now();
  const plans = forecastWorkbookPlans(catalog, posts, settings);
  const planMs = performance.now() - start;
  const cells = plans.reduce((n, p) => n + p.blocks.reduce((m, b) => m + (b.kind === "table" ? b.rows.length * b.columns.length : b.rows.length * (b.rows[0]?.length ?? 0)), 0), 0);

  const dir = mkdtempSync(join(tmpdir(), "wfp-forecast-bench-"));
  const csv = join(dir, "team.csv");
  const cell = (v: unknown) => (v === undefined ? "" : /[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  writeFileSync(
    csv,
    ["Post,Role,Cost centre,Band,Point,WTE,HCAS zone,Status,Start date in band,Start date,End date", ...posts.map((p) => [p.post, p.role, p.costCentre, p.band, p.point, p.wte, p.hcasZone, p.status, p.startInBand, p.startDate, p.endDate].map(cell).join(","))].join("\n"),
  );
  const out = join(dir, "forecast.xlsx");
  const argv = ["forecast", "--team", csv, "--from", "2026/27", "--years", "5", "--award", "2027/28=2.5,2028/29=2.5", "--funded", "2026/27=2.8", "--vacancy", "0.03", "--out", out, "--json"];
  start = performance.now();
  const run = spawnSync(process.execPath, [resolve("bin/wfp.cjs"), ...argv], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const cliS = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`wfp forecast exited ${run.status}: ${run.stderr}`);

  console.log("\nPay forecast, 2,000 posts × 60 months (5 years)");
  console.log(`  forecast every post-month in the domain    ${domainMs.toFixed(1).padStart(9)} ms`);
  console.log(`  build the sheet plans                      ${planMs.toFixed(1).padStart(9)} ms   (${cells.toLocaleString("en-GB")} cells)`);
  console.log(`  wfp forecast --out --json (built CLI)      ${(cliS * 1000).toFixed(0).padStart(9)} ms   (${(statSync(out).size / 1024 / 1024).toFixed(1)} MiB .xlsx; budget ${BUDGET_S} s: ${cliS <= BUDGET_S ? "met" : "BROKEN"})`);
}
