import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { describeRebuild, nameList, progressOf } from "../../src/taskpane/skillMix/describeSkillMix";
import { parseTeamList } from "../../src/taskpane/skillMix/teamList";

const roles = defaultCatalog().roles;

describe("a typed team list", () => {
  it("reads commas, or tabs when pasted from Excel; skips a header and blank lines but counts them", () => {
    const parsed = parseTeamList("Name\tRole\tBand\tWTE\r\nAna\tPeer Support Worker\t3\t1\r\n\r\nBen, reconnect-senior-engagement-worker, Band 5, 0.8\nCy, Service Manager\n", roles);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.people).toEqual([
      { name: "Ana", role: "Peer Support Worker", band: "3", wte: 1 },
      { name: "Ben", role: "reconnect-senior-engagement-worker", band: "5", wte: 0.8 },
      // No band is allowed (the mix shows it as not given); no WTE is 1.
      { name: "Cy", role: "Service Manager", band: null, wte: 1 },
    ]);
  });

  it("names each bad line, and refuses an empty list", () => {
    const parsed = parseTeamList(["Ana, Peer Support Worker, 3, 1", ", Peer Support Worker, 3", "Bo", "Cy, A, B, C, D", "Dee, Peer Support Worker, 3, -1", "ANA , Peer Support Worker"].join("\n"), roles);
    expect(parsed.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      "Line 2: the person has no name; give a name or a pseudonymous id",
      "Line 3: Bo has no role; give a role from the catalog, or your own",
      "Line 4 has 5 values: give name, role, band, WTE (paste from Excel to keep commas in a role)",
      "Line 5: '-1' is not a WTE from 0 to 1.5",
      "Line 6: 'ANA' is already on line 1; give each person their own name or id",
    ]);
    expect(parseTeamList(" \n\n", roles).errors).toEqual([{ line: 1, message: "Type or paste the team: one person a line" }]);
  });

  it("warns of a role the catalog lacks, suggesting the one a partial title means", () => {
    const parsed = parseTeamList("Ana, senior engagement, 4\nTay, Team Administrator, 4", roles);
    expect(parsed.people).toHaveLength(2);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      "Line 1: 'senior engagement' is not a catalog role. Did you mean 'RECONNECT Senior Engagement Worker'?",
      "Line 2: 'Team Administrator' is not a catalog role; the register keeps Tay, and you mark what the role does not need Not required",
    ]);
  });
});

describe("the words for a register build", () => {
  const base = { added: [], restored: [], newlyRemoved: [], addedCompetences: [], droppedCompetences: [], unlistedCompetences: [], reviewNeeded: [], unrecognised: [], unknownRoles: [] };

  it("lists what moved, shortening long lists", () => {
    const { lines, review } = describeRebuild({
      people: 1,
      competences: 1,
      rebuild: { ...base, added: ["Ana"], newlyRemoved: ["Bo", "Cy"], droppedCompetences: ["A", "B", "C", "D"] },
    });
    expect(lines).toEqual([
      "1 person on the register, 1 competence.",
      "Added 1 person: Ana.",
      "Removed 2 people: Bo and Cy. They are listed with their statuses on the “Left the team” sheet, not dropped.",
      "Competences dropped: 4, as no role on the team needs them and nobody had a status there (A, B and 2 more).",
    ]);
    expect(review).toEqual([]);
    expect(nameList(["a", "b", "c"])).toBe("a, b and c");
  });

  it("says what needs review: a changed role, a role not in the catalog, text that is no status", () => {
    const { review } = describeRebuild({
      people: 2,
      competences: 3,
      rebuild: {
        ...base,
        reviewNeeded: [{ name: "Ana", markedNotRequired: ["X", "Y"], stillRecorded: ["Z"] }],
        unknownRoles: [{ name: "Tay", role: "" }],
        unrecognised: Array.from({ length: 7 }, (_, i) => ({ name: "Ben", competence: `C${i}`, text: "Competant" })),
      },
    });
    expect(review[0]).toBe("Ana's role changed: 2 competences the new role needs marked Not required; 1 competence it does not list still with a status.");
    expect(review[1]).toBe("Tay has no role: give one in the register's Role column.");
    expect(review[2]).toBe("Ben, “C0”: 'Competant' is not a status; kept as typed.");
    expect(review.at(-1)).toBe("And 2 more cells whose text is not a status: see the register's Check column.");
    expect(review).toHaveLength(8);
  });
});

describe("progress", () => {
  it("counts all sheets together, and names the one being written", () => {
    expect(progressOf({ key: null, index: 0, count: 0, done: 0, total: 0 })).toEqual({ label: "Reading the workbook…", value: undefined });
    expect(progressOf({ key: "skill-mix:summary", index: 2, count: 4, done: 1, total: 2 })).toEqual({
      label: "Writing “Skill mix summary” (sheet 2 of 4)…",
      value: 1.5 / 4,
    });
    expect(progressOf({ key: "skill-mix:progression:a:b", index: 1, count: 1, done: 0, total: 0 }).label).toBe("Writing “Progression”…");
  });
});
