/**
 * The Catalog tab in the built task pane, in Debian's chromium: a role profile PDF read by pdf.js in the page (its
 * chunks loaded on demand from the add-in's own origin, under the page's Content-Security-Policy, with no worker
 * file), then added to the in-memory workbook's Catalog sheet and shown as the workbook's role on the Roles tab.
 * Console errors (a CSP refusal among them) and any request leaving 127.0.0.1 fail the test.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, openTab, screenshot, taskPaneInChromium } from "../support/browser";
import { textToPdf } from "../support/pdfWriter";
import { SEED_FILES, readSeed } from "../support/seeds";

const SCREENSHOT = path.join(ROOT, "test-results/catalog.png");

const pane = taskPaneInChromium();

describe("Catalog tab in chromium", () => {
  it("reads a role profile PDF with pdf.js loaded on demand, and adds the role to the workbook's catalog", async () => {
    const scripts: string[] = [];
    const { session, page, found } = await pane.open("?workbook=memory", {
      beforeLoad: (page) =>
        page.on("request", (request) => {
          if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
        }),
    });
    const panel = await openTab(page, "Catalog");
    await panel.getByText("This workbook has no Catalog sheet yet").waitFor();
    const before = scripts.length;

    const pdf = textToPdf(readSeed(SEED_FILES["reconnect-service-manager"]));
    await panel.getByLabel("Or choose a file (.txt or .pdf)").setInputFiles({ name: "service-manager.pdf", mimeType: "application/pdf", buffer: pdf });
    const read = panel.getByRole("region", { name: "The role as read" });
    await read.getByRole("heading", { name: "RECONNECT Service Manager" }).waitFor({ timeout: 30_000 });
    expect(await panel.getByText("Read with no problems.").isVisible()).toBe(true);
    // pdf.js came in as chunks of its own, after the page loaded, from this origin.
    expect(scripts.slice(before).length).toBeGreaterThanOrEqual(2);

    await panel.getByRole("textbox", { name: "Role id" }).fill("court-service-manager");
    await panel.getByRole("textbox", { name: "Title" }).fill("Court Service Manager");
    await panel.getByRole("button", { name: "Add to the Catalog sheet" }).click();
    await panel.getByText("Created sheet “Catalog”").waitFor({ timeout: 10_000 });
    await panel.getByRole("list", { name: "From this workbook (1)" }).waitFor();
    const rows = await page.evaluate(async () => (await window.wfpWorkbook!.readTable("Catalog_Roles"))!.rows.map((r) => [r[0], r[1]]));
    expect(rows).toEqual([["court-service-manager", "Court Service Manager"]]);

    await openTab(page, "Roles");
    const role = page.getByRole("radio", { name: /Court Service Manager/ });
    await role.waitFor();
    expect(await page.getByText("From this workbook's Catalog sheet").isVisible()).toBe(true);

    await openTab(page, "Catalog");
    await screenshot(page, SCREENSHOT);
    expect(found.errors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  }, 90_000);
});
