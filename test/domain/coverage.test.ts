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
    // A short list seen before the cache started afresh is looked up again, not read off entries the cache let go.
    const short = own.slice(2);
    expect(roleCoverageFraction(index, psw, short)).toBeCloseTo((own.length - 2) / own.length, 12);
    expect(coverage(index, required, held)).toMatchObject({ required: 3, covered: 2 });
    expect(roleCoverageFraction(index, psw, short)).toBeCloseTo((own.length - 2) / own.length, 12);
    expect(roleCoverage(index, psw, short).gaps.map((g) => g.key)).toEqual(own.slice(0, 2));
  });

  it("answers a list it has seen by what it holds now: a new array of the same texts, or the same array changed", () => {
    const required = ["manage-budgets", "Lead your team", "Chair meetings"];
    const held = ["Lead your team", "Chair meetings"];
    expect(coverage(index, required, held)).toMatchObject({ covered: 2, gaps: [{ title: "Manage budgets" }] });
    expect(coverageFraction(index, [...required], [...held])).toBeCloseTo(2 / 3, 12);
    held[1] = "Manage budgets";
    expect(coverage(index, required, held)).toMatchObject({ covered: 2, gaps: [{ title: "Chair meetings" }] });
    required[0] = "Speak Welsh";
    expect(coverage(index, required, held)).toMatchObject({ covered: 1, gaps: [{ title: "Speak Welsh" }, { title: "Chair meetings" }] });
    expect(coverageFraction(index, required, held.slice(0, 1))).toBeCloseTo(1 / 3, 12);
    expect(coverageFraction(index, required, [...held, "chair meetings", "SPEAK WELSH"])).toBe(1);
    expect(coverageFraction(index, required, [])).toBe(0);
    const psw = role("reconnect-peer-support-worker");
    const own = roleCompetenceIds(psw);
    const list = [...own];
    expect(roleCoverageFraction(index, psw, list)).toBe(1);
    list[0] = "Drive a minibus";
    expect(roleCoverageFraction(index, psw, list)).toBeCloseTo((own.length - 1) / own.length, 12);
    expect(roleCoverage(index, psw, list).gaps.map((g) => g.key)).toEqual([own[0]]);
    expect(roleCoverage(index, psw, [...own]).gaps).toEqual([]);
  });

  it("counts right with lists longer than it keeps (2,000 texts), before and after a short one", () => {
    const psw = role("reconnect-peer-support-worker");
    const own = roleCompetenceIds(psw);
    const long = [...Array.from({ length: 2_500 }, (_, i) => `Held skill ${i}`), ...own.slice(1)];
    for (let round = 0; round < 2; round++) {
      expect(roleCoverageFraction(index, psw, long)).toBeCloseTo((own.length - 1) / own.length, 12);
      expect(roleCoverageFraction(index, psw, own)).toBe(1);
      expect(coverageFraction(index, long, own)).toBeCloseTo((own.length - 1) / long.length, 12);
      expect(coverageFraction(index, own, long)).toBeCloseTo((own.length - 1) / own.length, 12);
    }
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
