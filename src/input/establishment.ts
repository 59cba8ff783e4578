import {
  ESR_RULES,
  type FundedPosition,
  type StaffAssignment,
  invalid,
  normalizeText,
  parseEsrBand,
  parseEsrDate,
  parseEsrPoint,
  refuseDuplicates,
} from "../domain";
import { hoursAsWteCell, numberCell, textCell } from "./cells";
import { type ColumnSpecs, type ReadTable, column, readColumns } from "./columns";
import type { CsvTable } from "./csv";

const esrDateCell = (cell: string): string | null => parseEsrDate(cell);
const moneyCell = (cell: string): number => numberCell("a budget in £ a year", 0, 1e9)(cell.replace(/^£/, "").replace(/,/g, ""));

/** The funded establishment's columns (one row per position), with the names finance teams give them. */
export const FUNDED_COLUMNS = {
  position: column("Position", { synonyms: ["Position Number", "Position ID", "Post ID", "Post"], read: textCell, required: true }),
  costCentre: column("Cost centre", { synonyms: ["Cost Center", "Cost Centre Code", "Cost Code", "Organisation", "Organization"], read: textCell, required: true }),
  role: column("Role", { synonyms: ["Position Title", "Job Title", "Post Title"], read: textCell, blank: "" }),
  band: column("Band", { synonyms: ["Pay Band", "Grade", "AfC Band"], read: parseEsrBand, required: true }),
  fundedWte: column("Funded WTE", { synonyms: ["WTE", "FTE", "Funded FTE", "Budgeted WTE", "Establishment WTE"], read: numberCell("a funded WTE", 0, 1000), required: true }),
  budget: column<number | null>("Budget", { synonyms: ["Budget £", "Annual Budget"], read: moneyCell, blank: null }),
  vacantSince: column<string | null>("Vacant since", { synonyms: ["Vacancy Date", "Vacant From"], read: esrDateCell, blank: null }),
} satisfies ColumnSpecs;

/** Staff in post as ESR exports it (one row per assignment), with the variants its reports use. */
export const ESR_COLUMNS = {
  assignment: column("Assignment Number", { synonyms: ["Assignment", "Assignment No", "Assignment ID"], read: textCell, required: true }),
  position: column("Position Number", { synonyms: ["Position", "Position No", "Position ID"], read: textCell, required: true }),
  positionTitle: column("Position Title", { synonyms: ["Job Title", "Position Name"], read: textCell, blank: "" }),
  costCentre: column("Cost Centre", { synonyms: ["Organisation", "Organization", "Cost Center", "Cost Centre Code"], read: textCell, blank: "" }),
  band: column("Pay Band", { synonyms: ["Grade", "Band", "Pay Grade", "Grade Code"], read: parseEsrBand, required: true }),
  point: column("Spinal Point", { synonyms: ["Pay Point", "Point"], read: parseEsrPoint, blank: null }),
  // ESR gives both FTE and Contracted Hours: FTE when given, otherwise the hours ÷ 37.5 (readStaffTable).
  fte: column<number | null>("FTE", { synonyms: ["WTE", "Assignment FTE"], read: numberCell("an FTE", 0, 1.5), blank: null }),
  hours: column<number | null>("Contracted Hours", { synonyms: ["Hours", "Weekly Hours"], read: hoursAsWteCell(ESR_RULES.fullTimeHours), blank: null }),
  category: column("Assignment Category", { synonyms: ["Category", "Employee Category"], read: textCell, blank: "" }),
  status: column("Assignment Status", { synonyms: ["Status"], read: textCell, blank: "" }),
  fixedTermEnd: column<string | null>("Fixed Term End Date", { synonyms: ["Fixed Term End", "Projected Assignment End", "Contract End Date"], read: esrDateCell, blank: null }),
} satisfies ColumnSpecs;

/** Headers that name a person: said to be never read, and never read. */
export const NAME_HEADERS = ["Full Name", "Name", "Employee Name", "First Name", "Forename", "Last Name", "Surname", "Known As", "Title"];

/** Lines people read before anything is computed: `Cost Centre ← "Organisation"`, then what is not read and why. */
export function describeMapping<S extends ColumnSpecs>(table: ReadTable<S>, spec: S): string[] {
  const names = new Set(NAME_HEADERS.map(normalizeText));
  return [
    ...Object.entries(spec).flatMap(([key, c]) => {
      const header = (table.headerOf as Record<string, string | undefined>)[key];
      return header === undefined ? [] : [header === c.name ? c.name : `${c.name} ← "${header}"`];
    }),
    ...table.others.filter((o) => o.header !== "").map((o) => `"${o.header}": ${names.has(normalizeText(o.header)) ? "a name, never read" : "not used"}`),
  ];
}

export interface Read<T> {
  items: T[];
  mapping: string[];
}

/** The funded establishment from a parsed table; a position given twice (whatever its case) is refused. */
export function readFundedTable(table: CsvTable): Read<FundedPosition> {
  const read = readColumns(table, FUNDED_COLUMNS, { others: "keep" });
  const rows = read.rows.map((row) => ({ value: { ...row.values } as FundedPosition, where: `${table.source} ${table.lineWord ?? "line"} ${row.line}` }));
  return { items: refuseDuplicates(rows, (p) => p.position, "position"), mapping: describeMapping(read, FUNDED_COLUMNS) };
}

/** Staff in post from a parsed ESR table; an assignment number given twice is refused. Names are never read. */
export function readStaffTable(table: CsvTable): Read<StaffAssignment> {
  const read = readColumns(table, ESR_COLUMNS, { others: "keep" });
  if (read.headerOf.fte === undefined && read.headerOf.hours === undefined) {
    throw invalid(`${table.source} has no 'FTE' column (nor 'Contracted Hours'); its columns are: ${table.headers.filter((h) => h !== "").join(", ")}`);
  }
  const rows = read.rows.map((row) => {
    const { fte, hours, ...rest } = row.values;
    const wte = fte ?? hours;
    if (wte === null) throw read.error(row, read.headerOf.fte === undefined ? "hours" : "fte", "there is no FTE (nor Contracted Hours)");
    return { value: { ...rest, wte } as StaffAssignment, where: `${table.source} ${table.lineWord ?? "line"} ${row.line}` };
  });
  if (rows.length === 0) throw invalid(`${table.source} has no assignments under its header`);
  return { items: refuseDuplicates(rows, (a) => a.assignment, "assignment number"), mapping: describeMapping(read, ESR_COLUMNS) };
}
