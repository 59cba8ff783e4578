import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../src/catalog";
import { planWorkbookPlans } from "../src/cli/commands/plan";
import { writeXlsx } from "../src/cli/xlsx/writeWorkbook";
import { costPlan } from "../src/domain";
import { samplePosts } from "../test/support/posts";

/** A 10,000-post plan: costed in the domain, then built into sheet plans and written to .xlsx. */
export async function runCostingBench(): Promise<void> {
  const catalog = defaultCatalog();
  const posts = samplePosts(10_000, catalog.roles.map((r) => r.title));
  const parameters = { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0.03 } as const;

  costPlan(catalog.pay, posts.slice(0, 500), parameters);
  let start = performance.now();
  const costing = costPlan(catalog.pay, posts, parameters);
  const domainMs = performance.now() - start;

  start = performance.now();
  const plans = planWorkbookPlans(catalog, posts, parameters);
  const buildMs = performance.now() - start;

  const path = join(mkdtempSync(join(tmpdir(), "wfp-bench-")), "plan.xlsx");
  start = performance.now();
  await writeXlsx(plans, path);
  const writeMs = performance.now() - start;

  console.log("\nStaffing plan of 10,000 posts");
  console.log(`  cost every post in the domain              ${domainMs.toFixed(1).padStart(9)} ms   (total £${Math.round(costing.budget).toLocaleString("en-GB")} after vacancy factor)`);
  console.log(`  build the sheet plans                      ${buildMs.toFixed(1).padStart(9)} ms`);
  console.log(`  write them to .xlsx (src/cli/xlsx)          ${writeMs.toFixed(1).padStart(9)} ms   (${(statSync(path).size / 1024).toFixed(0)} KiB)`);
}
