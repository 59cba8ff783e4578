import { BANDS, type ForecastSettings, horizonYears, monthsOfYear } from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import { MONEY, PAY_AWARDS_TABLE } from "../payReference";
import { type PlanCell, type SheetPlan, type TableColumn, formula } from "../plan";
import { forecastColumns, helperRow } from "./forecastSheet";
import { FORECAST_KEYS, FORECAST_NAMES, FORECAST_SHEETS, FORECAST_TABLES, monthHeader, niHeader, payHeader, totalHeader, yearHeader } from "./names";

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

/**
 * One year's lines over the Forecast rows a mask selects (all rows when null), as native formulas over the Forecast's
 * layout. Drift and the award gap are costs of the same posts at other rates, so they are worked out month by month
 * over the Forecast's own columns: each post's days in post in each month (from its start date, and from its step in
 * the year) against the month's dates in the helper rows above the Forecast table. Arrays only through SUMPRODUCT and
 * ABS (max(a,b) = (a+b+|a−b|)/2), so Excel without dynamic arrays and LibreOffice calculate the same.
 */
function linesOf(settings: Pick<ForecastSettings, "fromYear" | "years">) {
  const columns = forecastColumns(settings);
  const sheet = `${FORECAST_SHEETS.forecast.includes(" ") ? `'${FORECAST_SHEETS.forecast}'` : FORECAST_SHEETS.forecast}!`;
  return (year: string, mask: string | null): Record<(typeof LINES)[number], string> => {
    const months = monthsOfYear(year);
    const [a, b] = [columns.letter(monthHeader(months[0]!.key)), columns.letter(monthHeader(months[11]!.key))];
    const helper = (label: Parameters<typeof helperRow>[0]) => `${sheet}$${a}$${helperRow(label)}:$${b}$${helperRow(label)}`;
    const scalar = (label: Parameters<typeof helperRow>[0]) => `${sheet}$${a}$${helperRow(label)}`;
    const [from, to, divisor] = [helper("Month starts"), helper("Month ends"), helper("Divisor")];
    const col = (h: string) => `${F}[${h}]`;
    const y = (h: Parameters<typeof yearHeader>[0]) => col(yearHeader(h, year));
    const end = col("Costed to");
    // Days in post in each month from `since` (a column): max(0, min(end, month end) − max(since, month start) + 1).
    const days = (since: string) => {
      const z = `(${end}+${to}-ABS(${end}-${to})-${since}-${from}-ABS(${since}-${from})+2)`;
      return `(${z}+ABS(${z}))/4`;
    };
    // A month's pay and HCAS at a rate that changes at the step in the year, for each post: posts × months.
    const monthly = (rate: string, next: string) => `${col("WTE")}*(${rate}*${days(col("Start date"))}+(${next}-${rate})*${days(y("Step"))})/${divisor}`;
    const sum = (expression: string) => (mask ? `SUMPRODUCT(${mask}*${expression})` : `SUMPRODUCT(${expression})`);
    const threshold = `${col("People")}*${scalar("NI threshold a month")}`;
    // The cost of pay and HCAS months: pension and levy on them, NI on each month above the threshold per person.
    const cost = (pay: string) => {
      const over = `(${pay}-${threshold})`;
      return `(1+${scalar("Pension and levy rate")})*${sum(pay)}+${scalar("NI rate")}*${sum(`(${over}+ABS(${over}))`)}/2`;
    };
    const heldMonths = `${col("WTE")}*${y("Rate")}*${days(col("Start date"))}/${divisor}`;
    const funded = `COUNTIFS(${PAY_AWARDS_TABLE}[Year],[@Year],${PAY_AWARDS_TABLE}[Funded rate],"<>")`;
    const total = sum(col(totalHeader(year)));
    return {
      Basic: `=${sum(col(payHeader(year)))}-[@HCAS]`,
      HCAS: `=${sum(monthly(y("HCAS"), y("Next HCAS")))}`,
      "Employer NI": `=${sum(col(niHeader(year)))}`,
      Pension: `=${yearRate("Pension rate", "[@Year]")}*([@Basic]+[@HCAS])`,
      Levy: `=${yearRate("Levy rate", "[@Year]")}*([@Basic]+[@HCAS])`,
      Total: `=${total}`,
      Drift: `=${total}-(${cost(heldMonths)})`,
      "Award gap": `=IF(${funded}=0,0,${total}-(${cost(monthly(y("Funded"), y("Next funded")))}))`,
    };
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
  const lines = linesOf(input.settings);
  const layout = new SheetLayout();
  layout.line("Pay forecast summary", STYLE.title);
  layout.line(
    "Live: every figure is a formula over the Forecast sheet. Drift = the cost with pay steps − the cost with each post held on its point at the start of the year; award gap = the cost at the assumed award − the cost at the funded rate.",
    STYLE.subtitle,
  );
  layout.gap();
  layout.line("By year", STYLE.heading);
  layout.table(
    FORECAST_TABLES.byYear,
    [{ header: "Year", width: 22 }, ...lineColumns(), { header: "Vacancy", width: 14, numberFormat: MONEY }, { header: "Budget", width: 16, numberFormat: MONEY }],
    years.map((y): PlanCell[] => {
      const f = lines(y, null);
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
        const f = lines(y, `--EXACT(${F}[${column}]&"",${keyCell}&"")`);
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
