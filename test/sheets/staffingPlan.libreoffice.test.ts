import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import { type PlanCosting, type PlanParameters, type PlannedPost, applyVacancyFactor, costPlan, planByBand, postCost, roundedCostLines } from "../../src/domain";
import { planWorkbookPlans } from "../../src/cli/commands/plan";
import { PLAN_COMPUTED_HEADERS, PLAN_INPUT_HEADERS } from "../../src/sheets/staffingPlan";
import { LibreOfficeBatch, recalculatedTable, resultOf } from "../support/libreoffice";
import { samplePosts } from "../support/posts";

/**
 * Money is proved, not trusted: the staffing plan is written to .xlsx with its native formulas, LibreOffice
 * recalculates it, and every computed cell must equal the domain's postCost as shown (roundedCostLines: each
 * line to the penny, the total their sum), and every sum over the plan the sum of those shown figures.
 */
const catalog = defaultCatalog();
const roles = catalog.roles.map((r) => r.title);
/** The file's three workbooks, recalculated in one LibreOffice run. */
const batch = new LibreOfficeBatch();

async function writtenPlan(posts: PlannedPost[], parameters: PlanParameters): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "wfp-plan-")), "plan.xlsx");
  // Exactly the sheets `wfp plan` writes.
  await writeXlsx(planWorkbookPlans(catalog, posts, parameters), path);
  return path;
}

/** Equal to the penny: within half a penny, so a value on a half-penny boundary is not failed by float noise. */
function expectPennies(actual: unknown, expected: number, where: string): void {
  expect(typeof actual, where).toBe("number");
  expect(Math.abs((actual as number) - expected), `${where}: ${String(actual)} vs ${expected}`).toBeLessThan(0.005);
}

/** The very same penny: for figures the sheet rounds (cost lines) and sums of them. */
function expectSamePenny(actual: unknown, expected: number, where: string): void {
  expect(typeof actual, where).toBe("number");
  expect(Math.round((actual as number) * 100), `${where}: ${String(actual)} vs ${expected}`).toBe(Math.round(expected * 100));
}

/** A plan's costing with each post's lines as shown (the one rounding rule), so sums over it are sums of what is shown. */
function shown(costing: PlanCosting): PlanCosting {
  return { ...costing, posts: costing.posts.map(({ post, cost }) => ({ post, cost: { ...cost, ...roundedCostLines(cost) } })) };
}

describe.each([
  ["employer pension, no levy, 2025/26", { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0.03 }],
  ["full pension with levy, 2024/25", { year: "2024/25", pensionBasis: "full", includeLevy: true, vacancyFactor: 0 }],
] as const)("a 200-post plan recalculated by LibreOffice: %s", (_label, parameters) => {
  const posts = samplePosts(200, roles);
  const recalculated = batch.add(() => writtenPlan(posts, parameters));
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await recalculated();
  }, 180_000);

  it("matches postCost on every computed cell, to the penny", () => {
    const { headers, rows } = recalculatedTable(workbook, "Staffing plan", "Post");
    expect(headers).toEqual([...PLAN_INPUT_HEADERS, ...PLAN_COMPUTED_HEADERS]);
    expect(rows).toHaveLength(200);
    const col = (h: string) => headers.indexOf(h);
    posts.forEach((post, i) => {
      const expected = postCost(catalog.pay, { ...post, hcasZone: post.hcasZone, year: parameters.year, pensionBasis: parameters.pensionBasis, includeLevy: parameters.includeLevy });
      const row = rows[i]!;
      expect(row[col("Post")]).toBe(post.post);
      const where = `${post.post} (band ${post.band} ${post.point}, ${post.wte} WTE, ${post.hcasZone})`;
      expectPennies(row[col("Full-time pay")], expected.fullTimePay, where);
      const lines = roundedCostLines(expected);
      expectSamePenny(row[col("Basic")], lines.basic, where);
      expectSamePenny(row[col("HCAS")], lines.hcas, where);
      expectSamePenny(row[col("Employer NI")], lines.employerNI, where);
      expectSamePenny(row[col("Pension")], lines.pension, where);
      expectSamePenny(row[col("Levy")], lines.levy, where);
      expectSamePenny(row[col("Total")], lines.total, where);
      expect(row[col("Check")], where).toBe("OK");
    });
  });

  it("summarises by band and totals the budget as the domain does", () => {
    const costing = shown(costPlan(catalog.pay, posts, parameters));
    const establishment = costing.posts.reduce((sum, p) => sum + p.cost.total, 0);
    const { rows } = recalculatedTable(workbook, "Plan summary", "Band");
    const byBand = new Map(planByBand(costing).map((r) => [r.key, r]));
    for (const row of rows) {
      const expected = byBand.get(String(row[0]) as never);
      expect(Number(row[1]), `posts in band ${row[0]}`).toBe(expected?.posts ?? 0);
      expect(Number(row[2])).toBeCloseTo(expected?.wte ?? 0, 9);
      expectSamePenny(row[3], expected?.cost ?? 0, `cost of band ${row[0]}`);
    }
    const summary = workbook.getWorksheet("Plan summary")!;
    const valueOf = (label: string) => {
      let found: unknown;
      summary.eachRow((r) => {
        if (r.getCell(1).value === label) found = resultOf(r.getCell(2));
      });
      return found;
    };
    expect(valueOf("Posts")).toBe(200);
    expect(valueOf("Vacant posts")).toBe(posts.filter((p) => p.status === "Vacant").length);
    expectSamePenny(valueOf("Establishment cost"), establishment, "establishment cost");
    expectPennies(valueOf("Budget after vacancy factor"), applyVacancyFactor(establishment, parameters.vacancyFactor), "budget");
  });
});

describe("comparing two scenarios, recalculated by LibreOffice", () => {
  const parameters = { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0 } as const;
  const a = samplePosts(40, roles);
  // Scenario B: the first ten posts gone, the rest at 0.8 of their WTE, and five band 6 posts added.
  const b = [
    ...a.slice(10).map((p) => ({ ...p, wte: Math.round(p.wte * 0.8 * 100) / 100 })),
    ...Array.from({ length: 5 }, (_, i) => ({ ...a[4]!, post: `New ${i}`, band: "6" as const, point: "entry" as const, wte: 1 })),
  ];
  const recalculated = batch.add(async () => {
    const path = join(mkdtempSync(join(tmpdir(), "wfp-compare-")), "compare.xlsx");
    await writeXlsx(planWorkbookPlans(catalog, a, parameters, b), path);
    return path;
  });
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await recalculated();
  }, 180_000);

  it("shows each band's WTE and cost in A and B and the change, as the domain computes them", () => {
    const byBand = (posts: PlannedPost[]) => new Map(planByBand(shown(costPlan(catalog.pay, posts, parameters))).map((r) => [r.key as string, r]));
    const inA = byBand(a);
    const inB = byBand(b);
    const { headers, rows } = recalculatedTable(workbook, "Compare scenarios", "Band");
    expect(headers).toEqual(["Band", "WTE A", "WTE B", "WTE change", "Cost A", "Cost B", "Cost change"]);
    expect(rows).toHaveLength(11);
    for (const row of rows) {
      const band = String(row[0]);
      const wa = inA.get(band)?.wte ?? 0;
      const wb = inB.get(band)?.wte ?? 0;
      const ca = inA.get(band)?.cost ?? 0;
      const cb = inB.get(band)?.cost ?? 0;
      expect(Number(row[1])).toBeCloseTo(wa, 9);
      expect(Number(row[2])).toBeCloseTo(wb, 9);
      expect(Number(row[3])).toBeCloseTo(wb - wa, 9);
      expectSamePenny(row[4], ca, `cost A band ${band}`);
      expectSamePenny(row[5], cb, `cost B band ${band}`);
      expectSamePenny(row[6], cb - ca, `change band ${band}`);
    }
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Staffing plan", "Plan summary", "Staffing plan B", "Compare scenarios", "Pay scales", "On-costs"]);
  });
});
