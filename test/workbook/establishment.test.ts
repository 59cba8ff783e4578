import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { parseFundedPosition, parseStaffAssignment } from "../../src/domain";
import { parseCsv, readFundedTable, readStaffTable } from "../../src/input";
import { MemoryWorkbook, WorkbookStore } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/excel/officeAdapter";
import { ESTABLISHMENT_SHEETS, ESTABLISHMENT_TABLES, RECONCILIATION_FORMULAS, STAFF_FORMULAS } from "../../src/sheets/establishment";
import { columnLetter, excelDate, parseRange } from "../../src/sheets/plan";
import { buildStaffingPlan } from "../../src/workbook/costing";
import { PLAN_COST_CENTRE, buildEstablishment } from "../../src/workbook/establishment";
import { SMALL_FUNDED, SMALL_PARAMETERS, SMALL_STAFF, fundedFields, staffFields } from "../support/establishmentCase";
import { ESR_COLUMNS, FUNDED_COLUMNS, generateExtract, toCsv } from "../support/esrExtract";
import { EXCEL_WEB_LIMIT_BYTES, FakeExcel } from "../support/fakeExcel";

const catalog = defaultCatalog();
const funded = SMALL_FUNDED.map((r, i) => parseFundedPosition(fundedFields(r), `line ${i + 2}`));
const staff = SMALL_STAFF.map((r, i) => parseStaffAssignment(staffFields(r), `line ${i + 2}`));
const today = SMALL_PARAMETERS.asAt;

async function tableRows(workbook: MemoryWorkbook, table: string) {
  const t = (await workbook.readTable(table))!;
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

function cellOf(workbook: MemoryWorkbook, table: string, row: number, header: string): { sheet: string; at: string } {
  const t = workbook.getTable(table)!;
  const r = parseRange(t.address);
  return { sheet: t.sheet, at: `${columnLetter(r.left + t.headers.indexOf(header))}${r.top + 1 + row}` };
}

describe("building the establishment sheets in a workbook", () => {
  it("writes the tables before the formulas that name them, drops names, and dates new vacancies", async () => {
    const workbook = new MemoryWorkbook();
    const outcome = await buildEstablishment(workbook, catalog, { funded: { kind: "positions", positions: funded }, staff, parameters: SMALL_PARAMETERS });
    expect(outcome.results.map((r) => [r.key, r.result.status])).toEqual([
      ["pay-scales", "written"],
      ["on-costs", "written"],
      ["establishment", "written"],
      ["establishment:staff-in-post", "written"],
      ["establishment:reconciliation", "written"],
      ["establishment:summary", "written"],
    ]);
    const positions = await tableRows(workbook, ESTABLISHMENT_TABLES.establishment);
    // P2 is part vacant with no date: dated today. P4 and P6 keep the dates given; P1, P3 (filled), P5 (over) have none.
    expect(positions.map((p) => [p.Position, p["Vacant since"]])).toEqual([
      ["P1", null], ["P2", excelDate(today)], ["P3", null], ["P4", excelDate("2025-09-01")], ["P5", null], ["P6", excelDate("2025-12-01")],
    ]);
    expect(outcome.vacantSince).toEqual({ dated: ["P2"], cleared: [] });
    const rec = workbook.getTable(ESTABLISHMENT_TABLES.reconciliation)!;
    expect(workbook.cell(rec.sheet, cellOf(workbook, ESTABLISHMENT_TABLES.reconciliation, 0, "Status").at).formula).toBe(RECONCILIATION_FORMULAS.Status);
    expect(workbook.cell(ESTABLISHMENT_SHEETS.staff, cellOf(workbook, ESTABLISHMENT_TABLES.staff, 0, "Counted").at).formula).toBe(STAFF_FORMULAS.Counted);
    const staffRows = await tableRows(workbook, ESTABLISHMENT_TABLES.staff);
    expect(staffRows.map((s) => s["Assignment Number"])).toEqual(SMALL_STAFF.map((r) => r[0]));
    expect(JSON.stringify(staffRows)).not.toMatch(/Example/);
    expect(outcome.reconciliation.totals.inPostWte).toBeCloseTo(5.1, 9);
  });

  it("refreshes with next month's extract keeping the user's edits and Vacant since alive", async () => {
    const workbook = new MemoryWorkbook();
    await buildEstablishment(workbook, catalog, { funded: { kind: "positions", positions: funded }, staff, parameters: SMALL_PARAMETERS });
    // The user renames P1's role, types a vacant-since date on P3, adds a position, sets the year, notes beside.
    const role = cellOf(workbook, ESTABLISHMENT_TABLES.establishment, 0, "Role");
    workbook.userTypes(role.sheet, role.at, "Staff nurse");
    const p3 = cellOf(workbook, ESTABLISHMENT_TABLES.establishment, 2, "Vacant since");
    workbook.userTypes(p3.sheet, p3.at, excelDate("2025-05-05"));
    workbook.userAddsTableRow(ESTABLISHMENT_TABLES.establishment, ["P7", "C300", "Peer support worker", 3, 1]);
    const year = cellOf(workbook, ESTABLISHMENT_TABLES.parameters, 0, "Year");
    workbook.userTypes(year.sheet, year.at, "2024/25");

    // Next month: A1 has left P1; a new starter fills P2's gap (A3 0.8 + A2 0.6 + 0.6 = 2.0).
    const next = [...staff.filter((a) => a.assignment !== "A1"), { ...staff[0]!, assignment: "A11", position: "P2", wte: 0.6 }];
    const later = "2026-02-15";
    const again = await buildEstablishment(workbook, catalog, { funded: { kind: "positions", positions: funded }, staff: next, parameters: { ...SMALL_PARAMETERS, asAt: later } });
    expect(again.results.every((r) => r.result.status === "written")).toBe(true);
    expect([again.positionsKept, again.positionsAdded]).toEqual([7, 0]);
    const positions = await tableRows(workbook, ESTABLISHMENT_TABLES.establishment);
    expect(positions.map((p) => [p.Position, p.Role, p["Vacant since"]])).toEqual([
      ["P1", "Staff nurse", excelDate(later)], // newly vacant: dated at this refresh
      ["P2", "Nurse", null], // filled again: the add-in's date cleared
      ["P3", "Manager", excelDate("2025-05-05")], // filled, but the user typed the date: it wins
      ["P4", "Support worker", excelDate("2025-09-01")],
      ["P5", "Support worker", null],
      ["P6", "Nurse", excelDate("2025-12-01")],
      ["P7", "Peer support worker", excelDate(later)], // the user's new position, vacant
    ]);
    expect(again.vacantSince).toEqual({ dated: ["P1", "P7"], cleared: ["P2"] });
    expect(again.reconciliation.parameters.year).toBe("2024/25");
    expect((await tableRows(workbook, ESTABLISHMENT_TABLES.parameters))[0]!["Year"]).toBe("2024/25");

    // A refresh without a new extract keeps Staff in post as the user left it, edits included.
    const fte = cellOf(workbook, ESTABLISHMENT_TABLES.staff, 0, "FTE");
    workbook.userTypes(fte.sheet, fte.at, 0.1);
    const third = await buildEstablishment(workbook, catalog, { funded: { kind: "workbook" }, parameters: { ...SMALL_PARAMETERS, asAt: later } });
    expect((await tableRows(workbook, ESTABLISHMENT_TABLES.staff))[0]!.FTE).toBe(0.1);
    expect(third.reconciliation.positions.find((p) => p.funded.position === "P2")!.status).toBe("Part vacant");
    // P2 is vacant again: it gets a date anew, and P1 and P7 keep the add-in's date from the last refresh.
    expect(third.vacantSince).toEqual({ dated: ["P2"], cleared: [] });
  });

  it("takes the funded establishment from the staffing plan, each post in the plan's cost centre, a blank one in the fixed one", async () => {
    const workbook = new MemoryWorkbook();
    await buildStaffingPlan(workbook, catalog, {
      posts: [
        { post: "Lead", role: "Team Manager", band: "8a", point: "top", wte: 1, hcasZone: "none", status: "In post", costCentre: "C410" },
        { post: "Nurse 1", role: "Liaison practitioner", band: "6", point: "top", wte: 0.8, hcasZone: "none", status: "Vacant" },
        { post: "Nurse 2", role: "Liaison practitioner", band: "6", point: "top", wte: 1, hcasZone: "none", status: "Vacant" },
      ],
      parameters: { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0 },
    });
    // The user gives Nurse 2 a cost centre in the plan's own column (with stray spaces, as typed).
    const plan = workbook.getTable("Staffing_Plan")!;
    const r = parseRange(plan.address);
    workbook.userTypes(plan.sheet, `${columnLetter(r.left + plan.headers.indexOf("Cost centre"))}${r.top + 3}`, " C420 ");
    const outcome = await buildEstablishment(workbook, catalog, { funded: { kind: "plan" }, staff: [{ ...staff[0]!, position: "Lead", band: "8a" }], parameters: SMALL_PARAMETERS });
    expect(outcome.reconciliation.positions.map((p) => [p.funded.position, p.funded.costCentre, p.funded.fundedWte, p.status])).toEqual([
      ["Lead", "C410", 1, "Filled"],
      ["Nurse 1", PLAN_COST_CENTRE, 0.8, "Vacant"],
      ["Nurse 2", "C420", 1, "Vacant"],
    ]);
    expect(outcome.withoutCostCentre).toEqual(["Nurse 1"]);
    // The sheets carry it: the Establishment rows and the summary's cost centres.
    const positions = await tableRows(workbook, ESTABLISHMENT_TABLES.establishment);
    expect(positions.map((p) => [p.Position, p["Cost centre"]])).toEqual([["Lead", "C410"], ["Nurse 1", PLAN_COST_CENTRE], ["Nurse 2", "C420"]]);
    expect(outcome.reconciliation.byCostCentre.map((c) => [c.key, c.fundedWte])).toEqual([["C410", 1], ["C420", 1], [PLAN_COST_CENTRE, 0.8]]);

    // A refresh from the plan keeps the positions as they are on the Establishment sheet: none is added again.
    const again = await buildEstablishment(workbook, catalog, { funded: { kind: "plan" }, parameters: SMALL_PARAMETERS });
    expect([again.positionsKept, again.positionsAdded, again.withoutCostCentre]).toEqual([3, 0, []]);
    await expect(buildEstablishment(new MemoryWorkbook(), catalog, { funded: { kind: "plan" }, parameters: SMALL_PARAMETERS })).rejects.toThrow("there is no staffing plan");
  });
});

describe("5,000 positions and 6,000 assignments through Office.js", () => {
  it("builds and refreshes in at most 12 syncs, every request under Excel on the web's 5 MB", async () => {
    const big = generateExtract(5_000, 6_000);
    const positions = readFundedTable(parseCsv(toCsv(FUNDED_COLUMNS, big.funded), "funded.csv")).items;
    const assignments = readStaffTable(parseCsv(toCsv(ESR_COLUMNS, big.staff), "staff.csv")).items;
    const store = new WorkbookStore();
    store.addSheet("Sheet1");
    const fake = new FakeExcel(store);
    const uninstall = fake.install();
    try {
      const adapter = new OfficeWorkbookAdapter();
      const request = { funded: { kind: "positions", positions }, staff: assignments, parameters: SMALL_PARAMETERS } as const;
      const outcome = await buildEstablishment(adapter, catalog, request);
      expect(outcome.results.map((r) => r.result.status)).toEqual(Array(6).fill("written"));
      // The six sheets are one write: its round trips are the last sheet's count, reads of the workbook before it
      // included in the fake's.
      const writeSyncs = outcome.results.at(-1)!.result.syncs;
      expect(writeSyncs).toBeLessThanOrEqual(12);
      expect(fake.syncs).toBeLessThanOrEqual(12);
      for (const r of fake.requests) expect(r.bytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
      console.log(`establishment 5,000 × 6,000 build: write ${writeSyncs} syncs; with reads ${fake.syncs}; largest request ${Math.max(...fake.requests.map((r) => r.bytes))} bytes`);
      const memory = new MemoryWorkbook({ store });
      expect((await memory.readTable(ESTABLISHMENT_TABLES.staff))!.rows).toHaveLength(6_000);
      expect((await memory.readTable(ESTABLISHMENT_TABLES.reconciliation))!.rows).toHaveLength(5_000);
      const rec = memory.getTable(ESTABLISHMENT_TABLES.reconciliation)!;
      const last = cellOf(memory, ESTABLISHMENT_TABLES.reconciliation, 4_999, "Status");
      expect(memory.cell(rec.sheet, last.at).formula).toBe(RECONCILIATION_FORMULAS.Status);

      // Next month: the refresh reads the tables back, then writes the six sheets again in one go.
      fake.reset();
      const again = await buildEstablishment(adapter, catalog, { ...request, staff: assignments.slice(0, 5_500) });
      expect(again.results.map((r) => [r.key, r.result.status === "written" ? r.result.action : r.result.status])).toEqual(
        outcome.results.map((r) => [r.key, "refreshed"]),
      );
      const refreshSyncs = again.results.at(-1)!.result.syncs;
      expect(refreshSyncs).toBeLessThanOrEqual(12);
      // Reading the 5,000 positions and reconciliation back is one run of shared reads too, of only the columns
      // the refresh uses: every request and every response under the limit.
      expect(fake.syncs).toBeLessThanOrEqual(12);
      for (const r of fake.requests) {
        expect(r.bytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
        expect(r.responseBytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
      }
      const read = fake.requests.slice(0, fake.syncs - refreshSyncs).reduce((n, r) => n + r.responseBytes, 0);
      console.log(`establishment 5,000 × 6,000 refresh: write ${refreshSyncs} syncs; with reads ${fake.syncs}; ${(read / 1e6).toFixed(2)} MB read`);
      expect((await memory.readTable(ESTABLISHMENT_TABLES.staff))!.rows).toHaveLength(5_500);
    } finally {
      uninstall();
    }
  }, 300_000);
});
