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

/** One year's lines over the Forecast rows a mask selects (all rows when null): sums of the Forecast's own columns. */
function yearLines(year: string, mask: string | null): Record<(typeof LINES)[number], string> {
  const sum = (column: YearColumn) => (mask ? `SUMPRODUCT(${mask}*${F}[${yearHeader(column, year)}])` : `SUM(${F}[${yearHeader(column, year)}])`);
  return {
    Basic: `=${sum("Pay")}-[@HCAS]`,
    HCAS: `=${sum("HCAS")}`,
    "Employer NI": `=${sum("NI")}`,
    Pension: `=${yearRate("Pension rate", "[@Year]")}*([@Basic]+[@HCAS])`,
    Levy: `=${yearRate("Levy rate", "[@Year]")}*([@Basic]+[@HCAS])`,
    Total: `=${sum("Total")}`,
    Drift: `=${sum("Drift")}`,
    "Award gap": `=${sum("Award gap")}`,
  };
}

const lineColumns = (): TableColumn[] => LINES.map((header) => ({ header, width: 15, numberFormat: MONEY }));

/**
 * The forecast by year (basic, HCAS, NI, pension, levy, total, drift, award gap, the vacancy line and the budget),
 * the same lines for each year by cost centre, band and role, and each month's total. Every figure is a native
 * formula over the Forecast sheet, so editing a date or an award there recalculates it without the add-in. Groups
 * match the Forecast rows' text exactly (EXACT, not SUMIFS, whose criteria read *, ? and a leading = or < as
 * patterns and ignore case).
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
      return [y, ...LINES.map((l) => formula(f[l])), formula(`=-${FORECAST_NAMES.vacancy}*[@Total]`), formula("=[@Total]+[@Vacancy]")];
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
        formula(`=SUM(${col})`),
        formula(`=${yearRate("NI rate", "[@Year]")}*SUMPRODUCT((${col}>${threshold})*(${col}-${threshold}))`),
        formula(`=(${yearRate("Pension rate", "[@Year]")}+${yearRate("Levy rate", "[@Year]")})*[@[Basic and HCAS]]`),
        formula("=[@[Basic and HCAS]]+[@[Employer NI]]+[@[Pension and levy]]"),
      ];
    }),
    { totals: ["Total", null, formula("=SUBTOTAL(109,[Basic and HCAS])"), formula("=SUBTOTAL(109,[Employer NI])"), formula("=SUBTOTAL(109,[Pension and levy])"), formula("=SUBTOTAL(109,[Total])")] },
  );
  return { key: FORECAST_KEYS.summary, name: FORECAST_SHEETS.summary, blocks: layout.blocks, tabColor: "#005EB8", columnWidths: [28], print: { fitToWidth: true } };
}
