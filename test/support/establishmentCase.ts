import type { EstablishmentParameters } from "../../src/domain";

/**
 * The small case worked by hand (test/domain/establishment.test.ts shows the sums): six positions and ten
 * assignments with every status kind, bank, band mismatches, a fixed term ending, an unfunded position and one
 * that differs from a funded id only in case.
 */
export const SMALL_PARAMETERS: EstablishmentParameters = { asAt: "2026-01-15", year: "2025/26", pensionBasis: "employer", includeLevy: false };

export const FUNDED_HEADERS = ["Position", "Cost centre", "Role", "Band", "Funded WTE", "Budget", "Vacant since"] as const;
export const SMALL_FUNDED: readonly (readonly string[])[] = [
  ["P1", "A100", "Nurse", "5", "1", "", ""],
  ["P2", "A100", "Nurse", "Band 5", "2", "", ""],
  ["P3", "A100", "Manager", "7", "1", "60000", ""],
  ["P4", "B200", "Support worker", "3", "1", "", "2025-09-01"],
  ["P5", "B200", "Support worker", "3", "0.5", "", ""],
  ["P6", "B200", "Nurse", "6", "1", "", "01/12/2025"],
];

export const STAFF_HEADERS = [
  "Assignment Number", "Full Name", "Position Number", "Position Title", "Cost Centre", "Pay Band", "Spinal Point", "FTE",
  "Contracted Hours", "Assignment Category", "Assignment Status", "Fixed Term End Date",
] as const;
export const SMALL_STAFF: readonly (readonly string[])[] = [
  ["A1", "Ada Example", "P1", "Nurse", "A100", "Band 5", "", "1", "", "Permanent", "Active Assignment", ""],
  ["A2", "Bea Example", "P2", "Nurse", "A100", "Review Body Band 5", "entry", "0.6", "", "Permanent", "Maternity & Adoption", ""],
  ["A3", "Cy Example", "P2", "Nurse", "A100", "5", "intermediate", "", "30", "Fixed Term Temp", "Active Assignment", "31/03/2026"],
  ["A4", "Di Example", "P3", "Manager", "A100", "Review Body Band 8 - Range A", "", "1", "", "Permanent", "Active Assignment", ""],
  ["A5", "Ed Example", "P5", "Support worker", "B200", "Band 3", "", "0.5", "", "Permanent", "Active Assignment", ""],
  ["A6", "Flo Example", "P5", "Support worker", "B200", "Band 3", "", "0.3", "", "Bank", "Active Assignment", ""],
  ["A7", "Gus Example", "P5", "Support worker", "B200", "Band 4", "", "0.4", "", "Fixed Term Temp", "Active Assignment", "30-JUN-2026"],
  ["A8", "Hal Example", "P4", "Support worker", "B200", "Band 3", "", "1", "", "Permanent", "Terminate Assignment", ""],
  ["A9", "Ivy Example", "X999", "Peer support worker", "C300", "Band 3", "", "0.6", "", "Permanent", "Suspend Assignment", ""],
  ["A10", "Jo Example", "p1", "Nurse", "A100", "Band 5", "", "0.2", "", "Permanent", "Active Assignment", ""],
];

/** Rows as CSV text (no field here needs quoting). */
export const csvOf = (headers: readonly string[], rows: readonly (readonly string[])[]): string =>
  [headers, ...rows].map((r) => r.join(",")).join("\n") + "\n";

const FUNDED_FIELDS = ["position", "costCentre", "role", "band", "fundedWte", "budget", "vacantSince"] as const;
const STAFF_FIELDS = ["assignment", null, "position", "positionTitle", "costCentre", "band", "point", "fte", "hours", "category", "status", "fixedTermEnd"] as const;

export const fundedFields = (row: readonly string[]): Record<string, unknown> => Object.fromEntries(FUNDED_FIELDS.map((f, i) => [f, row[i]]));
export const staffFields = (row: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(STAFF_FIELDS.flatMap((f, i) => (f === null ? [] : [[f, row[i]]])));

/** The hand-worked answer. */
export const SMALL_EXPECTED = {
  positions: [
    // position, in-post WTE, variance, status, absent, bank, band mismatches, fixed terms ending, vacant > 90 days
    ["P1", 1.0, 0.0, "Filled", 0, 0, 0, 0, false],
    ["P2", 1.4, 0.6, "Part vacant", 0.6, 0, 0, 1, false],
    ["P3", 1.0, 0.0, "Filled", 0, 0, 1, 0, false],
    ["P4", 0.0, 1.0, "Vacant", 0, 0, 0, 0, true],
    ["P5", 0.9, -0.4, "Over-established", 0, 0.3, 1, 0, false],
    ["P6", 0.0, 1.0, "Vacant", 0, 0, 0, 0, false],
  ],
  totals: {
    fundedWte: 6.5,
    inPostWte: 5.1,
    vacantWte: 2.6,
    overEstablishedWte: 0.4,
    unfundedWte: 0.8,
    absentWte: 1.2,
    bankWte: 0.3,
    matchRate: 4.3 / 5.1,
    fundedCost: 314460.337,
    inPostCost: 246004.81144,
  },
  byCostCentre: [
    // key, funded, in post, vacant, over, unfunded, absent, bank
    ["A100", 4.0, 3.6, 0.6, 0, 0.2, 0.6, 0],
    ["B200", 2.5, 0.9, 2.0, 0.4, 0, 0, 0.3],
    ["C300", 0, 0.6, 0, 0, 0.6, 0.6, 0],
  ],
  unfunded: [["A9", "X999", 0.6], ["A10", "p1", 0.2]],
  bandMismatches: [["A4", "P3", "7", "8a"], ["A7", "P5", "3", "4"]],
} as const;
