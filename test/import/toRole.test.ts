import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { importedRole, splitKnownItems } from "../../src/domain/import/toRole";
import { parseRoleProfileText } from "../../src/domain/import/roleProfileText";
import { SEED_FILES, readSeed } from "../support/seeds";

const catalog = defaultCatalog();
const context = {
  competenceIndex: catalog.competenceIndex,
  principles: catalog.principles,
  knownLearning: catalog.roles.flatMap((r) => [...r.learning.formal, ...r.learning.informal]),
};
const knownTitles = catalog.competences.flatMap((c) => [c.title, ...c.aliases]);
const fromDocument = (text: string) => importedRole(parseRoleProfileText(text, { knownTitles }), context);

describe.each(Object.entries(SEED_FILES))("importing %s from its text", (roleId, file) => {
  const expected = catalog.roles.find((r) => r.id === roleId)!;
  const { role, newCompetences, problems } = fromDocument(readSeed(file));

  it("equals the catalog's role, competence for competence", () => {
    expect(problems).toEqual([]);
    expect(newCompetences).toEqual([]);
    const { id: _id, title: _title, provenance: _p, ...fromText } = role!;
    const { id: _i, title: _t, provenance: _q, ...fromCatalog } = expected;
    expect(fromText).toEqual(fromCatalog);
  });

  it("still imports with CRLF line ends, non-breaking spaces, extra blank lines and a repeated table header", () => {
    const messy = readSeed(file)
      .replace(/Underpinning Principles\tReference Function\tCompetence\n/, "$&\n\nUnderpinning Principles\tReference Function\tCompetence\n")
      .replace(/\n\n/g, "\n\n\n")
      .replace(/ (health|and) /g, "\u00a0$1\u00a0")
      .replace(/\n/g, "\r\n");
    const again = fromDocument(messy);
    expect(again.problems).toEqual([]);
    expect(again.role!.competences).toEqual(role!.competences);
  });
});

describe("importing what the catalog does not know", () => {
  it("makes new competences for unknown titles, matches the rest, and files the role under its service", () => {
    const text = readSeed(SEED_FILES["reconnect-peer-support-worker"])
      .replace("Support individuals who are distressed\tSupport individuals who are distressed", "Support individuals who are distressed\tRun a drop-in cafe")
      .replace("Area of Work\tRECONNECT and/or Enhanced RECONNECT", "Area of Work\tCourt Mental Health Team");
    const { role, newCompetences, problems } = fromDocument(text);
    expect(newCompetences).toEqual([{ id: "run-a-drop-in-cafe", title: "Run a drop-in cafe", aliases: [], code: null }]);
    expect(role!.competences.find((c) => c.titleInDocument === "Run a drop-in cafe")!.competenceId).toBe("run-a-drop-in-cafe");
    expect(role!.service).toBe("other");
    expect(problems.map((p) => p.reason)).toEqual(["the area of work names neither Liaison and Diversion nor RECONNECT: filed as another service"]);
  });

  it("reports a truncated document and gives no role without its level", () => {
    const doc = readSeed(SEED_FILES["reconnect-peer-support-worker"]);
    const truncated = doc.slice(0, doc.indexOf("Career Framework Level\tLevel 3"));
    const { role, problems } = fromDocument(truncated);
    expect(role).toBeNull();
    expect(problems.map((p) => p.reason).join("; ")).toMatch(/no Career Framework Level/);
  });
});

describe("splitKnownItems", () => {
  it("splits run-together text only where it is exactly known items", () => {
    expect(splitKnownItems(["CSE PREVENT Health & Safety"], ["CSE", "PREVENT", "Health & Safety"])).toEqual(["CSE", "PREVENT", "Health & Safety"]);
    expect(splitKnownItems(["CSE PREVENT Juggling"], ["CSE", "PREVENT"])).toEqual(["CSE PREVENT Juggling"]);
    expect(splitKnownItems(["PREVENT"], [])).toEqual(["PREVENT"]);
  });
});
