import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { establishmentJson, readEstablishmentFiles } from "../../src/cli/commands/establishment";
import { reconcileEstablishment } from "../../src/domain";
import { ESTABLISHMENT_SHEETS } from "../../src/sheets/establishment";
import { wfp } from "../support/cli";
import { FUNDED_HEADERS, SMALL_EXPECTED, SMALL_FUNDED, SMALL_STAFF, STAFF_HEADERS, csvOf } from "../support/establishmentCase";
import { ESR_COLUMNS, EXTRACT_AS_AT, FUNDED_COLUMNS, generateExtract, toCsv } from "../support/esrExtract";

const dir = mkdtempSync(join(tmpdir(), "wfp-est-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const FIXTURES = join(__dirname, "..", "fixtures", "establishment");
const smallFunded = file("funded.csv", csvOf(FUNDED_HEADERS, SMALL_FUNDED));
const smallStaff = file("staff.csv", csvOf(STAFF_HEADERS, SMALL_STAFF));

describe("wfp establishment --json", () => {
  it("gives the hand-worked figures in the issue's JSON shape", async () => {
    const { code, stdout, stderr } = await wfp("establishment", "--funded", smallFunded, "--staff", smallStaff, "--as-at", "2026-01-15", "--year", "2025/26", "--json");
    expect(code).toBe(0);
    // The column mapping is shown before any figure: on stderr, so stdout stays JSON.
    expect(stderr).toContain(`Columns read from ${smallStaff}: Assignment Number; Position Number;`);
    expect(stderr).toContain('"Full Name": a name, never read');
    const json = JSON.parse(stdout);
    expect(Object.keys(json.totals)).toEqual([
      "fundedWte", "inPostWte", "vacantWte", "overEstablishedWte", "unfundedWte", "absentWte", "bankWte", "matchRate", "fundedCost", "inPostCost",
    ]);
    expect(json.totals).toEqual({
      fundedWte: 6.5, inPostWte: 5.1, vacantWte: 2.6, overEstablishedWte: 0.4, unfundedWte: 0.8, absentWte: 1.2, bankWte: 0.3,
      matchRate: 0.8431, fundedCost: 314460.34, inPostCost: 246004.81,
    });
    expect(json.positions.map((p: Record<string, unknown>) => [p.position, p.inPostWte, p.varianceWte, p.status])).toEqual(
      SMALL_EXPECTED.positions.map((p) => [p[0], p[1], p[2], p[3]]),
    );
    expect(json.positions[1]).toEqual({ position: "P2", costCentre: "A100", band: "5", fundedWte: 2, inPostWte: 1.4, varianceWte: 0.6, status: "Part vacant" });
    expect(json.unfunded).toEqual(SMALL_EXPECTED.unfunded.map(([assignment, position, wte]) => ({ assignment, position, wte })));
    expect(json.bandMismatches).toEqual(SMALL_EXPECTED.bandMismatches.map(([assignment, position, fundedBand, band]) => ({ assignment, position, fundedBand, band })));
    expect(json.byCostCentre).toEqual(
      SMALL_EXPECTED.byCostCentre.map(([costCentre, fundedWte, inPostWte, vacantWte, overEstablishedWte]) => ({ costCentre, fundedWte, inPostWte, vacantWte, overEstablishedWte })),
    );
    expect(stdout).not.toMatch(/Example/);
  });

  it("gives the domain's figures for the 300-position, 320-assignment extract", async () => {
    const funded = join(FIXTURES, "funded.csv");
    const staff = join(FIXTURES, "staff.csv");
    const { code, stdout } = await wfp("establishment", "--funded", funded, "--staff", staff, "--as-at", EXTRACT_AS_AT, "--year", "2025/26", "--json");
    expect(code).toBe(0);
    const inputs = readEstablishmentFiles(funded, staff);
    expect([inputs.funded.length, inputs.staff.length]).toEqual([300, 320]);
    const domain = reconcileEstablishment(defaultCatalog().pay, inputs.funded, inputs.staff, { asAt: EXTRACT_AS_AT, year: "2025/26", pensionBasis: "employer", includeLevy: false });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(establishmentJson(domain))));
    const statuses = new Set(domain.positions.map((p) => p.status));
    expect(statuses.size).toBe(4);
    expect(domain.unfunded.length).toBeGreaterThan(5);
    expect(domain.bandMismatches.length).toBeGreaterThan(3);
    expect(domain.positions.some((p) => p.vacantOver90Days) && domain.positions.some((p) => p.fixedTermEnding > 0)).toBe(true);
    expect(domain.totals.absentWte > 0 && domain.totals.bankWte > 0).toBe(true);
  });
});

describe("wfp establishment --out", () => {
  it("prints the mapping and the totals, and writes the four sheets with the pay tables", async () => {
    const out = join(dir, "rec.xlsx");
    const { code, stdout } = await wfp("establishment", "--funded", smallFunded, "--staff", smallStaff, "--as-at", "2026-01-15", "--out", out);
    expect(code).toBe(0);
    expect(stdout.indexOf("Columns read")).toBeLessThan(stdout.indexOf("Funded 6.50 WTE"));
    expect(stdout).toContain("Match rate 84.3%. Positions: 2 filled, 1 part vacant, 2 vacant, 1 over-established.");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Pay scales", "On-costs", ESTABLISHMENT_SHEETS.establishment, ESTABLISHMENT_SHEETS.staff, ESTABLISHMENT_SHEETS.reconciliation, ESTABLISHMENT_SHEETS.summary,
    ]);
  });
});

describe("bad input", () => {
  const staffWith = (change: (rows: string[][]) => void) => {
    const rows = SMALL_STAFF.map((r) => [...r]);
    change(rows);
    return file(`staff-${Math.random().toString(36).slice(2)}.csv`, csvOf(STAFF_HEADERS, rows));
  };
  it.each([
    ["a row without an assignment number", (rows: string[][]) => void (rows[3]![0] = ""), "line 5, column 'Assignment Number': the Assignment Number is blank"],
    ["an unreadable FTE", (rows: string[][]) => void (rows[1]![7] = "six tenths"), "line 3, column 'FTE': 'six tenths' is not an FTE from 0 to 1.5"],
    ["a duplicate assignment number", (rows: string[][]) => void (rows[6]![0] = "a2"), "line 8: assignment number 'a2' is given twice (first at"],
    ["a band that is not Agenda for Change", (rows: string[][]) => void (rows[0]![5] = "Consultant"), "line 2, column 'Pay Band': 'Consultant' is not an Agenda for Change band"],
  ])("refuses %s, with its line", async (_what, change, message) => {
    const result = await wfp("establishment", "--funded", smallFunded, "--staff", staffWith(change), "--json");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });
  it("refuses a position given twice, and a file without a required column", async () => {
    const twice = file("twice.csv", csvOf(FUNDED_HEADERS, [...SMALL_FUNDED, ["p3", "A100", "Nurse", "5", "1", "", ""]]));
    expect((await wfp("establishment", "--funded", twice, "--staff", smallStaff)).stderr).toBe(`wfp: ${twice} line 8: position 'p3' is given twice (first at ${twice} line 4)\n`);
    const noBand = file("noband.csv", "Position,Cost centre,Funded WTE\nP1,A100,1\n");
    expect((await wfp("establishment", "--funded", noBand, "--staff", smallStaff)).stderr).toBe(`wfp: ${noBand} has no 'Band' column (line 1); its columns are: Position, Cost centre, Funded WTE\n`);
  });
  it("is a usage error without both files", async () => {
    expect((await wfp("establishment", "--funded", smallFunded)).code).toBe(2);
  });
});

describe("the committed fixtures", () => {
  it("are what the generator makes (node scripts/establishment-fixtures.mjs)", () => {
    const month = generateExtract(300, 320);
    const next = generateExtract(300, 300, 14, 15);
    expect(readFileSync(join(FIXTURES, "funded.csv"), "utf8")).toBe(toCsv(FUNDED_COLUMNS, month.funded));
    expect(readFileSync(join(FIXTURES, "staff.csv"), "utf8")).toBe(toCsv(ESR_COLUMNS, month.staff));
    expect(readFileSync(join(FIXTURES, "staff-next-month.csv"), "utf8")).toBe(toCsv(ESR_COLUMNS, next.staff));
  });
});
