import { beforeAll, describe, expect, it } from "vitest";
import { excel, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const wfp = await import("../../src/functions/functions");

const PSW = "reconnect-peer-support-worker";
const PM_LEVELS = [["5 (a) (b)", 6, 5, 4, "2-3 (a)(b)", 7, 4, "4 (a) (c)", "4(a)", 1, "1-3", 5, "1/ 2(b); (d)/ 3 (c)", "3(a)", "2-3(b)", "2-3"]];
const column = (xs: unknown[]) => xs.map((x) => [x]);

describe("JEBAND", () => {
  it("gives the band of a score, also typed as text", () => {
    expect(wfp.jeBand(598)).toBe("8b");
    expect(wfp.jeBand("598")).toBe("8b");
    expect(wfp.jeBand(765)).toBe("9");
  });
  it("refuses a blank, text and a score with no band", () => {
    expect(excel(() => wfp.jeBand(null))).toEqual({ error: "#VALUE!", message: "the JE score is blank" });
    expect(excel(() => wfp.jeBand("abc"))).toEqual({ error: "#VALUE!", message: "'abc' is not a number: the JE score must be a number" });
    // #VALUE!, not #NUM!: only #VALUE! and #N/A carry a message in Excel.
    expect(excel(() => wfp.jeBand(766))).toEqual({ error: "#VALUE!", message: "JE score 766 is above 765, the top of band 9: it has no band" });
    expect(excel(() => wfp.jeBand(598.5))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("JESCORE and FACTORSCORE", () => {
  it("scores 16 levels in a row or a column, min by default and max on request", () => {
    expect(wfp.jeScoreOfLevels(PM_LEVELS)).toBe(550);
    expect(wfp.jeScoreOfLevels(PM_LEVELS, "max")).toBe(599);
    expect(wfp.jeScoreOfLevels(column(PM_LEVELS[0]!), "MAX")).toBe(599);
    expect(wfp.jeScoreOfLevels(PM_LEVELS, null)).toBe(550);
  });
  it("refuses a blank level, 15 levels, a block of cells and a bad bound", () => {
    const blank: unknown[][] = [[...PM_LEVELS[0]!]];
    blank[0]![3] = null;
    expect(excel(() => wfp.jeScoreOfLevels(blank))).toEqual({ error: "#VALUE!", message: "the level of factor 4 is blank" });
    expect(excel(() => wfp.jeScoreOfLevels([PM_LEVELS[0]!.slice(0, 15)]))).toEqual({
      error: "#VALUE!",
      message: "a JE score needs 16 factor levels, one per factor; 15 given",
    });
    expect(excel(() => wfp.jeScoreOfLevels([[1, 2], [3, 4]]))).toMatchObject({ error: "#VALUE!", message: "the factor levels must be a single row or a single column of cells" });
    expect(excel(() => wfp.jeScoreOfLevels(PM_LEVELS, "middle"))).toEqual({ error: "#VALUE!", message: `'middle' is not a bound: give "min" or "max"` });
  });
  it("weights one factor level", () => {
    expect(wfp.factorScore(2, 7)).toBe(196);
    expect(wfp.factorScore("2", "7")).toBe(196);
    expect(wfp.factorScore("Freedom to act", "5")).toBe(45);
    expect(excel(() => wfp.factorScore(2, 9))).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/it has levels 1–8/) });
    expect(excel(() => wfp.factorScore(17, 1))).toMatchObject({ error: "#N/A" });
    expect(excel(() => wfp.factorScore(null, 1))).toEqual({ error: "#VALUE!", message: "the factor is blank" });
  });
});

describe("BANDMIN, BANDMAX, BANDGAP", () => {
  it("gives a band's limits from however the band is typed", () => {
    expect(wfp.bandMin("8a")).toBe(540);
    expect(wfp.bandMax("Band 8a")).toBe(584);
    expect(wfp.bandMin(6)).toBe(396);
    expect(wfp.bandMax("6")).toBe(465);
  });
  it("refuses what is no band", () => {
    expect(excel(() => wfp.bandMin("8e"))).toEqual({ error: "#VALUE!", message: "'8e' is not an Agenda for Change band (1–7, 8a–8d or 9)" });
    expect(excel(() => wfp.bandMax(null))).toEqual({ error: "#VALUE!", message: "the band is blank" });
  });
  it("counts the points to the next band, with none above band 9", () => {
    expect(wfp.bandGap(598)).toBe(32);
    expect(wfp.bandGap(539)).toBe(1);
    expect(excel(() => wfp.bandGap(730))).toEqual({ error: "#N/A", message: "JE score 730 is in band 9, the top band: there is no next band" });
    expect(excel(() => wfp.bandGap(-5))).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/./) });
  });
});

describe("ROLES, ROLELEVEL, COMPETENCES", () => {
  it("lists roles, filtered by service", () => {
    expect(wfp.roles()).toHaveLength(4);
    expect(wfp.roles("Liaison and Diversion")).toEqual([["liaison-diversion-service-manager", "Liaison and Diversion Operational/Service Manager"]]);
    expect(wfp.roles("reconnect").map((r) => r[0])).toEqual([
      "reconnect-service-manager",
      "reconnect-senior-engagement-worker",
      "reconnect-peer-support-worker",
    ]);
    expect(excel(() => wfp.roles("Prisons"))).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/'Prisons' is not a service/) });
  });
  it("gives a role's level by id or title", () => {
    expect(wfp.roleLevel(PSW)).toBe(3);
    expect(wfp.roleLevel("RECONNECT Senior Engagement Worker")).toBe(5);
    expect(excel(() => wfp.roleLevel("Astronaut"))).toEqual({ error: "#N/A", message: "'Astronaut' is not a role in the catalog: give a role id or title" });
    expect(excel(() => wfp.roleLevel(""))).toEqual({ error: "#VALUE!", message: "the role is blank" });
  });
  it("spills a role's competences with section and principle", () => {
    const all = wfp.competences(PSW);
    expect(all).toHaveLength(43);
    expect(all[0]).toEqual(["Communicate effectively in a health care environment", "core", "Communication"]);
    expect(wfp.competences(PSW, "specific")).toHaveLength(29);
    expect(wfp.competences(PSW, "Core")).toHaveLength(14);
    expect(excel(() => wfp.competences(PSW, "locality"))).toEqual({ error: "#N/A", message: "RECONNECT Peer Support Worker has no locality competences" });
    expect(excel(() => wfp.competences(PSW, "extra"))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("COVERAGE, ROLECOVERAGE, GAPS", () => {
  it("measures coverage of a list, matching titles, aliases and ids", () => {
    expect(wfp.coverageOfLists(column(["Manage budgets", "Lead your team", null]), column(["manage-budgets", "LEAD YOUR TEAM."]))).toBe(1);
    expect(wfp.coverageOfLists(column(["Manage budgets", "Lead your team"]), [["Lead your team"]])).toBe(0.5);
    expect(excel(() => wfp.coverageOfLists([[null]], [["x"]]))).toEqual({ error: "#VALUE!", message: "the required competences are blank: give at least one" });
  });
  it("measures a role's coverage and spills its gaps", () => {
    const psw = wfp.competences(PSW).map((r) => r[0]!);
    expect(wfp.roleCoverage(PSW, column(psw))).toBe(1);
    expect(wfp.gaps(PSW, column(psw))).toEqual([[""]]);
    const held = column(psw.slice(2));
    expect(wfp.roleCoverage(PSW, held)).toBeCloseTo(41 / 43, 12);
    expect(wfp.gaps(PSW, held)).toEqual([["Communicate effectively in a health care environment"], ["Develop your knowledge and practice"]]);
    expect(wfp.roleCoverage(PSW, [[null]])).toBe(0);
    expect(excel(() => wfp.gaps("nobody", held))).toMatchObject({ error: "#N/A" });
  });
});

describe("functions.json", () => {
  let metadata: { functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean; dimensionality?: string }[]; result: { dimensionality?: string } }[] };
  beforeAll(async () => {
    const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
    const generated = await generateCustomFunctionsMetadata(`${__dirname}/../../src/functions/functions.ts`);
    expect(generated.errors).toEqual([]);
    metadata = JSON.parse(generated.metadataJson);
  });

  it("declares every WFP function with the ids Excel shows", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual([
      "JEBAND", "JESCORE", "FACTORSCORE", "BANDMIN", "BANDMAX", "BANDGAP",
      "ROLES", "ROLELEVEL", "COMPETENCES", "COVERAGE", "ROLECOVERAGE", "GAPS",
      "PAY", "POSTCOST", "COSTBREAKDOWN", "PAYPOINT",
      "OVERLAP", "HOLDERS",
    ]);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it("gives each function a one-line description and help for every parameter", () => {
    for (const f of metadata.functions) {
      expect(f.description, f.id).toMatch(/^[A-Z].{10,120}\.$/);
      expect(f.description).not.toContain("\n");
      for (const p of f.parameters) expect(p.description, `${f.id}(${p.name})`).toMatch(/\w{3,}/);
    }
  });

  it("takes ranges where a list is expected and spills lists", () => {
    const byId = Object.fromEntries(metadata.functions.map((f) => [f.id, f]));
    expect(byId.JESCORE!.parameters[0]!.dimensionality).toBe("matrix");
    expect(byId.JESCORE!.parameters[1]!.optional).toBe(true);
    expect(byId.COVERAGE!.parameters.map((p) => p.dimensionality)).toEqual(["matrix", "matrix"]);
    for (const id of ["ROLES", "COMPETENCES", "GAPS", "COSTBREAKDOWN"]) expect(byId[id]!.result.dimensionality).toBe("matrix");
  });
});
