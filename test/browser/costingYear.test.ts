/**
 * Issue 13, defect 10: at 350 px the Costing tab's Year read "2026/27 (indicativ". In Debian's chromium at 320 and
 * 350 px, on the demo workbook, every Year field of the Costing tab (Post cost and Plan) shows its chosen option
 * whole: the text of the option, set in the select's own font, fits the select's box less its padding (where
 * Fluent draws the chevron). A <select> does not scroll, so its scrollWidth says nothing about clipping; the text
 * is measured instead. The pane is no wider than the window, and Costing's four part tabs stay on one row.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { taskPaneInChromium, waitVisible } from "../support/browser";

const pane = taskPaneInChromium();

/** The chosen option's text width and the room the select gives it, in CSS pixels. */
function fit(select: Locator): Promise<{ text: string; textWidth: number; room: number }> {
  return select.evaluate((el) => {
    const s = el as HTMLSelectElement;
    const style = getComputedStyle(s);
    const probe = document.createElement("span");
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
    probe.style.font = style.font;
    probe.style.letterSpacing = style.letterSpacing;
    const text = s.options[s.selectedIndex]?.text ?? "";
    probe.textContent = text;
    document.body.append(probe);
    const textWidth = probe.getBoundingClientRect().width;
    probe.remove();
    const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text, textWidth, room };
  });
}

async function openCostingPart(page: Page, part: "Post cost" | "Plan"): Promise<Locator> {
  const costing = page.getByRole("tab", { name: "Costing", exact: true });
  if (await costing.isVisible()) await costing.click();
  else {
    await page.getByRole("button", { name: /more tabs/ }).click();
    await page.getByRole("list", { name: "More tabs" }).getByRole("button", { name: "Costing", exact: true }).click();
  }
  await page.getByRole("tab", { name: part, exact: true }).click();
  const panel = page.getByRole("tabpanel", { name: part, exact: true });
  await waitVisible(panel);
  return panel;
}

describe("Costing's Year field at a narrow pane in chromium", () => {
  it.each([350, 320])("shows “2026/27 (indicative)” whole at %i px, in Post cost and in Plan", async (width) => {
    const { page, found } = await pane.open("?workbook=memory");
    await page.setViewportSize({ width, height: 900 });
    await waitVisible(page.getByRole("tab", { name: "Roles" }));
    for (const part of ["Post cost", "Plan"] as const) {
      const year = (await openCostingPart(page, part)).getByRole("combobox", { name: "Year" });
      const indicative = await year.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.text).find((t) => t.includes("indicative")));
      expect(indicative, "the catalog has an indicative year").toBeDefined();
      await year.selectOption({ label: indicative! });
      const { text, textWidth, room } = await fit(year);
      expect(text).toBe(indicative);
      expect(textWidth, `${part}: “${text}” is ${textWidth.toFixed(1)} px in ${room.toFixed(1)} px at ${width} px`).toBeLessThanOrEqual(room);
      // The pane as a whole: nothing wider than the window (at 320 px the Costing tab's row of four small tabs was
      // 11 px too wide until its tabs took narrower padding there).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), part).toBeLessThanOrEqual(width);
    }
    // Costing's parts on one row at both widths: every part tab's top is the first one's.
    const tops = await page.getByRole("tablist", { name: "Costing", exact: true }).getByRole("tab").evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThanOrEqual(4);
    expect(new Set(tops).size, `part tab tops at ${width} px: ${tops.join(", ")}`).toBe(1);
    expect(found.errors).toEqual([]);
  }, 120_000);
});
