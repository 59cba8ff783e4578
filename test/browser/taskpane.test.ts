/**
 * The built task pane in Debian's chromium: start-up, a role profile inserted through the UI (keyboard only) into
 * the in-memory workbook, a JE evaluation logged, and the needs-Excel page outside Office. Console errors (a
 * Content-Security-Policy refusal among them) and any request leaving 127.0.0.1 fail the test.
 */
import path from "node:path";
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type BrowserSession, type Motion, type OpenedPane, ROOT, isFocused, screenshot, taskPaneInChromium, waitVisible } from "../support/browser";

const ROLE = "RECONNECT Peer Support Worker";
const COMPETENCE_TABLE = "Competences_reconnect_peer_support_worker";
const SCREENSHOT = path.join(ROOT, "test-results/taskpane.png");
const LEVELS_8A = [5, 6, 5, 4, 2, 7, 4, 4, 4, 1, 1, 5, 1, 3, 2, 2];

const pane = taskPaneInChromium();

describe("task pane in chromium", () => {
  let session: BrowserSession | undefined;
  async function open(query: string, officeJs = true, motion: Motion = "reduced"): Promise<OpenedPane> {
    const opened = await pane.open(query, { officeJs, motion });
    session = opened.session;
    return opened;
  }

  it("inserts a role profile into the memory workbook, by keyboard alone", async () => {
    // With Fluent's motions played, as most users see them (the other browser tests cut them short, see Motion):
    // the competences still show once the principle's collapse has run, and the screenshot waits for the motions.
    const { page, found } = await open("?workbook=memory", true, "full");
    await waitVisible(page.getByRole("tab", { name: "Roles" }));

    // From the top of the page: Tab through the controls in reading order.
    const tabTo = async (locator: Locator) => {
      await page.keyboard.press("Tab");
      expect(await isFocused(locator)).toBe(true);
    };
    await tabTo(page.getByRole("tab", { name: "Roles" }));
    // The tabs the row has no room for are under "More", next in the Tab order.
    const more = page.getByRole("button", { name: /more tabs/ });
    if (await more.isVisible()) await tabTo(more);
    await tabTo(page.getByRole("searchbox", { name: "Search role or competence" }));
    await page.keyboard.type("peer support");
    await expect.poll(() => page.getByRole("radio").count()).toBe(1);
    await tabTo(page.getByRole("combobox", { name: "Service" }));
    await tabTo(page.getByRole("combobox", { name: "Career framework level" }));
    const role = page.getByRole("radio", { name: new RegExp(ROLE) });
    await tabTo(role);
    await page.keyboard.press("Space");
    expect(await role.isChecked()).toBe(true);
    await tabTo(page.getByRole("button", { name: "Insert role profile" }));
    await page.keyboard.press("Enter");
    await waitVisible(page.getByText(`Created sheet “${ROLE}”`), 10_000);

    // On into the competences: a principle opens with Enter.
    const communication = page.getByRole("button", { name: "1. Communication (1)" }).first();
    await tabTo(communication);
    await page.keyboard.press("Enter");
    expect(await communication.getAttribute("aria-expanded")).toBe("true");
    await waitVisible(page.getByText("Communicate effectively in a health care environment").first(), 5000);

    // The workbook as Excel would hold it.
    const sheet = await page.evaluate(
      ({ role, table }) => {
        const wb = window.wfpWorkbook!;
        const t = wb.getTable(table);
        return { sheets: wb.sheetNames(), title: wb.cell(role, "A1").value, table: t };
      },
      { role: ROLE, table: COMPETENCE_TABLE },
    );
    expect(sheet.sheets).toEqual(["Sheet1", ROLE]);
    expect(sheet.title).toBe(ROLE);
    expect(sheet.table?.sheet).toBe(ROLE);
    expect(sheet.table?.headers).toEqual(["Section", "Underpinning principle", "Reference function", "Competence", "NOS code"]);
    const [top, bottom] = sheet.table!.address.split(":").map((a) => Number(a.replace(/^[A-Z]+/, "")));
    expect(bottom! - top!).toBe(43); // 43 body rows under the header row

    // Nothing wider than the task pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, SCREENSHOT);
    expect(found.errors).toEqual([]);
    expect(session!.offsiteRequests).toEqual([]);
  }, 60_000);

  it("scores a JE evaluation live and logs it", async () => {
    const { page, found } = await open("?workbook=memory");
    const calculator = page.getByRole("tab", { name: "JE calculator" });
    await waitVisible(page.getByRole("tab", { name: "Roles" }));
    // In the row, or under "More" when the row has no room for it.
    if (await calculator.isVisible()) await calculator.click();
    else {
      await page.getByRole("button", { name: /more tabs/ }).click();
      await page.getByRole("list", { name: "More tabs" }).getByRole("button", { name: "JE calculator" }).click();
    }
    await expect.poll(() => calculator.getAttribute("aria-selected")).toBe("true");
    await calculator.focus();

    await page.getByRole("textbox", { name: /Post name/ }).fill("L&D Team Leader");
    const selects = page.getByRole("textbox", { name: /^\d+\. / });
    expect(await selects.count()).toBe(16);
    for (let i = 0; i < 16; i++) await selects.nth(i).fill(String(LEVELS_8A[i]));
    const result = page.getByRole("status");
    expect(await result.textContent()).toContain("JE score 550");
    expect(await result.textContent()).toContain("Band 8a");

    // The last field, reached by Tab, is not hidden under the sticky result.
    await selects.nth(14).focus();
    await page.keyboard.press("Tab");
    const last = await selects.nth(15).boundingBox();
    const card = await result.boundingBox();
    expect(last!.y).toBeGreaterThanOrEqual(card!.y + card!.height);

    await page.getByRole("button", { name: "Add to JE log" }).click();
    await waitVisible(page.getByText("Created sheet “JE log”").first(), 20_000);
    const log = await page.evaluate(() => window.wfpWorkbook!.readTable("JE_Log"));
    expect(log?.rows).toHaveLength(1);
    expect(log!.rows[0]!.slice(1, 2)).toEqual(["L&D Team Leader"]);
    expect(log!.rows[0]!.slice(18)).toEqual([550, 550, "8a", "8a"]);
    expect(found.errors).toEqual([]);
    expect(session!.offsiteRequests).toEqual([]);
  }, 60_000);

  it("says it needs Excel when opened in a browser with office.js, and office.js sends nothing", async () => {
    const { page, found } = await open("");
    await waitVisible(page.getByRole("heading", { name: "Workforce Planner needs Excel" }));
    expect(await page.getByRole("tab").count()).toBe(0);
    expect(await page.getByRole("link", { name: "demo with an in-memory workbook" }).getAttribute("href")).toBe("?workbook=memory");
    // office.js tries its telemetry frame 3 s after loading: wait for that try. The policy refuses it (that refusal
    // is set aside in found.refusedTelemetry); had it got through, offsiteRequests would hold its URL.
    await expect.poll(() => found.refusedTelemetry.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(found.errors).toEqual([]);
    expect(session!.offsiteRequests).toEqual([]);
  }, 60_000);

  it("says it needs Excel when office.js can't be loaded, and the demo still works", async () => {
    const { page, found } = await open("", false);
    await waitVisible(page.getByRole("heading", { name: "Workforce Planner needs Excel" }));
    await page.getByRole("link", { name: "demo with an in-memory workbook" }).click();
    await waitVisible(page.getByRole("tab", { name: "Roles" }));
    // Without office.js the page logs the failed load, and other bundles may stumble on the missing Office
    // globals; none of it comes from the task pane's own code.
    const fromTaskPane = found.exceptions.filter((e) => /\/taskpane\.[0-9a-f]+\.js/.test(e.stack ?? ""));
    expect(fromTaskPane.map((e) => e.message)).toEqual([]);
  }, 60_000);
});
