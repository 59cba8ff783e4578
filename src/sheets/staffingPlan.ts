import type { Catalog } from "../catalog";
import { BANDS, HCAS_ZONES, PAY_POINTS, POST_STATUSES, type PlanParameters, type PlannedPost } from "../domain";
import { literalCriterionOf } from "./criteria";
import { STYLE, SheetLayout } from "./layout";
import { type PlanCell, type SheetPlan, type TableColumn, columnLetter, excelDate, formula } from "./plan";
import { HCAS_TABLE, MONEY, ON_COSTS_TABLE, PAY_SCALES_TABLE, PERCENT } from "./payReference";

/**
 * A plan's names in the workbook. The main plan is scenario "" ("Staffing plan", table Staffing_Plan); a second
 * scenario to compare with is "B" ("Staffing plan B", Staffing_Plan_B, Plan_B_Year…), so both live side by side.
 */
export function planNames(scenario = "") {
  const s = scenario === "" ? "" : `_${scenario}`;
  return {
    scenario,
    key: scenario === "" ? "staffing-plan" : `staffing-plan:${scenario}`,
    sheet: scenario === "" ? "Staffing plan" : `Staffing plan ${scenario}`,
    table: `Staffing_Plan${s}`,
    parameters: `Plan_Parameters${s}`,
    year: `Plan${s}_Year`,
    pension: `Plan${s}_Pension`,
    levy: `Plan${s}_Levy`,
    vacancy: `Plan${s}_Vacancy`,
    roles: `Role_List${s}`,
  } as const;
}

export type PlanNames = ReturnType<typeof planNames>;

const MAIN = planNames();
export const STAFFING_PLAN_KEY = MAIN.key;
export const STAFFING_PLAN_TABLE = MAIN.table;
export const PLAN_PARAMETERS_TABLE = MAIN.parameters;
export const PLAN_NAMES = { year: MAIN.year, pension: MAIN.pension, levy: MAIN.levy, vacancy: MAIN.vacancy, roles: MAIN.roles } as const;

/** The columns a user fills in; the add-in never rewrites what is in them. */
export const PLAN_INPUT_HEADERS = ["Post", "Role", "Band", "Point", "WTE", "HCAS zone", "Status", "Start date in band", "Start date", "End date", "Cost centre"] as const;
/** The columns the add-in owns: native formulas, rewritten on every build. */
export const PLAN_COMPUTED_HEADERS = ["Full-time pay", "Basic", "HCAS", "Employer NI", "Pension", "Levy", "Total", "Check"] as const;

/** Band 1 is paid at band 2 (closed to new entrants since December 2018); bands compared as text. */
const BAND_KEY = `IF([@Band]&""="1","2",[@Band]&"")`;
const POINT_KEY = `IF([@Point]="","top",[@Point])`;
const blankIfNoBand = (expression: string): string => `=IF([@Band]="","",${expression})`;
/** A money line as shown: to the penny, half away from zero (Excel's ROUND), as roundedCostLines does. */
const pennies = (expression: string): string => `ROUND(${expression},2)`;

/**
 * The formulas of the computed columns, over the Pay scales and On-costs tables and the plan's parameters:
 * SUMIFS and COUNTIFS only, so a colleague without the add-in (or LibreOffice) calculates the same. Every
 * criterion is a cell the user can type into, so each matches literally (a band pasted as "8*" is no band, not
 * the sum of 8a to 8d).
 *
 * Money follows the one rounding rule (roundedCostLines): each line is rounded to the penny and the Total is the
 * sum of the rounded lines, so a row's lines add up to its Total and equal what `wfp cost` prints. The on-costs
 * are worked out on the unrounded basic and HCAS, as the domain does, so the basic and HCAS expressions are
 * repeated inside them rather than read back from the rounded cells.
 */
export function planFormulas(names: PlanNames): Readonly<Record<(typeof PLAN_COMPUTED_HEADERS)[number], string>> {
  const year = literalCriterionOf(names.year);
  const zone = literalCriterionOf("[@[HCAS zone]]");
  const onCost = (column: string): string => `SUMIFS(${ON_COSTS_TABLE}[${column}],${ON_COSTS_TABLE}[Year],${year})`;
  const hcasRate = (column: string): string =>
    `SUMIFS(${HCAS_TABLE}[${column}],${HCAS_TABLE}[Year],${year},${HCAS_TABLE}[Zone],${zone})`;
  const payMatch =
    `${PAY_SCALES_TABLE}[Year],${year},${PAY_SCALES_TABLE}[Band],${literalCriterionOf(BAND_KEY)},` +
    `${PAY_SCALES_TABLE}[Point],${literalCriterionOf(POINT_KEY)}`;
  const basic = `[@[Full-time pay]]*[@WTE]`;
  const hcas =
    `IF(OR([@[HCAS zone]]="",[@[HCAS zone]]="none"),0,MIN(MAX(${hcasRate("Percent")}/100*[@[Full-time pay]],${hcasRate("Minimum")}),${hcasRate("Maximum")})*[@WTE])`;
  const pensionable = `(${basic}+${hcas})`;
  return {
    "Full-time pay": blankIfNoBand(`IF(COUNTIFS(${payMatch})=0,NA(),SUMIFS(${PAY_SCALES_TABLE}[Annual pay],${payMatch}))`),
    Basic: blankIfNoBand(pennies(basic)),
    HCAS: blankIfNoBand(pennies(hcas)),
    "Employer NI": blankIfNoBand(pennies(`${onCost("Employer NI rate")}*MAX(0,${pensionable}-${onCost("NI secondary threshold")})`)),
    Pension: blankIfNoBand(pennies(`IF(${names.pension}="full",${onCost("Pension full rate")},${onCost("Pension employer rate")})*${pensionable}`)),
    Levy: blankIfNoBand(pennies(`IF(OR(${names.levy}="Yes",${names.levy}=TRUE),${onCost("Levy rate")}*${pensionable},0)`)),
    // Rounded again only to drop the binary noise of adding pennies; the lines already are whole pennies.
    Total: blankIfNoBand(pennies(`[@Basic]+[@HCAS]+[@[Employer NI]]+[@Pension]+[@Levy]`)),
    Check: blankIfNoBand(
      `IF(NOT(AND(ISNUMBER([@WTE]),[@WTE]>=0,[@WTE]<=1.5)),"WTE must be 0 to 1.5",` +
        `IF(COUNTIFS(${payMatch})=0,"No pay for band "&[@Band]&" "&${POINT_KEY}&" in "&${names.year},` +
        `IF(AND([@[HCAS zone]]<>"",[@[HCAS zone]]<>"none",COUNTIFS(${HCAS_TABLE}[Year],${year},${HCAS_TABLE}[Zone],${zone})=0),"Unknown HCAS zone",` +
        `IF([@Band]&""="1","Band 1 closed: paid at band 2","OK"))))`,
    ),
  };
}

export const PLAN_FORMULAS = planFormulas(MAIN);

/** A post as the input cells of one plan row. */
export function postInputCells(post: PlannedPost): PlanCell[] {
  return [
    post.post,
    post.role,
    /^\d$/.test(post.band) ? Number(post.band) : post.band,
    post.point,
    post.wte,
    post.hcasZone,
    post.status,
    post.startInBand ? excelDate(post.startInBand) : null,
    post.startDate ? excelDate(post.startDate) : null,
    post.endDate ? excelDate(post.endDate) : null,
    post.costCentre ?? null,
  ];
}

export interface StaffingPlanInput {
  /** Posts to add (a new plan, or posts from a team list). */
  posts: readonly PlannedPost[];
  parameters: PlanParameters;
  /** Role titles offered in the Role drop-down: the catalog's and the workbook's. */
  roleTitles: readonly string[];
  /**
   * The plan table as it is in the workbook, when rebuilding: its input cells are kept exactly as the user
   * left them; a post in `posts` whose name is already there is not added again.
   */
  existingRows?: readonly (readonly PlanCell[])[];
  /** The parameter values as they are in the workbook (Year, Pension basis, Include levy, Vacancy factor). */
  existingParameters?: readonly PlanCell[];
}

const planColumns = (names: PlanNames): TableColumn[] => [
  { header: "Post", width: 26 },
  { header: "Role", width: 40, validation: { kind: "listRange", source: `=${names.roles}` } },
  { header: "Band", width: 7, validation: { kind: "list", values: BANDS.filter((b) => b !== "1") } },
  { header: "Point", width: 12, validation: { kind: "list", values: PAY_POINTS } },
  { header: "WTE", width: 7, numberFormat: "0.00" },
  { header: "HCAS zone", width: 13, validation: { kind: "list", values: ["none", ...HCAS_ZONES] } },
  { header: "Status", width: 9, validation: { kind: "list", values: POST_STATUSES } },
  { header: "Start date in band", width: 12, numberFormat: "yyyy-mm-dd" },
  // The forecast's: first and last days in post (blank: all year), and the budget line the post is charged to.
  { header: "Start date", width: 12, numberFormat: "yyyy-mm-dd" },
  { header: "End date", width: 12, numberFormat: "yyyy-mm-dd" },
  { header: "Cost centre", width: 12 },
  ...PLAN_COMPUTED_HEADERS.map((header): TableColumn => (header === "Check" ? { header, width: 28 } : { header, width: 13, numberFormat: MONEY })),
];

/**
 * The staffing plan: parameters in a small table (named cells the formulas read), the posts as an Excel table
 * whose computed columns are native formulas, and the role list the Role drop-down offers.
 */
export function staffingPlanSheet(catalog: Catalog, input: StaffingPlanInput, names: PlanNames = MAIN): SheetPlan {
  void catalog;
  const COLUMNS = planColumns(names);
  const formulas = planFormulas(names);
  const kept = (input.existingRows ?? []).map((r) => PLAN_INPUT_HEADERS.map((_, i) => r[i] ?? null));
  const keptNames = new Set(kept.map((r) => String(r[0] ?? "").trim().toLowerCase()));
  const added = input.posts.filter((p) => !keptNames.has(p.post.trim().toLowerCase())).map(postInputCells);
  const computed = PLAN_COMPUTED_HEADERS.map((h) => formula(formulas[h]));
  const inputs = [...kept, ...added];
  // An empty plan still gets one row carrying the formulas, so Excel fills them down as the user adds posts.
  const rows = (inputs.length > 0 ? inputs : [PLAN_INPUT_HEADERS.map(() => null)]).map((r) => [...r, ...computed]);

  const p = input.parameters;
  const values: PlanCell[] = input.existingParameters?.length === 4
    ? [...input.existingParameters]
    : [p.year, p.pensionBasis, p.includeLevy ? "Yes" : "No", p.vacancyFactor];

  const layout = new SheetLayout();
  layout.line(names.scenario === "" ? "Staffing plan" : `Staffing plan, scenario ${names.scenario}`, STYLE.title);
  layout.line("Enter posts in the table; the cost columns calculate with native formulas from the Pay scales and On-costs sheets.", STYLE.subtitle);
  layout.gap();
  layout.line("Parameters", STYLE.heading);
  const parametersHeader = layout.table(
    names.parameters,
    [
      { header: "Parameter", width: 26 },
      { header: "Value", width: 40 },
      { header: "Allowed", width: 50 },
    ],
    [
      ["Year", values[0] ?? p.year, "A year in the Pay scales table, e.g. 2025/26"],
      ["Pension basis", values[1] ?? p.pensionBasis, "employer (local 14.38%) or full (23.78%)"],
      ["Include levy", values[2] ?? "No", "Yes or No: the levy is an organisation-level charge"],
      ["Vacancy factor", values[3] ?? 0, "Share of cost expected unspent: 0.03 for 3%"],
    ],
    { carriesWorkbookRows: true },
  );
  const valueRow = (i: number): string => `B${parametersHeader + 1 + i}`;
  layout.gap();
  layout.line("Posts", STYLE.heading);
  const planHeader = layout.table(names.table, COLUMNS, rows, {
    carriesWorkbookRows: true,
    totals: COLUMNS.map((c, i): PlanCell =>
      i === 0 ? "Total" : c.header === "WTE" || (PLAN_COMPUTED_HEADERS as readonly string[]).includes(c.header) && c.header !== "Check" && c.header !== "Full-time pay"
        ? formula(`=SUBTOTAL(109,[${c.header}])`)
        : null,
    ),
  });
  const roles = input.roleTitles.length > 0 ? input.roleTitles : ["(no roles)"];
  // The role list stands one column clear of the table.
  const listColumn = columnLetter(COLUMNS.length + 2);
  const checkColumn = columnLetter(COLUMNS.findIndex((c) => c.header === "Check") + 1);
  layout.blocks.push({ kind: "range", at: `${listColumn}${planHeader}`, rows: [["Roles for the drop-down"]], style: STYLE.label });
  layout.blocks.push({ kind: "range", at: `${listColumn}${planHeader + 1}`, rows: roles.map((r) => [r]) });
  return {
    key: names.key,
    name: names.sheet,
    blocks: layout.blocks,
    freezeRows: planHeader,
    tabColor: "#005EB8",
    names: [
      { name: names.year, at: valueRow(0), comment: "Financial year the plan is costed for" },
      { name: names.pension, at: valueRow(1), comment: "employer or full" },
      { name: names.levy, at: valueRow(2), comment: "Yes or No" },
      { name: names.vacancy, at: valueRow(3), comment: "Vacancy factor, a fraction" },
      { name: names.roles, at: `${listColumn}${planHeader + 1}:${listColumn}${planHeader + roles.length}` },
    ],
    conditionalFormats: [
      {
        kind: "cellValue",
        at: `${checkColumn}${planHeader + 1}:${checkColumn}${planHeader + Math.max(1, rows.length)}`,
        when: { operator: "notEqualTo", value: formula('="OK"') },
        fill: "#FDE9D9",
      },
    ],
    print: { landscape: true, fitToWidth: true, repeatRows: { first: planHeader, last: planHeader } },
    columnWidths: [26, 40],
  };
}

/** Where the vacancy factor lives, for the summary's formulas and the percent format. */
export const VACANCY_FORMAT = PERCENT;
