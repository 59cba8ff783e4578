import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import {
  type ForecastPost,
  type ForecastSettings,
  edate,
  forecastBy,
  forecastPay,
  forecastScales,
  isoOf,
  ladderOf,
  parseIsoDay,
  roundPennies,
} from "../../src/domain";
import { kindOf } from "../support/domainErrors";

/**
 * Hand-worked cases, each figure worked out on paper from the catalog's 2026/27 pay points (band 5: £32,074,
 * £34,592, £39,043; band 6: £39,959 entry, £48,117 top; band 2: £25,272), employer NI 15% above £5,000 a year
 * (£416.67 a month), employer pension 14.38%.
 */
const pay = defaultCatalog().pay;
const settings: ForecastSettings = { fromYear: "2026/27", years: 1, pensionBasis: "employer", includeLevy: false, vacancyFactor: 0, proration: "monthly" };
const post = (extra: Partial<ForecastPost>): ForecastPost => ({
  post: "P1",
  role: "Liaison practitioner",
  costCentre: "CC100",
  band: "5",
  wte: 1,
  hcasZone: "none",
  status: "In post",
  ...extra,
});
const pennies = (lines: object) => Object.fromEntries(Object.entries(lines).filter(([, v]) => typeof v === "number").map(([k, v]) => [k, roundPennies(v as number)]));

describe("forecast: hand-worked cases to the penny", () => {
  it("a step on 16 September: 15 days at entry and 15 at intermediate that month, NI and pension per month", () => {
    // Started in band 5 on 16 Sep 2024: intermediate from 16 Sep 2026 (2 years).
    // Apr–Aug 5 × 32074/12; Sep (32074×15 + 34592×15)/(12×30) = 2777.75; Oct–Mar 6 × 34592/12. Basic 33,437.92.
    // Every month is above £416.67, so NI = 15% × (33,437.92 − 5,000) = 4,265.69; pension 14.38% = 4,808.37.
    const f = forecastPay(pay, [post({ startInBand: "2024-09-16" })], settings);
    const year = f.posts[0]!.years[0]!;
    expect(pennies(year)).toMatchObject({ basic: 33437.92, hcas: 0, employerNI: 4265.69, pension: 4808.37, levy: 0, total: 42511.98 });
    expect(roundPennies(f.posts[0]!.months[5]!)).toBe(roundPennies(2777.75 + 0.15 * (2777.75 - 5000 / 12) + 0.1438 * 2777.75));
    // Held at entry all year: 32,074 + 4,061.10 + 4,612.24 = 40,747.34; the step costs 1,764.64 of drift.
    expect(roundPennies(year.drift)).toBe(1764.64);
    expect(roundPennies(f.years[0]!.drift)).toBe(1764.64);
  });

  it("a joiner on 10 June (21 of 30 days) at entry and a leaver whose last day is 20 November (20 of 30 days)", () => {
    const joiner = post({ post: "J", band: "6", startDate: "2026-06-10" });
    const leaver = post({ post: "L", band: "6", point: "top", endDate: "2026-11-20" });
    const f = forecastPay(pay, [joiner, leaver], settings);
    // Joiner: 39959×21/360 + 9 × 39959/12 = 32,300.19; NI on 10 months = 15% × (32,300.19 − 10 × 416.67) = 4,220.03.
    expect(pennies(f.posts[0]!.years[0]!)).toMatchObject({ basic: 32300.19, employerNI: 4220.03, pension: 4644.77, total: 41164.99 });
    expect(f.posts[0]!.months.slice(0, 2)).toEqual([0, 0]);
    // Leaver: 7 × 48117/12 + 48117×20/360 = 30,741.42; NI 15% × (30,741.42 − 8 × 416.67) = 4,111.21.
    expect(pennies(f.posts[1]!.years[0]!)).toMatchObject({ basic: 30741.42, employerNI: 4111.21, pension: 4420.62, total: 39273.24 });
    expect(f.posts[1]!.months.slice(8)).toEqual([0, 0, 0, 0]);
    // No steps inside the year for either: no drift.
    expect(f.years[0]!.drift).toBeCloseTo(0, 9);
  });

  it("a part-time post: 0.2 WTE at band 2 is £421.20 a month, NI only on the £4.53 above the monthly threshold", () => {
    const f = forecastPay(pay, [post({ band: "2", wte: 0.2 })], settings);
    expect(pennies(f.posts[0]!.years[0]!)).toMatchObject({ basic: 5054.4, employerNI: 8.16, pension: 726.82, total: 5789.38 });
    // 0.15 WTE (£315.90 a month) pays no NI at all.
    expect(forecastPay(pay, [post({ band: "2", wte: 0.15 })], settings).years[0]!.employerNI).toBe(0);
  });

  it("HCAS: 15% outer London on band 5 intermediate (£5,188.80, inside the limits), and inner London held at its £8,465 maximum", () => {
    const f = forecastPay(pay, [post({ point: "intermediate", hcasZone: "outer-london" }), post({ post: "P2", band: "6", point: "top", hcasZone: "inner-london" })], settings);
    expect(pennies(f.posts[0]!.years[0]!)).toMatchObject({ basic: 34592, hcas: 5188.8, employerNI: 5217.12, pension: 5720.48, total: 50718.4 });
    expect(pennies(f.posts[1]!.years[0]!)).toMatchObject({ basic: 48117, hcas: 8465, employerNI: 7737.3, pension: 8136.49, total: 72455.79 });
  });

  it("a year with an assumed award: 2027/28 = 2026/27 × 1.025 to the pound, on-costs carried forward, marked assumed", () => {
    const f = forecastPay(pay, [post({ point: "entry" })], { ...settings, years: 2, awards: { "2027/28": 2.5 } });
    expect(f.scales[1]!.pay.get("5")).toEqual([32876, 35457, 40019]); // 32,875.85 → 32,876; 34,592 × 1.025 = 35,456.8; 39,043 × 1.025 = 40,019.075
    expect(f.years.map((y) => [y.year, y.status, y.onCostStatus, y.award])).toEqual([
      ["2026/27", "indicative", "indicative", null],
      ["2027/28", "assumed", "assumed", 2.5],
    ]);
    expect(pennies(f.posts[0]!.years[1]!)).toMatchObject({ basic: 32876, employerNI: 4181.4, pension: 4727.57, total: 41784.97 });
    // HCAS limits are uplifted the same way: inner London's £8,465 maximum × 1.025 = £8,676.63 → £8,677.
    expect(f.scales[1]!.hcas.get("inner-london")).toEqual({ percent: 20, minimum: 5550, maximum: 8677 });
  });

  it("a funded rate below the award: 1.5% funded against 2.5% assumed leaves a gap of £415.31 on one band 5 post", () => {
    // Funded: 32,074 × 1.015 = 32,555.11 → £32,555 (total 41,369.66) against 41,784.97 at the award.
    const f = forecastPay(pay, [post({ point: "entry" })], { ...settings, years: 2, awards: { "2027/28": 2.5 }, funded: { "2027/28": 1.5 } });
    expect(roundPennies(f.posts[0]!.years[1]!.awardGap)).toBe(415.31);
    expect(roundPennies(f.years[1]!.awardGap)).toBe(415.31);
    expect(f.years[0]!.awardGap).toBe(0);
  });

  it("the calendar-day method: a joiner on 10 June is paid 295 of 365 days", () => {
    const f = forecastPay(pay, [post({ band: "6", startDate: "2026-06-10" })], { ...settings, proration: "calendar" });
    expect(roundPennies(f.posts[0]!.years[0]!.basic)).toBe(32295.63);
  });

  it("vacancy factor is a separate negative line; months add up to the years", () => {
    const posts = [post({ startInBand: "2024-09-16" }), post({ post: "J", band: "6", startDate: "2026-06-10", hcasZone: "fringe" })];
    const f = forecastPay(pay, posts, { ...settings, years: 3, vacancyFactor: 0.03 });
    for (const [i, y] of f.years.entries()) {
      expect(y.vacancy).toBeCloseTo(-0.03 * y.total, 9);
      expect(y.budget).toBeCloseTo(y.total + y.vacancy, 9);
      const months = f.months.slice(i * 12, i * 12 + 12);
      expect(months.reduce((s, m) => s + m.total, 0)).toBeCloseTo(y.total, 6);
      expect(y.total).toBeCloseTo(y.basic + y.hcas + y.employerNI + y.pension + y.levy, 6);
    }
    expect(f.months.map((m) => m.month).slice(0, 3)).toEqual(["2026-04", "2026-05", "2026-06"]);
    expect(f.months).toHaveLength(36);
    const byCentre = forecastBy(f, "costCentre");
    expect(byCentre.filter((g) => g.year === "2026/27").map((g) => g.key)).toEqual(["CC100"]);
    expect(byCentre[0]!.total).toBeCloseTo(f.years[0]!.total, 6);
  });
});

describe("forecast: steps, dates and scales", () => {
  it("moves on the anniversary itself, 29 February on 28 February as EDATE does", () => {
    expect(isoOf(edate(parseIsoDay("2024-02-29"), 24))).toBe("2026-02-28");
    const ladder = ladderOf(pay, { band: "6", startInBand: parseIsoDay("2024-02-29") });
    expect(ladder.steps.map(isoOf)).toEqual(["2026-02-28", "2029-02-28"]);
    expect(ladderOf(pay, { band: "4", point: "entry" })).toMatchObject({ first: 0, steps: [], points: 2 });
    expect(ladderOf(pay, { band: "5" })).toMatchObject({ first: 2, steps: [] });
  });

  it("refuses what it cannot cost, saying why", () => {
    expect(kindOf(() => forecastPay(pay, [], { ...settings, years: 6 }))).toBe("invalid");
    expect(kindOf(() => forecastScales(pay, { years: ["2026/27"], awards: { "2026/27": 2 } }))).toBe("invalid");
    expect(() => forecastPay(pay, [post({ startDate: "2026-06-10", endDate: "2026-05-01" })], settings)).toThrow("post 'P1': its end date 2026-05-01 is before its start date 2026-06-10");
    expect(() => forecastPay(pay, [post({ startDate: "2026-02-30" })], settings)).toThrow("post 'P1': '2026-02-30' is not a start date");
    expect(() => forecastPay(pay, [], { ...settings, funded: { "2030/31": 1 } })).toThrow("outside the forecast");
  });
});
