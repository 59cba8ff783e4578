import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { HCAS_ZONES, postCost, roundPennies, roundedCostLines } from "../../src/domain";
import { wfp } from "../support/cli";

const catalog = defaultCatalog();
const pennies = (text: string): number => Math.round(Number(text.replace(/[£,]/g, "")) * 100);

/** Every combination a user can ask `wfp cost` for: band, each of its points, year, zone, pension basis, levy. */
const combinations = catalog.pay.payScales.flatMap((scale) =>
  scale.bands.flatMap((band) =>
    band.points.flatMap((point) =>
      (["none", ...HCAS_ZONES] as const).flatMap((hcas) =>
        (["employer", "full"] as const).flatMap((pension) => [false, true].map((levy) => ({ year: scale.year, band: band.band, point: point.point, hcas, pension, levy }))),
      ),
    ),
  ),
);

describe("money that adds up", () => {
  it("covers every band, point, year, zone, pension basis and levy choice", () => {
    // 3 years × 29 band points (band 2: 1; bands 3–4: 2; bands 5–9: 3) × 4 zones × 2 pension bases × levy or not.
    expect(combinations.length).toBe(3 * 29 * 4 * 2 * 2);
  });
  it("prints cost lines that add up to the printed total to the penny, for every combination and part-time WTEs", async () => {
    let checked = 0;
    for (const c of combinations) {
      for (const wte of ["1", "0.8", "0.37"]) {
        const argv = ["cost", "--band", c.band, "--point", c.point, "--wte", wte, "--year", c.year, "--hcas", c.hcas, "--pension", c.pension, ...(c.levy ? ["--levy"] : [])];
        const { code, stdout } = await wfp(...argv);
        expect(code, argv.join(" ")).toBe(0);
        const amounts = stdout
          .split("\n")
          .filter((l) => /^ {2}\S.*£[\d,]+\.\d\d$/.test(l))
          .map((l) => pennies(l.slice(l.lastIndexOf("£"))));
        expect(amounts, argv.join(" ")).toHaveLength(6);
        const lines = amounts.slice(0, 5);
        expect(lines.reduce((a, b) => a + b, 0), argv.join(" ")).toBe(amounts[5]);
        checked++;
      }
    }
    expect(checked).toBe(combinations.length * 3);
  }, 600_000);
  it("rounds the decimal a figure stands for, as ROUND(x,2) on a sheet does, not its binary approximation", () => {
    // 0.5% of £53,755 is 268.775 but 268.77499999999997 in binary (so ×100 falls short of the half penny);
    // Excel and LibreOffice show £268.78.
    expect(Math.round(0.005 * 53755 * 100)).toBe(26877);
    expect(roundPennies(0.005 * 53755)).toBe(268.78);
    expect(roundPennies(-0.005 * 53755)).toBe(-268.78);
    expect(roundPennies(1.005)).toBe(1.01);
    expect(roundPennies(0.1 + 0.2)).toBe(0.3);
    expect(roundPennies(2.0049999)).toBe(2);
    expect(roundPennies(0)).toBe(0);
  });
  it("rounds each line half away from zero and stays within pennies of the unrounded total", () => {
    for (const c of combinations) {
      const cost = postCost(catalog.pay, { band: c.band, point: c.point, wte: 0.37, year: c.year, hcasZone: c.hcas, pensionBasis: c.pension, includeLevy: c.levy });
      const shown = roundedCostLines(cost);
      for (const key of ["basic", "hcas", "employerNI", "pension", "levy"] as const) expect(shown[key]).toBe(roundPennies(cost[key]));
      expect(Math.abs(shown.total - cost.total)).toBeLessThanOrEqual(0.025);
    }
  });
});
