import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { coverage, coverageFraction, createCompetenceIndex, normalizeText, roleCompetenceIds, roleCoverage, roleCoverageFraction } from "../../src/domain";

const catalog = defaultCatalog();
const index = catalog.competenceIndex;
const role = (id: string) => catalog.roles.find((r) => r.id === id)!;

describe("normalizeText", () => {
  it("ignores case, punctuation, spacing and reads & as and", () => {
    expect(normalizeText("Health & Safety")).toBe(normalizeText("health and safety"));
    expect(normalizeText("work-related")).toBe(normalizeText("work related"));
    expect(normalizeText("Health care")).toBe(normalizeText("healthcare"));
    expect(normalizeText("Represent one's own agency")).toBe(normalizeText("represent ones own agency"));
    expect(normalizeText("Manage budgets")).not.toBe(normalizeText("Manage budget"));
  });
});

describe("coverage", () => {
  it("matches by id, title or alias, insensitive to case, punctuation and spacing", () => {
    const result = coverage(
      index,
      ["Communicate with people in vulnerable groups", "Manage budgets", "Uphold the rights of individuals"],
      ["COMMUNICATE WITH PEOPLE FROM VULNERABLE GROUPS", "manage-budgets", "uphold the right of individuals."],
    );
    expect(result).toMatchObject({ required: 3, covered: 3, fraction: 1, gaps: [] });
  });

  it("lists the gaps in required order with canonical titles", () => {
    const result = coverage(index, ["manage-budgets", "Lead your team", "Chair meetings"], ["Lead your team"]);
    expect(result.fraction).toBeCloseTo(1 / 3, 12);
    expect(result.gaps.map((g) => g.title)).toEqual(["Manage budgets", "Chair meetings"]);
    expect(result.gaps[0]!.competence?.id).toBe("manage-budgets");
  });

  it("matches competences outside the catalog by their text", () => {
    const result = coverage(index, ["Drive a minibus", "Speak Welsh"], ["drive a MINIBUS"]);
    expect(result).toMatchObject({ required: 2, covered: 1 });
    expect(result.gaps).toEqual([{ key: "text:speakwelsh", title: "Speak Welsh" }]);
  });

  it("ignores blanks and repeats; gives no fraction when nothing is required", () => {
    expect(coverage(index, ["Lead your team", "lead your team", "", "  "], []).required).toBe(1);
    expect(coverage(index, [], ["Lead your team"]).fraction).toBeNull();
  });

  it("gives the same fraction alone as with the gaps, call after call", () => {
    const cases: [string[], string[]][] = [
      [["manage-budgets", "Lead your team", "Chair meetings"], ["Lead your team"]],
      [["Drive a minibus", "Speak Welsh", "speak welsh"], ["drive a MINIBUS", "Manage budgets"]],
      [["Lead your team", ""], ["lead your team", "Lead your team"]],
      [[], ["Lead your team"]],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [required, held] of cases) expect(coverageFraction(index, required, held)).toBe(coverage(index, required, held).fraction);
    }
  });

  it("counts right when one call brings more texts than the key cache keeps (20,000)", () => {
    const held = Array.from({ length: 20_050 }, (_, i) => `Held skill ${i}`);
    held.push("Manage budgets");
    const required = ["manage-budgets", "Held skill 3", "Lead your team"];
    for (let round = 0; round < 2; round++) {
      expect(coverage(index, required, held)).toMatchObject({ required: 3, covered: 2 });
      expect(coverageFraction(index, required, held)).toBeCloseTo(2 / 3, 12);
    }
    const psw = role("reconnect-peer-support-worker");
    const own = roleCompetenceIds(psw);
    expect(roleCoverage(index, psw, [...held, ...own]).fraction).toBe(1);
    expect(roleCoverageFraction(index, psw, [...held, ...own])).toBe(1);
    expect(roleCoverageFraction(index, psw, held)).toBe(roleCoverage(index, psw, held).fraction);
  });

  it("refuses an index where one title names two competences", () => {
    expect(() =>
      createCompetenceIndex([
        { id: "a", title: "Lead your team", aliases: [], code: null },
        { id: "b", title: "Lead a team", aliases: ["lead your team"], code: null },
      ]),
    ).toThrow(/names two competences/);
  });
});

describe("role coverage", () => {
  it("requires a competence listed in both core and specific once", () => {
    const manager = role("reconnect-service-manager");
    const ids = roleCompetenceIds(manager);
    expect(manager.competences).toHaveLength(60);
    expect(ids).toHaveLength(59);
    expect(ids.filter((id) => id === "identify-and-evaluate-opportunities-for-innovation-and-improvement")).toHaveLength(1);
    expect(roleCompetenceIds(manager, ["core"])).toHaveLength(21);
  });

  it("covers a peer support worker fully with their own titles, spelled as any document spells them", () => {
    const psw = role("reconnect-peer-support-worker");
    const held = psw.competences.map((c) => c.titleInDocument.toUpperCase());
    expect(roleCoverage(index, psw, held)).toMatchObject({ fraction: 1, gaps: [] });
    const result = roleCoverage(index, psw, held.slice(1));
    expect(result.gaps.map((g) => g.title)).toEqual(["Communicate effectively in a health care environment"]);
  });
});
