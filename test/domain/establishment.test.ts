import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import {
  type FundedPosition,
  type StaffAssignment,
  addMonths,
  nextVacantSince,
  parseAssignmentWte,
  parseEsrBand,
  parseEsrDate,
  parseFundedPosition,
  parseStaffAssignment,
  positionStatus,
  reconcileEstablishment,
  refuseDuplicates,
  statusKind,
} from "../../src/domain";
import { SMALL_EXPECTED, SMALL_FUNDED, SMALL_PARAMETERS, SMALL_STAFF, fundedFields, staffFields } from "../support/establishmentCase";

const pay = defaultCatalog().pay;
const funded: FundedPosition[] = SMALL_FUNDED.map((r, i) => parseFundedPosition(fundedFields(r), `funded line ${i + 2}`));
const staff: StaffAssignment[] = SMALL_STAFF.map((r, i) => parseStaffAssignment(staffFields(r), `staff line ${i + 2}`));

describe("ESR fields", () => {
  it.each([
    ["Band 6", "6"], ["Review Body Band 6", "6"], ["6", "6"], [6, "6"], ["Review Body Band 8 - Range A", "8a"], ["Band 8C", "8c"], ["band 9", "9"],
  ] as const)("reads the band %j as %s", (text, band) => expect(parseEsrBand(text)).toBe(band));
  it("refuses a band that is not Agenda for Change", () => {
    expect(() => parseEsrBand("Consultant")).toThrow("'Consultant' is not an Agenda for Change band");
    expect(() => parseEsrBand("Band 10")).toThrow("is not an Agenda for Change band");
  });
  it.each([
    ["Active Assignment", "active"], ["", "active"], ["Acting Up", "active"], ["Maternity & Adoption", "absent"], ["Suspend Assignment", "absent"],
    ["Long Term Sick", "absent"], ["Out on External Secondment - Paid", "absent"], ["Career Break", "absent"], ["Terminate Assignment", "ended"],
    ["Terminate Process Assignment", "ended"], ["End", "ended"], ["End Assignment", "ended"], ["Inactive Not Worked", "ended"],
  ] as const)("reads the status %j as %s", (status, kind) => expect(statusKind(status)).toBe(kind));
  it("reads FTE, or contracted hours ÷ 37.5, and refuses what is neither", () => {
    expect(parseAssignmentWte("0.8", "")).toBe(0.8);
    expect(parseAssignmentWte("", "30")).toBe(0.8);
    expect(parseAssignmentWte(1, 15)).toBe(1);
    expect(() => parseAssignmentWte("full", "")).toThrow("FTE 'full' is not a number from 0 to 1.5");
    expect(() => parseAssignmentWte("", "")).toThrow("there is no FTE (nor Contracted Hours)");
    expect(() => parseAssignmentWte("", "80")).toThrow("Contracted Hours '80' is not a number of hours");
  });
  it("reads dates as ESR and Excel give them", () => {
    expect(parseEsrDate("2026-03-31")).toBe("2026-03-31");
    expect(parseEsrDate("31/03/2026")).toBe("2026-03-31");
    expect(parseEsrDate("31-MAR-2026")).toBe("2026-03-31");
    expect(parseEsrDate(46112)).toBe("2026-03-31");
    expect(parseEsrDate("")).toBeNull();
    expect(() => parseEsrDate("31/02/2026")).toThrow("'31/02/2026' is not a date");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", 3)).toBe("2026-04-15");
  });
  it("refuses a row with no assignment number or an unreadable FTE, naming the line", () => {
    const row = [...SMALL_STAFF[0]!];
    row[0] = "";
    expect(() => parseStaffAssignment(staffFields(row), "staff.csv line 7")).toThrow("staff.csv line 7: the row has no assignment number");
    row[0] = "A1";
    row[7] = "1,0";
    expect(() => parseStaffAssignment(staffFields(row), "staff.csv line 7")).toThrow("staff.csv line 7: FTE '1,0' is not a number from 0 to 1.5");
  });
  it("refuses an id given twice, whatever its case", () => {
    const rows = [{ value: funded[0]!, where: "line 2" }, { value: { ...funded[1]!, position: "p1" }, where: "line 3" }];
    expect(() => refuseDuplicates(rows, (p) => p.position, "position")).toThrow("line 3: position 'p1' is given twice (first at line 2)");
  });
});

describe("reconciling the hand-worked case", () => {
  const result = reconcileEstablishment(pay, funded, staff, SMALL_PARAMETERS);

  it("gives every position its in-post WTE, variance, status and flags", () => {
    // P2: A2 0.6 (maternity, absent, still counted) + A3 30 h ÷ 37.5 = 0.8 → 1.4 of 2; A3's fixed term ends
    // 31 Mar 2026, within 3 months of 15 Jan. P3: A4 at band 8a on a band 7 post. P4: A8 terminated → nobody;
    // vacant since 1 Sep 2025, 136 days. P5: A5 0.5 + A7 0.4 (band 4 on band 3; ends 30 Jun, beyond 3 months),
    // A6 bank 0.3 not counted → 0.9 of 0.5. P6: nobody, vacant since 1 Dec 2025, 45 days.
    expect(
      result.positions.map((p) => [
        p.funded.position, round(p.inPostWte), round(p.varianceWte), p.status, round(p.absentWte), round(p.bankWte), p.bandMismatches, p.fixedTermEnding, p.vacantOver90Days,
      ]),
    ).toEqual(SMALL_EXPECTED.positions);
  });

  it("totals the WTE and match rate", () => {
    // Counted: 1 + 0.6 + 0.8 + 1 + 0.5 + 0.4 + 0.6 (X999, suspended: absent) + 0.2 (p1 ≠ P1: unfunded) = 5.1.
    // Vacant 0.6 + 1 + 1 = 2.6; over 0.4; 6.5 − 2.6 + 0.4 = 4.3 on funded positions; match 4.3 ÷ 5.1.
    const t = result.totals;
    for (const key of ["fundedWte", "inPostWte", "vacantWte", "overEstablishedWte", "unfundedWte", "absentWte", "bankWte"] as const) {
      expect(t[key], key).toBeCloseTo(SMALL_EXPECTED.totals[key], 9);
    }
    expect(t.matchRate).toBeCloseTo(SMALL_EXPECTED.totals.matchRate, 12);
  });

  it("costs the funded posts and the staff in post", () => {
    // 2025/26, employer pension 14.38%, NI 15% above £5,000, no levy. One WTE at band 5 top £37,796:
    // 37,796 × 1.1438 + 0.15 × 32,796 = 48,150.4648. Funded: P1 48,150.4648 + P2 2 × 48,150.4648 + P3 budget
    // 60,000 + P4 band 3 top (26,598 × 1.1438 + 0.15 × 21,598 = 33,662.4924) + P5 0.5 × 33,662.4924 + P6 band 6
    // top (46,580 × 1.1438 + 0.15 × 41,580 = 59,515.204) = 314,460.337. In post, each at its own band, point and
    // WTE (the NI threshold is per person): A2 band 5 entry 31,049 × 0.6 = 18,629.4 → 21,308.30772 + 2,044.41 =
    // 23,352.71772; A3 intermediate 33,487 × 0.8 → 33,910.38448; A4 8a top → 80,347.9716; A1 48,150.4648;
    // A5 16,456.2462; A7 14,859.43824; A9 19,897.49544; A10 9,030.09296; A6 (bank) and A8 (ended) nothing
    // = 246,004.81144.
    expect(result.totals.fundedCost).toBeCloseTo(SMALL_EXPECTED.totals.fundedCost, 6);
    expect(result.totals.inPostCost).toBeCloseTo(SMALL_EXPECTED.totals.inPostCost, 6);
    const a2 = result.assignments.find((a) => a.assignment.assignment === "A2")!;
    expect([a2.point, a2.pointFrom, a2.cost]).toEqual(["entry", "spinal point", expect.closeTo(23352.71772, 6)]);
    const a1 = result.assignments.find((a) => a.assignment.assignment === "A1")!;
    expect([a1.point, a1.pointFrom]).toEqual(["top", "top: no spinal point"]);
    expect(result.positions.find((p) => p.funded.position === "P3")!.fundedCostBasis).toBe("budget");
  });

  it("lists unfunded staff, band mismatches and the figures by cost centre", () => {
    expect(result.unfunded.map((a) => [a.assignment.assignment, a.assignment.position, a.assignment.wte])).toEqual(SMALL_EXPECTED.unfunded);
    expect(result.bandMismatches.map((a) => [a.assignment.assignment, a.assignment.position, a.funded!.band, a.assignment.band])).toEqual(SMALL_EXPECTED.bandMismatches);
    expect(
      result.byCostCentre.map((g) => [g.key, ...[g.fundedWte, g.inPostWte, g.vacantWte, g.overEstablishedWte, g.unfundedWte, g.absentWte, g.bankWte].map(round)]),
    ).toEqual(SMALL_EXPECTED.byCostCentre);
    expect(result.byBand.map((g) => g.key)).toEqual(["3", "5", "6", "7"]);
    expect(result.byRole.map((g) => g.key)).toEqual(["Manager", "Nurse", "Peer support worker", "Support worker"]);
  });

  it("never reads a name", () => {
    expect(JSON.stringify(result)).not.toMatch(/Example/);
  });
});

describe("position status", () => {
  it.each([
    [1, 1, "Filled"], [1, 0.996, "Filled"], [1, 0.99, "Part vacant"], [1, 0, "Vacant"], [0.5, 0.9, "Over-established"], [0, 0, "Filled"],
  ] as const)("funded %d, in post %d → %s", (f, p, s) => expect(positionStatus(f, p)).toBe(s));
});

describe("Vacant since across refreshes", () => {
  const today = "2026-02-01";
  it("dates a newly vacant position today, keeps its date while vacant, clears it once filled", () => {
    const first = nextVacantSince("Vacant", { current: null, setByAddIn: null }, today);
    expect(first).toEqual({ value: today, setByAddIn: today });
    expect(nextVacantSince("Part vacant", { current: today, setByAddIn: today }, "2026-03-01")).toEqual({ value: today, setByAddIn: today });
    expect(nextVacantSince("Filled", { current: today, setByAddIn: today }, "2026-03-01")).toEqual({ value: null, setByAddIn: null });
  });
  it("lets a date the user typed win, vacant or not", () => {
    expect(nextVacantSince("Filled", { current: "2025-06-01", setByAddIn: today }, today)).toEqual({ value: "2025-06-01", setByAddIn: null });
    expect(nextVacantSince("Vacant", { current: "2025-06-01", setByAddIn: null }, today)).toEqual({ value: "2025-06-01", setByAddIn: null });
  });
});

function round(n: number): number {
  return Math.round(n * 100) / 100 + 0;
}
