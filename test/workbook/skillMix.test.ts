import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { DomainError, type PlanParameters, type PlannedPost, roleCompetenceIds } from "../../src/domain";
import { MemoryWorkbook, WorkbookStore } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/excel/officeAdapter";
import { columnLetter, parseRange } from "../../src/sheets/plan";
import { SKILL_MIX_KEYS, SKILL_MIX_TABLES } from "../../src/sheets/skillMix";
import { STAFFING_PLAN_TABLE } from "../../src/sheets/staffingPlan";
import { buildStaffingPlan } from "../../src/workbook/costing";
import { buildProgression, buildRoleMatrix, buildSkillMix, readRegister } from "../../src/workbook/skillMix";
import { EXCEL_WEB_LIMIT_BYTES, FakeExcel } from "../support/fakeExcel";
import { bigRegister } from "../support/skillTeam";

const catalog = defaultCatalog();
const parameters: PlanParameters = { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0 };
const post = (name: string, role: string, band: PlannedPost["band"], status: PlannedPost["status"] = "In post", wte = 1): PlannedPost => ({
  post: name,
  role,
  band,
  point: "top",
  wte,
  hcasZone: "none",
  status,
});
const PSW = "RECONNECT Peer Support Worker";
const SEW = "RECONNECT Senior Engagement Worker";
const title = (id: string) => catalog.competenceIndex.byId.get(id)!.title;
const pswIds = roleCompetenceIds(catalog.roles.find((r) => r.id === "reconnect-peer-support-worker")!);
const sewIds = roleCompetenceIds(catalog.roles.find((r) => r.id === "reconnect-senior-engagement-worker")!);
const shared = pswIds.filter((id) => sewIds.includes(id));

/** The register as a list of records by header, as the task pane would read it back. */
async function registerRows(workbook: MemoryWorkbook, table: string = SKILL_MIX_TABLES.teamSkills) {
  const t = (await workbook.readTable(table))!;
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

/** Types a status into the register, as a user picks it from the drop-down. */
function userSets(workbook: MemoryWorkbook, name: string, competenceId: string, status: string): void {
  const t = workbook.getTable(SKILL_MIX_TABLES.teamSkills)!;
  const r = parseRange(t.address);
  const column = r.left + t.headers.indexOf(title(competenceId));
  let row = r.top + 1;
  while (workbook.cell(t.sheet, `A${row}`).value !== name) {
    row++;
    if (row > r.bottom) throw new Error(`${name} is not on the register`);
  }
  workbook.userTypes(t.sheet, `${columnLetter(column)}${row}`, status);
}

async function withPlan(posts: PlannedPost[]): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await buildStaffingPlan(workbook, catalog, { posts, parameters });
  return workbook;
}

describe("building the skill mix from the staffing plan", () => {
  it("puts the people in post on the register, with the role's defaults, and writes every sheet", async () => {
    const workbook = await withPlan([post("Ana", PSW, "3"), post("Ben", SEW, "5"), post("Vacancy 1", PSW, "3", "Vacant")]);
    const sheets: string[] = [];
    const outcome = await buildSkillMix(workbook, catalog, { source: { kind: "staffingPlan" } }, { onSheet: (key, i, n) => sheets.push(`${i}/${n} ${key}`) });
    expect(outcome.results.map((r) => [r.key, r.result.status])).toEqual([
      [SKILL_MIX_KEYS.teamSkills, "written"],
      [SKILL_MIX_KEYS.summary, "written"],
      [SKILL_MIX_KEYS.trainingNeeds, "written"],
      [SKILL_MIX_KEYS.roleMatrix, "written"],
    ]);
    expect(sheets).toEqual([`1/4 ${SKILL_MIX_KEYS.teamSkills}`, `2/4 ${SKILL_MIX_KEYS.summary}`, `3/4 ${SKILL_MIX_KEYS.trainingNeeds}`, `4/4 ${SKILL_MIX_KEYS.roleMatrix}`]);
    expect([outcome.people, outcome.competences]).toEqual([2, 43 + 59 - shared.length]);
    expect(outcome.rebuild.added).toEqual(["Ana", "Ben"]);
    const rows = await registerRows(workbook);
    expect(rows.map((r) => [r.Name, r.Role, r.Band, r.Level, r.WTE])).toEqual([
      ["Ana", PSW, 3, 3, 1],
      ["Ben", SEW, 5, 5, 1],
    ]);
    const sewOnly = sewIds.find((id) => !pswIds.includes(id))!;
    expect(rows[0]![title(sewOnly)]).toBe("Not required");
    expect(rows[1]![title(sewOnly)]).toBeNull();
    expect(workbook.sheetNames()).toEqual(expect.arrayContaining(["Team skills", "Skill mix summary", "Training needs", "Role matrix"]));
    // Status cells offer the four statuses.
    const t = workbook.getTable(SKILL_MIX_TABLES.teamSkills)!;
    const r = parseRange(t.address);
    expect(workbook.cell(t.sheet, `${columnLetter(r.right)}${r.top + 1}`).validation).toBe("Competent,Developing,Not yet,Not required");
  });

  it("says there is no staffing plan to build from, and writes nothing", async () => {
    const workbook = new MemoryWorkbook();
    await expect(buildSkillMix(workbook, catalog, { source: { kind: "staffingPlan" } })).rejects.toThrow(
      "There is no staffing plan in this workbook: build it first, or give a list of people",
    );
    expect(workbook.sheetNames()).toEqual([]);
  });
});

describe("rebuilding after people and roles change", () => {
  it("keeps every status the user entered, moves leavers with theirs, restores them on return, and reports it all", async () => {
    const workbook = await withPlan([post("Ana", PSW, "3"), post("Ben", SEW, "5"), post("Cy", PSW, "3", "In post", 0.5)]);
    await buildSkillMix(workbook, catalog, { source: { kind: "staffingPlan" } });
    userSets(workbook, "Ana", shared[0]!, "Competent");
    userSets(workbook, "Ana", shared[1]!, "developing");
    userSets(workbook, "Ben", sewIds[0]!, "Competant");
    userSets(workbook, "Cy", shared[0]!, "Competent");
    // The user wants three holders per competence and types it into the settings.
    const settings = parseRange(workbook.getTable(SKILL_MIX_TABLES.settings)!.address);
    workbook.userTypes("Team skills", `B${settings.top + 1}`, 3);

    // Cy leaves, Ana is promoted, Dee joins: the staffing plan is edited and the register rebuilt.
    const plan = workbook.getTable(STAFFING_PLAN_TABLE)!;
    const planTop = parseRange(plan.address).top;
    workbook.userTypes("Staffing plan", `A${planTop + 3}`, [["Dee", SEW, "5"]]); // over Cy's post
    workbook.userTypes("Staffing plan", `B${planTop + 1}`, SEW);
    workbook.userTypes("Staffing plan", `C${planTop + 1}`, 5);
    const outcome = await buildSkillMix(workbook, catalog, { source: { kind: "staffingPlan" } });
    expect(outcome.results.every((r) => r.result.status === "written")).toBe(true);
    expect(outcome.results.map((r) => r.key)).toContain(SKILL_MIX_KEYS.removed);
    expect(outcome.rebuild).toMatchObject({ added: ["Dee"], newlyRemoved: ["Cy"], restored: [] });
    expect(outcome.rebuild.reviewNeeded.map((r) => r.name)).toEqual(["Ana"]);
    expect(outcome.rebuild.unrecognised).toEqual([{ name: "Ben", competence: title(sewIds[0]!), text: "Competant" }]);

    const rows = await registerRows(workbook);
    expect(rows.map((r) => [r.Name, r.Role, r.Band])).toEqual([
      ["Ana", SEW, 5],
      ["Ben", SEW, 5],
      ["Dee", SEW, 5],
    ]);
    expect([rows[0]![title(shared[0]!)], rows[0]![title(shared[1]!)], rows[1]![title(sewIds[0]!)]]).toEqual(["Competent", "Developing", "Competant"]);
    expect(rows[0]!.Check).toMatch(/^Role changed: \d+ it needs marked Not required/);
    expect(rows[1]!.Check).toBe("'Competant' is not a status");
    const left = await registerRows(workbook, SKILL_MIX_TABLES.removed);
    expect(left.map((r) => [r.Name, r.WTE, r[title(shared[0]!)]])).toEqual([["Cy", 0.5, "Competent"]]);
    expect((await workbook.readTable(SKILL_MIX_TABLES.settings))!.rows.map((r) => r[1])).toEqual([3, 5]);

    // Cy comes back: statuses return, and the removed list is emptied rather than left behind.
    workbook.userAddsTableRow(STAFFING_PLAN_TABLE, ["Cy", PSW, "3", "top", 0.5, "none", "In post"]);
    const back = await buildSkillMix(workbook, catalog, { source: { kind: "staffingPlan" }, skipRoleMatrix: true });
    expect(back.rebuild.restored).toEqual(["Cy"]);
    const again = await registerRows(workbook);
    expect(again.find((r) => r.Name === "Cy")![title(shared[0]!)]).toBe("Competent");
    // Excel keeps one (empty) body row in an empty table.
    expect((await registerRows(workbook, SKILL_MIX_TABLES.removed)).map((r) => r.Name)).toEqual([null]);
  });

  it("rebuilds from the register itself after the user edits a role in it", async () => {
    const workbook = new MemoryWorkbook();
    await buildSkillMix(workbook, catalog, { source: { kind: "list", people: [{ name: "Ana", role: PSW, band: "3", wte: 1 }] }, skipRoleMatrix: true });
    userSets(workbook, "Ana", shared[0]!, "Competent");
    const t = workbook.getTable(SKILL_MIX_TABLES.teamSkills)!;
    workbook.userTypes(t.sheet, `B${parseRange(t.address).top + 1}`, "reconnect-service-manager");
    const outcome = await buildSkillMix(workbook, catalog, { source: { kind: "register" }, skipRoleMatrix: true });
    const rows = await registerRows(workbook);
    expect([rows[0]!.Role, rows[0]!.Level, rows[0]![title(shared[0]!)]]).toEqual(["RECONNECT Service Manager", 7, "Competent"]);
    expect(outcome.rebuild.addedCompetences.length).toBeGreaterThan(0);
  });

  it("reads review dates back as dates", async () => {
    const workbook = new MemoryWorkbook();
    await buildSkillMix(workbook, catalog, { source: { kind: "list", people: [{ name: "Ana", role: PSW, band: "3", wte: 1 }] }, skipRoleMatrix: true });
    const t = workbook.getTable(SKILL_MIX_TABLES.teamSkills)!;
    workbook.userTypes(t.sheet, `F${parseRange(t.address).top + 1}`, "2025-06-30");
    const previous = await readRegister(workbook, catalog);
    expect(previous!.rows[0]!.person.reviewDate).toBe("2025-06-30");
    await buildSkillMix(workbook, catalog, { source: { kind: "register" }, skipRoleMatrix: true });
    expect(workbook.cell(t.sheet, `F${parseRange(t.address).top + 1}`)).toMatchObject({ value: 45838, numberFormat: "yyyy-mm-dd" });
  });
});

describe("bad input", () => {
  it("refuses a list with one name twice, and writes nothing", async () => {
    const workbook = new MemoryWorkbook();
    const people = [
      { name: "Jo", role: PSW, band: "3" as const, wte: 1 },
      { name: "jo", role: SEW, band: "5" as const, wte: 1 },
    ];
    await expect(buildSkillMix(workbook, catalog, { source: { kind: "list", people } })).rejects.toThrow(DomainError);
    expect(workbook.sheetNames()).toEqual([]);
  });

  it("names the row of a register whose band is no band", async () => {
    const workbook = new MemoryWorkbook();
    await buildSkillMix(workbook, catalog, { source: { kind: "list", people: [{ name: "Ana", role: PSW, band: "3", wte: 1 }] }, skipRoleMatrix: true });
    const t = workbook.getTable(SKILL_MIX_TABLES.teamSkills)!;
    workbook.userTypes(t.sheet, `C${parseRange(t.address).top + 1}`, "8e");
    await expect(buildSkillMix(workbook, catalog, { source: { kind: "register" } })).rejects.toThrow(
      "The Team skills register row 1: '8e' is not an Agenda for Change band (1–7, 8a–8d or 9)",
    );
  });

  it("keeps a person whose role is not in the catalog, flagged", async () => {
    const workbook = new MemoryWorkbook();
    const outcome = await buildSkillMix(workbook, catalog, { source: { kind: "list", people: [{ name: "Tay", role: "Team Administrator", band: "4", wte: 0.5 }] }, skipRoleMatrix: true });
    expect(outcome.rebuild.unknownRoles).toEqual([{ name: "Tay", role: "Team Administrator" }]);
    expect((await registerRows(workbook))[0]!.Check).toBe("Role not in the catalog");
  });
});

describe("the Role matrix and progression on their own", () => {
  it("write the chosen roles' matrix and a progression sheet", async () => {
    const workbook = new MemoryWorkbook();
    const [matrix] = await buildRoleMatrix(workbook, catalog, ["reconnect-peer-support-worker", "RECONNECT Senior Engagement Worker"]);
    expect(matrix!.result.status).toBe("written");
    expect(workbook.getTable(SKILL_MIX_TABLES.roleMatrix)!.headers.slice(3, 5)).toEqual([PSW, SEW]);
    const [progression] = await buildProgression(workbook, catalog, "reconnect-peer-support-worker", "reconnect-senior-engagement-worker");
    expect(progression!.key).toBe(SKILL_MIX_KEYS.progression("reconnect-peer-support-worker", "reconnect-senior-engagement-worker"));
    await expect(buildRoleMatrix(workbook, catalog, ["nobody"])).rejects.toThrow("'nobody' is not a role in the catalog: give a role id or title");
  });
});

describe("a register of 2,000 people × 150 competences through Office.js", () => {
  it("is rebuilt in a bounded number of syncs, every request under Excel on the web's 5 MB, keeping every status", async () => {
    const big = bigRegister(catalog, 2_000, 150);
    const people = big.register.people.map((p) => ({ name: p.name, role: p.role, band: p.band, wte: p.wte }));
    const store = new WorkbookStore();
    store.addSheet("Sheet1");
    const fake = new FakeExcel(store);
    const uninstall = fake.install();
    try {
      const adapter = new OfficeWorkbookAdapter();
      const progress: number[] = [];
      const first = await buildSkillMix(adapter, catalog, { source: { kind: "list", people }, skipRoleMatrix: true }, { onProgress: (done) => progress.push(done) });
      expect(first.results.every((r) => r.result.status === "written")).toBe(true);
      expect(progress.length).toBeGreaterThan(3);
      // The user records a status in the last row; the rebuild reads the register back and keeps it.
      const memory = new MemoryWorkbook({ store });
      const t = memory.getTable(SKILL_MIX_TABLES.teamSkills)!;
      const r = parseRange(t.address);
      memory.userTypes(t.sheet, `${columnLetter(r.right)}${r.bottom - 1}`, "assessed 3 June");
      fake.reset();
      const again = await buildSkillMix(adapter, catalog, { source: { kind: "register" }, skipRoleMatrix: true });
      const register = again.results[0]!.result;
      expect(register.status).toBe("written");
      expect(register.syncs).toBeLessThanOrEqual(12);
      for (const request of fake.requests) expect(request.bytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
      expect(again.people).toBe(2_000);
      expect(memory.cell(t.sheet, `${columnLetter(r.right)}${r.bottom - 1}`).value).toBe("assessed 3 June");
      expect(again.rebuild.unrecognised).toContainEqual({ name: people.at(-1)!.name, competence: t.headers.at(-1), text: "assessed 3 June" });
    } finally {
      uninstall();
    }
  }, 120_000);
});
