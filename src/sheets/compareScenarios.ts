import { BANDS, NOT_GIVEN } from "../domain";
import { criteriaGroups, literalCriterionOf } from "./criteria";
import { STYLE, SheetLayout } from "./layout";
import { type PlanCell, type SheetPlan, formula } from "./plan";
import { MONEY } from "./payReference";
import { type PlanNames, planNames } from "./staffingPlan";

export const COMPARE_KEY = "compare-scenarios";
export const COMPARE_BY_BAND_TABLE = "Compare_By_Band";
export const COMPARE_BY_ROLE_TABLE = "Compare_By_Role";

const HEADERS = ["WTE A", "WTE B", "WTE change", "Cost A", "Cost B", "Cost change"] as const;

/**
 * WTE and cost of both scenarios for the key in column A of `row` (matched literally, see criteria.ts; `blank`:
 * the rows with nothing in `column`), and the change from A to B.
 */
function comparisonCells(column: "Band" | "Role", row: number, a: PlanNames, b: PlanNames, blank = false): PlanCell[] {
  const key = blank ? '""' : literalCriterionOf(`$A${row}`);
  return [
    formula(`=SUMIFS(${a.table}[WTE],${a.table}[${column}],${key})`),
    formula(`=SUMIFS(${b.table}[WTE],${b.table}[${column}],${key})`),
    formula(`=C${row}-B${row}`),
    formula(`=SUMIFS(${a.table}[Total],${a.table}[${column}],${key})`),
    formula(`=SUMIFS(${b.table}[Total],${b.table}[${column}],${key})`),
    formula(`=F${row}-E${row}`),
  ];
}

const COLUMNS = (first: string) => [
  { header: first, width: 30 },
  ...HEADERS.map((header) => ({ header, width: 14, numberFormat: header.startsWith("WTE") ? "0.00;[Red]-0.00" : `${MONEY};[Red]-${MONEY}` })),
];

const TOTALS = ["Total", ...HEADERS.map((h) => formula(`=SUBTOTAL(109,[${h}])`))];

/**
 * Two staffing plans side by side, by band and by role: WTE and cost in each and the change from A to B, as
 * SUMIFS over both plan tables so it follows every edit to either. Roles are matched literally, one row per role
 * whatever its case, and posts with no role have their own row.
 */
export function compareScenariosSheet(roleTitles: readonly string[], a: PlanNames = planNames(), b: PlanNames = planNames("B")): SheetPlan {
  const layout = new SheetLayout();
  layout.line("Compare scenarios", STYLE.title);
  layout.line(`A is '${a.sheet}', B is '${b.sheet}'. Change is B minus A; a fall shows in red.`, STYLE.subtitle);
  layout.gap();
  layout.line("By band", STYLE.heading);
  const bands = BANDS.filter((x) => x !== "1");
  const bandTop = layout.nextRow + 1;
  layout.table(COMPARE_BY_BAND_TABLE, COLUMNS("Band"), bands.map((band, i) => [band, ...comparisonCells("Band", bandTop + i, a, b)]), { totals: TOTALS });
  layout.gap();
  layout.line("By role", STYLE.heading);
  const roleTop = layout.nextRow + 1;
  const roles = criteriaGroups(roleTitles);
  layout.table(
    COMPARE_BY_ROLE_TABLE,
    COLUMNS("Role"),
    [
      ...roles.map((role, i) => [role, ...comparisonCells("Role", roleTop + i, a, b)]),
      [NOT_GIVEN.role, ...comparisonCells("Role", roleTop + roles.length, a, b, true)],
    ],
    { totals: TOTALS },
  );
  return {
    key: COMPARE_KEY,
    name: "Compare scenarios",
    blocks: layout.blocks,
    tabColor: "#005EB8",
    columnWidths: [30],
    print: { landscape: true, fitToWidth: true },
  };
}
