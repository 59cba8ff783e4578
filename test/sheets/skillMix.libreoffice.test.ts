import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import {
  BANDS,
  CAREER_LEVELS,
  NOT_GIVEN,
  bandLabel,
  competenceCover,
  coverLabel,
  levelLabel,
  overlapMatrix,
  personCoverage,
  roleMatrix,
  skillMix,
  suppressCount,
  suppressMixRows,
  teamCoverage,
} from "../../src/domain";
import { REGISTER_FIXED_HEADERS, REGISTER_HEADER_ROW, roleMatrixPlan, teamPlans } from "../../src/sheets/skillMix";
import { tableColumnName } from "../../src/sheets/skillMix/structuredRefs";
import { recalculateWithLibreOffice, resultOf } from "../support/libreoffice";
import { recordedRegister, sampleTeam } from "../support/skillTeam";

/**
 * The register's native formulas are proved, not trusted: the skill-mix sheets are written to .xlsx exactly as
 * `wfp matrix` writes them, LibreOffice recalculates them, and every count, WTE, coverage, flag and overlap must
 * equal what the domain computes for the same register.
 */
const catalog = defaultCatalog();
// 23 people: groups of 1–4 and of 5 or more, so suppression both hides and shows.
const team = sampleTeam(23);
const rebuild = recordedRegister(catalog, team);
const register = rebuild.register;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const path = join(mkdtempSync(join(tmpdir(), "wfp-skills-")), "skills.xlsx");
  await writeXlsx([roleMatrixPlan(catalog, catalog.roles), ...teamPlans(catalog, rebuild)], path);
  workbook = await recalculateWithLibreOffice(path);
}, 180_000);

const sheet = (name: string) => workbook.getWorksheet(name)!;

/** The rows under a header row whose cell in `column` reads `first`, until a blank first cell. */
function rowsUnder(ws: ExcelJS.Worksheet, first: string, column = 1): { headerRow: number; headers: string[]; rows: unknown[][] } {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (headerRow === 0 && row.getCell(column).value === first) headerRow = n;
  });
  if (headerRow === 0) throw new Error(`no header '${first}' on ${ws.name}`);
  const headers: string[] = [];
  for (let c = column; ws.getRow(headerRow).getCell(c).value !== null; c++) headers.push(String(ws.getRow(headerRow).getCell(c).value));
  const rows: unknown[][] = [];
  for (let n = headerRow + 1; ws.getRow(n).getCell(column).value !== null; n++) rows.push(headers.map((_, c) => resultOf(ws.getRow(n).getCell(column + c))));
  return { headerRow, headers, rows };
}

const close = (actual: unknown, expected: number, where: string) => {
  expect(typeof actual, `${where}: ${String(actual)}`).toBe("number");
  expect(Math.abs((actual as number) - expected), `${where}: ${String(actual)} vs ${expected}`).toBeLessThan(1e-9);
};

describe("Team skills recalculated by LibreOffice", () => {
  it("gives each person the domain's Needed, Competent and Coverage", () => {
    const { headerRow, headers, rows } = rowsUnder(sheet("Team skills"), "Name");
    expect(headerRow).toBe(REGISTER_HEADER_ROW);
    expect(headers.slice(0, REGISTER_FIXED_HEADERS.length)).toEqual([...REGISTER_FIXED_HEADERS]);
    const people = rows.filter((r) => r[0] !== "Team");
    expect(people).toHaveLength(team.length);
    const expected = personCoverage(register);
    const col = (h: string) => headers.indexOf(h);
    people.forEach((row, i) => {
      const e = expected[i]!;
      expect(row[0]).toBe(e.name);
      expect([row[col("Needed")], row[col("Competent")]], e.name).toEqual([e.needed, e.competent]);
      close(row[col("Coverage")], e.fraction!, `${e.name} coverage`);
    });
    const totals = rows.find((r) => r[0] === "Team")!;
    expect([totals[col("Needed")], totals[col("Competent")]]).toEqual([teamCoverage(register).needed, teamCoverage(register).competent]);
  });

  it("gives each competence the domain's people needing it, holders, holders' WTE, developing and cover flag", () => {
    const ws = sheet("Team skills");
    const cover = competenceCover(register);
    expect(cover.some((c) => c.risk === "No holder") && cover.some((c) => c.risk === "One holder") && cover.some((c) => c.risk === null)).toBe(true);
    const firstColumn = REGISTER_FIXED_HEADERS.length + 1;
    cover.forEach((c, i) => {
      const column = firstColumn + i;
      expect(ws.getRow(REGISTER_HEADER_ROW).getCell(column).value).toBe(tableColumnName(c.title));
      const band = [5, 6, 7, 8, 9].map((r) => resultOf(ws.getRow(r).getCell(column)));
      expect([band[0], band[1], band[3], band[4]], c.title).toEqual([c.needing, c.holders, c.developing, coverLabel(c)]);
      close(band[2], c.holdersWte, `${c.title} WTE`);
    });
  });
});

describe("Skill mix summary recalculated by LibreOffice", () => {
  const mix = skillMix(register.people, catalog.roles);

  it("shows the mix by band, level and role as the domain suppresses it", () => {
    const check = (first: string, labels: readonly string[], domainRows: ReturnType<typeof suppressMixRows>) => {
      const { rows } = rowsUnder(sheet("Skill mix summary"), first);
      expect(rows.map((r) => r[0])).toEqual(labels);
      const byLabel = new Map(domainRows.map((r) => [r.label, r]));
      for (const row of rows) {
        const e = byLabel.get(String(row[0]));
        const where = `${first} ${String(row[0])}`;
        if (!e) {
          expect(row.slice(1), where).toEqual([0, 0, 0, 0]);
          continue;
        }
        expect(row[1], where).toBe(e.headcount);
        for (const [i, value] of [[2, e.wte], [3, e.headcountShare], [4, e.wteShare]] as const) {
          if (typeof value === "number") close(row[i], value, where);
          else expect(row[i], where).toBe(value);
        }
      }
    };
    const shownBand = suppressMixRows(mix.byBand);
    expect(shownBand.some((r) => r.headcount === "<5") && shownBand.some((r) => typeof r.headcount === "number")).toBe(true);
    check("Band", [...BANDS.map(bandLabel), NOT_GIVEN.band], shownBand);
    check("Level", [...CAREER_LEVELS.map(levelLabel), NOT_GIVEN.level], suppressMixRows(mix.byLevel));
    check("Role", [...catalog.roles.map((r) => r.title), "Team Administrator", NOT_GIVEN.role], suppressMixRows(mix.byRole));
  });

  it("gives the team's coverage and counts of risks as the domain does", () => {
    const t = teamCoverage(register);
    const values = new Map<string, unknown>();
    sheet("Skill mix summary").eachRow((row) => values.set(String(row.getCell(1).value), resultOf(row.getCell(2))));
    expect(values.get("People")).toBe(suppressCount(team.length));
    close(values.get("Competent share of what people need"), t.fraction!, "team coverage");
    expect(values.get("Competences the team needs")).toBe(t.competencesNeeded);
    expect(values.get("Held by enough people")).toBe(t.wellCovered);
    expect(values.get("Held by nobody")).toBe(t.noHolder);
    expect(values.get("Single points of failure (one holder)")).toBe(t.singlePoint);
    expect(values.get("Fewer holders than wanted")).toBe(t.fewerThanWanted);
  });

  it("lists each competence's cover, counts suppressed, flags as the domain's", () => {
    const { rows } = rowsUnder(sheet("Skill mix summary"), "Competence");
    const cover = new Map(competenceCover(register).map((c) => [c.title, c]));
    expect(rows).toHaveLength(cover.size);
    for (const row of rows) {
      const c = cover.get(String(row[0]))!;
      expect([row[2], row[3], row[5], row[6]], c.title).toEqual([suppressCount(c.needing), suppressCount(c.holders), suppressCount(c.developing), coverLabel(c)]);
      if (c.holders > 0 && c.holders < 5) expect(row[4]).toBe("*");
      else close(row[4], c.holdersWte, c.title);
    }
  });
});

describe("Role matrix recalculated by LibreOffice", () => {
  const roles = catalog.roles;
  const matrix = roleMatrix(catalog, roles);

  it("counts each role's core, specific and distinct requirements as the domain does", () => {
    const ws = sheet("Role matrix");
    let levelRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(3).value === "Career Framework level") levelRow = n;
    });
    matrix.counts.forEach((c, i) => {
      const cell = (offset: number) => resultOf(ws.getRow(levelRow + offset).getCell(4 + i));
      expect([cell(0), cell(1), cell(2), cell(3), cell(4)], c.role.id).toEqual([c.role.careerFrameworkLevel, c.core, c.specific, c.locality, c.required]);
    });
  });

  it("gives every overlap and shared count as the domain does, and each row's roles requiring it", () => {
    const overlaps = overlapMatrix(roles);
    const { rows: pct } = rowsUnder(sheet("Role matrix"), "From role", 3);
    expect(pct.slice(0, roles.length).map((r) => r[0])).toEqual(roles.map((r) => r.title));
    overlaps.forEach((row, a) => row.forEach((o, b) => close(pct[a]![b + 1], o.fractionOfTo!, `${o.from.id} → ${o.to.id}`)));
    // The shared counts are the second "From role" table.
    const ws = sheet("Role matrix");
    const headerRows: number[] = [];
    ws.eachRow((row, n) => {
      if (row.getCell(3).value === "From role") headerRows.push(n);
    });
    expect(headerRows).toHaveLength(2);
    overlaps.forEach((row, a) => row.forEach((o, b) => expect(resultOf(ws.getRow(headerRows[1]! + 1 + a).getCell(4 + b)), `${o.from.id} ∩ ${o.to.id}`).toBe(o.shared.length)));
    const { headers, rows } = rowsUnder(ws, "Principle");
    const requiring = headers.indexOf("Roles requiring it");
    expect(rows.map((r) => r[requiring])).toEqual(matrix.rows.map((r) => r.rolesRequiring));
  });
});
