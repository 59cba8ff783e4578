/**
 * The Establishment tab of the built task pane in Debian's chromium, over the in-memory demo workbook: positions
 * and an ESR extract pasted, their column mapping shown, the four sheets built and read back from
 * window.wfpWorkbook (no names copied), then refreshed from the sheets as they are, then from next month's extract
 * selected in the workbook; the totals and the positions needing attention in the pane; nothing wider than the pane, no console errors, nothing sent offsite.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT, openTab, screenshot as screenshotTo, taskPaneInChromium, waitVisible } from "../support/browser";
import { FUNDED_HEADERS, SMALL_FUNDED, SMALL_STAFF, STAFF_HEADERS, csvOf } from "../support/establishmentCase";

const SHOTS = path.join(ROOT, "test-results");
const pane = taskPaneInChromium();

describe("Establishment tab in chromium", () => {
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it("builds the establishment sheets from pasted positions and an ESR extract, then refreshes them", async () => {
    const { session, page, found } = await pane.open("?workbook=memory");
    const panel = await openTab(page, "Establishment");
    await panel.getByRole("textbox", { name: "Positions" }).fill(csvOf(FUNDED_HEADERS, SMALL_FUNDED));
    await panel.getByRole("textbox", { name: "ESR extract" }).fill(csvOf(STAFF_HEADERS, SMALL_STAFF));
    const mapping = panel.getByRole("list", { name: "ESR extract: columns read" });
    await waitVisible(mapping);
    expect(await mapping.textContent()).toContain('"Full Name": a name, never read');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);

    await panel.getByRole("button", { name: "Build or refresh establishment" }).click();
    await waitVisible(panel.getByText("Establishment built"), 20_000);
    const built = await page.evaluate(async () => {
      const wb = window.wfpWorkbook!;
      const staff = (await wb.readTable("Staff_In_Post"))!;
      const est = (await wb.readTable("Establishment"))!;
      return { sheets: wb.sheetNames(), staff: staff.rows.map((r) => r.slice(0, 3)), staffText: JSON.stringify(staff.rows), positions: est.rows.map((r) => r[0]) };
    });
    expect(built.sheets).toEqual(["Sheet1", "Pay scales", "On-costs", "Establishment", "Staff in post", "Reconciliation", "Establishment summary"]);
    expect(built.staff.map((r) => r[0])).toEqual(SMALL_STAFF.map((r) => r[0]));
    expect(built.staffText).not.toContain("Example");
    expect(built.positions).toEqual(["P1", "P2", "P3", "P4", "P5", "P6"]);
    const figures = panel.getByRole("region", { name: "Establishment figures" });
    expect(await figures.textContent()).toContain("Match rate84.3%");
    const attention = panel.getByRole("list", { name: "Positions needing attention" });
    expect(await attention.textContent()).toContain("P5: Over-established (-0.40 WTE), band mismatch");
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshotTo(page, path.join(SHOTS, "establishment.png"));

    // Refresh from the sheets as they are: nothing pasted, the same figures, the sheets refreshed in place.
    await panel.getByRole("radio", { name: "The Establishment sheet as it is" }).check();
    await panel.getByRole("radio", { name: "The Staff in post sheet as it is" }).check();
    await panel.getByRole("button", { name: "Build or refresh establishment" }).click();
    await expect.poll(() => panel.getByText("6 positions kept as they were, 0 added.").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.evaluate(() => window.wfpWorkbook!.sheetNames().length)).toBe(7);
    expect(await figures.textContent()).toContain("In post WTE5.10");

    // Next month's extract opened in the workbook and selected there (whole columns), without its last row.
    await page.evaluate(
      ({ headers, rows }) => {
        const wb = window.wfpWorkbook!;
        wb.userAddsSheet("ESR extract");
        wb.userTypes("ESR extract", "A1", [headers, ...rows]);
        wb.userSelects("ESR extract", "A:L");
      },
      { headers: [...STAFF_HEADERS], rows: SMALL_STAFF.slice(0, -1).map((r) => [...r]) },
    );
    await panel.getByRole("radio", { name: "The range selected in the workbook" }).check();
    await panel.getByRole("button", { name: "Use the selected range" }).click();
    const selected = panel.getByRole("list", { name: "Selected range: columns read" });
    await waitVisible(selected);
    expect(await panel.getByText(/Selected range \('ESR extract'!A1:L10\): 9 rows/).count()).toBe(1);
    expect(await selected.textContent()).toContain('"Full Name": a name, never read');
    await panel.getByRole("button", { name: "Build or refresh establishment" }).click();
    // A10 (0.2 WTE on p1, unfunded) has gone: 5.10 in post still, unfunded 0.60.
    await expect.poll(async () => (await figures.textContent()) ?? "", { timeout: 20_000 }).toContain("Unfunded WTE0.60");
    const staffNow = await page.evaluate(async () => (await window.wfpWorkbook!.readTable("Staff_In_Post"))!.rows.map((r) => r[0]));
    expect(staffNow).toEqual(SMALL_STAFF.slice(0, -1).map((r) => r[0]));
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);

    expect(found.errors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  }, 900_000);
});
