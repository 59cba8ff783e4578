import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { personCoverage, postCost, rebuildRegister, roundedCostLines } from "../../src/domain";
import { readTeamCsv, readTeamSkillsCsv } from "../../src/input";
import { wfp } from "../support/cli";
import { recalculateWithLibreOffice, resultOf } from "../support/libreoffice";

/**
 * The whole workbook without Excel: every sheet the add-in makes, from the same plans, recalculated by LibreOffice,
 * with its numbers equal to the domain's.
 */
const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "wfp-workbook-"));
const TEAM = [
  "Post,Role,Band,Point,WTE,HCAS zone,Status",
  "Lead,RECONNECT Service Manager,8a,top,1,inner-london,In post",
  "Senior 1,RECONNECT Senior Engagement Worker,5,intermediate,1,none,In post",
  "Senior 2,RECONNECT Senior Engagement Worker,5,entry,0.6,fringe,Vacant",
  "Peer 1,RECONNECT Peer Support Worker,3,top,0.8,none,In post",
  "Peer 2,RECONNECT Peer Support Worker,3,entry,0.5,outer-london,In post",
].join("\n");
const SKILLS = [
  "Name,Role,Band,WTE,Manage budgets,Communicate with people from vulnerable groups,Lead your team",
  "Lead,RECONNECT Service Manager,8a,1,Competent,Competent,Developing",
  "Senior 1,RECONNECT Senior Engagement Worker,5,1,,Competent,",
  "Peer 1,RECONNECT Peer Support Worker,3,0.8,,Developing,",
  "Peer 2,RECONNECT Peer Support Worker,3,0.5,,Competent,",
].join("\n");

function table(sheet: ExcelJS.Worksheet, firstHeader: string): Record<string, unknown>[] {
  let top = 0;
  sheet.eachRow((row, n) => {
    if (top === 0 && row.getCell(1).value === firstHeader) top = n;
  });
  const headers: string[] = [];
  for (let c = 1; sheet.getRow(top).getCell(c).value !== null; c++) headers.push(String(sheet.getRow(top).getCell(c).value));
  const rows: Record<string, unknown>[] = [];
  // A table's body ends at a blank first cell or its totals row ("Total", or "Team" in the register).
  const end = (v: unknown) => v === null || v === "Total" || v === "Team";
  for (let n = top + 1; !end(sheet.getRow(n).getCell(1).value); n++) {
    rows.push(Object.fromEntries(headers.map((h, c) => [h, resultOf(sheet.getRow(n).getCell(c + 1))])));
  }
  return rows;
}

describe("wfp workbook", () => {
  let workbook: ExcelJS.Workbook;
  let stdout = "";
  beforeAll(async () => {
    const team = join(dir, "team.csv");
    const skills = join(dir, "skills.csv");
    writeFileSync(team, TEAM);
    writeFileSync(skills, SKILLS);
    const out = join(dir, "planning.xlsx");
    const result = await wfp("workbook", "--out", out, "--team", team, "--skills", skills, "--year", "2025/26");
    expect(result.code).toBe(0);
    stdout = result.stdout;
    workbook = await recalculateWithLibreOffice(out);
  }, 180_000);

  it("writes every sheet the add-in makes", () => {
    expect(stdout).toMatch(/^Wrote .*planning\.xlsx: 13 sheets; 5 posts costed for 2025\/26; team skills of 4 people; profiles of 4 roles\.\n$/);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Staffing plan",
      "Plan summary",
      "Team skills",
      "Skill mix summary",
      "Training needs",
      "Role matrix",
      "RECONNECT Service Manager",
      "L&D Operational-Service Manager",
      "RECONNECT Senior Engagement",
      "RECONNECT Peer Support Worker",
      "JE and banding",
      "Pay scales",
      "On-costs",
    ]);
  });

  it("costs every post as the domain does and wfp cost prints it (lines to the penny, totalled), after LibreOffice recalculates", () => {
    const { posts } = readTeamCsv(TEAM, "team.csv", catalog.pay, { year: "2025/26" });
    const rows = table(workbook.getWorksheet("Staffing plan")!, "Post");
    expect(rows.map((r) => r.Post)).toEqual(posts.map((p) => p.post));
    posts.forEach((post, i) => {
      const expected = roundedCostLines(postCost(catalog.pay, { ...post, year: "2025/26" }));
      expect(Math.round(Number(rows[i]!.Total) * 100), post.post).toBe(Math.round(expected.total * 100));
    });
  });

  it("gives each person's coverage as the domain does", () => {
    const { team, previous } = readTeamSkillsCsv(catalog, SKILLS, "skills.csv");
    const expected = personCoverage(rebuildRegister(catalog, team, previous).register);
    const rows = table(workbook.getWorksheet("Team skills")!, "Name");
    expect(rows.map((r) => r.Name)).toEqual(expected.map((e) => e.name));
    rows.forEach((row, i) => {
      expect(row.Needed).toBe(expected[i]!.needed);
      expect(row.Competent).toBe(expected[i]!.competent);
      expect(Number(row.Coverage)).toBeCloseTo(expected[i]!.fraction ?? 0, 9);
    });
  });

  it("looks a band up with native formulas on the JE sheet", () => {
    const sheet = workbook.getWorksheet("JE and banding")!;
    let band: unknown;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "Band") band = resultOf(row.getCell(2));
    });
    expect(band).toBe("8b");
  });

  it("refuses a missing --out", async () => {
    expect((await wfp("workbook")).code).toBe(2);
  });
});

describe("wfp workbook --catalog", () => {
  it("adds the catalog's roles to the matrix and profiles, and carries it on a Catalog sheet", async () => {
    const { importedRole } = await import("../../src/domain/import/toRole");
    const { parseRoleProfileText } = await import("../../src/domain/import/roleProfileText");
    const { catalogJsonText } = await import("../../src/catalog/workbookCatalog");
    const { readSeed, SEED_FILES } = await import("../support/seeds");
    const text = readSeed(SEED_FILES["reconnect-peer-support-worker"]).replace("Named Role\tPeer Support Worker", "Named Role\tCommunity Link Worker");
    const { role, newCompetences } = importedRole(parseRoleProfileText(text), { competenceIndex: catalog.competenceIndex, principles: catalog.principles }, { id: "community-link-worker" });
    const json = join(dir, "mine.json");
    writeFileSync(json, catalogJsonText({ roles: [role!], competences: newCompetences, locality: [] }, catalog));
    const out = join(dir, "with-catalog.xlsx");
    const result = await wfp("workbook", "--out", out, "--catalog", json);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/profiles of 5 roles; the Catalog sheet from .*mine\.json/);
  });

  it("refuses a catalog file with a bad field, naming its path", async () => {
    const json = join(dir, "bad.json");
    writeFileSync(json, JSON.stringify({ version: 1, roles: [{ id: "x" }], competences: [] }));
    const result = await wfp("workbook", "--out", join(dir, "x.xlsx"), "--catalog", json);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^wfp: the catalog is not valid: roles\[0\]\./);
  });
});
