import { describe, expect, it } from "vitest";
import { CatalogError, defaultCatalog, embeddedCatalogData, loadCatalog } from "../../src/catalog";
import { checkEmbeddedCatalog, checkShippedCatalog } from "../../src/catalog/checkEmbedded";
import { findCompetence, findRole } from "../../src/domain";

const catalog = defaultCatalog();
const clone = <T>(x: T): T => structuredClone(x) as T;

function catalogIssues(data: unknown): { path: string; message: string }[] {
  try {
    loadCatalog(data);
  } catch (e) {
    if (e instanceof CatalogError) return [...e.issues];
    throw e;
  }
  return [];
}

describe("loading the catalog", () => {
  it("loads the embedded data", () => {
    expect(catalog.roles.map((r) => r.id)).toEqual([
      "reconnect-service-manager",
      "liaison-diversion-service-manager",
      "reconnect-senior-engagement-worker",
      "reconnect-peer-support-worker",
    ]);
    expect(catalog.nationalProfiles.map((p) => p.id)).toEqual([
      "professional-manager-clinical-8a-8b",
      "professional-manager-clinical-8b-8c",
      "professional-manager-clinical-8c-9",
    ]);
    expect(catalog.careerLevels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("ships data the schema takes exactly as it is, so the browser can build it without parsing", () => {
    expect(() => checkEmbeddedCatalog()).not.toThrow();
    const parsed = loadCatalog(embeddedCatalogData);
    expect(catalog.data).toEqual(parsed.data);
    expect(catalog.roles).toEqual(parsed.roles);
    expect([...catalog.competenceIndex.byKey.keys()]).toEqual([...parsed.competenceIndex.byKey.keys()]);
    expect(catalog.jeScheme).toEqual(parsed.jeScheme);
    // What the build refuses: data the schema would change (or refuse) on the way in.
    const extra = clone(embeddedCatalogData);
    (extra.roles.roles[0] as unknown as Record<string, unknown>).nickname = "PSW";
    expect(() => checkShippedCatalog(extra)).toThrow(CatalogError);
  });

  it("names the path of a bad field", () => {
    const data = clone(embeddedCatalogData);
    (data.roles.roles[2]!.competences[5] as { section: string }).section = "central";
    const issues = catalogIssues(data);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe("roles.roles[2].competences[5].section");
    expect(() => loadCatalog(data)).toThrow(/roles\.roles\[2\]\.competences\[5\]\.section/);
  });

  it("refuses a figure without provenance, a wrong status, a missing factor", () => {
    const noSource = clone(embeddedCatalogData);
    delete (noSource.jeScheme.factors[3]!.provenance as { source?: string }).source;
    expect(catalogIssues(noSource).map((i) => i.path)).toEqual(["jeScheme.factors[3].provenance.source"]);

    const badStatus = clone(embeddedCatalogData);
    (badStatus.jeScheme.thresholds[0]!.provenance as { status: string }).status = "probably";
    expect(catalogIssues(badStatus).map((i) => i.path)).toEqual(["jeScheme.thresholds[0].provenance.status"]);

    const fifteen = clone(embeddedCatalogData);
    fifteen.jeScheme.factors.pop();
    expect(catalogIssues(fifteen).map((i) => i.path)).toEqual(["jeScheme.factors"]);
  });

  it("refuses dangling references, duplicate ids and gaps between bands", () => {
    const dangling = clone(embeddedCatalogData);
    dangling.roles.roles[0]!.competences[0]!.competenceId = "no-such-competence";
    expect(catalogIssues(dangling)).toEqual([
      { path: "roles.roles[0].competences[0].competenceId", message: "no competence 'no-such-competence'" },
    ]);

    const duplicate = clone(embeddedCatalogData);
    duplicate.roles.roles[1]!.id = duplicate.roles.roles[0]!.id;
    expect(catalogIssues(duplicate).map((i) => i.path)).toContain("roles.roles[1].id");

    const gap = clone(embeddedCatalogData);
    gap.jeScheme.thresholds[4]!.minScore = 330;
    expect(catalogIssues(gap)[0]!.message).toMatch(/band 5 starts at 330/);
  });

  it("marks the career level to band relation indicative", () => {
    const data = clone(embeddedCatalogData);
    (data.careerFramework.levels[6]!.indicativeBandsProvenance as { status: string }).status = "confirmed";
    expect(catalogIssues(data)[0]!.path).toBe("careerFramework.levels[6].indicativeBandsProvenance");
    for (const level of catalog.careerLevels) expect(level.indicativeBandsProvenance.status).toBe("indicative");
  });
});

describe("competences", () => {
  it("merges the documents' spelling variants into one competence each", () => {
    const pairs = [
      ["Communicate with people in vulnerable groups", "Communicate with people from vulnerable groups"],
      ["Uphold the rights of individuals", "Uphold the right of individuals"],
      [
        "Investigate work-related accidents, incidents, ill health reports and complaints for the purposes of health and safety regulation",
        "Investigate work related incidents, incidents, ill health reports and complaints for the purposes of health and safety regulations",
      ],
      ["Communicate effectively in a health care environment", "Communicate effectively in a healthcare environment"],
    ] as const;
    for (const [a, b] of pairs) {
      const ca = findCompetence(catalog.competenceIndex, a)!;
      expect(ca).toBeDefined();
      expect(findCompetence(catalog.competenceIndex, b)).toBe(ca);
    }
    const uses = (id: string) =>
      catalog.roles.filter((r) => r.competences.some((c) => c.competenceId === id)).map((r) => r.id);
    expect(uses("communicate-with-people-in-vulnerable-groups")).toHaveLength(4);
    expect(uses("uphold-the-rights-of-individuals")).toHaveLength(4);
  });

  it("has one competence per title: no two ids share a normalised title", () => {
    const keys = catalog.competences.map((c) => c.title.toLowerCase().replace(/[^a-z0-9]/g, ""));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("carries only the confirmed NOS codes, each with its source", () => {
    const coded = Object.fromEntries(catalog.competences.filter((c) => c.code).map((c) => [c.code, c.title]));
    expect(coded).toEqual({
      SFHGEN97: "Communicate effectively in a health care environment",
      SFHGEN23: "Monitor your own work practices",
      PROHSS1: "Make sure your own actions reduce risks to health and safety",
      SCDHSC0024: "Support the safeguarding of individuals",
      INSML037: "Manage budgets",
      "CFAM&LFA5": "Manage projects",
      "CFAM&LBA3": "Lead your team",
      "CFAM&LDB2": "Allocate work to team members",
      "CFAM&LDB3": "Quality assure work in your team",
      "CFAM&LCA4": "Implement change",
    });
    for (const c of catalog.competences.filter((x) => x.code)) expect(c.codeProvenance?.status).toBe("confirmed");
  });
});

describe("finding roles", () => {
  it("by id or title, whatever the case and punctuation", () => {
    expect(findRole(catalog.roles, "reconnect-peer-support-worker").id).toBe("reconnect-peer-support-worker");
    expect(findRole(catalog.roles, "RECONNECT Peer Support Worker").id).toBe("reconnect-peer-support-worker");
    expect(findRole(catalog.roles, "reconnect peer-support worker").id).toBe("reconnect-peer-support-worker");
    expect(findRole(catalog.roles, "Liaison and Diversion Service Operational/Service Manager").id).toBe(
      "liaison-diversion-service-manager",
    );
  });
  it("names what was not found", () => {
    expect(() => findRole(catalog.roles, "Astronaut")).toThrow("'Astronaut' is not a role in the catalog");
    expect(() => findRole(catalog.roles, "")).toThrow("a blank is not a role in the catalog");
  });
});
