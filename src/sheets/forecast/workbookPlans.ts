import type { Catalog } from "../../catalog";
import { type ForecastPost, type ForecastSettings, horizonYears } from "../../domain";
import { type PayAward, onCostsSheet, payScalesSheet } from "../payReference";
import type { SheetPlan } from "../plan";
import { forecastRatesSheet } from "./forecastRates";
import { forecastSheet } from "./forecastSheet";
import { forecastSummarySheet } from "./forecastSummary";

/** The settings' awards and funded rates as Pay awards rows (fractions), one per year of the horizon. */
export function payAwardsOf(settings: ForecastSettings): PayAward[] {
  const years = horizonYears(settings.fromYear, settings.years);
  const all = [...new Set([...years, ...Object.keys(settings.awards ?? {})])].sort();
  return all.map((year) => ({ year, award: (settings.awards?.[year] ?? 0) / 100, funded: settings.funded?.[year] === undefined ? null : settings.funded[year]! / 100 }));
}

export const distinct = (values: readonly string[]): string[] => [...new Set(values.filter((v) => v.trim() !== ""))];

/**
 * The forecast's sheets in the order they must be written: reference tables before the formulas that name them
 * (Pay scales with its awards, On-costs, Forecast rates), then the Forecast and its summary.
 */
export function forecastWorkbookPlans(catalog: Catalog, posts: readonly ForecastPost[], settings: ForecastSettings): SheetPlan[] {
  const years = catalog.pay.payScales.map((s) => s.year);
  const awards = payAwardsOf(settings);
  return [
    payScalesSheet(catalog, years, [], awards),
    onCostsSheet(catalog.pay, years, {}, awards),
    forecastRatesSheet(catalog, settings),
    forecastSheet(catalog, { posts, settings }),
    forecastSummarySheet({ settings, costCentres: distinct(posts.map((p) => p.costCentre)), roles: distinct(posts.map((p) => p.role)) }),
  ];
}
