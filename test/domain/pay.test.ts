import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { kindOf } from "../support/domainErrors";
import {
  applyVacancyFactor,
  normalizeYear,
  parseHcasZone,
  parsePayPoint,
  payFor,
  payPointAfterYears,
  postCost,
  roundPennies,
  upliftForAward,
  yearCostWithStep,
} from "../../src/domain";

const pay = defaultCatalog().pay;

/** The pay table of the reference (test/fixtures/reference.md §3), read from its Markdown: the oracle. */
function referencePayTable(): Map<string, (number | null)[]> {
  const md = readFileSync(join(__dirname, "..", "fixtures", "reference.md"), "utf8");
  const section = md.slice(md.indexOf("## 3. Pay"), md.indexOf("High Cost Area Supplements"));
  const rows = new Map<string, (number | null)[]>();
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim()).filter((c, i, all) => i > 0 && i < all.length - 1);
    if (cells.length === 7 && /^(\d|8[a-d])$/.test(cells[0]!)) {
      rows.set(cells[0]!, cells.slice(1).map((c) => (c === "–" ? null : Number(c.replace(/,/g, "")))));
    }
  }
  return rows;
}


describe("pay points", () => {
  const table = referencePayTable();
  it("reads the whole reference table", () => expect([...table.keys()]).toEqual(["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"]));

  for (const [year, offset] of [["2024/25", 0], ["2025/26", 3]] as const) {
    it.each([...table.entries()])(`${year} band %s: every point as the reference gives it`, (band, values) => {
      const [entry, mid, top] = values.slice(offset, offset + 3);
      expect(payFor(pay, band, "entry", year).annual).toBe(entry);
      expect(payFor(pay, band, "top", year).annual).toBe(top);
      expect(payFor(pay, band, 1, year).annual).toBe(entry);
      if (mid === null) {
        expect(kindOf(() => payFor(pay, band, "intermediate", year))).toBe("invalid");
      } else {
        expect(payFor(pay, band, "intermediate", year).annual).toBe(mid);
        expect(payFor(pay, band, 2, year).annual).toBe(mid);
        expect(payFor(pay, band, 3, year).annual).toBe(top);
      }
    });
  }

  it("carries each year's status: 2024/25 band 9 derived, band 7 secondary, 2025/26 secondary, 2026/27 indicative", () => {
    expect(payFor(pay, "9", "top", "2024/25").provenance.status).toBe("derived");
    expect(payFor(pay, "7", "top", "2024/25").provenance.status).toBe("secondary");
    expect(payFor(pay, "6", "top", "2024/25").provenance.status).toBe("confirmed");
    expect(payFor(pay, "6", "top", "2025/26").provenance.status).toBe("secondary");
    const p26 = payFor(pay, "6", "top", "2026/27");
    expect(p26.provenance.status).toBe("indicative");
    expect(p26.annual).toBe(Math.round(46580 * 1.033));
  });

  it("defaults to top of band and the latest year that is not indicative", () => {
    expect(payFor(pay, "5")).toMatchObject({ point: "top", year: "2025/26", annual: 37796 });
  });

  it("pays band 1 at band 2 and says so", () => {
    const p = payFor(pay, 1, "top", "2025/26");
    expect(p).toMatchObject({ band: "1", payBand: "2", annual: 24465 });
    expect(p.notes[0]).toMatch(/Band 1 closed to new entrants on 1 December 2018/);
  });

  it("refuses an unknown year naming the years available", () => {
    expect(() => payFor(pay, 5, "top", "2019/20")).toThrow("no england pay scale for 2019/20; years available: 2024/25, 2025/26, 2026/27");
    expect(kindOf(() => payFor(pay, 5, "top", "2019/20"))).toBe("not-found");
    expect(kindOf(() => payFor(pay, 5, "top", "next year"))).toBe("invalid");
    expect(kindOf(() => payFor(pay, "8e"))).toBe("invalid");
    expect(kindOf(() => payFor(pay, 5, "fourth"))).toBe("invalid");
    expect(() => payFor(pay, 2, "intermediate")).toThrow("band 2 has one pay point: there is no intermediate point");
  });

  it.each([["2025/26", "2025/26"], ["2025-26", "2025/26"], ["2025/2026", "2025/26"], ["25/26", "2025/26"], [2025, "2025/26"], ["2099/00", "2099/00"]] as const)(
    "reads the year %j as %s",
    (input, year) => expect(normalizeYear(input)).toBe(year),
  );
  it.each(["2025/27", "20/25", "", "last year"])("refuses the year %j", (input) => expect(kindOf(() => normalizeYear(input))).toBe("invalid"));
  it("reads points and zones as typed", () => {
    expect(parsePayPoint(" Top ")).toBe("top");
    expect(parsePayPoint("mid")).toBe("intermediate");
    expect(parsePayPoint("3")).toBe(3);
    expect(parseHcasZone("Inner London")).toBe("inner-london");
    expect(parseHcasZone(null)).toBe("none");
    expect(kindOf(() => parseHcasZone("Manchester"))).toBe("invalid");
  });
});

describe("progression", () => {
  it.each([
    ["2", 10, "entry"],
    ["3", 1.9, "entry"],
    ["3", 2, "top"],
    ["4", 2.99, "entry"],
    ["4", 3, "top"],
    ["5", 1, "entry"],
    ["5", 2, "intermediate"],
    ["5", 4, "top"],
    ["6", 4.9, "intermediate"],
    ["6", 5, "top"],
    ["8a", 0, "entry"],
    ["9", 2, "intermediate"],
  ] as const)("band %s after %f years is at %s", (band, years, point) => {
    expect(payPointAfterYears(pay, band, years)).toBe(point);
  });
  it("refuses negative years", () => expect(kindOf(() => payPointAfterYears(pay, 5, -1))).toBe("invalid"));
});

describe("postCost", () => {
  it("shows every line: band 6 top, 0.8 WTE, 2025/26, outer London", () => {
    const c = postCost(pay, { band: 6, point: "top", wte: 0.8, year: "2025/26", hcasZone: "outer-london" });
    const basic = 46580 * 0.8;
    const hcas = Math.min(Math.max(0.15 * 46580, 4552), 5941) * 0.8;
    expect(c.basic).toBeCloseTo(basic, 9);
    expect(c.hcas).toBeCloseTo(hcas, 9);
    expect(c.employerNI).toBeCloseTo(0.15 * (basic + hcas - 5000), 9);
    expect(c.pension).toBeCloseTo(0.1438 * (basic + hcas), 9);
    expect(c.levy).toBe(0);
    expect(c.total).toBeCloseTo(c.basic + c.hcas + c.employerNI + c.pension, 9);
    expect(roundPennies(c.total)).toBe(Math.round(c.total * 100) / 100);
  });

  it("charges no NI below the threshold and does not pro-rate the threshold", () => {
    const tiny = postCost(pay, { band: 2, wte: 0.2, year: "2025/26" });
    expect(tiny.basic).toBeCloseTo(4893, 9);
    expect(tiny.employerNI).toBe(0);
    const old = postCost(pay, { band: 2, wte: 0.3, year: "2024/25" });
    expect(old.employerNI).toBe(0);
    const part = postCost(pay, { band: 5, wte: 0.5, year: "2024/25" });
    expect(part.employerNI).toBeCloseTo(0.138 * (36483 * 0.5 - 9100), 9);
  });

  it("holds HCAS at its minimum and its maximum", () => {
    const low = postCost(pay, { band: 2, year: "2024/25", hcasZone: "inner-london" });
    expect(low.hcas).toBe(5415);
    const high = postCost(pay, { band: 9, year: "2024/25", hcasZone: "inner-london" });
    expect(high.hcas).toBe(8171);
    const fringeMid = postCost(pay, { band: 5, point: "entry", year: "2025/26", hcasZone: "fringe", wte: 0.5 });
    expect(fringeMid.hcas).toBeCloseTo(Math.max(0.05 * 31049, 1258) * 0.5, 9);
  });

  it("costs pension on the employer or the full basis, levy only when asked", () => {
    const local = postCost(pay, { band: 7, year: "2025/26" });
    const full = postCost(pay, { band: 7, year: "2025/26", pensionBasis: "full", includeLevy: true });
    expect(local.pension).toBeCloseTo(0.1438 * 54710, 9);
    expect(full.pension).toBeCloseTo(0.2378 * 54710, 9);
    expect(full.levy).toBeCloseTo(0.005 * 54710, 9);
    expect(full.sources.map((s) => s.status)).toContain("confirmed");
  });

  it("refuses negative WTE, more than 1.5 WTE and a bad pension basis", () => {
    expect(() => postCost(pay, { band: 5, wte: -0.5 })).toThrow("WTE -0.5 is negative: give 0 to 1.5");
    expect(() => postCost(pay, { band: 5, wte: 1.6 })).toThrow("WTE 1.6 is above 1.5: one post is at most 1.5 WTE");
    expect(kindOf(() => postCost(pay, { band: 5, pensionBasis: "some" }))).toBe("invalid");
  });
});

describe("a year with a pay step inside it", () => {
  it("pays months before the step at the old point and after at the new", () => {
    // Band 5 from 1 July 2023: intermediate from 1 July 2025, so 2025/26 has 3 months at entry and 9 at intermediate.
    const c = yearCostWithStep(pay, { band: 5, year: "2025/26", startInBand: "2023-07-01" });
    expect(c.periods).toEqual([
      { point: "entry", months: 3, fullTimePay: 31049 },
      { point: "intermediate", months: 9, fullTimePay: 33487 },
    ]);
    expect(c.basic).toBeCloseTo((3 / 12) * 31049 + (9 / 12) * 33487, 9);
    expect(c.employerNI).toBeCloseTo(0.15 * (c.basic - 5000), 9);
  });
  it("counts a part month at the lower point", () => {
    const c = yearCostWithStep(pay, { band: 5, year: "2025/26", startInBand: "2023-07-15" });
    expect(c.periods.map((p) => p.months)).toEqual([4, 8]);
  });
  it("has one period when no step falls in the year, and none before the start", () => {
    expect(yearCostWithStep(pay, { band: 6, year: "2025/26", startInBand: "2015-01-01" }).periods).toEqual([{ point: "top", months: 12, fullTimePay: 46580 }]);
    expect(yearCostWithStep(pay, { band: 6, year: "2025/26", startInBand: "2025-10-01" }).periods).toEqual([{ point: "entry", months: 6, fullTimePay: 38682 }]);
    expect(kindOf(() => yearCostWithStep(pay, { band: 6, year: "2025/26", startInBand: "2027-01-01" }))).toBe("invalid");
    expect(kindOf(() => yearCostWithStep(pay, { band: 6, year: "2025/26", startInBand: "2025-02-30" }))).toBe("invalid");
  });
});

describe("plan adjustments", () => {
  it("applies a vacancy factor and an award uplift", () => {
    expect(applyVacancyFactor(100_000, 0.03)).toBeCloseTo(97_000, 9);
    expect(() => applyVacancyFactor(100, 3)).toThrow(/a vacancy factor is a fraction/);
    expect(upliftForAward(46580, 3.3)).toBeCloseTo(48117.14, 9);
  });
});
