import { BANDS, NOT_GIVEN } from "../domain";
import { criteriaGroups, literalCriterionOf } from "./criteria";
import { STYLE, SheetLayout } from "./layout";
import { type SheetPlan, formula } from "./plan";
import { MONEY } from "./payReference";
import { PLAN_NAMES, STAFFING_PLAN_TABLE } from "./staffingPlan";

export const PLAN_SUMMARY_KEY = "plan-summary";
export const PLAN_BY_BAND_TABLE = "Plan_By_Band";
export const PLAN_BY_ROLE_TABLE = "Plan_By_Role";

const T = STAFFING_PLAN_TABLE;
/** Posts, WTE and cost of the plan rows whose `column` meets `key`, a criterion. */
const byKey = (column: string, key: string) => ({
  posts: formula(`=COUNTIFS(${T}[${column}],${key},${T}[Post],"<>")`),
  wte: formula(`=SUMIFS(${T}[WTE],${T}[${column}],${key})`),
  cost: formula(`=SUMIFS(${T}[Total],${T}[${column}],${key})`),
});

/**
 * The plan by band and by role (posts, WTE, cost), the establishment total, the vacancy factor and the budget:
 * COUNTIFS and SUMIFS over the plan table, so it stays live as the plan changes. A role is matched literally
 * (see criteria.ts), one row per role whatever its case, and posts with no role have their own row, so the rows
 * by role add up to the plan.
 */
export function planSummarySheet(roleTitles: readonly string[]): SheetPlan {
  const layout = new SheetLayout();
  layout.line("Staffing plan summary", STYLE.title);
  layout.line("Live: every figure is a formula over the Staffing plan table.", STYLE.subtitle);
  layout.gap();
  const totalsRow = layout.nextRow;
  layout.keyValues([
    ["Posts", formula(`=COUNTIFS(${T}[Post],"<>")`)],
    ["Vacant posts", formula(`=COUNTIFS(${T}[Status],"Vacant")`)],
    ["WTE", formula(`=SUM(${T}[WTE])`), "0.00"],
    ["Establishment cost", formula(`=SUM(${T}[Total])`), MONEY],
    ["Vacancy factor", formula(`=${PLAN_NAMES.vacancy}`), "0.0%"],
    ["Budget after vacancy factor", formula(`=B${totalsRow + 3}*(1-B${totalsRow + 4})`), MONEY],
  ]);
  layout.gap();
  layout.line("By band", STYLE.heading);
  const bandHeader = layout.table(
    PLAN_BY_BAND_TABLE,
    [
      { header: "Band", width: 28 },
      { header: "Posts", width: 12 },
      { header: "WTE", width: 12, numberFormat: "0.00" },
      { header: "Cost", width: 16, numberFormat: MONEY },
    ],
    BANDS.filter((b) => b !== "1").map((b) => {
      const k = byKey("Band", `"${b}"`);
      return [b, k.posts, k.wte, k.cost];
    }),
    { totals: ["Total", formula("=SUBTOTAL(109,[Posts])"), formula("=SUBTOTAL(109,[WTE])"), formula("=SUBTOTAL(109,[Cost])")] },
  );
  layout.gap();
  layout.line("By role", STYLE.heading);
  layout.table(
    PLAN_BY_ROLE_TABLE,
    [
      { header: "Role", width: 28 },
      { header: "Posts", width: 12 },
      { header: "WTE", width: 12, numberFormat: "0.00" },
      { header: "Cost", width: 16, numberFormat: MONEY },
    ],
    [
      ...criteriaGroups(roleTitles).map((r, i) => {
        // The key is the role cell on this row, so a role the user renames here is summed under its new name.
        const k = byKey("Role", literalCriterionOf(`$A${layout.nextRow + 1 + i}`));
        return [r, k.posts, k.wte, k.cost];
      }),
      (() => {
        const k = byKey("Role", '""');
        return [NOT_GIVEN.role, k.posts, k.wte, k.cost];
      })(),
    ],
    { totals: ["Total", formula("=SUBTOTAL(109,[Posts])"), formula("=SUBTOTAL(109,[WTE])"), formula("=SUBTOTAL(109,[Cost])")] },
  );
  const bandRows = BANDS.length - 1;
  return {
    key: PLAN_SUMMARY_KEY,
    name: "Plan summary",
    blocks: layout.blocks,
    tabColor: "#005EB8",
    columnWidths: [28, 16],
    charts: [
      {
        kind: "column",
        title: "WTE by band",
        categories: `A${bandHeader + 1}:A${bandHeader + bandRows}`,
        series: [{ name: "WTE", values: `C${bandHeader + 1}:C${bandHeader + bandRows}` }],
        at: "F4",
        width: 420,
        height: 240,
      },
    ],
    print: { fitToWidth: true, repeatRows: { first: bandHeader, last: bandHeader } },
  };
}
