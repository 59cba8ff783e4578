import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { kindOf } from "../support/domainErrors";
import {
  type Band,
  bandPosition,
  bandScoreRange,
  evaluateProfile,
  factorScore,
  factorScoreRange,
  findFactor,
  jeBandRange,
  jeScore,
  jeScoreOfLevels,
  jeScoreToBand,
  parseJeLevel,
} from "../../src/domain";

const scheme = defaultCatalog().jeScheme;


describe("JE score → band", () => {
  // Each pair is the last score of one band and the first of the next (reference §2).
  const boundaries: [number, Band, Band][] = [
    [160, "1", "2"],
    [215, "2", "3"],
    [270, "3", "4"],
    [325, "4", "5"],
    [395, "5", "6"],
    [465, "6", "7"],
    [539, "7", "8a"],
    [584, "8a", "8b"],
    [629, "8b", "8c"],
    [674, "8c", "8d"],
    [720, "8d", "9"],
  ];
  it.each(boundaries)("%i is band %s and the next score is band %s", (last, below, above) => {
    expect(jeScoreToBand(scheme, last)).toBe(below);
    expect(jeScoreToBand(scheme, last + 1)).toBe(above);
  });

  it("765 is band 9; 766 has no band and is not rounded into band 9", () => {
    expect(jeScoreToBand(scheme, 765)).toBe("9");
    expect(kindOf(() => jeScoreToBand(scheme, 766))).toBe("out-of-range");
    expect(() => jeScoreToBand(scheme, 766)).toThrow("JE score 766 is above 765, the top of band 9: it has no band");
  });

  it("0 is band 1, a negative score has no band", () => {
    expect(jeScoreToBand(scheme, 0)).toBe("1");
    expect(kindOf(() => jeScoreToBand(scheme, -1))).toBe("out-of-range");
  });

  it("refuses what is not a whole score", () => {
    expect(kindOf(() => jeScoreToBand(scheme, 598.5))).toBe("invalid");
    expect(kindOf(() => jeScoreToBand(scheme, "598"))).toBe("invalid");
    expect(kindOf(() => jeScoreToBand(scheme, Number.NaN))).toBe("invalid");
    expect(kindOf(() => jeScoreToBand(scheme, null))).toBe("invalid");
  });

  it("gives each band's score limits", () => {
    expect(bandScoreRange(scheme, "8b")).toEqual({ min: 585, max: 629 });
    expect(bandScoreRange(scheme, "1")).toEqual({ min: 0, max: 160 });
    expect(bandScoreRange(scheme, "9")).toEqual({ min: 721, max: 765 });
  });
});

describe("where a score sits in its band", () => {
  it("counts points to the boundaries and to the next band", () => {
    expect(bandPosition(scheme, 598)).toEqual({
      score: 598,
      band: "8b",
      bandMin: 585,
      bandMax: 629,
      pointsAboveMin: 13,
      pointsBelowMax: 31,
      nextBand: "8c",
      pointsToNextBand: 32,
    });
  });
  it("is zero at a lower boundary and one below the next band at an upper one", () => {
    expect(bandPosition(scheme, 540).pointsAboveMin).toBe(0);
    expect(bandPosition(scheme, 584).pointsToNextBand).toBe(1);
  });
  it("has no next band at the top", () => {
    const top = bandPosition(scheme, 765);
    expect(top.nextBand).toBeNull();
    expect(top.pointsToNextBand).toBeNull();
    expect(kindOf(() => bandPosition(scheme, 800))).toBe("out-of-range");
  });
});

describe("factor scores", () => {
  it("weights each level by the scoring chart", () => {
    expect(factorScore(scheme, 1, 5)).toBe(45);
    expect(factorScore(scheme, 2, 8)).toBe(240);
    expect(factorScore(scheme, 15, 4)).toBe(25);
    expect(factorScore(scheme, "Freedom to act", 5)).toBe(45);
    expect(factorScore(scheme, "knowledge", "6")).toBe(156);
    expect(factorScore(scheme, 9, "4(a)")).toBe(32);
  });
  it("has 16 factors whose lowest levels sum to 86 and top levels to 1000", () => {
    expect(scheme.factors).toHaveLength(16);
    expect(scheme.minTotal).toBe(86);
    expect(scheme.maxTotal).toBe(1000);
    expect(jeScoreOfLevels(scheme, new Array(16).fill(1))).toBe(86);
    expect(jeScoreOfLevels(scheme, scheme.factors.map((f) => f.levelScores.length))).toBe(1000);
  });
  it("refuses a level above the factor's top level, naming the factor", () => {
    expect(() => factorScore(scheme, 15, 5)).toThrow("'5' is not a level of factor 15 (Emotional effort): it has levels 1–4");
    expect(kindOf(() => factorScore(scheme, 17, 1))).toBe("not-found");
    expect(kindOf(() => factorScore(scheme, "nonsense", 1))).toBe("not-found");
    expect(kindOf(() => factorScore(scheme, 1, "2-3"))).toBe("invalid");
    expect(factorScoreRange(scheme, 5, "2-3 (a)(b)")).toEqual({ min: 15, max: 27 });
  });
  it("finds factors by number or name", () => {
    expect(findFactor(scheme, 12).name).toBe("Freedom to act");
    expect(findFactor(scheme, "12").number).toBe(12);
    expect(findFactor(scheme, "Physical effort").number).toBe(13);
  });
});

describe("parseJeLevel", () => {
  it.each([
    [4, 4, 4],
    ["4", 4, 4],
    ["2-3", 2, 3],
    ["4(a)", 4, 4],
    ["5 (a) (b)", 5, 5],
    ["2-3 (a)(b)", 2, 3],
    ["1/ 2(b); (d)/ 3 (c)", 1, 3],
    ["5-6", 5, 6],
    ["4-5(a)", 4, 5],
    ["4 (a) (c)/ 5(a)", 4, 5],
    ["4 (a) (c)5(a)", 4, 5],
    ["8(a)", 8, 8],
    ["2–4", 2, 4],
  ] as const)("reads %j as %i–%i", (text, min, max) => {
    expect(parseJeLevel(text)).toEqual({ min, max });
  });

  it.each(["abc", "", "  ", "2-", "-3", "0", "3-2", "(a)", "2.5", 2.5, 0, -1, null, "4 (ab)"])("refuses %j", (text) => {
    expect(kindOf(() => parseJeLevel(text))).toBe("invalid");
  });
});

describe("JE score of sixteen levels", () => {
  it("sums single levels", () => {
    const levels = [5, 6, 5, 4, 2, 7, 4, 4, 4, 1, 1, 5, 1, 3, 2, 2];
    expect(jeScore(scheme, levels)).toEqual({ min: 550, max: 550 });
    expect(jeScoreOfLevels(scheme, levels)).toBe(550);
  });
  it("gives a range for ranges", () => {
    const range = jeScore(scheme, ["5", "6", "5", "4", "2-3", "7", "4", "4", "4", "1", "1-3", "5", "1-3", "3", "2-3", "2-3"]);
    expect(range).toEqual({ min: 550, max: 599 });
    expect(jeBandRange(scheme, range)).toEqual({ bandMin: "8a", bandMax: "8b" });
  });
  it("refuses 15 levels, a level above a factor's top and text that is no level", () => {
    expect(() => jeScore(scheme, new Array(15).fill(1))).toThrow("a JE score needs 16 factor levels, one per factor; 15 given");
    const tooHigh = new Array(16).fill(1);
    tooHigh[14] = 5;
    expect(() => jeScore(scheme, tooHigh)).toThrow(/factor 15 \(Emotional effort\)/);
    expect(() => jeScoreOfLevels(scheme, tooHigh)).toThrow(/factor 15 \(Emotional effort\)/);
    const bad = new Array(16).fill(1);
    bad[2] = "abc";
    expect(() => jeScore(scheme, bad)).toThrow(/factor 3 \(Analytical & judgemental skills\).*'abc' is not a JE level/);
    const fractional = new Array(16).fill(1);
    fractional[0] = 1.5;
    expect(kindOf(() => jeScoreOfLevels(scheme, fractional))).toBe("invalid");
  });
});

describe("national profiles", () => {
  const profiles = defaultCatalog().nationalProfiles;
  it.each([
    ["professional-manager-clinical-8a-8b", 550, 599, "8a", "8b"],
    ["professional-manager-clinical-8b-8c", 590, 665, "8b", "8c"],
    ["professional-manager-clinical-8c-9", 641, 748, "8c", "9"],
  ] as const)("%s scores %i–%i, bands %s–%s, as the document says", (id, min, max, bandMin, bandMax) => {
    const profile = profiles.find((p) => p.id === id)!;
    expect(profile.documentScore).toEqual({ min, max });
    const evaluation = evaluateProfile(scheme, profile);
    expect(evaluation).toEqual({ min, max, bandMin, bandMax, matchesDocument: true });
  });
});
