import { BANDS, type EstablishmentParameters, type FundedPosition, type StaffAssignment } from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import { type PlanCell, type SheetPlan, type TableColumn, excelDate, formula } from "../plan";
import { MONEY } from "../payReference";
import { textCriterion } from "./criteria";
import { RECONCILIATION_FORMULAS, STAFF_FORMULAS } from "./formulas";
import {
  ESTABLISHMENT_HEADERS,
  ESTABLISHMENT_KEYS as KEYS,
  ESTABLISHMENT_NAMES as N,
  ESTABLISHMENT_SHEETS as SHEETS,
  ESTABLISHMENT_TABLES as TABLES,
  GROUP_HEADERS,
  RECONCILIATION_HEADERS,
  STAFF_COMPUTED_HEADERS,
  STAFF_INPUT_HEADERS,
} from "./names";

const DATE = "yyyy-mm-dd";
const WTE = "0.00";
const TEXT = "@";
const TAB = "#330072";

const band = (b: string): PlanCell => (/^\d$/.test(b) ? Number(b) : b);
const date = (iso: string | null): PlanCell => (iso ? excelDate(iso) : null);

/** A funded position as the cells of one Establishment row. */
export function fundedRow(p: FundedPosition): PlanCell[] {
  return [p.position, p.costCentre, p.role, band(p.band), p.fundedWte, p.budget, date(p.vacantSince)];
}

/** An assignment as the extract's cells of one Staff in post row: no name, ever. */
export function assignmentRow(a: StaffAssignment): PlanCell[] {
  return [a.assignment, a.position, a.positionTitle, a.costCentre, band(a.band), a.point ?? null, a.wte, null, a.category, a.status, date(a.fixedTermEnd)];
}

export function parameterValues(p: EstablishmentParameters): PlanCell[] {
  return [excelDate(p.asAt), p.year, p.pensionBasis, p.includeLevy ? "Yes" : "No"];
}

/**
 * The funded establishment: the parameters the other sheets read (as at, year, pension, levy) and the positions,
 * every cell the user's to edit. Refreshing carries their rows back in (`rows` is what the workbook holds).
 */
export function establishmentSheet(rows: readonly (readonly PlanCell[])[], parameters: readonly PlanCell[]): SheetPlan {
  const layout = new SheetLayout();
  layout.line("Funded establishment", STYLE.title);
  layout.line("The ledger's posts. Edit them here; refreshing keeps your edits. Vacant since is dated by the add-in when a post falls vacant, unless you type a date.", STYLE.subtitle);
  layout.gap();
  // One row, a column per parameter, so each carries its own number format (the date shows as a date).
  const parametersHeader = layout.table(
    TABLES.parameters,
    [
      { header: "As at", width: 16, numberFormat: DATE },
      { header: "Year", width: 22 },
      { header: "Pension basis", width: 30 },
      { header: "Include levy", width: 7 },
    ],
    [[parameters[0] ?? null, parameters[1] ?? null, parameters[2] ?? null, parameters[3] ?? null]],
    { carriesWorkbookRows: true },
  );
  const value = (i: number): string => `${"ABCD"[i]}${parametersHeader + 1}`;
  layout.line("As at: the date fixed terms ending and long vacancies count from. Year: one in the Pay scales table. Pension basis: employer (14.38%) or full (23.78%). Include levy: Yes or No.", STYLE.note);
  layout.gap();
  layout.line("Positions", STYLE.heading);
  const columns: TableColumn[] = [
    { header: "Position", width: 16, numberFormat: TEXT },
    { header: "Cost centre", width: 22 },
    { header: "Role", width: 30 },
    { header: "Band", width: 7, validation: { kind: "list", values: BANDS } },
    { header: "Funded WTE", width: 10, numberFormat: WTE },
    { header: "Budget", width: 13, numberFormat: MONEY },
    { header: "Vacant since", width: 12, numberFormat: DATE },
  ];
  const body = rows.length > 0 ? rows : [ESTABLISHMENT_HEADERS.map(() => null)];
  const header = layout.table(TABLES.establishment, columns, body, {
    carriesWorkbookRows: true,
    totals: ["Total", null, null, null, formula("=SUBTOTAL(109,[Funded WTE])"), formula("=SUBTOTAL(109,[Budget])"), null],
  });
  return {
    key: KEYS.establishment,
    name: SHEETS.establishment,
    blocks: layout.blocks,
    freezeRows: header,
    tabColor: TAB,
    names: [
      { name: N.asAt, at: value(0), comment: "The date the reconciliation is made as at" },
      { name: N.year, at: value(1), comment: "Financial year the costs are for" },
      { name: N.pension, at: value(2), comment: "employer or full" },
      { name: N.levy, at: value(3), comment: "Yes or No" },
    ],
    print: { landscape: true, fitToWidth: true, repeatRows: { first: header, last: header } },
  };
}

const staffColumn = (header: (typeof STAFF_INPUT_HEADERS)[number] | (typeof STAFF_COMPUTED_HEADERS)[number]): TableColumn => {
  switch (header) {
    case "Assignment Number":
    case "Position Number":
      return { header, width: 14, numberFormat: TEXT };
    case "Position Title":
    case "Cost Centre":
    case "Group cost centre":
    case "Group role":
      return { header, width: 24 };
    case "FTE":
    case "WTE":
    case "Counted WTE":
    case "Absent WTE":
    case "Bank WTE":
    case "Unfunded WTE":
      return { header, width: 8, numberFormat: WTE };
    case "Fixed Term End Date":
      return { header, width: 12, numberFormat: DATE };
    case "Full-time pay":
    case "Cost":
      return { header, width: 13, numberFormat: MONEY };
    default:
      return { header, width: 12 };
  }
};

/**
 * Staff in post: the ESR extract without names, then calculated columns (counted, absent, bank, the funded
 * position it matches literally, band check, cost) that Excel fills down when next month's extract is pasted in.
 */
export function staffInPostSheet(rows: readonly (readonly PlanCell[])[]): SheetPlan {
  const computed = STAFF_COMPUTED_HEADERS.map((h) => formula(STAFF_FORMULAS[h]));
  const inputs = rows.length > 0 ? rows : [STAFF_INPUT_HEADERS.map(() => null)];
  const layout = new SheetLayout();
  layout.line("Staff in post", STYLE.title);
  layout.line(
    `Paste next month's ESR extract into the first ${STAFF_INPUT_HEADERS.length} columns (${STAFF_INPUT_HEADERS[0]} to ${STAFF_INPUT_HEADERS.at(-1)}); the grey columns and the Reconciliation recalculate without the add-in. Names are never copied here.`,
    STYLE.subtitle,
  );
  layout.gap();
  const header = layout.table(TABLES.staff, [...STAFF_INPUT_HEADERS, ...STAFF_COMPUTED_HEADERS].map(staffColumn), inputs.map((r) => [...STAFF_INPUT_HEADERS.map((_, i) => r[i] ?? null), ...computed]), {
    carriesWorkbookRows: true,
  });
  return {
    key: KEYS.staff,
    name: SHEETS.staff,
    blocks: layout.blocks,
    freezeRows: header,
    tabColor: TAB,
    print: { landscape: true, fitToWidth: true, repeatRows: { first: header, last: header } },
  };
}

export interface ReconciliationRow {
  position: string;
  /** The Vacant since date the add-in set at this refresh (Excel serial), so the next refresh can tell it from the user's. */
  vacantSinceSetByAddIn: number | null;
}

const reconciliationColumn = (header: (typeof RECONCILIATION_HEADERS)[number]): TableColumn => {
  if (header === "Position") return { header, width: 16, numberFormat: TEXT };
  if (header === "Cost centre" || header === "Role") return { header, width: 22 };
  if (header === "Status") return { header, width: 16 };
  if (header.endsWith("WTE")) return { header, width: 10, numberFormat: WTE };
  if (header.endsWith("cost") || header === "Cost variance") return { header, width: 13, numberFormat: MONEY };
  if (header.startsWith("Vacant since")) return { header, width: 12, numberFormat: DATE };
  return { header, width: 10 };
};

/** One row per funded position: SUMIFS and COUNTIFS over Staff in post, status, flags and the money. */
export function reconciliationSheet(rows: readonly ReconciliationRow[]): SheetPlan {
  const body = (rows.length > 0 ? rows : [{ position: "", vacantSinceSetByAddIn: null }]).map((r) =>
    RECONCILIATION_HEADERS.map((h): PlanCell =>
      h === "Position" ? r.position : h === "Vacant since set by add-in" ? r.vacantSinceSetByAddIn : formula(RECONCILIATION_FORMULAS[h]),
    ),
  );
  const layout = new SheetLayout();
  layout.line("Reconciliation: funded establishment against staff in post", STYLE.title);
  layout.line("Live: every figure is a formula over the Establishment and Staff in post tables. Filled within 0.005 WTE; Vacant when nobody is in post.", STYLE.subtitle);
  layout.gap();
  const header = layout.table(TABLES.reconciliation, RECONCILIATION_HEADERS.map(reconciliationColumn), body, {
    totals: RECONCILIATION_HEADERS.map((h, i): PlanCell =>
      i === 0 ? "Total" : h.endsWith("WTE") && h !== "Variance WTE" || h === "Funded cost" || h === "In post cost" || h === "Cost variance" || h === "Band mismatches" || h === "Fixed terms ending"
        ? formula(`=SUBTOTAL(109,[${h}])`)
        : null,
    ),
  });
  const first = header + 1;
  const last = header + body.length;
  const col = (h: (typeof RECONCILIATION_HEADERS)[number]): string => "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[RECONCILIATION_HEADERS.indexOf(h)]!;
  const range = (h: (typeof RECONCILIATION_HEADERS)[number]): string => `${col(h)}${first}:${col(h)}${last}`;
  return {
    key: KEYS.reconciliation,
    name: SHEETS.reconciliation,
    blocks: layout.blocks,
    freezeRows: header,
    tabColor: TAB,
    conditionalFormats: [
      { kind: "cellValue", at: range("Status"), when: { operator: "equalTo", value: formula('="Vacant"') }, fill: "#F8CBAD" },
      { kind: "cellValue", at: range("Status"), when: { operator: "equalTo", value: formula('="Part vacant"') }, fill: "#FFF2CC" },
      { kind: "cellValue", at: range("Status"), when: { operator: "equalTo", value: formula('="Over-established"') }, fill: "#DDEBF7" },
      { kind: "cellValue", at: range("Band mismatches"), when: { operator: "greaterThan", value: 0 }, fill: "#FDE9D9" },
      { kind: "cellValue", at: range("Fixed terms ending"), when: { operator: "greaterThan", value: 0 }, fill: "#FDE9D9" },
      { kind: "cellValue", at: range("Vacant over 90 days"), when: { operator: "equalTo", value: formula('="Yes"') }, fill: "#FDE9D9" },
    ],
    print: { landscape: true, fitToWidth: true, repeatRows: { first: header, last: header } },
  };
}

export interface SummaryKeys {
  costCentres: readonly string[];
  bands: readonly string[];
  roles: readonly string[];
}

const R = TABLES.reconciliation;
const S = TABLES.staff;

/** The figures of one group row, keyed on the text in column A of that row (so a renamed key is summed anew). */
function groupRow(key: string, row: number, reconciliationColumn: string, staffColumnName: string, literal: boolean): PlanCell[] {
  // Band keys are plain tokens ("8a", "6"); other keys are people's text and are matched literally.
  const criterion = literal ? textCriterion(`$A${row}`) : `$A${row}&""`;
  const rec = (column: string): string => `SUMIFS(${R}[${column}],${R}[${reconciliationColumn}],${criterion})`;
  const staff = (column: string): string => `SUMIFS(${S}[${column}],${S}[${staffColumnName}],${criterion})`;
  return [
    key,
    formula(`=${rec("Funded WTE")}`),
    formula(`=${staff("Counted WTE")}`),
    formula(`=${rec("Vacant WTE")}`),
    formula(`=${rec("Over-established WTE")}`),
    formula(`=${staff("Unfunded WTE")}`),
    formula(`=${staff("Absent WTE")}`),
    formula(`=${staff("Bank WTE")}`),
    formula(`=IF(C${row}=0,"",(C${row}-F${row})/C${row})`),
    formula(`=${rec("Funded cost")}`),
    formula(`=${staff("Cost")}`),
  ];
}

const groupColumns = (first: string): TableColumn[] => [
  { header: first, width: 26 },
  ...GROUP_HEADERS.map((header): TableColumn =>
    header === "Match rate" ? { header, width: 10, numberFormat: "0.0%" } : header.endsWith("cost") ? { header, width: 14, numberFormat: MONEY } : { header, width: 11, numberFormat: WTE },
  ),
];
const GROUP_TOTALS: PlanCell[] = [
  "Total",
  ...GROUP_HEADERS.map((h): PlanCell => (h === "Match rate" ? null : formula(`=SUBTOTAL(109,[${h}])`))),
];

/**
 * Totals, match rate and money, then the same figures by cost centre, band and role, and a chart of funded
 * against in-post WTE by cost centre (drawn by the add-in in Excel).
 */
export function establishmentSummarySheet(keys: SummaryKeys): SheetPlan {
  const layout = new SheetLayout();
  layout.line("Establishment summary", STYLE.title);
  layout.line("Live: every figure is a formula over the Reconciliation and Staff in post tables. Match rate = in-post WTE on funded positions ÷ all counted in-post WTE.", STYLE.subtitle);
  layout.gap();
  const top = layout.nextRow;
  const at = (i: number): string => `B${top + i}`;
  layout.keyValues([
    ["As at", formula(`=${N.asAt}`), DATE],
    ["Funded WTE", formula(`=SUM(${R}[Funded WTE])`), WTE],
    ["In post WTE", formula(`=SUM(${S}[Counted WTE])`), WTE],
    ["Vacant WTE", formula(`=SUM(${R}[Vacant WTE])`), WTE],
    ["Over-established WTE", formula(`=SUM(${R}[Over-established WTE])`), WTE],
    ["Unfunded WTE", formula(`=SUM(${S}[Unfunded WTE])`), WTE],
    ["Absent WTE", formula(`=SUM(${S}[Absent WTE])`), WTE],
    ["Bank WTE (not counted)", formula(`=SUM(${S}[Bank WTE])`), WTE],
    ["Match rate", formula(`=IF(${at(2)}=0,"",(${at(2)}-${at(5)})/${at(2)})`), "0.0%"],
    ["Funded cost", formula(`=SUM(${R}[Funded cost])`), MONEY],
    ["In post cost", formula(`=SUM(${S}[Cost])`), MONEY],
    ["Cost variance", formula(`=${at(9)}-${at(10)}`), MONEY],
  ]);
  layout.gap();
  const section = (title: string, table: string, first: string, values: readonly string[], rec: string, staff: string, literal: boolean): number => {
    layout.line(title, STYLE.heading);
    const header = layout.nextRow;
    const list = values.length > 0 ? values : [""];
    layout.table(table, groupColumns(first), list.map((v, i) => groupRow(v, header + 1 + i, rec, staff, literal)), { totals: GROUP_TOTALS });
    layout.gap();
    return header;
  };
  const ccHeader = section("By cost centre", TABLES.byCostCentre, "Cost centre", keys.costCentres, "Cost centre", "Group cost centre", true);
  section("By band", TABLES.byBand, "Band", keys.bands, "Band", "Group band", false);
  section("By role", TABLES.byRole, "Role", keys.roles, "Role", "Group role", true);
  const ccRows = Math.max(1, keys.costCentres.length);
  return {
    key: KEYS.summary,
    name: SHEETS.summary,
    blocks: layout.blocks,
    tabColor: TAB,
    columnWidths: [26, 16],
    charts: [
      {
        kind: "column",
        title: "Funded and in-post WTE by cost centre",
        categories: `A${ccHeader + 1}:A${ccHeader + ccRows}`,
        series: [
          { name: "Funded WTE", values: `B${ccHeader + 1}:B${ccHeader + ccRows}` },
          { name: "In post WTE", values: `C${ccHeader + 1}:C${ccHeader + ccRows}` },
        ],
        at: "N4",
        width: 480,
        height: 260,
      },
    ],
    print: { landscape: true, fitToWidth: true },
  };
}
