import type { Catalog } from "../../catalog";
import { type ForecastSettings, HCAS_ZONES, horizonYears, nextYear } from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import { HCAS_TABLE, MONEY, ON_COSTS_TABLE, PAY_AWARDS_TABLE, PAY_SCALES_TABLE, PERCENT } from "../payReference";
import { type PlanCell, type SheetPlan, formula } from "../plan";
import { FORECAST_KEYS, FORECAST_NAMES, FORECAST_SHEETS, FORECAST_TABLES, forecastRateKey } from "./names";

export const FORECAST_ZONES = ["none", ...HCAS_ZONES] as const;

/** The parameter values as the user left them in the workbook: pension basis, levy, vacancy factor, proration. */
export type ForecastParameterValues = readonly PlanCell[];

/** The bands whose pay points the forecast reads, with their point names (band 1 is paid at band 2). */
export function forecastBands(catalog: Catalog): { band: string; points: string[] }[] {
  const scale = [...catalog.pay.payScales].sort((a, b) => a.year.localeCompare(b.year)).at(-1)!;
  return scale.bands
    .filter((b) => b.band !== "1")
    .map((b) => ({ band: b.band, points: b.points.length === 1 ? ["entry"] : b.points.map((p) => p.point) }));
}

/**
 * The forecast's rates: its parameters (named cells), each year's on-cost rates from the On-costs table, and for
 * every year, band, point and HCAS zone the full-time pay and HCAS from the Pay scales and HCAS tables — so each
 * Forecast row looks up one key per point instead of repeating the arithmetic.
 */
export function forecastRatesSheet(catalog: Catalog, settings: ForecastSettings, existingParameters?: ForecastParameterValues): SheetPlan {
  const years = horizonYears(settings.fromYear, settings.years);
  const values: PlanCell[] =
    existingParameters?.length === 4
      ? [...existingParameters]
      : [settings.pensionBasis, settings.includeLevy ? "Yes" : "No", settings.vacancyFactor, settings.proration];
  const layout = new SheetLayout();
  layout.line("Forecast rates", STYLE.title);
  layout.line("What the Forecast sheet reads: its parameters, each year's on-cost rates and every pay point with its HCAS. Awards are set on the Pay scales sheet.", STYLE.subtitle);
  layout.gap();
  layout.line("Parameters", STYLE.heading);
  const parametersHeader = layout.table(
    FORECAST_TABLES.parameters,
    [
      { header: "Parameter", width: 22 },
      { header: "Value", width: 14 },
      { header: "Allowed", width: 60 },
    ],
    [
      ["Pension basis", values[0] ?? settings.pensionBasis, "employer (local 14.38%) or full (23.78%)"],
      ["Include levy", values[1] ?? "No", "Yes or No"],
      ["Vacancy factor", values[2] ?? 0, "Share of cost expected unspent: 0.03 for 3%"],
      ["Proration", values[3] ?? "monthly", "monthly (annual ÷ 12, a part month by days) or calendar (annual ÷ 365 or 366 × days)"],
    ],
    { carriesWorkbookRows: true },
  );
  const valueCell = (i: number): string => `B${parametersHeader + 1 + i}`;
  layout.gap();
  layout.line(`Rates by year (table ${FORECAST_TABLES.years})`, STYLE.heading);
  const onCost = (column: string): string => `SUMIFS(${ON_COSTS_TABLE}[${column}],${ON_COSTS_TABLE}[Year],[@Year])`;
  layout.table(
    FORECAST_TABLES.years,
    [
      { header: "Year", width: 10 },
      { header: "NI rate", width: 10, numberFormat: PERCENT },
      { header: "NI threshold", width: 12, numberFormat: MONEY },
      { header: "Pension rate", width: 12, numberFormat: PERCENT },
      { header: "Levy rate", width: 10, numberFormat: PERCENT },
      { header: "Days in year", width: 10 },
    ],
    years.map((y): PlanCell[] => [
      y,
      formula(`=${onCost("Employer NI rate")}`),
      formula(`=${onCost("NI secondary threshold")}`),
      formula(`=IF(${FORECAST_NAMES.pension}="full",${onCost("Pension full rate")},${onCost("Pension employer rate")})`),
      formula(`=IF(OR(${FORECAST_NAMES.levy}="Yes",${FORECAST_NAMES.levy}=TRUE),${onCost("Levy rate")},0)`),
      formula(`=DATE(${Number(y.slice(0, 4)) + 1},4,1)-DATE(${y.slice(0, 4)},4,1)`),
    ]),
  );
  layout.gap();
  layout.line(`Pay and HCAS by year, band, point and zone, as paid and at the year's funded rate (table ${FORECAST_TABLES.rates})`, STYLE.heading);
  const payMatch = `${PAY_SCALES_TABLE}[Nation],"england",${PAY_SCALES_TABLE}[Year],[@Year],${PAY_SCALES_TABLE}[Band],[@Band],${PAY_SCALES_TABLE}[Point],[@Point]`;
  const hcas = (column: string, year = "[@Year]"): string => `SUMIFS(${HCAS_TABLE}[${column}],${HCAS_TABLE}[Year],${year},${HCAS_TABLE}[Zone],[@Zone])`;
  // At the funded rate: the year before's point × (1 + funded rate), to the pound as an award is; HCAS minimum and
  // maximum the same, its percentage the year before's. A year without a funded rate is funded as it is paid.
  const fundedRate = `SUMIFS(${PAY_AWARDS_TABLE}[Funded rate],${PAY_AWARDS_TABLE}[Year],[@Year])`;
  const unfunded = `COUNTIFS(${PAY_AWARDS_TABLE}[Year],[@Year],${PAY_AWARDS_TABLE}[Funded rate],"<>")=0`;
  const fundedUplift = (amount: string): string => `ROUND(ROUND(${amount}*(1+${fundedRate}),6),0)`;
  const rows: PlanCell[][] = [];
  for (const year of years) {
    const before = `"${nextYear(year, -1)}"`;
    const beforeMatch = payMatch.replace("[Year],[@Year]", `[Year],${before}`);
    for (const { band, points } of forecastBands(catalog)) {
      points.forEach((point, i) => {
        for (const zone of FORECAST_ZONES) {
          rows.push([
            forecastRateKey(year, band, zone, i + 1),
            year,
            band,
            point,
            i + 1,
            zone,
            formula(`=IF(COUNTIFS(${payMatch})=0,NA(),SUMIFS(${PAY_SCALES_TABLE}[Annual pay],${payMatch}))`),
            formula(zone === "none" ? "=0" : `=MIN(MAX(${hcas("Percent")}/100*[@Pay],${hcas("Minimum")}),${hcas("Maximum")})`),
            formula("=[@Pay]+[@HCAS]"),
            formula(`=IF(${unfunded},[@Pay],IF(COUNTIFS(${beforeMatch})=0,NA(),${fundedUplift(`SUMIFS(${PAY_SCALES_TABLE}[Annual pay],${beforeMatch})`)}))`),
            formula(
              zone === "none"
                ? "=0"
                : `=IF(${unfunded},[@HCAS],MIN(MAX(${hcas("Percent", before)}/100*[@[Funded pay]],${fundedUplift(hcas("Minimum", before))}),${fundedUplift(hcas("Maximum", before))}))`,
            ),
            formula("=[@[Funded pay]]+[@[Funded HCAS]]"),
          ]);
        }
      });
    }
  }
  layout.table(
    FORECAST_TABLES.rates,
    [
      { header: "Key", width: 26 },
      { header: "Year", width: 10 },
      { header: "Band", width: 7 },
      { header: "Point", width: 12 },
      { header: "Position", width: 9 },
      { header: "Zone", width: 13 },
      { header: "Pay", width: 12, numberFormat: MONEY },
      { header: "HCAS", width: 12, numberFormat: MONEY },
      { header: "Pay and HCAS", width: 14, numberFormat: MONEY },
      { header: "Funded pay", width: 12, numberFormat: MONEY },
      { header: "Funded HCAS", width: 12, numberFormat: MONEY },
      { header: "Funded pay and HCAS", width: 14, numberFormat: MONEY },
    ],
    rows,
  );
  return {
    key: FORECAST_KEYS.rates,
    name: FORECAST_SHEETS.rates,
    blocks: layout.blocks,
    tabColor: "#007F3B",
    names: [
      { name: FORECAST_NAMES.pension, at: valueCell(0), comment: "employer or full" },
      { name: FORECAST_NAMES.levy, at: valueCell(1), comment: "Yes or No" },
      { name: FORECAST_NAMES.vacancy, at: valueCell(2), comment: "Vacancy factor, a fraction" },
      { name: FORECAST_NAMES.proration, at: valueCell(3), comment: "monthly or calendar" },
    ],
  };
}
