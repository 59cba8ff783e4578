import { BANDS, type ForecastSettings, horizonYears, monthsOfYear } from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import { MONEY } from "../payReference";
import { type PlanCell, type SheetPlan, type TableColumn, formula } from "../plan";
import { FORECAST_KEYS, FORECAST_NAMES, FORECAST_SHEETS, FORECAST_TABLES, type YearColumn, monthHeader, yearHeader } from "./names";

const F = FORECAST_TABLES.posts;
const Y = FORECAST_TABLES.years;
const yearRate = (column: string, year: string): string => `SUMIFS(${Y}[${column}],${Y}[Year],${year})`;

export interface ForecastSummaryInput {
  settings: Pick<ForecastSettings, "fromYear" | "years">;
  costCentres: readonly string[];
  roles: readonly string[];
}

/** The lines every summary row shows, in order. */
const LINES = ["Basic", "HCAS", "Employer NI", "Pension", "Levy", "Total", "Drift", "Award gap"] as const;

/** A money line as shown: to the penny, half away from zero (Excel's ROUND), as roundedCostLines does. */
const pennies = (expression: string): string => `ROUND(${expression},2)`;

/**
 * One year's lines over the Forecast rows a mask selects (all rows when null): sums of the Forecast's own columns,
 * under the one rounding rule (roundedCostLines). Each line is rounded to the penny, its pension and levy worked
 * out on the unrounded pay (so the pay sum is repeated, not read back from the rounded cells), and the Total is the
 * sum of the rounded lines, so a row's lines add up to its Total and equal what `wfp forecast` prints.
 */
function yearLines(year: string, mask: string | null): Record<(typeof LINES)[number], string> {
  const sum = (column: YearColumn) => (mask ? `SUMPRODUCT(${mask}*${F}[${yearHeader(column, year)}])` : `SUM(${F}[${yearHeader(column, year)}])`);
  return {
    Basic: `=${pennies(`${sum("Pay")}-${sum("HCAS")}`)}`,
    HCAS: `=${pennies(sum("HCAS"))}`,
    "Employer NI": `=${pennies(sum("NI"))}`,
    Pension: `=${pennies(`${yearRate("Pension rate", "[@Year]")}*${sum("Pay")}`)}`,
    Levy: `=${pennies(`${yearRate("Levy rate", "[@Year]")}*${sum("Pay")}`)}`,
    // Rounded again only to drop the binary noise of adding pennies; the lines already are whole pennies.
    Total: `=${pennies("[@Basic]+[@HCAS]+[@[Employer NI]]+[@Pension]+[@Levy]")}`,
    Drift: `=${pennies(sum("Drift"))}`,
    "Award gap": `=${pennies(sum("Award gap"))}`,
  };
}

const lineColumns = (): TableColumn[] => LINES.map((header) => ({ header, width: 15, numberFormat: MONEY }));

/**
 * The forecast by year (basic, HCAS, NI, pension, levy, total, drift, award gap, the vacancy line and the budget),
 * the same lines for each year by cost centre, band and role, and each month's total. Every figure is a native
 * formula over the Forecast sheet, so editing a date or an award there recalculates it without the add-in. Groups
 * match the Forecast rows' text exactly (EXACT, not SUMIFS, whose criteria read *, ? and a leading = or < as
 * patterns and ignore case). Money follows the one rounding rule: every line to the penny, each Total the sum of
 * its row's rounded lines, the Budget that Total plus the rounded vacancy line, and the month totals row the sum of
 * the rounded months, so every row adds up and the By year rows equal what `wfp forecast` prints.
 */
export function forecastSummarySheet(input: ForecastSummaryInput): SheetPlan {
  const years = horizonYears(input.settings.fromYear, input.settings.years);
  const layout = new SheetLayout();
  layout.line("Pay forecast summary", STYLE.title);
  layout.line(
    "Live: every figure is a formula over the Forecast sheet, where each post's drift (the cost with pay steps − the cost held on its point at the start of the year) and award gap (the cost at the assumed award − the cost at the funded rate) are worked out.",
    STYLE.subtitle,
  );
  layout.gap();
  layout.line("By year", STYLE.heading);
  layout.table(
    FORECAST_TABLES.byYear,
    [{ header: "Year", width: 22 }, ...lineColumns(), { header: "Vacancy", width: 14, numberFormat: MONEY }, { header: "Budget", width: 16, numberFormat: MONEY }],
    years.map((y): PlanCell[] => {
      const f = yearLines(y, null);
      // The vacancy line is the factor × the unrounded total, to the penny; the budget is the Total plus that line.
      return [
        y,
        ...LINES.map((l) => formula(f[l])),
        formula(`=${pennies(`-${FORECAST_NAMES.vacancy}*SUM(${F}[${yearHeader("Total", y)}])`)}`),
        formula(`=${pennies("[@Total]+[@Vacancy]")}`),
      ];
    }),
  );
  layout.gap();
  const groupTable = (name: string, heading: string, keys: readonly string[], column: string) => {
    layout.line(`${heading}, each year`, STYLE.heading);
    const rows: PlanCell[][] = [];
    for (const key of keys.length > 0 ? keys : ["(none)"]) {
      for (const y of years) {
        const keyCell = `$A${layout.nextRow + 1 + rows.length}`;
        const f = yearLines(y, `--EXACT(${F}[${column}]&"",${keyCell}&"")`);
        rows.push([key, y, ...LINES.map((l) => formula(f[l]))]);
      }
    }
    layout.table(name, [{ header: heading.replace(/^By /, "").replace(/^./, (c) => c.toUpperCase()), width: 28 }, { header: "Year", width: 10 }, ...lineColumns()], rows);
    layout.gap();
  };
  groupTable(FORECAST_TABLES.byCostCentre, "By cost centre", input.costCentres, "Cost centre");
  groupTable(FORECAST_TABLES.byBand, "By band", BANDS.filter((b) => b !== "1"), "Band");
  groupTable(FORECAST_TABLES.byRole, "By role", input.roles, "Role");
  layout.line("By month", STYLE.heading);
  const months = years.flatMap(monthsOfYear);
  layout.table(
    FORECAST_TABLES.byMonth,
    [
      { header: "Month", width: 22 },
      { header: "Year", width: 10 },
      { header: "Basic and HCAS", width: 16, numberFormat: MONEY },
      { header: "Employer NI", width: 14, numberFormat: MONEY },
      { header: "Pension and levy", width: 16, numberFormat: MONEY },
      { header: "Total", width: 16, numberFormat: MONEY },
    ],
    months.map((m): PlanCell[] => {
      const col = `${F}[${monthHeader(m.key)}]`;
      const threshold = `${F}[People]*${yearRate("NI threshold", "[@Year]")}/12`;
      return [
        monthHeader(m.key),
        m.year,
        formula(`=${pennies(`SUM(${col})`)}`),
        formula(`=${pennies(`${yearRate("NI rate", "[@Year]")}*SUMPRODUCT((${col}>${threshold})*(${col}-${threshold}))`)}`),
        formula(`=${pennies(`(${yearRate("Pension rate", "[@Year]")}+${yearRate("Levy rate", "[@Year]")})*SUM(${col})`)}`),
        formula(`=${pennies("[@[Basic and HCAS]]+[@[Employer NI]]+[@[Pension and levy]]")}`),
      ];
    }),
    { totals: ["Total", null, formula("=SUBTOTAL(109,[Basic and HCAS])"), formula("=SUBTOTAL(109,[Employer NI])"), formula("=SUBTOTAL(109,[Pension and levy])"), formula("=SUBTOTAL(109,[Total])")] },
  );
  return { key: FORECAST_KEYS.summary, name: FORECAST_SHEETS.summary, blocks: layout.blocks, tabColor: "#005EB8", columnWidths: [28], print: { fitToWidth: true } };
}
