/**
 * The Forecast tab's write: buildForecast from the staffing plan, as a job for the sheets writer, handing the
 * forecast it computed to the tab so the pane shows each year's totals, drift and award gap.
 */
import type { Catalog } from "../../catalog";
import type { Forecast, ForecastSettings } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { buildForecast } from "../../workbook/forecast";
import { costingWords } from "../costing/describeSheets";
import type { JobReport, SheetsJob, SheetsJobOptions } from "../writing/useSheetsWriter";

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function forecastJob(catalog: Catalog, settings: ForecastSettings, onForecast: (forecast: Forecast | null) => void): SheetsJob {
  return {
    title: "Forecast built",
    sheets: 5,
    words: costingWords,
    async run(workbook: WorkbookAdapter, { onConflict }: SheetsJobOptions): Promise<JobReport> {
      const outcome = await buildForecast(workbook, catalog, { settings }, { onConflict });
      if (outcome.results.some((r) => r.result.status === "conflict")) return {};
      onForecast(outcome.forecast);
      const lines = [
        outcome.postsAdded > 0 ? `Added ${plural(outcome.postsAdded, "post")} from the staffing plan.` : "No new posts in the staffing plan.",
        ...(outcome.postsKept > 0 ? [`Kept ${plural(outcome.postsKept, "post")} as they are on the Forecast sheet.`] : []),
      ];
      return outcome.problems.length > 0 ? { lines, warnings: { title: `Not costed: ${plural(outcome.problems.length, "row")}`, lines: outcome.problems } } : { lines };
    },
  };
}
