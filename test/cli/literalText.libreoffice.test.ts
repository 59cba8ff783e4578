import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { readTeamCsv, readTeamSkillsCsv } from "../../src/input";
import { competenceCover, coverLabel, personCoverage, postCost, rebuildRegister, isSuppressed, skillMix, suppressCount, suppressMixRows } from "../../src/domain";
import { REGISTER_FIXED_HEADERS, REGISTER_HEADER_ROW } from "../../src/sheets/skillMix";
import { wfp } from "../support/cli";
import { recalculateWithLibreOffice, resultOf } from "../support/libreoffice";

/**
 * User text that criteria and structured references would read as syntax: roles that are wildcards, operators
 * or escapes, two spellings of one role differing only in case, and competence headings with ', [, ], # and @.
 * Written by `wfp` exactly as a user would, recalculated by LibreOffice, and compared with the domain.
 */
const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "wfp-literal-"));
const ROLES = ["Peer Support Worker", "peer support worker", "Nurse*", "Nurse?", "<>Peer", "~x"] as const;
const YEAR = "2025/26";

const csv = (rows: readonly (readonly (string | number)[])[]) =>
  rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(",")).join("\n");
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** The rows of the table whose header row starts with `first` (after `after`), up to its totals row or a blank. */
function tableRows(sheet: ExcelJS.Worksheet, first: string, after = 0): { rows: unknown[][]; totals: unknown[] | null } {
  let top = 0;
  sheet.eachRow((row, n) => {
    if (top === 0 && n > after && row.getCell(1).value === first) top = n;
  });
  if (top === 0) throw new Error(`no table headed '${first}' on ${sheet.name}`);
  let width = 0;
  while (sheet.getRow(top).getCell(width + 1).value !== null) width++;
  const rows: unknown[][] = [];
  let n = top + 1;
  for (; sheet.getRow(n).getCell(1).value !== null && sheet.getRow(n).getCell(1).value !== "Total"; n++) {
    rows.push(Array.from({ length: width }, (_, c) => resultOf(sheet.getRow(n).getCell(c + 1))));
  }
  const totals = sheet.getRow(n).getCell(1).value === "Total" ? Array.from({ length: width }, (_, c) => resultOf(sheet.getRow(n).getCell(c + 1))) : null;
  return { rows, totals };
}

/** Every cell in the workbook whose value or computed result is an error (#N/A, #VALUE!, #REF!, Err:…). */
function errorCells(workbook: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = resultOf(cell);
        const isError = (v !== null && typeof v === "object" && "error" in v) || (typeof v === "string" && /^(#(N\/A|VALUE!|REF!|NAME\?|NUM!|DIV\/0!|NULL!)|Err:\d+)$/.test(v));
        if (isError) found.push(`${sheet.name}!${cell.address}: ${JSON.stringify(v)}`);
      }),
    );
  }
  return found;
}

const near = (actual: unknown, expected: number, where: string, within = 0.005) => {
  expect(typeof actual, `${where}: ${String(actual)}`).toBe("number");
  expect(Math.abs((actual as number) - expected), `${where}: ${String(actual)} vs ${expected}`).toBeLessThan(within);
};
const sum = (values: readonly unknown[]) => values.reduce<number>((n, v) => n + Number(v), 0);

describe("roles matched literally: wfp plan --out, recalculated by LibreOffice", () => {
  const bands = ["3", "4", "5", "6", "7", "8a"];
  const teamA = csv([
    ["Post", "Role", "Band", "Point", "WTE", "HCAS zone", "Status"],
    ...ROLES.map((role, i) => [`Post ${i + 1}`, role, bands[i]!, "top", [1, 0.8, 0.6, 1, 0.5, 1][i]!, i % 2 === 0 ? "none" : "inner-london", "In post"]),
  ]);
  // Scenario B drops one spelling and doubles another's WTE, so the comparison's rows move.
  const teamB = csv([
    ["Post", "Role", "Band", "WTE"],
    ...ROLES.filter((r) => r !== "Nurse?").map((role, i) => [`Post ${i + 1}`, role, bands[i]!, role === "~x" ? 1.5 : 1]),
  ]);
  const postsA = readTeamCsv(teamA, "a.csv", catalog.pay, { year: YEAR }).posts;
  const postsB = readTeamCsv(teamB, "b.csv", catalog.pay, { year: YEAR }).posts;
  const totalOf = (posts: typeof postsA) => posts.reduce((n, p) => n + postCost(catalog.pay, { ...p, year: YEAR }).total, 0);
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const out = join(dir, "plan.xlsx");
    const result = await wfp("plan", "--out", out, "--team", write("a.csv", teamA), "--compare", write("b.csv", teamB), "--year", YEAR);
    expect(result.stderr).toBe("");
    workbook = await recalculateWithLibreOffice(out);
  }, 180_000);

  it("shows by role exactly the plan's 6 posts and its own total cost, each spelling of a role once", () => {
    const summary = workbook.getWorksheet("Plan summary")!;
    const { rows, totals } = tableRows(summary, "Role");
    const shown = rows.filter((r) => r[1] !== 0);
    // "Peer Support Worker" and "peer support worker" are one role to a criterion: one row, first spelling.
    expect(shown.map((r) => [r[0], r[1]])).toEqual([
      ["Peer Support Worker", 2],
      ["Nurse*", 1],
      ["Nurse?", 1],
      ["<>Peer", 1],
      ["~x", 1],
    ]);
    expect(rows.map((r) => r[0])).not.toContain("peer support worker");
    expect(sum(rows.map((r) => r[1]))).toBe(6);
    expect(totals![1]).toBe(6);
    const planTotal = totalOf(postsA);
    near(sum(rows.map((r) => r[3])), planTotal, "cost by role");
    near(totals![3], planTotal, "by-role total row");
    let establishment: unknown;
    summary.eachRow((row) => {
      if (row.getCell(1).value === "Establishment cost") establishment = resultOf(row.getCell(2));
    });
    near(establishment, planTotal, "establishment cost");
    // Each role's cost is its own posts', nothing borrowed from a role its text would match as a pattern.
    for (const row of shown) {
      const mine = postsA.filter((p) => p.role.toLowerCase() === String(row[0]).toLowerCase());
      near(row[3], totalOf(mine), String(row[0]));
    }
  });

  it("compares the scenarios by role with each plan's own totals", () => {
    const { rows, totals } = tableRows(workbook.getWorksheet("Compare scenarios")!, "Role");
    near(totals![4], totalOf(postsA), "cost A");
    near(totals![5], totalOf(postsB), "cost B");
    near(sum(rows.map((r) => r[1])), postsA.reduce((n, p) => n + p.wte, 0), "WTE A");
    near(sum(rows.map((r) => r[2])), postsB.reduce((n, p) => n + p.wte, 0), "WTE B");
    const row = (role: string) => rows.find((r) => r[0] === role)!;
    near(row("Nurse?")[5], 0, "Nurse? is not in B");
    near(row("~x")[2], 1.5, "~x WTE in B");
    near(row("Peer Support Worker")[1], 1.8, "both spellings in A");
  });

  it("leaves no error value on any sheet", () => {
    expect(errorCells(workbook)).toEqual([]);
  });
});

describe("hostile roles and competence headings: wfp matrix --team, recalculated by LibreOffice", () => {
  // Five people per spelling, so no count is hidden below the register's threshold of 5.
  const HEADINGS = ["Manage budgets", "Gamma 'q'", "Risk [high]", "Note #1", "@home visits", "Kim's [a] #2 @x", "'Quoted'"] as const;
  const STATUSES = ["Competent", "Developing", "Not yet", "Not required", ""] as const;
  const people = ROLES.flatMap((role, r) =>
    Array.from({ length: 5 }, (_, i) => {
      const n = r * 5 + i;
      return [`P${n + 1}`, role, ["3", "4", "5", "6", "7", "8a"][r]!, [1, 0.8, 0.6, 0.4][n % 4]!, ...HEADINGS.map((_, h) => STATUSES[(n + h * 2) % 5]!)];
    }),
  );
  const skills = csv([["Name", "Role", "Band", "WTE", ...HEADINGS], ...people]);
  const { team, previous } = readTeamSkillsCsv(catalog, skills, "skills.csv");
  const register = rebuildRegister(catalog, team, previous).register;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const out = join(dir, "skills.xlsx");
    const result = await wfp("matrix", "--out", out, "--team", write("skills.csv", skills));
    expect(result.stderr).toBe("");
    workbook = await recalculateWithLibreOffice(out);
  }, 180_000);

  it("leaves no error value on any sheet", () => {
    expect(errorCells(workbook)).toEqual([]);
  });

  it("adds the mix by role up to everyone, each role counted once", () => {
    const { rows } = tableRows(workbook.getWorksheet("Skill mix summary")!, "Role");
    const shares = rows.map((r) => r[3]).filter((v) => typeof v === "number");
    near(sum(shares), 1, "share of people", 1e-9);
    near(sum(rows.map((r) => r[4]).filter((v) => typeof v === "number")), 1, "share of WTE", 1e-9);
    expect(sum(rows.map((r) => (typeof r[1] === "number" ? r[1] : 0)))).toBe(30);
    const mix = suppressMixRows(skillMix(register.people, catalog.roles).byRole);
    const byLabel = new Map(mix.map((m) => [m.label, m]));
    for (const row of rows) {
      const m = byLabel.get(String(row[0]));
      if (!m) {
        expect(row[1], String(row[0])).toBe(0);
        continue;
      }
      expect(row[1], m.label).toBe(m.headcount);
      near(row[2], m.wte as number, `${m.label} WTE`, 1e-9);
      near(row[3], m.headcountShare as number, `${m.label} share`, 1e-9);
    }
    // The two spellings of Peer Support Worker are one group of ten; each pattern-like role is its own five.
    expect(rows.map((r) => r[1]).filter((n) => n !== 0).sort()).toEqual([10, 5, 5, 5, 5]);
  });

  it("gives every competence, whatever its heading, the domain's counts and cover", () => {
    const sheet = workbook.getWorksheet("Team skills")!;
    const cover = competenceCover(register);
    const first = REGISTER_FIXED_HEADERS.length + 1;
    for (const heading of HEADINGS) expect(cover.map((c) => c.title)).toContain(heading);
    cover.forEach((c, i) => {
      const column = first + i;
      // The title in full above the register; the table's own header has ’ for '.
      expect(sheet.getRow(REGISTER_HEADER_ROW - 6).getCell(column).value).toBe(c.title);
      expect(sheet.getRow(REGISTER_HEADER_ROW).getCell(column).value).toBe(c.title.replace(/'/g, "\u2019"));
      const band = [0, 1, 2, 3, 4].map((r) => resultOf(sheet.getRow(REGISTER_HEADER_ROW - 5 + r).getCell(column)));
      expect([band[0], band[1], band[3], band[4]], c.title).toEqual([c.needing, c.holders, c.developing, coverLabel(c)]);
      near(band[2], c.holdersWte, `${c.title} WTE`, 1e-9);
    });
    const expected = personCoverage(register);
    const rows = tableRows(sheet, "Name").rows.filter((r) => r[0] !== "Team");
    expect(rows.map((r) => [r[0], r[6], r[7]])).toEqual(expected.map((e) => [e.name, e.needed, e.competent]));
  });

  it("lists each competence's cover on the summary as the domain does", () => {
    const { rows } = tableRows(workbook.getWorksheet("Skill mix summary")!, "Competence");
    const cover = new Map(competenceCover(register).map((c) => [c.title, c]));
    expect(rows.map((r) => r[0]).sort()).toEqual([...cover.keys()].sort());
    for (const row of rows) {
      const c = cover.get(String(row[0]))!;
      expect([row[2], row[3], row[5], row[6]], c.title).toEqual([suppressCount(c.needing), suppressCount(c.holders), suppressCount(c.developing), coverLabel(c)]);
      if (isSuppressed(c.holders)) expect(row[4], c.title).toBe("*");
      else near(row[4], c.holdersWte, `${c.title} WTE`, 1e-9);
    }
  });
});
