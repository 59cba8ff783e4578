import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import type { Role } from "../../src/domain";
import { parseRoleProfileText } from "../../src/domain/import/roleProfileText";
import { importedRole } from "../../src/domain/import/toRole";
import {
  type CatalogCells,
  type CatalogRows,
  type CompetenceCells,
  type RoleCells,
  catalogJson,
  catalogJsonText,
  mergeIntoRows,
  readCareerLevel,
  readCatalogJson,
  readPrinciple,
  readService,
  readSource,
  sourceCell,
  workbookCatalogCells,
  workbookCatalogFromRows,
  workbookCatalogOf,
  workbookRoles,
} from "../../src/catalog/workbookCatalog";
import { SEED_FILES, readSeed } from "../support/seeds";

const base = defaultCatalog();
const builtIn = (id: string): Role => base.roles.find((r) => r.id === id)!;

/** Cells as a sheet would hold them, numbered as on the sheet: roles from row 10, competences from row 40. */
function numbered(cells: CatalogCells): CatalogRows {
  return {
    roles: cells.roles.map((c, i) => ({ row: 10 + i, cells: c })),
    competences: cells.competences.map((c, i) => ({ row: 40 + i, cells: c })),
  };
}

const roleRow = (over: Partial<RoleCells> = {}): RoleCells => ({
  id: "court-navigator",
  title: "Court Navigator",
  namedRole: "Navigator",
  service: "Other service",
  level: 4,
  areaOfWork: "Courts",
  experience: "Court work\nSafeguarding",
  scope: "Guides people through court.",
  formalLearning: "Court procedure",
  informalLearning: "",
  source: "",
  ...over,
});

const competenceRow = (over: Partial<CompetenceCells> = {}): CompetenceCells => ({
  roleId: "court-navigator",
  section: "Role-specific",
  principle: "1. Communication",
  function: "Communicate effectively",
  competence: "Communicate effectively in a health care environment",
  nosCode: "",
  ...over,
});

function importSeed(roleId: keyof typeof SEED_FILES, text = readSeed(SEED_FILES[roleId])) {
  const knownTitles = base.competences.flatMap((c) => [c.title, ...c.aliases]);
  return importedRole(parseRoleProfileText(text, { knownTitles }), {
    competenceIndex: base.competenceIndex,
    principles: base.principles,
    knownLearning: base.roles.flatMap((r) => [...r.learning.formal, ...r.learning.informal]),
  });
}

describe("roles ↔ rows", () => {
  it("writes every built-in role to rows and reads the same roles back, with no problems", () => {
    const catalog = { roles: base.roles, locality: [], competences: [] };
    const cells = workbookCatalogCells(catalog, base);
    expect(cells.roles).toHaveLength(4);
    expect(cells.competences).toHaveLength(base.roles.reduce((n, r) => n + r.competences.length, 0));
    const read = workbookCatalogFromRows(numbered(cells), base);
    expect(read.problems).toEqual([]);
    expect(read.catalog.roles).toEqual(base.roles);
    expect(read.catalog.competences).toEqual([]);
  });

  it("writes what a user reads: labels, one item per line, the level as a number, the source with its year", () => {
    const peer = builtIn("reconnect-peer-support-worker");
    const [row] = workbookCatalogCells({ roles: [peer], locality: [], competences: [] }, base).roles;
    expect(row).toMatchObject({
      id: "reconnect-peer-support-worker",
      service: "RECONNECT / Enhanced RECONNECT",
      level: 3,
      experience: peer.experienceRequired.join("\n"),
      source: `${peer.provenance.source} (2023, confirmed)\n${peer.provenance.note}`,
    });
    const first = workbookCatalogCells({ roles: [peer], locality: [], competences: [] }, base).competences[0]!;
    expect(first).toEqual({
      roleId: "reconnect-peer-support-worker",
      section: "Core",
      principle: "1. Communication",
      function: peer.competences[0]!.function,
      competence: peer.competences[0]!.titleInDocument,
      nosCode: base.competenceIndex.byId.get(peer.competences[0]!.competenceId)!.code ?? "",
    });
  });

  it("round-trips an imported role with a competence the catalog does not know", () => {
    const text = readSeed(SEED_FILES["reconnect-peer-support-worker"]).replace(
      "Support individuals who are distressed\tSupport individuals who are distressed",
      "Support individuals who are distressed\tRun a drop-in cafe",
    );
    const { role, newCompetences } = importSeed("reconnect-peer-support-worker", text);
    const mine: Role = { ...role!, id: "drop-in-peer-worker", title: "Drop-in Peer Worker" };
    const cells = workbookCatalogCells({ roles: [mine], locality: [], competences: newCompetences }, base);
    const read = workbookCatalogFromRows(numbered(cells), base);
    expect(read.problems).toEqual([]);
    expect(read.catalog.roles).toEqual([mine]);
    expect(read.catalog.competences).toEqual(newCompetences);
  });

  it("reads the spellings a user types", () => {
    expect(readService("L&D")).toBe("liaison-diversion");
    expect(readService("reconnect")).toBe("reconnect");
    expect(readService("Other service")).toBe("other");
    expect(readService("Prison")).toBeNull();
    expect(readCareerLevel(7)).toBe(7);
    expect(readCareerLevel("Level 5")).toBe(5);
    expect(readCareerLevel(12)).toBeNull();
    expect(readCareerLevel("4.5")).toBeNull();
    const p = base.principles;
    expect(readPrinciple("1. Communication", p)?.id).toBe("communication");
    expect(readPrinciple("a", p)?.id).toBe("assessment");
    expect(readPrinciple("Equality and Diversity", p)?.id).toBe("equality-and-diversity");
    expect(readPrinciple("1. Quality", p)).toBeNull();
    expect(readSource("My team's own profile")).toEqual({ source: "My team's own profile", year: "undated", status: "secondary" });
    const provenance = builtIn("reconnect-service-manager").provenance;
    expect(readSource(sourceCell(provenance))).toEqual(provenance);
  });
});

describe("bad rows", () => {
  it("are reported with their table and row; the rest still loads", () => {
    const rows: CatalogRows = {
      roles: [
        { row: 10, cells: roleRow() },
        { row: 11, cells: roleRow({ id: "no-title", title: "" }) },
        { row: 12, cells: roleRow({ id: "too-senior", title: "Too Senior", level: 12 }) },
        { row: 13, cells: roleRow({ title: "Court Navigator Again" }) },
        { row: 14, cells: roleRow({ id: "My Role", title: "My Role", service: "Prison" }) },
        { row: 15, cells: roleRow({ id: "", title: "", namedRole: "", service: "", level: null, areaOfWork: "", experience: "", scope: "", formalLearning: "", source: "" }) },
        { row: 16, cells: roleRow({ id: "peer-copy", title: "RECONNECT Peer Support Worker" }) },
      ],
      competences: [
        { row: 40, cells: competenceRow() },
        { row: 41, cells: competenceRow({ roleId: "nobody" }) },
        { row: 42, cells: competenceRow({ section: "Optional" }) },
        { row: 43, cells: competenceRow({ principle: "Z. Nothing" }) },
        { row: 44, cells: competenceRow({ roleId: "too-senior" }) },
        { row: 45, cells: competenceRow({ roleId: "reconnect-peer-support-worker", section: "Core" }) },
        { row: 46, cells: competenceRow({ roleId: "reconnect-peer-support-worker", section: "Locality-specific", competence: "Run a drop-in cafe", function: "Engage the community" }) },
        { row: 47, cells: competenceRow({ function: "" }) },
        { row: 48, cells: competenceRow() },
      ],
    };
    const { catalog, problems } = workbookCatalogFromRows(rows, base);
    expect(problems.map((p) => [p.table, p.row])).toEqual([
      ["roles", 11],
      ["roles", 12],
      ["roles", 13],
      ["roles", 14],
      ["roles", 16],
      ["competences", 41],
      ["competences", 42],
      ["competences", 43],
      ["competences", 44],
      ["competences", 45],
      ["competences", 47],
      ["competences", 48],
    ]);
    const message = (table: string, row: number) => problems.find((p) => p.table === table && p.row === row)!.message;
    expect(message("roles", 11)).toBe("No Title: this row is left out");
    expect(message("roles", 12)).toBe("The Career level 12 is not a Career Framework level (1 to 9): this row is left out");
    expect(message("roles", 13)).toBe('The Role id "court-navigator" is already used on row 10: this row is left out');
    expect(message("roles", 14)).toMatch(/^The Role id "My Role" is not lower-case words joined by hyphens \(e\.g\. "my-role"\); the Service "Prison" is not one we know/);
    expect(message("roles", 16)).toMatch(/is the built-in role "reconnect-peer-support-worker"/);
    expect(message("competences", 41)).toMatch(/^No role has the Role id "nobody"/);
    expect(message("competences", 42)).toMatch(/^The Section "Optional" is not one we know \(choose Core, Role-specific, Locality-specific\)/);
    expect(message("competences", 43)).toMatch(/^The Principle "Z. Nothing" is not one of the 14 underpinning principles/);
    expect(message("competences", 44)).toMatch(/^Its role "too-senior" \(row 12 of the roles table\) did not load/);
    expect(message("competences", 45)).toMatch(/^Only locality-specific competences can be added to the built-in role/);
    expect(message("competences", 47)).toBe("No Reference function: this row is left out");
    expect(message("competences", 48)).toMatch(/already listed for "court-navigator" on row 40/);

    // What is good loads: the first Court Navigator with its one competence, and the locality row on a built-in role.
    expect(catalog.roles.map((r) => r.id)).toEqual(["court-navigator"]);
    expect(catalog.roles[0]!.competences).toEqual([
      {
        competenceId: "communicate-effectively-in-a-health-care-environment",
        section: "specific",
        principleId: "communication",
        function: "Communicate effectively",
        titleInDocument: "Communicate effectively in a health care environment",
      },
    ]);
    expect(catalog.locality).toEqual([
      {
        roleId: "reconnect-peer-support-worker",
        competences: [{ competenceId: "run-a-drop-in-cafe", section: "locality", principleId: "communication", function: "Engage the community", titleInDocument: "Run a drop-in cafe" }],
      },
    ]);
    expect(catalog.competences).toEqual([{ id: "run-a-drop-in-cafe", title: "Run a drop-in cafe", aliases: [], code: null }]);
  });

  it("keeps the catalog's NOS code over a different one typed on the sheet, and says so", () => {
    const known = base.competences.find((c) => c.code)!;
    const rows: CatalogRows = {
      roles: [{ row: 10, cells: roleRow() }],
      competences: [{ row: 40, cells: competenceRow({ competence: known.title, nosCode: "XYZ123" }) }],
    };
    const { catalog, problems } = workbookCatalogFromRows(rows, base);
    expect(problems).toEqual([
      { table: "competences", row: 40, message: `The NOS code "XYZ123" is not the catalog's code for "${known.title}" (${known.code}): the catalog's code is kept` },
    ]);
    expect(catalog.roles[0]!.competences[0]!.competenceId).toBe(known.id);
  });

  it("makes a new competence from a title and NOS code the catalog does not know, with the code's source", () => {
    const rows: CatalogRows = {
      roles: [{ row: 10, cells: roleRow() }],
      competences: [
        { row: 40, cells: competenceRow({ competence: "Explain court procedure", nosCode: "SKJ01" }) },
        // The same standard under another title is the same competence: the code names it.
        { row: 41, cells: competenceRow({ competence: "Explain court procedures", nosCode: "SKJ01", section: "Locality-specific" }) },
      ],
    };
    const { catalog, problems } = workbookCatalogFromRows(rows, base);
    expect(problems).toEqual([]);
    expect(catalog.competences).toEqual([
      {
        id: "explain-court-procedure",
        title: "Explain court procedure",
        aliases: [],
        code: "SKJ01",
        codeProvenance: { source: "Entered on the workbook's Catalog sheet", year: "undated", status: "secondary" },
      },
    ]);
    expect(catalog.roles[0]!.competences.map((c) => c.competenceId)).toEqual(["explain-court-procedure", "explain-court-procedure"]);
  });
});

describe("locality-specific competences on a built-in role", () => {
  it("add to that role in the merged roles, which say where each role comes from", () => {
    const rows: CatalogRows = {
      roles: [{ row: 10, cells: roleRow() }],
      competences: [
        {
          row: 40,
          cells: competenceRow({
            roleId: "reconnect-service-manager",
            section: "Locality-specific",
            principle: "B. Health Intervention",
            function: "Work with local courts",
            competence: "Support individuals who are distressed",
          }),
        },
      ],
    };
    const { catalog } = workbookCatalogFromRows(rows, base);
    const merged = workbookRoles(catalog, base);
    expect(merged.sources.get("reconnect-service-manager")).toBe("built-in + locality");
    expect(merged.sources.get("court-navigator")).toBe("workbook");
    expect(merged.sources.get("reconnect-peer-support-worker")).toBe("built-in");
    const manager = merged.roles.find((r) => r.id === "reconnect-service-manager")!;
    const own = builtIn("reconnect-service-manager").competences;
    expect(manager.competences.slice(0, own.length)).toEqual(own);
    expect(manager.competences.slice(own.length)).toEqual([
      {
        competenceId: "support-individuals-who-are-distressed",
        section: "locality",
        principleId: "health-intervention",
        function: "Work with local courts",
        titleInDocument: "Support individuals who are distressed",
      },
    ]);
  });
});

describe("JSON", () => {
  const locality = {
    roleId: "reconnect-peer-support-worker",
    competences: [
      { competenceId: "run-a-drop-in-cafe", section: "locality" as const, principleId: "communication", function: "Engage the community", titleInDocument: "Run a drop-in cafe" },
    ],
  };
  const cafe = { id: "run-a-drop-in-cafe", title: "Run a drop-in cafe", aliases: [], code: null };
  const navigator = workbookCatalogFromRows(
    { roles: [{ row: 10, cells: roleRow() }], competences: [{ row: 40, cells: competenceRow() }] },
    base,
  ).catalog.roles[0]!;
  const workbook = { roles: [navigator], locality: [locality], competences: [cafe] };

  it("round-trips the workbook catalog: a built-in role with locality competences goes out whole and comes back as its additions", () => {
    const json = catalogJson(workbook, base);
    expect(json.version).toBe(1);
    expect(json.roles.map((r) => r.id)).toEqual(["court-navigator", "reconnect-peer-support-worker"]);
    expect(json.roles[1]!.competences).toHaveLength(builtIn("reconnect-peer-support-worker").competences.length + 1);
    const read = readCatalogJson(catalogJsonText(workbook, base), base);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(workbookCatalogOf(read.json.roles, read.json.competences, base)).toEqual(workbook);
  });

  it("names each problem by its path in the file", () => {
    const issues = (text: string) => {
      const read = readCatalogJson(text, base);
      return read.ok ? [] : read.issues;
    };
    expect(issues("{ roles: [")[0]).toMatchObject({ path: "(file)", message: expect.stringMatching(/^not JSON/) });
    expect(issues(JSON.stringify({ version: 2, roles: [], competences: [] }))).toEqual([
      { path: "version", message: "this reads catalog files of version 1" },
    ]);
    const json = JSON.parse(catalogJsonText(workbook, base)) as { roles: Record<string, unknown>[]; competences: unknown[] };
    const broken = structuredClone(json);
    broken.roles[0]!.title = "";
    broken.roles[0]!.careerFrameworkLevel = 12;
    expect(issues(JSON.stringify(broken)).map((i) => i.path)).toEqual(["roles[0].title", "roles[0].careerFrameworkLevel"]);

    const references = structuredClone(json);
    references.competences = [];
    references.roles.push({ ...references.roles[0]!, title: "RECONNECT Service Manager" });
    expect(issues(JSON.stringify(references))).toEqual([
      { path: "roles[2].id", message: 'the id "court-navigator" is also roles[0]\'s' },
      { path: "roles[2].title", message: '"RECONNECT Service Manager" is the title of the built-in role "reconnect-service-manager"' },
      {
        path: `roles[1].competences[${builtIn("reconnect-peer-support-worker").competences.length}].competenceId`,
        message: 'no competence "run-a-drop-in-cafe" in the built-in catalog or the file\'s competences',
      },
    ]);
  });
});

describe("adding roles to the rows a workbook has", () => {
  const existing: CatalogRows = {
    roles: [
      { row: 10, cells: roleRow({ scope: "Edited by the user" }) },
      { row: 11, cells: roleRow({ id: "broken", title: "", level: 12 }) },
    ],
    competences: [
      { row: 40, cells: competenceRow() },
      { row: 41, cells: competenceRow({ section: "Locality-specific", competence: "Run a drop-in cafe" }) },
      { row: 42, cells: competenceRow({ roleId: "reconnect-service-manager", section: "Locality-specific", competence: "Run a drop-in cafe" }) },
    ],
  };
  const replacement: Role = { ...navigatorRole(), scope: ["From the document"] };

  function navigatorRole(): Role {
    return workbookCatalogFromRows({ roles: [{ row: 10, cells: roleRow() }], competences: [] }, base).catalog.roles[0]!;
  }

  it("keeps every row, a bad one too, and skips a role already there unless asked to replace it", () => {
    const merge = mergeIntoRows(existing, { roles: [replacement, builtIn("reconnect-peer-support-worker")], locality: [], competences: [] }, base, { replace: false });
    expect(merge.added).toEqual(["reconnect-peer-support-worker"]);
    expect(merge.skipped).toEqual([{ roleId: "court-navigator", reason: "already in the roles table (row 10); replace it to take the new one" }]);
    expect(merge.cells.roles.slice(0, 2)).toEqual(existing.roles.map((r) => r.cells));
    expect(merge.cells.roles[2]!.id).toBe("reconnect-peer-support-worker");
    expect(merge.cells.competences.slice(0, 3)).toEqual(existing.competences.map((r) => r.cells));
  });

  it("replacing swaps the role's row and national competences, and keeps the locality ones the user added", () => {
    const merge = mergeIntoRows(existing, { roles: [replacement], locality: [], competences: [] }, base, { replace: true });
    expect(merge.replaced).toEqual(["court-navigator"]);
    expect(merge.cells.roles.map((r) => r.id)).toEqual(["broken", "court-navigator"]);
    expect(merge.cells.roles[1]!.scope).toBe("From the document");
    // The role's locality row moves after the role's new rows, so it still comes last in the role.
    expect(merge.cells.competences).toEqual([existing.competences[2]!.cells, existing.competences[1]!.cells]);
  });

  it("adds a locality competence once, however often it is added", () => {
    const addition = {
      roleId: "reconnect-service-manager",
      competences: [{ competenceId: "run-a-drop-in-cafe", section: "locality" as const, principleId: "communication", function: "Engage", titleInDocument: "Run a drop-in cafe" }],
    };
    const merge = mergeIntoRows(existing, { roles: [], locality: [addition], competences: [] }, base, { replace: false });
    expect(merge.localityAdded).toBe(0);
    expect(merge.cells.competences).toHaveLength(3);
  });
});
