import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

describe("money that adds up in wfp forecast", () => {
  const dir = mkdtempSync(join(tmpdir(), "wfp-forecast-rounding-"));
  const bands = ["3", "4", "5", "6", "7", "8a", "8b"];
  const zones = ["none", ...HCAS_ZONES];
  /** A team of 7 posts spread over bands, part-time WTEs, zones, steps and start and end dates; fixed by `seed`. */
  const team = (seed: number): string => {
    let x = seed * 7919 + 1;
    const next = (n: number) => (x = (x * 48271) % 2147483647) % n;
    const rows = bands.map((band, i) => {
      const wte = (1 + next(150)) / 100;
      const start = next(3) === 0 ? `2026-${String(1 + next(12)).padStart(2, "0")}-${String(1 + next(28)).padStart(2, "0")}` : "";
      return [`Post ${i}`, band, next(2) === 0 ? "entry" : "top", wte, zones[next(zones.length)], `20${20 + next(6)}-0${1 + next(9)}-15`, start].join(",");
    });
    return ["Post,Band,Point,WTE,HCAS zone,Start date in band,Start date", ...rows].join("\n");
  };
  it("prints each year's lines adding up to its total, and the total and vacancy to the budget, to the penny", async () => {
    let rows = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const csv = join(dir, `team-${seed}.csv`);
      writeFileSync(csv, team(seed));
      const argv = ["forecast", "--team", csv, "--from", "2026/27", "--years", "3", "--award", "2027/28=2.5,2028/29=3.1", "--vacancy", "0.037", ...(seed % 2 ? ["--levy"] : []), ...(seed % 3 ? [] : ["--pension", "full"])];
      const { code, stdout, stderr } = await wfp(...argv);
      expect(code, stderr).toBe(0);
      for (const line of stdout.split("\n").filter((l) => /^\d{4}\/\d{2}\t/.test(l))) {
        const [basic, hcas, ni, pension, levy, total, , , vacancy, budget] = line.split("\t").slice(2).map(pennies);
        expect(basic! + hcas! + ni! + pension! + levy!, `${argv.join(" ")}: ${line}`).toBe(total);
        expect(total! + vacancy!, `${argv.join(" ")}: ${line}`).toBe(budget);
        rows++;
      }
    }
    expect(rows).toBe(40 * 3);
  }, 120_000);
});
