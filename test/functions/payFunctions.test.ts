import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { postCost } from "../../src/domain";
import { excel, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const wfp = await import("../../src/functions/functions");
const payData = defaultCatalog().pay;

describe("PAY", () => {
  it("gives full-time pay, top of band and the latest confirmed year by default", () => {
    expect(wfp.pay(6)).toBe(46580);
    expect(wfp.pay("8a", "entry", "2024/25")).toBe(53755);
    expect(wfp.pay("5", 2, "2025-26")).toBe(33487);
    expect(wfp.pay(5, null, null)).toBe(37796);
  });
  it("says band 1 is paid at band 2, names the years when one is unknown", () => {
    expect(excel(() => wfp.pay(1))).toEqual({
      error: "#VALUE!",
      message: "Band 1 closed to new entrants on 1 December 2018: staff on it are paid at the band 2 rate in England; cost the post at band 2",
    });
    expect(excel(() => wfp.pay(5, "top", "2019/20"))).toEqual({
      error: "#N/A",
      message: "no england pay scale for 2019/20; years available: 2024/25, 2025/26, 2026/27",
    });
    expect(excel(() => wfp.pay(3, "intermediate"))).toMatchObject({ error: "#VALUE!", message: "band 3 has 2 pay points (entry, top): there is no intermediate point" });
    expect(excel(() => wfp.pay(null))).toEqual({ error: "#VALUE!", message: "the band is blank" });
  });
});

describe("POSTCOST and COSTBREAKDOWN", () => {
  it("equal the domain's postCost", () => {
    const expected = postCost(payData, { band: 6, wte: 0.8, point: "top", year: "2025/26", hcasZone: "outer-london" });
    expect(wfp.postCostTotal(6, 0.8, "top", "2025/26", "outer-london")).toBe(expected.total);
    expect(wfp.costBreakdown(6, 0.8, "top", "2025/26", "Outer London")).toEqual([
      ["Basic pay", expected.basic],
      ["High Cost Area Supplement", expected.hcas],
      ["Employer National Insurance", expected.employerNI],
      ["Employer pension", expected.pension],
      ["Apprenticeship levy", 0],
      ["Total", expected.total],
    ]);
  });
  it("takes blanks as the defaults and adds levy on request", () => {
    const base = postCost(payData, { band: 7 });
    expect(wfp.postCostTotal(7, null, null, null, null, null, null)).toBe(base.total);
    const full = postCost(payData, { band: 7, pensionBasis: "full", includeLevy: true });
    expect(wfp.postCostTotal(7, 1, "top", "", "none", "full", true)).toBe(full.total);
  });
  it("refuses a negative or too large WTE and a bad zone", () => {
    expect(excel(() => wfp.postCostTotal(5, -1))).toEqual({ error: "#VALUE!", message: "WTE -1 is negative: give 0 to 1.5" });
    expect(excel(() => wfp.postCostTotal(5, 2))).toEqual({ error: "#VALUE!", message: "WTE 2 is above 1.5: one post is at most 1.5 WTE" });
    expect(excel(() => wfp.postCostTotal(5, "half"))).toMatchObject({ error: "#VALUE!" });
    expect(excel(() => wfp.postCostTotal(5, 1, "top", "2025/26", "Leeds"))).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/not a High Cost Area zone/) });
    expect(excel(() => wfp.postCostTotal(5, 1, "top", "2025/26", "none", "employer", "maybe"))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("PAYPOINT", () => {
  it("gives the point after years in band", () => {
    expect(wfp.payPoint(5, 0)).toBe("entry");
    expect(wfp.payPoint(5, 3)).toBe("intermediate");
    expect(wfp.payPoint("8a", 5)).toBe("top");
    expect(excel(() => wfp.payPoint(5, -2))).toMatchObject({ error: "#VALUE!" });
    expect(excel(() => wfp.payPoint(5, null))).toEqual({ error: "#VALUE!", message: "the years in band is blank" });
  });
});
