import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { type TeamMember, isSuppressed, rebuildRegister, skillMix, suppressCount, suppressMixRows } from "../../src/domain";

const catalog = defaultCatalog();
const m = (name: string, role: string, band: TeamMember["band"], wte: number): TeamMember => ({ name, role, band, wte });
const team = [
  m("A", "reconnect-service-manager", "8a", 1),
  m("B", "reconnect-senior-engagement-worker", "5", 1),
  m("C", "RECONNECT Senior Engagement Worker", "5", 0.5),
  m("D", "reconnect-peer-support-worker", "3", 0.6),
  m("E", "reconnect-peer-support-worker", "3", 1),
  m("F", "reconnect-peer-support-worker", "3", 0.4),
  m("G", "Team Administrator", "4", 0.5),
  m("H", "", null, 1),
];
const people = rebuildRegister(catalog, team, null).register.people;

describe("skill mix", () => {
  const mix = skillMix(people, catalog.roles);

  it("totals headcount and WTE", () => {
    expect([mix.headcount, mix.wte]).toEqual([8, 6]);
  });

  it("gives WTE and headcount by band in pay order, people without a band last, with shares", () => {
    expect(mix.byBand.map((r) => [r.label, r.headcount, r.wte])).toEqual([
      ["Band 3", 3, 2],
      ["Band 4", 1, 0.5],
      ["Band 5", 2, 1.5],
      ["Band 8a", 1, 1],
      ["Band not given", 1, 1],
    ]);
    expect(mix.byBand[0]!.headcountShare).toBeCloseTo(3 / 8, 12);
    expect(mix.byBand[0]!.wteShare).toBeCloseTo(2 / 6, 12);
    expect(mix.byBand.reduce((n, r) => n + r.wteShare!, 0)).toBeCloseTo(1, 12);
  });

  it("gives the mix by Career Framework level from people's catalog roles", () => {
    expect(mix.byLevel.map((r) => [r.key, r.label, r.headcount, r.wte])).toEqual([
      ["3", "Level 3", 3, 2],
      ["5", "Level 5", 2, 1.5],
      ["7", "Level 7", 1, 1],
      ["", "Level not known", 2, 1.5],
    ]);
  });

  it("gives the mix by role: catalog roles in catalog order, the team's own, then no role", () => {
    expect(mix.byRole.map((r) => [r.label, r.headcount])).toEqual([
      ["RECONNECT Service Manager", 1],
      ["RECONNECT Senior Engagement Worker", 2],
      ["RECONNECT Peer Support Worker", 3],
      ["Team Administrator", 1],
      ["No role given", 1],
    ]);
  });

  it("has no shares for an empty team", () => {
    expect(skillMix([])).toEqual({ headcount: 0, wte: 0, byBand: [], byLevel: [], byRole: [] });
  });
});

describe("small-number suppression", () => {
  it("shows counts of 1 to 4 as <5 by default, zero and 5 or more as they are", () => {
    expect([0, 1, 4, 5, 12].map((n) => suppressCount(n))).toEqual([0, "<5", "<5", 5, 12]);
  });
  it("takes another threshold, and 0 turns it off", () => {
    expect([suppressCount(6, 10), suppressCount(3, 0), suppressCount(1, 1)]).toEqual(["<10", 3, 1]);
    expect(() => isSuppressed(3, -1)).toThrow("the suppression threshold must be a whole number, 0 or more (0 turns it off), not -1");
    expect(() => isSuppressed(3, 2.5)).toThrow();
  });
  it("hides what would give a suppressed count away: its WTE and shares", () => {
    const shown = suppressMixRows(skillMix(people, catalog.roles).byBand);
    expect(shown.map((r) => [r.label, r.headcount, r.wte, r.headcountShare])).toEqual([
      ["Band 3", "<5", "*", "*"],
      ["Band 4", "<5", "*", "*"],
      ["Band 5", "<5", "*", "*"],
      ["Band 8a", "<5", "*", "*"],
      ["Band not given", "<5", "*", "*"],
    ]);
    const off = suppressMixRows(skillMix(people, catalog.roles).byBand, 0);
    expect(off[0]).toMatchObject({ headcount: 3, wte: 2 });
    const two = suppressMixRows(skillMix(people, catalog.roles).byBand, 2);
    expect(two.map((r) => r.headcount)).toEqual([3, "<2", 2, "<2", "<2"]);
  });
});
