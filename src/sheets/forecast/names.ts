/** The forecast's sheets, tables and workbook names: one place, so formulas and readers agree. */
export const FORECAST_KEYS = { rates: "forecast-rates", forecast: "forecast", summary: "forecast-summary" } as const;
export const FORECAST_SHEETS = { rates: "Forecast rates", forecast: "Forecast", summary: "Forecast summary" } as const;
export const FORECAST_TABLES = {
  parameters: "Forecast_Parameters",
  years: "Forecast_Years",
  rates: "Forecast_Rates",
  posts: "Forecast",
  byYear: "Forecast_By_Year",
  byMonth: "Forecast_By_Month",
  byCostCentre: "Forecast_By_Cost_Centre",
  byBand: "Forecast_By_Band",
  byRole: "Forecast_By_Role",
} as const;
export const FORECAST_NAMES = {
  pension: "Forecast_Pension",
  levy: "Forecast_Levy",
  vacancy: "Forecast_Vacancy",
  proration: "Forecast_Proration",
} as const;

/** The columns a user fills in on the Forecast sheet; a rebuild keeps them as the user left them. */
export const FORECAST_INPUT_HEADERS = [
  "Post",
  "Role",
  "Cost centre",
  "Band",
  "Point",
  "WTE",
  "HCAS zone",
  "Status",
  "Start date in band",
  "Start date",
  "End date",
] as const;

/** Excel's last date (31 December 9999): "no step" and "no end date", shown as "none". */
export const NO_DATE = 2_958_465;
export const DATE_OR_NONE = `[<${NO_DATE}]yyyy-mm-dd;"none"`;
export const DATE = "yyyy-mm-dd";

/** "2026-04" → "Apr 2026", the month column's header. */
export function monthHeader(key: string): string {
  const [y, m] = key.split("-");
  return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(m) - 1]} ${y}`;
}

/** A Forecast_Rates row's key: year, band, zone and point position (1 = entry), so a post's row looks up "year|" & its key. */
export const forecastRateKey = (year: string, band: string, zone: string, position: number): string => `${year}|${band}|${zone}|${position}`;

/**
 * Each year's columns before its months: the point held at its start, the step in it, and the full-time pay + HCAS
 * of that point and the next (as paid, their HCAS alone, and at the year's funded rate).
 */
export const YEAR_RATE_COLUMNS = ["Point", "Step", "Rate", "Next rate", "HCAS rate", "Next HCAS rate", "Funded rate", "Next funded rate"] as const;
/** Each year's columns after its months: pay and HCAS (and HCAS alone), NI, the total, its drift and award gap. */
export const YEAR_RESULT_COLUMNS = ["Pay", "HCAS", "NI", "Total", "Drift", "Award gap"] as const;
export type YearRateColumn = (typeof YEAR_RATE_COLUMNS)[number];
export type YearColumn = YearRateColumn | (typeof YEAR_RESULT_COLUMNS)[number];
export const yearHeader = (column: YearColumn, year: string): string => `${column} ${year}`;
export const payHeader = (year: string): string => yearHeader("Pay", year);
export const niHeader = (year: string): string => yearHeader("NI", year);
export const totalHeader = (year: string): string => yearHeader("Total", year);
