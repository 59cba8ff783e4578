import { BANDS, type ForecastSettings, horizonYears, monthsOfYear } from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import { MONEY } from "../payReference";
import { type PlanCell, type SheetPlan, formula } from "../plan";
import { FORECAST_KEYS, FORECAST_NAMES, FORECAST_SHEETS, FORECAST_TABLES, monthHeader, niHeader, payHeader, totalHeader } from "./names";

const F = FORECAST_TABLES.posts;
const Y = FORECAST_TABLES.years;
const yearRate = (column: string, year: string): string => `SUMIFS(${Y}[${column}],${Y}[Year],${year})`;

export interface ForecastSummaryInput {
  settings: Pick<ForecastSettings, "fromYear" | "years">;
  costCentres: readonly string[];
  roles: readonly string[];
}

/**
 * The forecast by year (pay + HCAS, NI, pension, levy, total, the vacancy line and the budget), by month, and each
 * year's total by cost centre, band and role. Groups match the Forecast rows' text exactly (EXACT, not SUMIFS, whose
 * criteria read *, ? and a leading = or < as patterns and ignore case).
 */
export function forecastSummarySheet(input: ForecastSummaryInput): SheetPlan {
  const years = horizonYears(input.settings.fromYear, input.settings.years);
  const layout = new SheetLayout();
  layout.line("Pay forecast summary", STYLE.title);
  layout.line("Live: every figure is a formula over the Forecast sheet. Drift and award gap are shown by the add-in and `wfp forecast`.", STYLE.subtitle);
  layout.gap();
  layout.line("By year", STYLE.heading);
  layout.table(
    FORECAST_TABLES.byYear,
    [
      { header: "Year", width: 22 },
      { header: "Basic and HCAS", width: 16, numberFormat: MONEY },
      { header: "Employer NI", width: 14, numberFormat: MONEY },
      { header: "Pension", width: 14, numberFormat: MONEY },
      { header: "Levy", width: 12, numberFormat: MONEY },
      { header: "Total", width: 16, numberFormat: MONEY },
      { header: "Vacancy", width: 14, numberFormat: MONEY },
      { header: "Budget", width: 16, numberFormat: MONEY },
    ],
    years.map((y): PlanCell[] => [
      y,
      formula(`=SUM(${F}[${payHeader(y)}])`),
      formula(`=SUM(${F}[${niHeader(y)}])`),
      formula(`=${yearRate("Pension rate", "[@Year]")}*[@[Basic and HCAS]]`),
      formula(`=${yearRate("Levy rate", "[@Year]")}*[@[Basic and HCAS]]`),
      formula(`=SUM(${F}[${totalHeader(y)}])`),
      formula(`=-${FORECAST_NAMES.vacancy}*[@Total]`),
      formula(`=[@Total]+[@Vacancy]`),
    ]),
  );
  layout.gap();
  const groupTable = (name: string, heading: string, keys: readonly string[], column: string) => {
    layout.line(heading, STYLE.heading);
    layout.table(
      name,
      [{ header: heading.replace(/^By /, "").replace(/^./, (c) => c.toUpperCase()), width: 28 }, ...years.map((y) => ({ header: y, width: 16, numberFormat: MONEY }))],
      (keys.length > 0 ? keys : ["(none)"]).map((k, i): PlanCell[] => {
        const keyCell = `$A${layout.nextRow + 1 + i}`;
        return [k, ...years.map((y) => formula(`=SUMPRODUCT(--EXACT(${F}[${column}]&"",${keyCell}&""),${F}[${totalHeader(y)}])`))];
      }),
      { totals: ["Total", ...years.map((y) => formula(`=SUBTOTAL(109,[${y}])`))] },
    );
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
