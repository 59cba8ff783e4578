import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import {
  DomainError,
  type PreviousRegister,
  type RegisterCell,
  type SkillRegister,
  type TeamMember,
  cellText,
  competenceCover,
  coverLabel,
  parseSkillStatus,
  personCoverage,
  readRegisterCell,
  readTeamMember,
  rebuildRegister,
  registerColumn,
  roleCompetenceIds,
  roleCoverage,
  statusCell,
  teamCoverage,
  topGaps,
  trainingNeeds,
} from "../../src/domain";

const catalog = defaultCatalog();
const PSW = "reconnect-peer-support-worker";
const SEW = "reconnect-senior-engagement-worker";
const RSM = "reconnect-service-manager";
const role = (id: string) => catalog.roles.find((r) => r.id === id)!;
const member = (name: string, roleText: string, band: TeamMember["band"] = "3", wte = 1): TeamMember => ({ name, role: roleText, band, wte });
const col = (reg: SkillRegister, key: string) => reg.competences.findIndex((c) => c.key === key);
const cellOf = (reg: SkillRegister, name: string, key: string): RegisterCell => reg.cells[reg.people.findIndex((p) => p.name === name)]![col(reg, key)]!;

/** A register after the user recorded statuses: as the workbook or a CSV would give it back. */
function recorded(reg: SkillRegister, statuses: Record<string, Record<string, string>>): PreviousRegister {
  return {
    competences: reg.competences,
    rows: reg.people.map((p, i) => {
      const map = new Map<string, RegisterCell>();
      reg.competences.forEach((c, j) => {
        const cell = reg.cells[i]![j]!;
        if (cell.kind !== "blank") map.set(c.key, cell);
      });
      for (const [key, text] of Object.entries(statuses[p.name] ?? {})) map.set(key, readRegisterCell(text));
      return { person: { name: p.name, role: p.role, band: p.band, wte: p.wte, reviewDate: p.reviewDate }, statuses: map, removed: false };
    }),
  };
}

describe("skill statuses", () => {
  it("reads the four statuses whatever the case and spacing, a blank as not recorded", () => {
    expect(parseSkillStatus("Competent")).toBe("Competent");
    expect(parseSkillStatus("  not   YET ")).toBe("Not yet");
    expect(parseSkillStatus("not required")).toBe("Not required");
    expect(parseSkillStatus("")).toBeNull();
    expect(parseSkillStatus(null)).toBeNull();
  });
  it("refuses text that is no status, naming it and the choices", () => {
    expect(() => parseSkillStatus("Competant")).toThrow(`'Competant' is not a skill status: give "Competent", "Developing", "Not yet", "Not required" or leave it blank`);
    expect(() => parseSkillStatus("yes")).toThrow(DomainError);
  });
  it("keeps text that is no status as typed when reading a register", () => {
    expect(readRegisterCell("on leave")).toEqual({ kind: "unrecognised", text: "on leave" });
    expect(cellText(readRegisterCell("competent"))).toBe("Competent");
    expect(readRegisterCell("  ")).toEqual({ kind: "blank" });
  });
});

describe("reading a team member", () => {
  it("reads name, role, band and WTE, a blank WTE as 1 and a blank band as not given", () => {
    expect(readTeamMember({ name: " Jo ", role: "PSW", band: "Band 8a", wte: "0.6" }, "row 2")).toEqual({ name: "Jo", role: "PSW", band: "8a", wte: 0.6 });
    expect(readTeamMember({ name: "Jo", band: 5, wte: "" }, "row 2")).toEqual({ name: "Jo", role: "", band: "5", wte: 1 });
    expect(readTeamMember({ name: "Jo", band: "" }, "row 2").band).toBeNull();
  });
  it.each([
    [{ name: "", band: "5" }, "row 2: the person has no name; give a name or a pseudonymous id"],
    [{ name: "Jo", band: "8e" }, "row 2: '8e' is not an Agenda for Change band (1–7, 8a–8d or 9)"],
    [{ name: "Jo", wte: "2" }, "row 2: '2' is not a WTE from 0 to 1.5"],
    [{ name: "Jo", wte: "full" }, "row 2: 'full' is not a WTE from 0 to 1.5"],
  ])("refuses %j", (fields, message) => {
    expect(() => readTeamMember(fields, "row 2")).toThrow(message);
  });
});

describe("building a register for a team", () => {
  const team = [member("Ana", "RECONNECT Peer Support Worker"), member("Ben", SEW, "5", 0.8), member("Cy", "reconnect peer support worker", "3", 0.5)];
  const { register, removed, added, unknownRoles } = rebuildRegister(catalog, team, null);

  it("has a column for every competence the team's roles need, and nobody removed", () => {
    const needed = new Set([...roleCompetenceIds(role(PSW)), ...roleCompetenceIds(role(SEW))]);
    expect(new Set(register.competences.map((c) => c.key))).toEqual(needed);
    expect(register.competences).toHaveLength(43 + 59 - 28);
    expect(added).toEqual(["Ana", "Ben", "Cy"]);
    expect(removed.people).toEqual([]);
    expect(unknownRoles).toEqual([]);
    expect(register.people.map((p) => p.catalogRole?.id)).toEqual([PSW, SEW, PSW]);
  });

  it("marks what a person's role does not list Not required and leaves the rest blank, so Needed is the role's count", () => {
    const coverage = personCoverage(register);
    expect(coverage.map((c) => [c.name, c.needed, c.competent, c.fraction])).toEqual([
      ["Ana", 43, 0, 0],
      ["Ben", 59, 0, 0],
      ["Cy", 43, 0, 0],
    ]);
    const pswOnly = roleCompetenceIds(role(PSW)).find((id) => !roleCompetenceIds(role(SEW)).includes(id))!;
    expect(cellOf(register, "Ben", pswOnly)).toEqual(statusCell("Not required"));
    expect(cellOf(register, "Ana", pswOnly)).toEqual({ kind: "blank" });
  });

  it("agrees with ROLECOVERAGE while nobody overrides what a role needs", () => {
    const held = roleCompetenceIds(role(PSW)).slice(0, 10);
    const next = rebuildRegister(catalog, team, recorded(register, { Ana: Object.fromEntries(held.map((k) => [k, "Competent"])) }));
    const ana = personCoverage(next.register)[0]!;
    expect(ana.fraction).toBeCloseTo(roleCoverage(catalog.competenceIndex, role(PSW), held).fraction!, 12);
  });
});

describe("per-competence cover, single points of failure and team coverage", () => {
  const team = [member("Ana", PSW), member("Ben", SEW, "5", 0.8), member("Cy", PSW, "3", 0.5)];
  const empty = rebuildRegister(catalog, team, null).register;
  const shared = roleCompetenceIds(role(PSW)).find((id) => roleCompetenceIds(role(SEW)).includes(id))!;
  const pswOnly = roleCompetenceIds(role(PSW)).find((id) => !roleCompetenceIds(role(SEW)).includes(id))!;
  const sewOnly = roleCompetenceIds(role(SEW)).find((id) => !roleCompetenceIds(role(PSW)).includes(id))!;
  const { register } = rebuildRegister(
    catalog,
    team,
    recorded(empty, {
      Ana: { [shared]: "Competent", [pswOnly]: "Competent" },
      Ben: { [shared]: "Competent", [sewOnly]: "Developing" },
      Cy: { [shared]: "Developing", [pswOnly]: "Not yet" },
    }),
  );
  const cover = (k?: number) => new Map(competenceCover(register, k).map((c) => [c.key, c]));

  it("counts who needs each competence, who holds it and their WTE", () => {
    expect(cover().get(shared)).toMatchObject({ needing: 3, holders: 2, holdersWte: 1.8, developing: 1, risk: null });
    expect(cover().get(pswOnly)).toMatchObject({ needing: 2, holders: 1, holdersWte: 1, developing: 0, risk: "One holder" });
    expect(cover().get(sewOnly)).toMatchObject({ needing: 1, holders: 0, developing: 1, risk: "No holder" });
  });

  it("flags fewer holders than k (2 by default) as a risk, one holder as a single point of failure", () => {
    expect(coverLabel(cover().get(shared)!)).toBe("OK");
    expect(cover(3).get(shared)!.risk).toBe("Too few holders");
    expect(cover(1).get(pswOnly)!.risk).toBeNull();
    expect(() => competenceCover(register, 0)).toThrow("the number of holders wanted must be a whole number of at least 1, not 0");
  });

  it("does not flag a competence nobody needs", () => {
    const allNotRequired = rebuildRegister(catalog, [member("Ana", PSW)], recorded(rebuildRegister(catalog, [member("Ana", PSW)], null).register, { Ana: { [pswOnly]: "Not required" } })).register;
    const c = competenceCover(allNotRequired).find((x) => x.key === pswOnly)!;
    expect([c.needing, c.risk, coverLabel(c)]).toEqual([0, null, "Not needed"]);
  });

  it("sums coverage over the team and counts the risks", () => {
    const t = teamCoverage(register);
    expect([t.needed, t.competent]).toEqual([43 + 59 + 43, 3]);
    expect(t.fraction).toBeCloseTo(3 / 145, 12);
    expect(t.competencesNeeded).toBe(register.competences.length);
    expect(t.noHolder + t.singlePoint + t.fewerThanWanted + t.wellCovered).toBe(t.competencesNeeded);
    expect([t.singlePoint, t.wellCovered]).toEqual([1, 1]);
  });

  it("lists the top gaps worst first: no holder before one holder, then by how many need it", () => {
    const gaps = topGaps(competenceCover(register), 200);
    expect(gaps.at(-1)!.key).toBe(pswOnly);
    expect(gaps.slice(0, -1).every((g) => g.risk === "No holder")).toBe(true);
    const needing = gaps.slice(0, -1).map((g) => g.needing);
    expect(needing).toEqual([...needing].sort((a, b) => b - a));
    expect(topGaps(competenceCover(register), 3)).toHaveLength(3);
  });

  it("lists each person's competences to gain with their role's learning", () => {
    const needs = trainingNeeds(register);
    const ana = needs.find((n) => n.person.name === "Ana")!;
    expect(ana.toGain).toHaveLength(43 - 2);
    expect(ana.learning).toBe(role(PSW).learning);
    const cy = needs.find((n) => n.person.name === "Cy")!;
    expect(cy.toGain.find((g) => g.key === pswOnly)!.now).toEqual(statusCell("Not yet"));
    expect(cy.toGain.find((g) => g.key === shared)!.now).toEqual(statusCell("Developing"));
  });
});

describe("rebuilding a register keeps what the user recorded", () => {
  const first = rebuildRegister(catalog, [member("Ana", PSW), member("Ben", SEW, "5"), member("Cy", PSW)], null);
  const pswIds = roleCompetenceIds(role(PSW));
  const sewIds = roleCompetenceIds(role(SEW));
  const pswOnly = pswIds.filter((id) => !sewIds.includes(id));
  const shared = pswIds.filter((id) => sewIds.includes(id));
  const before = recorded(first.register, {
    Ana: { [shared[0]!]: "Competent", [shared[1]!]: "Developing", [pswOnly[0]!]: "Not yet" },
    Ben: { [sewIds[0]!]: "Competent", [sewIds[1]!]: "on leave" },
    Cy: { [shared[0]!]: "Competent" },
  });
  // Ana becomes a Senior Engagement Worker, Cy leaves, Dee joins.
  const again = rebuildRegister(catalog, [member("ana", SEW, "5"), member("Ben", SEW, "5"), member("Dee", RSM, "8a")], before);

  it("keeps every status by person and competence, whatever the case of the name", () => {
    expect(cellOf(again.register, "ana", shared[0]!)).toEqual(statusCell("Competent"));
    expect(cellOf(again.register, "ana", shared[1]!)).toEqual(statusCell("Developing"));
    expect(cellOf(again.register, "ana", pswOnly[0]!)).toEqual(statusCell("Not yet"));
    expect(cellOf(again.register, "Ben", sewIds[0]!)).toEqual(statusCell("Competent"));
    expect(cellOf(again.register, "Ben", sewIds[1]!)).toEqual({ kind: "unrecognised", text: "on leave" });
    expect(again.unrecognised).toEqual([{ name: "Ben", competence: again.register.competences[col(again.register, sewIds[1]!)]!.title, text: "on leave" }]);
  });

  it("adds new people and the competences their roles need; lists who was added", () => {
    expect(again.added).toEqual(["Dee"]);
    const rsmOnly = roleCompetenceIds(role(RSM)).filter((id) => !pswIds.includes(id) && !sewIds.includes(id));
    expect(rsmOnly.length).toBeGreaterThan(0);
    expect(again.addedCompetences).toHaveLength(rsmOnly.length);
    for (const id of rsmOnly) expect(col(again.register, id)).toBeGreaterThanOrEqual(0);
    expect(personCoverage(again.register).find((p) => p.name === "Dee")!.needed).toBe(59);
  });

  it("moves a person who left to the removed list with every status, and brings them back on return", () => {
    expect(again.newlyRemoved).toEqual(["Cy"]);
    expect(again.removed.people.map((p) => p.name)).toEqual(["Cy"]);
    expect(again.removed.cells[0]![col(again.removed, shared[0]!)]).toEqual(statusCell("Competent"));
    const back = rebuildRegister(catalog, [member("Cy", PSW)], recorded2(again));
    expect(back.restored).toEqual(["Cy"]);
    expect(cellOf(back.register, "Cy", shared[0]!)).toEqual(statusCell("Competent"));
    expect(back.removed.people.map((p) => p.name).sort()).toEqual(["Ben", "Dee", "ana"]);
  });

  it("keeps a column no role needs any more while someone has a status in it, and says so", () => {
    // Ana's "Not yet" on a Peer Support Worker competence keeps that column, though nobody is a PSW now.
    expect(col(again.register, pswOnly[0]!)).toBeGreaterThanOrEqual(0);
    expect(again.unlistedCompetences).toContain(again.register.competences[col(again.register, pswOnly[0]!)]!.title);
    // A PSW-only column nobody recorded anything in is dropped, and listed.
    expect(col(again.register, pswOnly[1]!)).toBe(-1);
    expect(again.droppedCompetences).toContain(catalog.competenceIndex.byId.get(pswOnly[1]!)!.title);
  });

  it("flags a person whose role changed: what the new role needs marked Not required, what it does not list still recorded", () => {
    const ana = again.reviewNeeded.find((r) => r.name === "ana")!;
    const sewNotPsw = sewIds.filter((id) => !pswIds.includes(id));
    expect(ana.markedNotRequired).toHaveLength(sewNotPsw.length);
    // Only the PSW-only competence she has a status for: the shared ones her new role needs too.
    expect(ana.stillRecorded).toEqual([catalog.competenceIndex.byId.get(pswOnly[0]!)!.title]);
    expect(again.reviewNeeded.map((r) => r.name)).toEqual(["ana"]);
  });

  it("keeps a competence of the team's own, matched by its text", () => {
    const own = registerColumn(catalog, "Drive the minibus");
    expect(own).toMatchObject({ key: "text:drivetheminibus", competence: null });
    const withOwn: PreviousRegister = {
      competences: [...first.register.competences, own],
      rows: [{ person: { ...member("Ana", PSW), reviewDate: "2025-03-01" }, statuses: new Map([[own.key, statusCell("Competent")]]), removed: false }],
    };
    const next = rebuildRegister(catalog, [member("Ana", PSW)], withOwn);
    expect(next.register.competences.at(-1)).toMatchObject({ title: "Drive the minibus" });
    expect(cellOf(next.register, "Ana", own.key)).toEqual(statusCell("Competent"));
    expect(next.register.people[0]!.reviewDate).toBe("2025-03-01");
  });
});

/** The rebuilt register and its removed list, read back as the next rebuild would. */
function recorded2(r: ReturnType<typeof rebuildRegister>): PreviousRegister {
  const active = recorded(r.register, {});
  const gone = recorded(r.removed, {});
  return { competences: r.register.competences, rows: [...active.rows, ...gone.rows.map((x) => ({ ...x, removed: true }))] };
}

describe("bad input", () => {
  it("refuses two people with one name, naming both places", () => {
    expect(() => rebuildRegister(catalog, [member("Jo Lee", PSW), member("Ana", PSW), member(" jo  lee", SEW)], null)).toThrow(
      "entry 3 of the team: 'jo  lee' is already on entry 1 of the team; give each person their own name or id",
    );
  });

  it("keeps a person with a role the catalog does not know, with every cell blank, and lists them", () => {
    const r = rebuildRegister(catalog, [member("Ana", PSW), member("Tay", "Team Administrator", "4"), member("Nil", "")], null);
    expect(r.unknownRoles).toEqual([
      { name: "Tay", role: "Team Administrator" },
      { name: "Nil", role: "" },
    ]);
    expect(r.register.cells[1]!.every((c) => c.kind === "blank")).toBe(true);
    expect(personCoverage(r.register)[1]!.needed).toBe(43);
  });

  it("refuses a previous register listing a name twice", () => {
    const reg = rebuildRegister(catalog, [member("Ana", PSW)], null).register;
    const prev = recorded(reg, {});
    expect(() => rebuildRegister(catalog, [member("Ana", PSW)], { ...prev, rows: [...prev.rows, { ...prev.rows[0]!, removed: true }] })).toThrow(
      "row 2 of the removed list: 'Ana' is already on row 1 of the register; give each person their own name or id",
    );
  });
});
