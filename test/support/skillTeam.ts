import type { Catalog } from "../../src/catalog";
import {
  type PreviousRegister,
  type RegisterCell,
  type RegisterRebuild,
  type TeamMember,
  readRegisterCell,
  rebuildRegister,
  registerColumn,
} from "../../src/domain";

/** A small deterministic generator, so a "random" register is the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const ROLE_MIX: readonly [string, TeamMember["band"]][] = [
  ["reconnect-peer-support-worker", "3"],
  ["reconnect-senior-engagement-worker", "5"],
  ["reconnect-peer-support-worker", "4"],
  ["RECONNECT Senior Engagement Worker", "5"],
  ["reconnect-service-manager", "8a"],
  ["liaison-diversion-service-manager", "8b"],
];

/** A team of `n` people across the catalog roles (and one role of the team's own), with varied WTE. */
export function sampleTeam(n: number, random = seeded(7)): TeamMember[] {
  return Array.from({ length: n }, (_, i) => {
    const [role, band] = i === n - 1 ? (["Team Administrator", "4"] as const) : ROLE_MIX[i % ROLE_MIX.length]!;
    return { name: i === 1 ? "Sam O'Neil" : `Person ${String(i + 1).padStart(4, "0")}`, role, band, wte: [1, 0.8, 0.6, 0.5, 1][Math.floor(random() * 5)]! };
  });
}

const STATUS_TEXT = ["Competent", "Competent", "competent", "Developing", "Not yet", "", "Not required"] as const;

/**
 * The register a team would have after people recorded statuses: each needed cell gets a status drawn from
 * STATUS_TEXT (lower-case "competent" included, as people type it), one cell carries text that is no status.
 */
export function recordedRegister(catalog: Catalog, team: readonly TeamMember[], random = seeded(11)): RegisterRebuild {
  const empty = rebuildRegister(catalog, team, null).register;
  const previous: PreviousRegister = {
    competences: empty.competences,
    rows: empty.people.map((person, p) => {
      const statuses = new Map<string, RegisterCell>();
      empty.competences.forEach((c, j) => {
        const cell = empty.cells[p]![j]!;
        if (cell.kind !== "blank") statuses.set(c.key, cell);
        else statuses.set(c.key, readRegisterCell(STATUS_TEXT[Math.floor(random() * STATUS_TEXT.length)]));
      });
      if (p === 2) statuses.set(empty.competences[0]!.key, readRegisterCell("on leave"));
      return { person: { ...person, reviewDate: p === 0 ? "2025-03-31" : null }, statuses, removed: false };
    }),
  };
  return rebuildRegister(catalog, team, previous);
}

/**
 * A register as big as a large service's: `people` people × `competences` columns (the catalog's competences,
 * then competences of the team's own to make up the width), every cell given a status.
 */
export function bigRegister(catalog: Catalog, people: number, competences: number, random = seeded(13)): RegisterRebuild {
  const team = sampleTeam(people, random);
  const columns = [
    ...catalog.competences.slice(0, competences).map((c) => registerColumn(catalog, c.id)),
    ...Array.from({ length: Math.max(0, competences - catalog.competences.length) }, (_, i) => registerColumn(catalog, `Local competence ${i + 1}`)),
  ];
  const previous: PreviousRegister = {
    competences: columns,
    rows: team.map((person) => ({
      person: { ...person, reviewDate: null },
      statuses: new Map(columns.map((c) => [c.key, readRegisterCell(STATUS_TEXT[Math.floor(random() * STATUS_TEXT.length)])])),
      removed: false,
    })),
  };
  return rebuildRegister(catalog, team, previous);
}

/**
 * The issue-13 team of six as a user types it in the Skill mix tab (name, role as the user writes it, band, WTE):
 * role titles, a role id and the pane's own service label, so the pane's answers are checked against the domain's.
 */
export const TEAM_OF_SIX = [
  "Ana, Peer Support Worker, 3, 1",
  "Ben, RECONNECT Senior Engagement Worker, 5, 0.8",
  "Cy, reconnect-peer-support-worker, 3, 0.5",
  "Dee, RECONNECT Service Manager, 7, 1",
  "Eli, L&D Operational/Service Manager, 7, 1",
  "Fay, Senior Engagement Worker, 5, 1",
];
