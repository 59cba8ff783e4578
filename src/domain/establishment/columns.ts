import { invalid } from "../errors";
import { normalizeText } from "../text";
import { type FundedPosition, type StaffAssignment, parseFundedPosition, parseStaffAssignment, refuseDuplicates } from "./inputs";

/** One field read from a file or a range: the header people give it, and the variants also accepted. */
export interface ColumnSpec<F extends string> {
  field: F;
  header: string;
  required: boolean;
  variants: readonly string[];
}

type FundedField = Exclude<keyof FundedPosition, never>;
type StaffField = Exclude<keyof StaffAssignment, "wte"> | "fte" | "hours";

export const FUNDED_COLUMN_SPECS: readonly ColumnSpec<FundedField>[] = [
  { field: "position", header: "Position", required: true, variants: ["Position Number", "Position ID", "Post ID", "Post"] },
  { field: "costCentre", header: "Cost centre", required: true, variants: ["Cost Center", "Cost Centre Code", "Cost Code", "Organisation", "Organization"] },
  { field: "role", header: "Role", required: false, variants: ["Position Title", "Job Title", "Post Title"] },
  { field: "band", header: "Band", required: true, variants: ["Pay Band", "Grade", "AfC Band"] },
  { field: "fundedWte", header: "Funded WTE", required: true, variants: ["WTE", "FTE", "Funded FTE", "Budgeted WTE", "Establishment WTE"] },
  { field: "budget", header: "Budget", required: false, variants: ["Budget £", "Annual Budget", "Budget (£)"] },
  { field: "vacantSince", header: "Vacant since", required: false, variants: ["Vacancy Date", "Vacant From"] },
];

export const ESR_COLUMN_SPECS: readonly ColumnSpec<StaffField>[] = [
  { field: "assignment", header: "Assignment Number", required: true, variants: ["Assignment", "Assignment No", "Assignment No.", "Assignment ID"] },
  { field: "position", header: "Position Number", required: true, variants: ["Position", "Position No", "Position ID"] },
  { field: "positionTitle", header: "Position Title", required: false, variants: ["Job Title", "Position Name"] },
  { field: "costCentre", header: "Cost Centre", required: false, variants: ["Organisation", "Organization", "Cost Center", "Cost Centre Code"] },
  { field: "band", header: "Pay Band", required: true, variants: ["Grade", "Band", "Pay Grade", "Grade Code"] },
  { field: "point", header: "Spinal Point", required: false, variants: ["Pay Point", "Point"] },
  { field: "fte", header: "FTE", required: false, variants: ["WTE", "Assignment FTE"] },
  { field: "hours", header: "Contracted Hours", required: false, variants: ["Hours", "Weekly Hours"] },
  { field: "category", header: "Assignment Category", required: false, variants: ["Category", "Employee Category"] },
  { field: "status", header: "Assignment Status", required: false, variants: ["Status"] },
  { field: "fixedTermEnd", header: "Fixed Term End Date", required: false, variants: ["Fixed Term End", "Projected Assignment End", "Contract End Date"] },
];

/** Headers that name a person: recognised so the mapping can say they are not read, and never read. */
export const NAME_HEADERS = ["Full Name", "Name", "Employee Name", "First Name", "Forename", "Last Name", "Surname", "Known As", "Title"];

export interface ColumnMapping<F extends string> {
  /** Each field found, with the header it was found under (as written) and its column index. */
  found: { field: F; header: string; column: string; index: number }[];
  /** Columns not read: names (never read) and anything else. */
  ignored: { column: string; why: "a name: never read" | "not used" }[];
}

/**
 * Finds each field's column by its header or a variant, compared without case, spaces or punctuation, so the
 * mapping can be shown before anything is computed. A missing required column is refused, naming what is there.
 */
export function mapColumns<F extends string>(headers: readonly string[], specs: readonly ColumnSpec<F>[], source: string): ColumnMapping<F> {
  const keys = headers.map((h) => normalizeText(h));
  const used = new Set<number>();
  const found: ColumnMapping<F>["found"] = [];
  for (const spec of specs) {
    const names = [spec.header, ...spec.variants].map((n) => normalizeText(n));
    const index = names.map((n) => keys.findIndex((k, i) => k === n && !used.has(i))).find((i) => i >= 0) ?? -1;
    if (index < 0) {
      if (spec.required) throw invalid(`${source} has no '${spec.header}' column; its columns are: ${headers.join(", ")}`);
      continue;
    }
    used.add(index);
    found.push({ field: spec.field, header: spec.header, column: headers[index]!, index });
  }
  const names = new Set(NAME_HEADERS.map((n) => normalizeText(n)));
  const ignored = headers.flatMap((h, i) => (used.has(i) ? [] : [{ column: h, why: names.has(keys[i]!) ? ("a name: never read" as const) : ("not used" as const) }]));
  return { found, ignored };
}

/** The mapping as lines people read: `Assignment Number ← "Assignment No"`, then what is not read. */
export function describeMapping(mapping: ColumnMapping<string>): string[] {
  return [
    ...mapping.found.map((f) => (f.header === f.column ? `${f.header}` : `${f.header} ← "${f.column}"`)),
    ...mapping.ignored.map((i) => `"${i.column}": ${i.why}`),
  ];
}

export interface SourceRow {
  /** Where the row is, for messages: "staff.csv line 12", "Sheet1!A12". */
  where: string;
  cells: readonly unknown[];
}

function fieldsOf<F extends string>(mapping: ColumnMapping<F>, cells: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(mapping.found.map((f) => [f.field, cells[f.index] ?? null]));
}

const blank = (cells: readonly unknown[]): boolean => cells.every((c) => c === null || c === undefined || String(c).trim() === "");

/** The funded establishment from mapped rows; a position given twice is refused with both places. */
export function readFundedRows(mapping: ColumnMapping<FundedField>, rows: readonly SourceRow[]): FundedPosition[] {
  const parsed = rows.filter((r) => !blank(r.cells)).map((r) => ({ value: parseFundedPosition(fieldsOf(mapping, r.cells), r.where), where: r.where }));
  return refuseDuplicates(parsed, (p) => p.position, "position");
}

/** Staff in post from mapped rows; an assignment number given twice is refused with both places. */
export function readStaffRows(mapping: ColumnMapping<StaffField>, rows: readonly SourceRow[]): StaffAssignment[] {
  const parsed = rows.filter((r) => !blank(r.cells)).map((r) => ({ value: parseStaffAssignment(fieldsOf(mapping, r.cells), r.where), where: r.where }));
  return refuseDuplicates(parsed, (a) => a.assignment, "assignment number");
}
