import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import type { Role, RoleCompetence } from "../../src/domain";
import { SEED_FILES, readSeed } from "../support/seeds";

/**
 * Holds each catalog role against its source document, independently of any parser: the document's table
 * cells, less header and principle cells, must be exactly the catalog's competence titles (one per entry)
 * plus its reference functions (one per run of entries under the same function). A competence missing from
 * the catalog leaves a cell over; an extra or misspelt one leaves an expected text unmatched.
 */
const catalog = defaultCatalog();

function sectionText(doc: string, section: "core" | "specific"): string {
  const core = doc.lastIndexOf("Common/Core Competences for all Level");
  const specific = doc.lastIndexOf("Role Specific Competences");
  const end = doc.lastIndexOf("Locality Specific Competences") > specific
    ? doc.lastIndexOf("Locality Specific Competences")
    : doc.lastIndexOf("Indicative Learning and Development");
  return section === "core" ? doc.slice(core, specific) : doc.slice(specific, end);
}

function tableCells(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.includes("\t"))
    .filter((line) => !/^Underpinning Principles?\t/.test(line))
    .flatMap((line) => line.split("\t"))
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

function principleKey(text: string): string {
  return text.replace(/^([1-6]|[A-H])\.\s*/, "").toLowerCase().replace(/[^a-z]/g, "");
}

function isPrincipleCell(cell: string): boolean {
  const bare = cell.replace(/^([1-6]|[A-H])\.\s*/, "").toLowerCase().replace(/\s+/g, " ");
  return catalog.principles.some((p) =>
    [p.name, ...p.variants].some((n) => n.toLowerCase().replace(/\s*\/\s*/g, "/") === bare.replace(/\s*\/\s*/g, "/")),
  );
}

function expectedTexts(entries: readonly RoleCompetence[]): string[] {
  const texts: string[] = [];
  let previous: RoleCompetence | undefined;
  for (const e of entries) {
    if (!previous || previous.function !== e.function || previous.principleId !== e.principleId) texts.push(e.function);
    texts.push(e.titleInDocument);
    previous = e;
  }
  return texts;
}

/** Splits a cell that holds two titles run together ("Monitor … practices Develop … learning"). */
function splitJoined(cells: string[], titles: readonly string[]): string[] {
  return cells.flatMap((cell) => {
    for (const a of titles) {
      for (const b of titles) if (cell === `${a} ${b}`) return [a, b];
    }
    return [cell];
  });
}

const sorted = (xs: string[]): string[] => [...xs].sort();

describe.each(Object.entries(SEED_FILES))("%s against %s", (roleId, file) => {
  const role = catalog.roles.find((r) => r.id === roleId) as Role;
  const doc = readSeed(file);

  it.each(["core", "specific"] as const)("lists exactly the document's %s competences and functions", (section) => {
    const entries = role.competences.filter((c) => c.section === section);
    const titles = entries.map((e) => e.titleInDocument);
    const cells = splitJoined(tableCells(sectionText(doc, section)), titles).filter((c) => !isPrincipleCell(c));
    expect(sorted(cells)).toEqual(sorted(expectedTexts(entries)));
  });

  it("files each competence under the principle whose row opens the block it stands in", () => {
    for (const section of ["core", "specific"] as const) {
      let current: string | undefined;
      const principleOfTitle = new Map<string, string[]>();
      for (const line of sectionText(doc, section).split("\n")) {
        const cells = line.split("\t").map((c) => c.trim());
        const opened = catalog.principles.find((p) => cells[0] !== undefined && cells[0] !== "" && isPrincipleCell(cells[0]) &&
          [p.name, ...p.variants].some((n) => principleKey(n) === principleKey(cells[0]!)));
        if (opened) current = opened.id;
        for (const cell of cells) {
          if (cell !== "" && current) principleOfTitle.set(cell, [...(principleOfTitle.get(cell) ?? []), current]);
        }
      }
      for (const e of role.competences.filter((c) => c.section === section)) {
        const found = [...principleOfTitle.entries()].filter(([cell]) => cell.includes(e.titleInDocument)).flatMap(([, p]) => p);
        expect(found, `${e.titleInDocument} under ${e.principleId}`).toContain(e.principleId);
      }
    }
  });

  it("takes its level, area of work and experience from the document", () => {
    expect(doc).toContain(`Career Framework Level\tLevel ${role.careerFrameworkLevel}`);
    expect(doc).toContain(`Area of Work\t${role.areaOfWork}`);
    expect(doc).toContain(`Named Role\t${role.namedRole}`);
    for (const item of [...role.experienceRequired, ...role.scope, ...role.learning.formal, ...role.learning.informal]) {
      expect(doc).toContain(item);
    }
    expect(role.competences.some((c) => c.section === "locality")).toBe(false);
  });
});

describe("catalog roles", () => {
  it.each([
    ["reconnect-service-manager", "reconnect", 7, 21, 39],
    ["liaison-diversion-service-manager", "liaison-diversion", 7, 21, 36],
    ["reconnect-senior-engagement-worker", "reconnect", 5, 20, 40],
    ["reconnect-peer-support-worker", "reconnect", 3, 14, 29],
  ] as const)("%s: %s, level %i, %i core and %i specific", (id, service, level, core, specific) => {
    const role = catalog.roles.find((r) => r.id === id)!;
    expect(role.service).toBe(service);
    expect(role.careerFrameworkLevel).toBe(level);
    expect(role.competences.filter((c) => c.section === "core")).toHaveLength(core);
    expect(role.competences.filter((c) => c.section === "specific")).toHaveLength(specific);
  });

  it("shares the level's core between roles of the same level", () => {
    const core = (id: string) =>
      catalog.roles.find((r) => r.id === id)!.competences.filter((c) => c.section === "core").map((c) => c.competenceId);
    expect(core("reconnect-service-manager")).toEqual(core("liaison-diversion-service-manager"));
    expect(core("reconnect-senior-engagement-worker")).toEqual(
      core("reconnect-service-manager").filter((id) => id !== "implement-change"),
    );
  });

  it("files the documents' shifted cells under the right function", () => {
    const entry = (roleId: string, title: string) =>
      catalog.roles.find((r) => r.id === roleId)!.competences.find((c) => c.titleInDocument === title)!;
    expect(entry("liaison-diversion-service-manager", "Obtain, analyse and provide information required for courts and formal hearings").function)
      .toBe("Present information to courts and formal hearings");
    expect(entry("reconnect-service-manager", "Facilitate the clinical audit process")).toMatchObject({
      function: "Facilitate the audit/inspection process",
      principleId: "quality",
    });
    expect(entry("reconnect-service-manager", "Recruit, induct and retain employees into their roles")).toMatchObject({
      function: "Recruit, select and retain colleagues",
      principleId: "management-and-administration",
    });
    expect(entry("reconnect-service-manager", "Take responsibility for the continuing professional development of yourself and others")).toMatchObject({
      function: "Support the development of knowledge and practice of individuals",
      principleId: "personal-and-people-development",
      section: "core",
    });
    expect(entry("reconnect-peer-support-worker", "Support individuals to access information on services and facilities")).toMatchObject({
      function: "Provide information, advice and guidance",
      principleId: "communication",
    });
  });
});
