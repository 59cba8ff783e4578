import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import { type CostLines, HCAS_ZONES, type PlanParameters, type PlannedPost, postCost, roundedCostLines } from "../../src/domain";
import { onCostsSheet, payScalesSheet } from "../../src/sheets/payReference";
import { planSummarySheet } from "../../src/sheets/planSummary";
import { planNames, staffingPlanSheet } from "../../src/sheets/staffingPlan";
import { wfp } from "../support/cli";
import { recalculateWithLibreOffice, recalculatedTable, resultOf } from "../support/libreoffice";

/**
 * Money that adds up, on the sheets: every band and point of every year, in every HCAS zone, at part-time WTEs,
 * under every pension basis and levy choice. Each parameter set is a staffing plan of its own (scenarios side
 * by side in one workbook, so LibreOffice starts once); after recalculation each row's lines must be exactly the
 * lines `wfp cost` prints (roundedCostLines), its Total their sum, and the totals row and the Plan summary the
 * sum of those rounded figures.
 */
const catalog = defaultCatalog();
const roles = catalog.roles.map((r) => r.title);
const years = catalog.pay.payScales.map((s) => s.year);
const LINES = ["Basic", "HCAS", "Employer NI", "Pension", "Levy"] as const;
const KEYS: Record<(typeof LINES)[number] | "Total", keyof CostLines> = {
  Basic: "basic",
  HCAS: "hcas",
  "Employer NI": "employerNI",
  Pension: "pension",
  Levy: "levy",
  Total: "total",
};
const pennies = (amount: number): number => Math.round(amount * 100);

/** WTEs with two decimals spread over 0.01–1.5 (a fixed sequence, so a failure reproduces). */
function* wteSequence(seed: number): Generator<number> {
  let x = 7 + seed;
  for (;;) {
    x = (x * 48271) % 2147483647;
    yield 1 + (x % 150);
  }
}

function postsFor(year: string, seed: number): PlannedPost[] {
  const scale = catalog.pay.payScales.find((s) => s.year === year)!;
  const wtes = wteSequence(seed);
  const posts: PlannedPost[] = [];
  for (const band of scale.bands) {
    if (band.band === "1") continue;
    for (const point of band.points) {
      // Whole time outside London; a part-time WTE from the sequence in each London zone (every parameter set
      // draws its own, so the 12 sets put each point and zone at 12 different WTEs). All four WTEs per zone made
      // 5,568 rows and 45 s of LibreOffice; this is the same coverage of every line's rounding at a quarter.
      for (const zone of ["none", ...HCAS_ZONES] as const) {
        const wte = zone === "none" ? 1 : wtes.next().value / 100;
        posts.push({
          post: `Post ${posts.length + 1}`,
          role: roles[posts.length % roles.length]!,
          band: band.band,
          point: point.point,
          wte,
          hcasZone: zone,
          status: "In post",
        });
      }
    }
  }
  return posts;
}

const parameterSets: PlanParameters[] = years.flatMap((year) =>
  (["employer", "full"] as const).flatMap((pensionBasis) => [false, true].map((includeLevy) => ({ year, pensionBasis, includeLevy, vacancyFactor: 0.03 }))),
);
// The main plan ("") carries the Plan summary; the others are scenarios B, C, … beside it.
const scenarios = parameterSets.map((parameters, i) => ({
  names: planNames(i === 0 ? "" : String.fromCharCode(65 + i)),
  parameters,
  posts: postsFor(parameters.year, i),
}));

const label = (p: PlanParameters) => `${p.year}, ${p.pensionBasis} pension, ${p.includeLevy ? "with" : "no"} levy`;
const shownCost = (post: PlannedPost, p: PlanParameters): CostLines =>
  roundedCostLines(postCost(catalog.pay, { band: post.band, point: post.point, wte: post.wte, year: p.year, hcasZone: post.hcasZone, pensionBasis: p.pensionBasis, includeLevy: p.includeLevy }));

describe("cost lines on the sheets, recalculated by LibreOffice, for every combination", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), "wfp-rounding-")), "rounding.xlsx");
    await writeXlsx(
      [
        ...scenarios.map((s) => staffingPlanSheet(catalog, { posts: s.posts, parameters: s.parameters, roleTitles: roles }, s.names)),
        planSummarySheet(roles),
        payScalesSheet(catalog, years),
        onCostsSheet(catalog.pay, years),
      ],
      path,
    );
    workbook = await recalculateWithLibreOffice(path);
  }, 300_000);

  it("covers every year, pension basis and levy choice, and every band point and zone in each", () => {
    expect(scenarios).toHaveLength(years.length * 2 * 2);
    // 29 band points (band 2: 1; bands 3–4: 2; bands 5–9: 3) × 4 zones, three of them part time.
    for (const s of scenarios) expect(s.posts).toHaveLength(29 * 4);
    for (const s of scenarios) expect(s.posts.filter((p) => p.wte !== 1).length).toBeGreaterThan(29 * 2);
  });

  it("shows on each row exactly the lines wfp cost prints, and a Total that is their sum", () => {
    // Every figure that is not as it should be, listed at once (and 1,392 rows × 6 figures checked without an
    // expect() apiece: its bookkeeping was most of this test's time).
    const wrong: string[] = [];
    let checked = 0;
    for (const s of scenarios) {
      const { headers, rows } = recalculatedTable(workbook, s.names.sheet, "Post");
      expect(rows, s.names.sheet).toHaveLength(s.posts.length);
      const col = (h: string) => headers.indexOf(h);
      s.posts.forEach((post, i) => {
        const row = rows[i]!;
        const where = `${label(s.parameters)}: band ${post.band} ${post.point}, ${post.wte} WTE, ${post.hcasZone}`;
        if (row[col("Post")] !== post.post) wrong.push(`${where}: Post is ${String(row[col("Post")])}`);
        if (row[col("Check")] !== "OK") wrong.push(`${where}: Check is ${String(row[col("Check")])}`);
        const expected = shownCost(post, s.parameters);
        let sumOfLines = 0;
        for (const h of [...LINES, "Total"] as const) {
          const shown = row[col(h)];
          if (typeof shown !== "number") {
            wrong.push(`${where}: ${h} is ${String(shown)}, not a number`);
            continue;
          }
          if (pennies(shown) !== pennies(expected[KEYS[h]])) wrong.push(`${where}: ${h} ${shown} vs ${expected[KEYS[h]]}`);
          // Whole pennies, not a figure that only displays as one.
          if (Math.abs(shown * 100 - pennies(shown)) >= 1e-6) wrong.push(`${where}: ${h} ${shown} is not whole pennies`);
          if (h !== "Total") sumOfLines += pennies(shown);
          else if (sumOfLines !== pennies(shown)) wrong.push(`${where}: the lines add up to ${sumOfLines / 100}, the Total is ${shown}`);
        }
        checked++;
      });
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(scenarios.length * 29 * 4);
  });

  it("totals each plan's lines to a totals row that adds up, and the Plan summary to the same total", () => {
    for (const s of scenarios) {
      const sheet = workbook.getWorksheet(s.names.sheet)!;
      const { headers, rows } = recalculatedTable(workbook, s.names.sheet, "Post");
      let totalsRow: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === "Total") totalsRow = r;
      });
      const totalOf = (h: string) => pennies(resultOf(totalsRow!.getCell(headers.indexOf(h) + 1)) as number);
      const expected = s.posts.map((p) => shownCost(p, s.parameters));
      for (const h of [...LINES, "Total"] as const) {
        expect(totalOf(h), `${s.names.sheet}: ${h}`).toBe(expected.reduce((sum, c) => sum + pennies(c[KEYS[h]]), 0));
      }
      expect(LINES.reduce((sum, h) => sum + totalOf(h), 0), s.names.sheet).toBe(totalOf("Total"));
      expect(rows).toHaveLength(s.posts.length);
    }
    const main = scenarios[0]!;
    const summary = workbook.getWorksheet("Plan summary")!;
    let establishment: unknown;
    summary.eachRow((r) => {
      if (r.getCell(1).value === "Establishment cost") establishment = resultOf(r.getCell(2));
    });
    expect(pennies(establishment as number)).toBe(main.posts.reduce((sum, p) => sum + pennies(shownCost(p, main.parameters).total), 0));
  });

  it("shows the very figures `wfp cost` prints, one post of each parameter set", async () => {
    for (const [n, s] of scenarios.entries()) {
      const post = s.posts[(n * 37) % s.posts.length]!;
      const p = s.parameters;
      const argv = ["cost", "--band", post.band, "--point", post.point, "--wte", String(post.wte), "--year", p.year, "--hcas", post.hcasZone, "--pension", p.pensionBasis, ...(p.includeLevy ? ["--levy"] : [])];
      const { code, stdout } = await wfp(...argv);
      expect(code, argv.join(" ")).toBe(0);
      const printed = stdout
        .split("\n")
        .filter((l) => /^ {2}\S.*£[\d,]+\.\d\d$/.test(l))
        .map((l) => Math.round(Number(l.slice(l.lastIndexOf("£") + 1).replace(/,/g, "")) * 100));
      const { headers, rows } = recalculatedTable(workbook, s.names.sheet, "Post");
      const row = rows[s.posts.indexOf(post)]!;
      expect(printed, argv.join(" ")).toEqual([...LINES, "Total"].map((h) => pennies(row[headers.indexOf(h)] as number)));
    }
  }, 120_000);
});
