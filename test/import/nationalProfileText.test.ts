import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { parseNationalProfilesText } from "../../src/domain/import/nationalProfileText";
import { NATIONAL_PROFILES_FILE, readSeed } from "../support/seeds";

const catalog = defaultCatalog();
const text = readSeed(NATIONAL_PROFILES_FILE);

describe("importing NHS national job profiles", () => {
  it("reads the three profiles with their factors, and each scores as the document says", () => {
    const { profiles, problems } = parseNationalProfilesText(text, catalog.jeScheme);
    expect(problems).toEqual([]);
    expect(profiles.map((p) => [p.profile.documentScore, p.profile.documentBand, p.evaluation])).toEqual([
      [{ min: 550, max: 599 }, "8a/b", { min: 550, max: 599, bandMin: "8a", bandMax: "8b", matchesDocument: true }],
      [{ min: 590, max: 665 }, "8b-8c", { min: 590, max: 665, bandMin: "8b", bandMax: "8c", matchesDocument: true }],
      [{ min: 641, max: 748 }, "8c-9", { min: 641, max: 748, bandMin: "8c", bandMax: "9", matchesDocument: true }],
    ]);
  });

  it("reads the same factors as the catalog holds", () => {
    const { profiles } = parseNationalProfilesText(text, catalog.jeScheme);
    profiles.forEach((p, i) => {
      const expected = catalog.nationalProfiles[i]!;
      expect(p.profile.factors).toEqual(expected.factors);
      expect(p.profile.jobStatement).toEqual(expected.jobStatement);
    });
  });

  it("flags a profile whose levels do not add up to the range it states", () => {
    const altered = text.replace("2.\tKnowledge, Training & Experience\tSpecialist knowledge across range", "2.\tKnowledge, Training & Experience\tSpecialist knowledge across range").replace(/\t6\t156\n/, "\t7\t196\n");
    const { profiles, problems } = parseNationalProfilesText(altered, catalog.jeScheme);
    expect(profiles[0]!.evaluation!.matchesDocument).toBe(false);
    expect(problems).toEqual([expect.objectContaining({ reason: "the levels score 590–639, but the document states 550–599" })]);
  });

  it("reports a level above a factor's top and text that is no national profile", () => {
    const bad = text.replace("15.\tEmotional Effort\tOccasional distressing / highly distressing or emotional circumstances Deals with staff problems, patient complaints, conveys unwelcome news/ unexpected deaths\t2-3(b)", "15.\tEmotional Effort\tOccasional distressing\t5");
    const { problems } = parseNationalProfilesText(bad, catalog.jeScheme);
    expect(problems[0]!.reason).toBe("factor 15: factor 15 has levels 1–4");
    expect(problems[1]!.reason).toMatch(/has no readable level for factor\(s\) 15/);
    expect(() => parseNationalProfilesText("Named Role\tSomething", catalog.jeScheme)).toThrow(/not an NHS national job profile/);
  });
});
