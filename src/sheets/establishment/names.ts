/** What the establishment sheets are called in the workbook: keys, sheets, tables and named cells. */
export const ESTABLISHMENT_KEYS = {
  establishment: "establishment",
  staff: "establishment:staff-in-post",
  reconciliation: "establishment:reconciliation",
  summary: "establishment:summary",
} as const;

export const ESTABLISHMENT_SHEETS = {
  establishment: "Establishment",
  staff: "Staff in post",
  reconciliation: "Reconciliation",
  summary: "Establishment summary",
} as const;

export const ESTABLISHMENT_TABLES = {
  parameters: "Establishment_Parameters",
  establishment: "Establishment",
  staff: "Staff_In_Post",
  reconciliation: "Reconciliation",
  byCostCentre: "Establishment_By_Cost_Centre",
  byBand: "Establishment_By_Band",
  byRole: "Establishment_By_Role",
} as const;

export const ESTABLISHMENT_NAMES = { asAt: "Est_As_At", year: "Est_Year", pension: "Est_Pension", levy: "Est_Levy" } as const;

/** The Establishment table's columns: all the user's (the add-in adds rows and keeps `Vacant since` alive). */
export const ESTABLISHMENT_HEADERS = ["Position", "Cost centre", "Role", "Band", "Funded WTE", "Budget", "Vacant since"] as const;

/** The extract's columns in Staff in post, named as ESR names them, so next month's extract can be pasted in. */
export const STAFF_INPUT_HEADERS = [
  "Assignment Number",
  "Position Number",
  "Position Title",
  "Cost Centre",
  "Pay Band",
  "Spinal Point",
  "FTE",
  "Contracted Hours",
  "Assignment Category",
  "Assignment Status",
  "Fixed Term End Date",
] as const;

export const STAFF_COMPUTED_HEADERS = [
  "WTE",
  "Counted",
  "Absent",
  "Bank",
  "Row in establishment",
  "Funded position",
  "Band key",
  "Funded band",
  "Band mismatch",
  "Fixed term ending",
  "Group cost centre",
  "Group band",
  "Group role",
  "Point",
  "Point from",
  "Full-time pay",
  "Cost",
  "Counted WTE",
  "Absent WTE",
  "Bank WTE",
  "Unfunded WTE",
] as const;

export const RECONCILIATION_HEADERS = [
  "Position",
  "Cost centre",
  "Role",
  "Band",
  "Funded WTE",
  "In post WTE",
  "Variance WTE",
  "Status",
  "Vacant WTE",
  "Over-established WTE",
  "Absent WTE",
  "Bank WTE",
  "Band mismatches",
  "Fixed terms ending",
  "Vacant since",
  "Vacant over 90 days",
  "Funded cost",
  "Cost basis",
  "In post cost",
  "Cost variance",
  "Row in establishment",
  "Vacant since set by add-in",
] as const;

export const GROUP_HEADERS = [
  "Funded WTE",
  "In post WTE",
  "Vacant WTE",
  "Over-established WTE",
  "Unfunded WTE",
  "Absent WTE",
  "Bank WTE",
  "Match rate",
  "Funded cost",
  "In post cost",
] as const;
