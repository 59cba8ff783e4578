// The forecast at scale through the Office.js adapter (a file of its own: the suite runs files in parallel, and this
// one case takes as long as the rest of test/workbook/forecast.test.ts).
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import type { ForecastSettings } from "../../src/domain";
import { MemoryWorkbook, WorkbookStore } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/excel/officeAdapter";
import { FORECAST_TABLES } from "../../src/sheets/forecast";
import { parseRange } from "../../src/sheets/plan";
import { buildForecast } from "../../src/workbook/forecast";
import { EXCEL_WEB_LIMIT_BYTES, FakeExcel } from "../support/fakeExcel";
import { sampleForecastPosts } from "../support/forecastPosts";

const catalog = defaultCatalog();
const settings: ForecastSettings = { fromYear: "2026/27", years: 5, awards: { "2027/28": 2.5 }, pensionBasis: "employer", includeLevy: false, vacancyFactor: 0, proration: "monthly" };

describe("2,000 posts × 60 months through Office.js", () => {
  it("builds and refreshes the forecast (five sheets) in at most 12 syncs each, reads included, every request and response under Excel on the web's 5 MB", async () => {
    const store = new WorkbookStore();
    store.addSheet("Sheet1");
    const fake = new FakeExcel(store);
    const uninstall = fake.install();
    try {
      const posts = sampleForecastPosts(2_000, catalog.roles.map((x) => x.title));
      const outcome = await buildForecast(new OfficeWorkbookAdapter(), catalog, { settings, posts });
      expect(outcome.results.map((r) => [r.key, r.result.status])).toEqual(["pay-scales", "on-costs", "forecast-rates", "forecast", "forecast-summary"].map((k) => [k, "written"]));
      // The whole build, reads of the workbook included: the five sheets go in one write with shared round trips.
      expect(fake.syncs).toBeLessThanOrEqual(12);
      for (const request of fake.requests) expect(request.bytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
      const table = new MemoryWorkbook({ store }).getTable(FORECAST_TABLES.posts)!;
      expect(parseRange(table.address).bottom - parseRange(table.address).top).toBe(2_001); // header, 2,000 posts, totals
      const write = outcome.results.at(-1)!.result;
      console.log(`forecast 2,000 × 60 build: ${fake.syncs} syncs with reads (write ${write.syncs}), ${fake.requests.length} requests, largest ${(Math.max(...fake.requests.map((r) => r.bytes)) / 1e6).toFixed(2)} MB`);
      // A refresh reads the 2,000 rows back (only the Forecast's input columns, with the other tables in one run)
      // and keeps them: reads and write together within the same 12 syncs, every request and response under 5 MB.
      fake.reset();
      const again = await buildForecast(new OfficeWorkbookAdapter(), catalog, { settings });
      expect([again.postsKept, again.postsAdded]).toEqual([2_000, 0]);
      expect(again.results.every((r) => r.result.status === "written")).toBe(true);
      expect(again.forecast!.posts.map((x) => x.post)).toEqual(outcome.forecast!.posts.map((x) => x.post));
      expect(fake.syncs).toBeLessThanOrEqual(12);
      for (const request of fake.requests) {
        expect(request.bytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
        expect(request.responseBytes).toBeLessThan(EXCEL_WEB_LIMIT_BYTES);
      }
      const largest = (key: "bytes" | "responseBytes") => (Math.max(...fake.requests.map((r) => r[key])) / 1e6).toFixed(2);
      console.log(`forecast 2,000 × 60 refresh: ${fake.syncs} syncs with reads (write ${again.results.at(-1)!.result.syncs}), largest request ${largest("bytes")} MB, response ${largest("responseBytes")} MB`);
    } finally {
      uninstall();
    }
  }, 300_000);
});
