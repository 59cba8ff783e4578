import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { DomainError, parseCareerLevel } from "../../src/domain";

describe("Career Framework levels", () => {
  it.each([[7, 7], ["7", 7], ["Level 7", 7], ["level 3", 3], [" 9 ", 9]] as const)("reads %j as %i", (input, level) => {
    expect(parseCareerLevel(input)).toBe(level);
  });
  it.each([0, 10, 12, 7.5, "", "Level", "seven", null])("refuses %j", (input) => {
    expect(() => parseCareerLevel(input)).toThrowError(DomainError);
    expect(() => parseCareerLevel(input)).toThrow(/is not a Career Framework level \(1–9\)/);
  });
  it("carries each level's descriptor, the documents' full text for 3, 5 and 7", () => {
    const levels = defaultCatalog().careerLevels;
    expect(levels[2]!.descriptor).toMatch(/^People at level 3 require knowledge of facts, principles, processes and general concepts/);
    expect(levels[4]!.descriptor).toMatch(/^People at level 5 will have a comprehensive, specialised/);
    expect(levels[6]!.descriptor).toMatch(/critical awareness of knowledge issues.*Individuals working at Level 7/);
    expect(levels[8]!.provenance.status).toBe("indicative");
  });
  it("relates levels to bands only indicatively", () => {
    const levels = defaultCatalog().careerLevels;
    expect(levels.map((l) => l.indicativeBands.join("/"))).toEqual(["", "2/3", "3/4", "4/5", "5/6", "6/7", "7/8a/8b/8c/8d", "8a/8b", ""]);
    expect(levels.every((l) => l.indicativeBandsProvenance.status === "indicative")).toBe(true);
  });
});
