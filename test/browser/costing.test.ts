/**
 * The Costing tab of the built task pane in Debian's chromium, over the in-memory workbook: a post costed live,
 * two posts added through the form (keyboard and clicks), the staffing plan built and read back from
 * window.wfpWorkbook, scenario B compared; nothing wider than the pane, no console errors, nothing sent offsite.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT, isFocused, screenshot as screenshotTo, taskPaneInChromium, waitVisible } from "../support/browser";

const SHOTS = path.join(ROOT, "test-results");
const pane = taskPaneInChromium();

describe("Costing tab in chromium", () => {
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
  const screenshot = (page: Page, name: string) => screenshotTo(page, path.join(SHOTS, name));

  it("costs a post, adds two posts, builds the plan and compares scenarios", async () => {
    const { session, page, found } = await pane.open("?workbook=memory");
    const costing = page.getByRole("tab", { name: "Costing" });
    await waitVisible(costing);
    // The top tabs fit the pane: the second, Costing, is reached with the arrow keys and opened with Enter.
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowRight");
    expect(await isFocused(costing)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await costing.getAttribute("aria-selected")).toBe("true");

    // Post cost: the live figure follows the fields. The "More" button (tabs the row has no room for) comes first.
    const more = page.getByRole("button", { name: /more tabs/ });
    if (await more.isVisible()) {
      await page.keyboard.press("Tab");
      expect(await isFocused(more)).toBe(true);
    }
    await page.keyboard.press("Tab");
    expect(await isFocused(page.getByRole("tab", { name: "Post cost" }))).toBe(true);
    await page.getByRole("combobox", { name: "Band" }).selectOption("6");
    await page.getByRole("textbox", { name: "WTE" }).fill("0.8");
    await page.getByRole("combobox", { name: "HCAS zone" }).selectOption("outer-london");
    const total = page.getByRole("tabpanel", { name: "Post cost" }).getByRole("status");
    await expect.poll(() => total.textContent()).toContain("£53,611.34");
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, "costing-post.png");

    // Staffing plan: two posts through the form.
    await page.getByRole("tab", { name: "Plan", exact: true }).click();
    const plan = page.getByRole("tabpanel", { name: "Plan", exact: true });
    await plan.getByRole("textbox", { name: "Post name" }).click();
    await page.keyboard.type("Practitioner 1");
    await page.keyboard.press("Tab");
    const role = plan.getByRole("combobox", { name: "Role" });
    expect(await isFocused(role)).toBe(true);
    await page.keyboard.type("Liaison");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await role.inputValue()).toBe("Liaison and Diversion Operational/Service Manager");
    await plan.getByRole("combobox", { name: "Band" }).selectOption("6");
    await plan.getByRole("textbox", { name: "WTE" }).fill("0.8");
    await plan.getByRole("combobox", { name: "HCAS zone" }).selectOption("outer-london");
    await plan.getByRole("textbox", { name: "WTE" }).press("Enter"); // Enter adds the post
    await expect.poll(() => plan.getByRole("list", { name: "Posts to add" }).getByRole("listitem").count()).toBe(1);
    expect(await isFocused(plan.getByRole("textbox", { name: "Post name" }))).toBe(true);

    await page.keyboard.type("Peer support worker");
    await role.fill("RECONNECT Peer Support Worker");
    await plan.getByRole("combobox", { name: "Band" }).selectOption("4");
    await plan.getByRole("textbox", { name: "WTE" }).fill("1");
    await plan.getByRole("combobox", { name: "HCAS zone" }).selectOption("none");
    await plan.getByRole("combobox", { name: "Status" }).selectOption("Vacant");
    await plan.getByRole("button", { name: "Add post" }).click();
    await expect.poll(() => plan.getByRole("list", { name: "Posts to add" }).getByRole("listitem").count()).toBe(2);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, "costing-list.png");

    await plan.getByRole("button", { name: "Build staffing plan" }).click();
    await waitVisible(plan.getByText("Staffing plan built"), 10_000);
    const built = await page.evaluate(async () => {
      const wb = window.wfpWorkbook!;
      const t = (await wb.readTable("Staffing_Plan"))!;
      return { sheets: wb.sheetNames(), headers: t.headers, rows: t.rows.map((r) => r.slice(0, 7)) };
    });
    expect(built.sheets).toEqual(["Sheet1", "Pay scales", "On-costs", "Staffing plan", "Plan summary"]);
    expect(built.headers.slice(0, 7)).toEqual(["Post", "Role", "Band", "Point", "WTE", "HCAS zone", "Status"]);
    expect(built.rows).toEqual([
      ["Practitioner 1", "Liaison and Diversion Operational/Service Manager", 6, "top", 0.8, "outer-london", "In post"],
      ["Peer support worker", "RECONNECT Peer Support Worker", 4, "top", 1, "none", "Vacant"],
    ]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, "costing.png");

    // Compare: scenario B from the plan, and the comparison.
    await page.getByRole("tab", { name: "Compare" }).click();
    const compare = page.getByRole("tabpanel", { name: "Compare" });
    await compare.getByRole("button", { name: "Compare scenarios" }).click();
    await waitVisible(compare.getByText("Scenarios compared"), 10_000);
    const sheets = await page.evaluate(() => window.wfpWorkbook!.sheetNames());
    expect(sheets.slice(-2)).toEqual(["Staffing plan B", "Compare scenarios"]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, "costing-compare.png");

    await page.getByRole("tab", { name: "Pay tables" }).click();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, "costing-pay.png");

    expect(found.errors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  }, 90_000);
});
