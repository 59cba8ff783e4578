/**
 * "Check this Excel" in the built task pane, in Debian's chromium, on the demo (in-memory) workbook: every scratch
 * sheet written and removed, the checks of computed values marked as needing Excel, the user's sheet untouched.
 * Console errors and any request leaving 127.0.0.1 fail the test.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, openTab, screenshot, taskPaneInChromium } from "../support/browser";

const SCREENSHOT = path.join(ROOT, "test-results/self-check.png");

const pane = taskPaneInChromium();

describe("Check this Excel in chromium", () => {
  it("runs on the demo workbook, says which checks need Excel, and leaves only the user's sheets", async () => {
    const { session, page, found } = await pane.open("?workbook=memory");
    const panel = await openTab(page, "Reference");
    // The panel's content is there once the workbook is open (it may open after the first view has painted).
    const check = panel.getByRole("button", { name: "Check this Excel" });
    await check.waitFor();
    const sheetsBefore = await page.evaluate(() => window.wfpWorkbook!.sheetNames());
    await check.click();
    const checks = panel.getByRole("list", { name: "Checks" });
    await checks.waitFor({ timeout: 60_000 });
    const titles = await checks.locator(":scope > li > span").allTextContents();
    expect(titles).toEqual([
      "PassedWriting every kind of sheet",
      "Needs ExcelPost costs",
      "Needs ExcelPlan totals",
      "Needs ExcelCoverage",
      "Needs ExcelJE bands",
      "Needs ExcelWFP functions in a cell",
      "PassedRemoving the scratch sheets",
    ]);
    expect(await panel.getByText("Every check that can run here passed; 5 need Excel to calculate.").isVisible()).toBe(true);
    const details = await panel.getByRole("textbox", { name: "Check details to copy" }).inputValue();
    expect(details).toMatch(/^PASSED: Writing every kind of sheet\n {2}14 scratch sheets written/);
    expect(await page.evaluate(() => window.wfpWorkbook!.sheetNames())).toEqual(sheetsBefore);
    await screenshot(page, SCREENSHOT);
    expect(found.errors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  }, 120_000);
});
