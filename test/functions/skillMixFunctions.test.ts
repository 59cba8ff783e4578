import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { roleOverlap } from "../../src/domain";
import { excel, installCustomFunctionsStub } from "../support/customFunctionsStub";

installCustomFunctionsStub();
const wfp = await import("../../src/functions/functions");
const catalog = defaultCatalog();
const column = (xs: unknown[]) => xs.map((x) => [x]);

describe("OVERLAP", () => {
  it("gives the share of role B's competences role A already requires, by id or title", () => {
    expect(wfp.overlap("reconnect-peer-support-worker", "reconnect-senior-engagement-worker")).toBeCloseTo(28 / 59, 12);
    expect(wfp.overlap("RECONNECT Senior Engagement Worker", "RECONNECT Peer Support Worker")).toBeCloseTo(28 / 43, 12);
    expect(wfp.overlap("reconnect-service-manager", "liaison-diversion-service-manager")).toBeCloseTo(44 / 57, 12);
    expect(wfp.overlap("reconnect-service-manager", "reconnect-service-manager")).toBe(1);
  });
  it("agrees with the domain for every pair of catalog roles", () => {
    for (const a of catalog.roles) for (const b of catalog.roles) expect(wfp.overlap(a.id, b.title)).toBe(roleOverlap(a, b).fractionOfTo);
  });
  it("refuses an unknown or blank role", () => {
    expect(excel(() => wfp.overlap("Chief Executive", "reconnect-peer-support-worker"))).toEqual({
      error: "#N/A",
      message: "'Chief Executive' is not a role in the catalog: give a role id or title",
    });
    expect(excel(() => wfp.overlap("reconnect-peer-support-worker", null))).toEqual({ error: "#VALUE!", message: "the role is blank" });
  });
});

describe("HOLDERS", () => {
  const names = column(["Ana", "Ben", "Cy", null, "Dee"]);
  it("lists the people marked Competent in a competence's column, whatever the case", () => {
    expect(wfp.holders("Manage budgets", names, column(["Competent", "Developing", "competent", null, "Not required"]))).toEqual([["Ana"], ["Cy"]]);
  });
  it("finds the competence's column by title, alias or id in the register's columns with their header row", () => {
    const statuses = [
      ["Manage budgets", "Communicate with people in vulnerable groups"],
      ["Competent", "Not yet"],
      ["Not yet", "Competent"],
      [null, "Competent"],
      [null, null],
      ["Developing", "Competent"],
    ];
    expect(wfp.holders("manage-budgets", names, statuses)).toEqual([["Ana"]]);
    // The catalog's title reads "in", the header's alias "from": one competence.
    expect(wfp.holders("Communicate with people from vulnerable groups", names, statuses)).toEqual([["Ben"], ["Cy"], ["Dee"]]);
    expect(excel(() => wfp.holders("Lead your team", names, statuses))).toEqual({
      error: "#N/A",
      message: "'Lead your team' is not a column of the statuses: its header row has no such competence",
    });
  });
  it("gives one blank cell when nobody holds it", () => {
    expect(wfp.holders("Manage budgets", names, column(["Not yet", null, null, null, "Developing"]))).toEqual([[""]]);
  });
  it("refuses unknown status text, duplicate names and ranges that do not line up", () => {
    expect(excel(() => wfp.holders("Manage budgets", names, column(["Competant", null, null, null, null])))).toEqual({
      error: "#VALUE!",
      message: `Ana: 'Competant' is not a skill status: give "Competent", "Developing", "Not yet", "Not required" or leave it blank`,
    });
    expect(excel(() => wfp.holders("Manage budgets", column(["Ana", "ana "]), column(["Competent", "Competent"])))).toEqual({
      error: "#VALUE!",
      message: "'ana' is named twice (rows 1 and 2): give each person their own name",
    });
    expect(excel(() => wfp.holders("Manage budgets", names, column(["Competent"])))).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/^the statuses must be one column as tall as the names \(5\)/) });
    expect(excel(() => wfp.holders("Manage budgets", column(["Ana", null]), column(["Competent", "Competent"])))).toEqual({ error: "#VALUE!", message: "row 2 has a status but no name" });
    expect(excel(() => wfp.holders(null, names, names))).toEqual({ error: "#VALUE!", message: "the competence is blank" });
  });
});
