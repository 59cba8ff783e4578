import { type Role, type RoleMatrix, SERVICE_LABELS, marksIncluding, needMark } from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import { type ConditionalFormatPlan, type PlanCell, type SheetPlan, type TableColumn, columnLetter, columnNumber, formula } from "../plan";
import { SKILL_MIX_KEYS, SKILL_MIX_TABLES } from "./names";
import { columnRef, tableColumnName, textLiteral, thisRowSpan } from "./structuredRefs";

const T = SKILL_MIX_TABLES.roleMatrix;
/** The overlap tables and the count labels sit in the matrix's Competence column; role columns start right of it. */
const LABEL_COLUMN = "C";
const FIRST_ROLE_COLUMN = "D";
const ROLES_REQUIRING = "Roles requiring it";

/** The matrix column that holds a role's marks: its title, which the catalog keeps unique. */
const roleColumn = (role: Role): string => columnRef(T, role.title);

/** How many of a role's matrix cells carry one of the marks: COUNTIF per mark, so no wildcard is needed. */
const countMarks = (role: Role, marks: readonly string[]): string => marks.map((m) => `COUNTIF(${roleColumn(role)},${textLiteral(m)})`).join("+");

/** Rows of `a` that `b` shares: both cells marked. */
const shared = (a: Role, b: Role): string => `SUMPRODUCT((${roleColumn(a)}<>"")*(${roleColumn(b)}<>""))`;

/** Role columns as wide as their titles allow, since a table's header row does not wrap. */
const roleWidth = (role: Role): number => Math.min(30, Math.max(14, role.title.length + 2));

/**
 * Roles × competences: every competence the roles require, grouped by principle and function, with each role's
 * mark; above each role's column, its requirement counts; on top, the role × role overlaps. Counts and overlaps
 * are native formulas over the matrix, so a mark the user changes (a locality decision, say) flows through. The
 * overlap tables start in the matrix's Competence column so their role columns sit above the matrix's.
 */
export function roleMatrixSheet(matrix: RoleMatrix): SheetPlan {
  const roles = matrix.roles;
  if (roles.length === 0) throw new RangeError("a role matrix needs at least one role");
  const layout = new SheetLayout();
  layout.line("Role matrix", STYLE.title);
  layout.line(
    "Competences (National Occupational Standards) each role requires. Core: common to every role at the level; Specific: the role's own; Locality: added by the service.",
    STYLE.subtitle,
  );
  layout.gap();

  // Headers name the roles (with ’ for '; see structuredRefs); the "From role" column shows each title as given.
  const roleColumns: TableColumn[] = roles.map((r) => ({ header: tableColumnName(r.title), width: roleWidth(r) }));
  const sideTable = (name: string, columns: TableColumn[], rows: PlanCell[][]): number => {
    const at = layout.nextRow;
    layout.blocks.push({ kind: "table", name, at: `${LABEL_COLUMN}${at}`, columns, rows, style: STYLE.tableStyle });
    layout.gap(1 + rows.length);
    return at;
  };
  layout.line("Overlap: the share of the column role's requirements that the row role already has", STYLE.heading);
  const overlapHeader = sideTable(
    SKILL_MIX_TABLES.roleOverlap,
    [{ header: "From role" }, ...roleColumns.map((c) => ({ ...c, numberFormat: "0%" }))],
    roles.map((a) => [a.title, ...roles.map((b) => formula(`=IF(COUNTA(${roleColumn(b)})=0,"",${shared(a, b)}/COUNTA(${roleColumn(b)}))`))]),
  );
  layout.gap();
  layout.line("Shared competences: how many the row role and the column role both require", STYLE.heading);
  sideTable(SKILL_MIX_TABLES.roleShared, [{ header: "From role" }, ...roleColumns], roles.map((a) => [a.title, ...roles.map((b) => formula(`=${shared(a, b)}`))]));
  layout.gap();

  layout.line("Competences by role", STYLE.heading);
  const countRows: [string, (role: Role) => PlanCell][] = [
    ["Career Framework level", (role) => role.careerFrameworkLevel],
    ["Core", (role) => formula(`=${countMarks(role, marksIncluding("core"))}`)],
    ["Specific", (role) => formula(`=${countMarks(role, marksIncluding("specific"))}`)],
    ["Locality", (role) => formula(`=${countMarks(role, marksIncluding("locality"))}`)],
    ["Required (each competence once)", (role) => formula(`=COUNTA(${roleColumn(role)})`)],
  ];
  const countsRow = layout.nextRow;
  layout.blocks.push({ kind: "range", at: `${LABEL_COLUMN}${countsRow}`, rows: countRows.map(([label]) => [label]), style: { bold: true, horizontalAlignment: "right" } });
  layout.blocks.push({
    kind: "range",
    at: `${FIRST_ROLE_COLUMN}${countsRow}`,
    rows: countRows.map(([, cell]) => roles.map(cell)),
    style: { bold: true, horizontalAlignment: "center" },
  });
  layout.gap(countRows.length);

  const rows: PlanCell[][] = matrix.rows.map((row) => [
    `${row.principle.code}. ${row.principle.name}`,
    row.function,
    row.competence.title,
    ...row.needs.map(needMark),
    formula(`=COUNTA(${thisRowSpan(roles[0]!.title, roles.at(-1)!.title)})`),
    row.competence.code ?? "",
  ]);
  const matrixHeader = layout.table(
    T,
    [
      // No wrapping: the .xlsx carries no row heights, so wrapped text would be cut to one line anyway.
      { header: "Principle", width: 32 },
      { header: "Function", width: 40 },
      { header: "Competence", width: 70 },
      ...roleColumns,
      { header: ROLES_REQUIRING, width: 18 },
      { header: "NOS code", width: 12 },
    ],
    rows,
  );

  const first = matrixHeader + 1;
  const last = matrixHeader + Math.max(1, rows.length);
  const firstRole = columnNumber(FIRST_ROLE_COLUMN);
  const marks = `${FIRST_ROLE_COLUMN}${first}:${columnLetter(firstRole + roles.length - 1)}${last}`;
  const overlapCells = `${FIRST_ROLE_COLUMN}${overlapHeader + 1}:${columnLetter(firstRole + roles.length - 1)}${overlapHeader + roles.length}`;
  const conditionalFormats: ConditionalFormatPlan[] = [
    { kind: "cellValue", at: marks, when: { operator: "equalTo", value: formula('="Core"') }, fill: "#BDD7EE", fontColor: "#003087" },
    { kind: "cellValue", at: marks, when: { operator: "equalTo", value: formula('="Specific"') }, fill: "#DDEBF7", fontColor: "#003087" },
    { kind: "textContains", at: marks, text: " and ", fill: "#9BC2E6", fontColor: "#003087" },
    { kind: "colorScale", at: overlapCells, low: { color: "#FFFFFF", value: { kind: "number", value: 0 } }, high: { color: "#41B6E6", value: { kind: "number", value: 1 } } },
  ];
  return {
    key: SKILL_MIX_KEYS.roleMatrix,
    name: "Role matrix",
    blocks: layout.blocks,
    tabColor: "#41B6E6",
    conditionalFormats,
    print: { landscape: true, fitToWidth: true, repeatRows: { first: matrixHeader, last: matrixHeader } },
  };
}
