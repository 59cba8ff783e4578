import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { readTeamSkillsCsv } from "../../src/input";
import { statusCell } from "../../src/domain";
import { REGISTER_HEADER_ROW } from "../../src/sheets/skillMix";
import { wfp } from "../support/cli";

const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "wfp-matrix-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
async function open(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

const TEAM = [
  "Name,Role,Band,WTE,Manage budgets,Communicate with people from vulnerable groups,Drive the minibus",
  "Alex,RECONNECT Service Manager,8a,1,Competent,,Competent",
  "Priya,reconnect-senior-engagement-worker,5,0.8,,developing,",
  "Sam O'Neil,RECONNECT Peer Support Worker,3,0.6,Not required,Competent,Not yet",
  "Tay,Team Administrator,4,0.5,,,",
].join("\n");

describe("reading a team skills CSV", () => {
  it("reads people and their statuses; competence columns by title, alias or id, or the team's own", () => {
    const { team, previous } = readTeamSkillsCsv(catalog, TEAM, "team.csv");
    expect(team).toEqual([
      { name: "Alex", role: "RECONNECT Service Manager", band: "8a", wte: 1 },
      { name: "Priya", role: "reconnect-senior-engagement-worker", band: "5", wte: 0.8 },
      { name: "Sam O'Neil", role: "RECONNECT Peer Support Worker", band: "3", wte: 0.6 },
      { name: "Tay", role: "Team Administrator", band: "4", wte: 0.5 },
    ]);
    expect(previous.competences.map((c) => c.key)).toEqual(["manage-budgets", "communicate-with-people-in-vulnerable-groups", "text:drivetheminibus"]);
    expect(previous.rows[1]!.statuses).toEqual(new Map([["communicate-with-people-in-vulnerable-groups", statusCell("Developing")]]));
  });

  it.each([
    ["Name,Role,Manage budgets\nA,PSW,Competant\n", "team.csv line 2, column 'Manage budgets': 'Competant' is not a skill status"],
    ["Name,Role\nJo,PSW\njo ,SEW\n", "team.csv line 3: 'jo' is already on team.csv line 2; give each person their own name or id"],
    ["Person name,Role\nJo,PSW\n", "team.csv has no 'Name' column (line 1); its columns are: Person name, Role"],
    ["Name,Band\nJo,12\n", "team.csv line 2, column 'Band': '12' is not an Agenda for Change band (1–7, 8a–8d or 9)"],
    [
      "Name,Manage budgets,manage-budgets\nJo,,\n",
      "team.csv line 1: the header has 'Manage budgets' and 'manage-budgets', two columns of one name; keep one",
    ],
  ])("refuses %j", (csv, message) => {
    expect(() => readTeamSkillsCsv(catalog, csv, "team.csv")).toThrow(message);
  });
});

describe("wfp matrix", () => {
  it("writes the Role matrix of every L&D and RECONNECT role by default", async () => {
    const out = join(dir, "roles.xlsx");
    expect(await wfp("matrix", "--out", out)).toEqual({ code: 0, stdout: `Wrote ${out}: Role matrix of 4 roles.\n`, stderr: "" });
    const workbook = await open(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Role matrix"]);
    const ws = workbook.getWorksheet("Role matrix")!;
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables).sort()).toEqual(["Role_Matrix", "Role_Overlap", "Role_Shared"]);
  });

  it("writes the chosen roles and a progression", async () => {
    const out = join(dir, "two.xlsx");
    const result = await wfp("matrix", "--out", out, "--roles", "reconnect-peer-support-worker, RECONNECT Senior Engagement Worker", "--progression", "reconnect-peer-support-worker,reconnect-senior-engagement-worker");
    expect(result.stdout).toBe(`Wrote ${out}: Role matrix of 2 roles; progression RECONNECT Peer Support Worker → RECONNECT Senior Engagement Worker.\n`);
    const workbook = await open(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Role matrix", "Progression"]);
    const headers = (workbook.getWorksheet("Role matrix")!.getTable("Role_Matrix") as unknown as { table: { columns: { name: string }[] } }).table.columns.map((c) => c.name);
    expect(headers.slice(3, 5)).toEqual(["RECONNECT Peer Support Worker", "RECONNECT Senior Engagement Worker"]);
  });

  it("writes the team's sheets from a team CSV, keeping every status and noting what the catalog does not know", async () => {
    const out = join(dir, "team.xlsx");
    const result = await wfp("matrix", "--out", out, "--team", file("team.csv", TEAM));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*team\.xlsx: Role matrix of 4 roles; team skills of 4 people × \d+ competences \(\d+% covered; \d+ with no holder, \d+ single points of failure\)\.\n/);
    expect(result.stdout).toContain("Note: Tay ('Team Administrator'): a role not in the catalog; their competences are as the CSV gives them\n");
    expect(result.stdout).toContain("Note: not in the catalog, kept as the team's own competences: Drive the minibus\n");
    const workbook = await open(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Role matrix", "Team skills", "Skill mix summary", "Training needs"]);
    const ws = workbook.getWorksheet("Team skills")!;
    const header = ws.getRow(REGISTER_HEADER_ROW);
    const column = (title: string) => {
      for (let c = 1; c <= ws.columnCount; c++) if (header.getCell(c).value === title) return c;
      throw new Error(`no column ${title}`);
    };
    const row = (name: string) => {
      for (let r = REGISTER_HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === name) return ws.getRow(r);
      throw new Error(`no row for ${name}`);
    };
    expect(row("Alex").getCell(column("Manage budgets")).value).toBe("Competent");
    expect(row("Priya").getCell(column("Communicate with people in vulnerable groups")).value).toBe("Developing");
    expect(row("Sam O'Neil").getCell(column("Manage budgets")).value).toBe("Not required");
    expect(row("Alex").getCell(column("Drive the minibus")).value).toBe("Competent");
    expect(row("Tay").getCell(column("Check")).value).toBe("Role not in the catalog");
  });

  it("refuses bad input with the line, and bad calls with usage", async () => {
    const bad = await wfp("matrix", "--out", join(dir, "x.xlsx"), "--team", file("bad.csv", "Name,Role,Manage budgets\nJo,PSW,yes\n"));
    expect(bad).toEqual({
      code: 1,
      stdout: "",
      stderr: `wfp: ${join(dir, "bad.csv")} line 2, column 'Manage budgets': 'yes' is not a skill status: give "Competent", "Developing", "Not yet", "Not required" or leave it blank\n`,
    });
    expect((await wfp("matrix", "--out", join(dir, "x.xlsx"), "--roles", "chief-executive")).stderr).toBe("wfp: 'chief-executive' is not a role in the catalog: give a role id or title\n");
    expect((await wfp("matrix")).code).toBe(2);
    expect((await wfp("matrix", "--out", join(dir, "x.xlsx"), "--progression", "a")).code).toBe(2);
    expect((await wfp("matrix", "--out", join(dir, "x.xlsx"), "--team", join(dir, "missing.csv"))).stderr).toMatch(/cannot read .*missing\.csv: ENOENT/);
  });

  it("summarises a note about many people in one line, with --verbose for all", async () => {
    const rows = ["Name,Role,Manage budgets", ...Array.from({ length: 40 }, (_, i) => `P${i},Role ${i},Competent`)];
    const team = file("many.csv", rows.join("\n"));
    const short = await wfp("matrix", "--out", join(dir, "many.xlsx"), "--team", team);
    expect(short.code).toBe(0);
    const notes = short.stdout.split("\n").filter((l) => l.startsWith("Note:"));
    expect(notes).toEqual(["Note: P0 ('Role 0'); P1 ('Role 1'); P2 ('Role 2'); P3 ('Role 3'); P4 ('Role 4') and 35 more (--verbose lists them): roles not in the catalog; their competences are as the CSV gives them"]);
    const all = await wfp("matrix", "--out", join(dir, "many-all.xlsx"), "--team", team, "--verbose");
    const allNotes = all.stdout.split("\n").filter((l) => l.startsWith("Note:"));
    expect(allNotes).toHaveLength(1);
    expect(allNotes[0]).toContain("P39 ('Role 39')");
    expect(allNotes[0]).not.toContain("more");
  });
});
