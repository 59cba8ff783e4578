import { describe, expect, it } from "vitest";
import { CatalogError, defaultCatalog } from "../../src/catalog";
import type { Competence, Role } from "../../src/domain";
import { parseRoleProfileText } from "../../src/domain/import/roleProfileText";
import { importedRole } from "../../src/domain/import/toRole";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import {
  CATALOG_COMPETENCES_TABLE,
  CATALOG_EXPLANATION,
  CATALOG_ROLES_TABLE,
  CATALOG_SHEET,
} from "../../src/sheets/catalogSheet";
import { columnLetter, parseRange, validatePlan } from "../../src/sheets/plan";
import { NO_FILTER, findRoles, groupCompetences } from "../../src/taskpane/roles/roleSearch";
import {
  addRolesToWorkbookCatalog,
  catalogSheetFromJson,
  exportWorkbookCatalogJson,
  importWorkbookCatalogJson,
  loadCatalogJson,
  readWorkbookCatalog,
} from "../../src/workbook/catalog";
import { SEED_FILES, readSeed } from "../support/seeds";

const base = defaultCatalog();

/** The Peer Support Worker's profile with one competence the catalog lacks, imported under an id of its own. */
function importedCafeWorker(): { role: Role; newCompetences: Competence[] } {
  const text = readSeed(SEED_FILES["reconnect-peer-support-worker"]).replace(
    "Support individuals who are distressed\tSupport individuals who are distressed",
    "Support individuals who are distressed\tRun a drop-in cafe",
  );
  const knownTitles = base.competences.flatMap((c) => [c.title, ...c.aliases]);
  const imported = importedRole(
    parseRoleProfileText(text, { knownTitles }),
    { competenceIndex: base.competenceIndex, principles: base.principles, knownLearning: base.roles.flatMap((r) => [...r.learning.formal, ...r.learning.informal]) },
    { id: "cafe-peer-worker", title: "Cafe Peer Worker" },
  );
  return { role: imported.role!, newCompetences: imported.newCompetences };
}

/** A role of the user's own, small, whose text starts like formulas. */
const formulaLike: Role = {
  id: "formula-looking-role",
  title: "=HYPERLINK(\"http://example.test\",\"click\")",
  namedRole: "+44 helpline worker",
  service: "other",
  areaOfWork: "@courts",
  careerFrameworkLevel: 4,
  experienceRequired: ["-3 years in custody suites"],
  scope: ["=1+1 is not a formula here"],
  competences: [
    {
      competenceId: "communicate-effectively-in-a-health-care-environment",
      section: "specific",
      principleId: "communication",
      function: "=Communicate",
      titleInDocument: "Communicate effectively in a health care environment",
    },
  ],
  learning: { formal: ["+First aid"], informal: [] },
  provenance: { source: "Written by the team", year: "2025", status: "secondary" },
};

/** Cell address of a table's body cell, by header and 0-based body row. */
function tableCell(workbook: MemoryWorkbook, table: string, header: string, bodyRow: number): string {
  const t = workbook.getTable(table)!;
  const r = parseRange(t.address);
  return `${columnLetter(r.left + t.headers.indexOf(header))}${r.top + 1 + bodyRow}`;
}

describe("the Catalog sheet", () => {
  it("is made visible and documented, with both tables and their drop-downs", async () => {
    const workbook = new MemoryWorkbook({ sheets: ["Sheet1"] });
    const { role, newCompetences } = importedCafeWorker();
    const outcome = await addRolesToWorkbookCatalog(workbook, base, [role], newCompetences);
    expect(outcome.result.status).toBe("written");
    expect(outcome.added).toEqual(["cafe-peer-worker"]);
    expect(workbook.sheetNames()).toEqual(["Sheet1", CATALOG_SHEET]);
    const text = workbook.getSheet(CATALOG_SHEET)!.flat().join("\n");
    for (const line of CATALOG_EXPLANATION) expect(text).toContain(line);
    expect(workbook.getTable(CATALOG_ROLES_TABLE)?.headers).toEqual([
      "Role id", "Title", "Named role", "Service", "Career level", "Area of work", "Experience", "Scope", "Formal learning", "Informal learning", "Source",
    ]);
    expect(workbook.getTable(CATALOG_COMPETENCES_TABLE)?.headers).toEqual(["Role id", "Section", "Principle", "Reference function", "Competence", "NOS code"]);
    expect(workbook.cell(CATALOG_SHEET, tableCell(workbook, CATALOG_ROLES_TABLE, "Service", 0)).validation).toBe(
      "Liaison and Diversion,RECONNECT / Enhanced RECONNECT,Other service",
    );
    expect(workbook.cell(CATALOG_SHEET, tableCell(workbook, CATALOG_COMPETENCES_TABLE, "Section", 0)).validation).toBe("Core,Role-specific,Locality-specific");
    // The Principle drop-down reads the list beside the roles table, which holds the 14 principles.
    const source = workbook.cell(CATALOG_SHEET, tableCell(workbook, CATALOG_COMPETENCES_TABLE, "Principle", 0)).validation!;
    const [from, to] = source.replace(/[=$]/g, "").split(":") as [string, string];
    const list = [];
    for (let row = parseRange(from).top; row <= parseRange(to).top; row++) list.push(workbook.cell(CATALOG_SHEET, `${from.replace(/\d+/, "")}${row}`).value);
    expect(list).toEqual(base.principles.map((p) => `${p.code}. ${p.name}`));
    expect((await workbook.readTable(CATALOG_COMPETENCES_TABLE))!.rows).toHaveLength(role.competences.length);
  });

  it("is read back as the merged catalog: the workbook's role, its new competence, and where each role comes from", async () => {
    const workbook = new MemoryWorkbook();
    const { role, newCompetences } = importedCafeWorker();
    await addRolesToWorkbookCatalog(workbook, base, [role], newCompetences);
    const view = await readWorkbookCatalog(workbook, base);
    expect(view.problems).toEqual([]);
    expect(view.sheet).toBe(CATALOG_SHEET);
    expect(view.entries.roles).toEqual([role]);
    expect(view.catalog.roles.find((r) => r.id === "cafe-peer-worker")).toEqual(role);
    expect(view.catalog.competenceIndex.byId.get("run-a-drop-in-cafe")?.title).toBe("Run a drop-in cafe");
    expect(view.sources.get("cafe-peer-worker")).toBe("workbook");
    expect(view.sources.get("reconnect-peer-support-worker")).toBe("built-in");
  });

  it("with no Catalog sheet, is the built-in catalog", async () => {
    const view = await readWorkbookCatalog(new MemoryWorkbook(), base);
    expect(view.catalog).toBe(base);
    expect(view.sheet).toBeNull();
    expect(view.problems).toEqual([]);
    expect([...view.sources.values()]).toEqual(["built-in", "built-in", "built-in", "built-in"]);
  });

  it("writes text that looks like a formula as text", async () => {
    const workbook = new MemoryWorkbook();
    await addRolesToWorkbookCatalog(workbook, base, [formulaLike], []);
    const check = (table: string, header: string, expected: string) => {
      const cell = workbook.cell(CATALOG_SHEET, tableCell(workbook, table, header, 0));
      expect(cell.formula, `${header}`).toBeNull();
      expect(cell.value, `${header}`).toBe(expected);
    };
    check(CATALOG_ROLES_TABLE, "Title", formulaLike.title);
    check(CATALOG_ROLES_TABLE, "Named role", "+44 helpline worker");
    check(CATALOG_ROLES_TABLE, "Area of work", "@courts");
    check(CATALOG_ROLES_TABLE, "Experience", "-3 years in custody suites");
    check(CATALOG_ROLES_TABLE, "Scope", "=1+1 is not a formula here");
    check(CATALOG_ROLES_TABLE, "Formal learning", "+First aid");
    check(CATALOG_COMPETENCES_TABLE, "Reference function", "=Communicate");
    const view = await readWorkbookCatalog(workbook, base);
    expect(view.problems).toEqual([]);
    expect(view.entries.roles).toEqual([formulaLike]);
  });
});

describe("the user's edits", () => {
  it("survive adding more roles; the merged catalog has the edit and the locality competence on the built-in role", async () => {
    const workbook = new MemoryWorkbook();
    const { role, newCompetences } = importedCafeWorker();
    await addRolesToWorkbookCatalog(workbook, base, [role], newCompetences);

    // The user rewrites the role's scope, adds a role of their own with a bad level (a row below the table, which
    // Excel takes into it) and adds locality competences to their role and to a built-in one.
    workbook.userTypes(CATALOG_SHEET, tableCell(workbook, CATALOG_ROLES_TABLE, "Scope", 0), "Runs the cafe.\nMeets people there.");
    workbook.userAddsTableRow(CATALOG_ROLES_TABLE, ["too-senior", "Too Senior", "", "Other service", 12, "Courts"]);
    workbook.userAddsTableRow(CATALOG_COMPETENCES_TABLE, [
      "reconnect-service-manager", "Locality-specific", "B. Health Intervention", "Work with local courts", "Support individuals who are distressed", "",
    ]);
    workbook.userAddsTableRow(CATALOG_COMPETENCES_TABLE, ["cafe-peer-worker", "Locality-specific", "1. Communication", "Talk to visitors", "Greet visitors at the cafe", ""]);

    const edited = await readWorkbookCatalog(workbook, base);
    const badRow = parseRange(workbook.getTable(CATALOG_ROLES_TABLE)!.address).bottom;
    expect(edited.problems).toEqual([
      { table: "roles", row: badRow, message: "The Career level 12 is not a Career Framework level (1 to 9): this row is left out" },
    ]);

    // Adding a role re-writes the sheet (the competences table moves down a row): nothing of the user's is lost.
    const second = await addRolesToWorkbookCatalog(workbook, base, [formulaLike], []);
    expect(second.result.status).toBe("written");
    const roles = (await workbook.readTable(CATALOG_ROLES_TABLE))!.rows;
    expect(roles.map((r) => r[0])).toEqual(["cafe-peer-worker", "too-senior", "formula-looking-role"]);
    expect(roles[0]![7]).toBe("Runs the cafe.\nMeets people there.");
    expect(roles[1]![4]).toBe(12);

    const view = await readWorkbookCatalog(workbook, base);
    expect(view.problems.map((p) => [p.table, p.message])).toEqual([
      ["roles", "The Career level 12 is not a Career Framework level (1 to 9): this row is left out"],
    ]);
    const cafe = view.catalog.roles.find((r) => r.id === "cafe-peer-worker")!;
    expect(cafe.scope).toEqual(["Runs the cafe.", "Meets people there."]);
    expect(cafe.competences.at(-1)).toEqual({
      competenceId: "greet-visitors-at-the-cafe", section: "locality", principleId: "communication", function: "Talk to visitors", titleInDocument: "Greet visitors at the cafe",
    });
    const manager = view.catalog.roles.find((r) => r.id === "reconnect-service-manager")!;
    expect(manager.competences.at(-1)).toEqual({
      competenceId: "support-individuals-who-are-distressed", section: "locality", principleId: "health-intervention", function: "Work with local courts", titleInDocument: "Support individuals who are distressed",
    });
    expect(view.sources.get("reconnect-service-manager")).toBe("built-in + locality");
    expect(view.sources.get("cafe-peer-worker")).toBe("workbook");
    expect(view.sources.get("formula-looking-role")).toBe("workbook");

    // The Roles tab's logic lists the workbook's roles and shows the built-in role's locality competence.
    const listed = findRoles(view.catalog, NO_FILTER).map((m) => m.role.id);
    expect(listed).toEqual(expect.arrayContaining(["cafe-peer-worker", "formula-looking-role", "reconnect-service-manager"]));
    expect(listed).not.toContain("too-senior");
    const locality = groupCompetences(view.catalog, manager).find((s) => s.section === "locality")!;
    expect(locality.label).toBe("Locality-specific competences");
    expect(locality.principles[0]!.competences.map((c) => c.title)).toEqual(["Support individuals who are distressed"]);
  });

  it("adding a role already there skips it, unless asked to replace it; its locality competences stay", async () => {
    const workbook = new MemoryWorkbook();
    const { role, newCompetences } = importedCafeWorker();
    await addRolesToWorkbookCatalog(workbook, base, [role], newCompetences);
    workbook.userAddsTableRow(CATALOG_COMPETENCES_TABLE, ["cafe-peer-worker", "Locality-specific", "1. Communication", "Talk to visitors", "Greet visitors at the cafe", ""]);
    const renamed: Role = { ...role, namedRole: "Cafe host", competences: role.competences.slice(0, 3) };

    const skipped = await addRolesToWorkbookCatalog(workbook, base, [renamed], newCompetences);
    expect(skipped.skipped.map((s) => s.roleId)).toEqual(["cafe-peer-worker"]);
    expect((await readWorkbookCatalog(workbook, base)).entries.roles[0]!.namedRole).toBe("Peer Support Worker");

    const replaced = await addRolesToWorkbookCatalog(workbook, base, [renamed], newCompetences, { replace: true });
    expect(replaced.replaced).toEqual(["cafe-peer-worker"]);
    const after = (await readWorkbookCatalog(workbook, base)).entries.roles[0]!;
    expect(after.namedRole).toBe("Cafe host");
    expect(after.competences.map((c) => c.titleInDocument)).toEqual([...role.competences.slice(0, 3).map((c) => c.titleInDocument), "Greet visitors at the cafe"]);
  });

  it("a renamed required column is reported once, at the header row", async () => {
    const workbook = new MemoryWorkbook();
    await addRolesToWorkbookCatalog(workbook, base, [formulaLike], []);
    const header = parseRange(workbook.getTable(CATALOG_ROLES_TABLE)!.address).top;
    workbook.userTypes(CATALOG_SHEET, `B${header}`, "Name");
    const view = await readWorkbookCatalog(workbook, base);
    expect(view.problems).toEqual([
      { table: "roles", row: header, message: 'The table Catalog_Roles has no "Title" column: name the column back to read the table' },
      // Its competence rows name a role that is no longer there.
      { table: "competences", row: expect.any(Number), message: expect.stringMatching(/^No role has the Role id "formula-looking-role"/) },
    ]);
    expect(view.catalog.roles).toEqual(base.roles);
  });
});

describe("the workbook catalog as JSON", () => {
  it("exports from one workbook and imports into another: the same catalog, the same file", async () => {
    const first = new MemoryWorkbook();
    const { role, newCompetences } = importedCafeWorker();
    await addRolesToWorkbookCatalog(first, base, [role, formulaLike], newCompetences);
    first.userAddsTableRow(CATALOG_COMPETENCES_TABLE, [
      "reconnect-service-manager", "Locality-specific", "B. Health Intervention", "Work with local courts", "Support individuals who are distressed", "",
    ]);
    const json = await exportWorkbookCatalogJson(first, base);
    const parsed = JSON.parse(json) as { version: number; roles: Role[]; competences: Competence[] };
    expect(parsed.version).toBe(1);
    expect(parsed.roles.map((r) => r.id)).toEqual(["cafe-peer-worker", "formula-looking-role", "reconnect-service-manager"]);
    expect(parsed.competences.map((c) => c.id)).toEqual(["run-a-drop-in-cafe"]);

    const second = new MemoryWorkbook();
    const imported = await importWorkbookCatalogJson(second, base, json);
    expect(imported.kind).toBe("written");
    const [a, b] = await Promise.all([readWorkbookCatalog(first, base), readWorkbookCatalog(second, base)]);
    expect(b.problems).toEqual([]);
    expect(b.entries).toEqual(a.entries);
    // The built-in role came back as its locality competence alone, not as a copy of the role.
    expect(b.entries.roles.map((r) => r.id)).toEqual(["cafe-peer-worker", "formula-looking-role"]);
    expect(b.entries.locality.map((l) => l.roleId)).toEqual(["reconnect-service-manager"]);
    expect(await exportWorkbookCatalogJson(second, base)).toBe(json);

    // Importing the same file again adds nothing twice.
    const again = await importWorkbookCatalogJson(second, base, json);
    expect(again.kind === "written" && [again.added, again.skipped.length, again.localityAdded]).toEqual([[], 2, 0]);
    expect(await exportWorkbookCatalogJson(second, base)).toBe(json);
  });

  it("refuses a bad file, says where, and writes nothing", async () => {
    const workbook = new MemoryWorkbook({ sheets: ["Sheet1"] });
    const result = await importWorkbookCatalogJson(workbook, base, JSON.stringify({ version: 1, roles: [{ id: "x" }], competences: [] }));
    expect(result.kind).toBe("invalid");
    expect(result.kind === "invalid" && result.issues.map((i) => i.path)).toContain("roles[0].title");
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("loads for the command line on top of the built-in catalog, or throws naming the bad field", async () => {
    const workbook = new MemoryWorkbook();
    const { role, newCompetences } = importedCafeWorker();
    await addRolesToWorkbookCatalog(workbook, base, [role], newCompetences);
    const catalog = loadCatalogJson(base, await exportWorkbookCatalogJson(workbook, base));
    expect(catalog.roles.map((r) => r.id)).toEqual([...base.roles.map((r) => r.id), "cafe-peer-worker"]);
    expect(catalog.competenceIndex.byId.has("run-a-drop-in-cafe")).toBe(true);

    const bad = JSON.stringify({ version: 1, roles: [{ ...role, careerFrameworkLevel: 12 }], competences: newCompetences });
    expect(() => loadCatalogJson(base, bad)).toThrow(CatalogError);
    expect(() => loadCatalogJson(base, bad)).toThrow(/roles\[0\]\.careerFrameworkLevel/);
  });

  it("gives the command line the Catalog sheet of a file, which reads back as the same catalog", async () => {
    const source = new MemoryWorkbook();
    const { role, newCompetences } = importedCafeWorker();
    await addRolesToWorkbookCatalog(source, base, [role], newCompetences);
    source.userAddsTableRow(CATALOG_COMPETENCES_TABLE, ["reconnect-service-manager", "Locality-specific", "1. Communication", "Talk to courts", "Greet visitors at the cafe", ""]);
    const json = await exportWorkbookCatalogJson(source, base);
    const plan = catalogSheetFromJson(base, json);
    expect(validatePlan(plan)).toEqual([]);
    const target = new MemoryWorkbook();
    expect((await target.writeSheetPlan(plan)).status).toBe("written");
    expect((await readWorkbookCatalog(target, base)).entries).toEqual((await readWorkbookCatalog(source, base)).entries);
    expect(() => catalogSheetFromJson(base, "{}")).toThrow(CatalogError);
  });
});
