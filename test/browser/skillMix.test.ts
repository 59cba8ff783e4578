/**
 * The Skill mix tab in the built task pane, in Debian's chromium over the in-memory workbook: a small team typed
 * into the pane (keyboard from the radio group on), the register built, and the workbook checked as Excel would
 * hold it: the Team skills sheet, its register table with the people as rows and the competences as columns, and a
 * drop-down on every status cell. Console errors and requests leaving 127.0.0.1 fail the test.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, isFocused, screenshot, taskPaneInChromium, waitVisible } from "../support/browser";

const SCREENSHOT = path.join(ROOT, "test-results/skillmix.png");
const TEAM = ["Ana, Peer Support Worker, 3, 1", "Ben, Senior Engagement Worker, 5, 0.8", "Cy, RECONNECT Service Manager, 7, 1"];
const STATUSES = "Competent,Developing,Not yet,Not required";

const pane = taskPaneInChromium();

describe("Skill mix tab in chromium", () => {
  it("builds a team register from a typed team, with drop-downs on the status cells", async () => {
    const { session, page, found } = await pane.open("?workbook=memory");

    const tab = page.getByRole("tab", { name: "Skill mix" });
    await waitVisible(tab);
    await tab.click();
    const panel = page.getByRole("tabpanel", { name: "Skill mix" });
    const register = panel.getByRole("tab", { name: "Team register" });
    expect(await register.getAttribute("aria-selected")).toBe("true");

    // From the part's tab on, by keyboard: Tab into the source radios (the list is chosen: the demo workbook has no
    // staffing plan), Tab to the box.
    await register.focus();
    const list = panel.getByRole("radio", { name: "A list I type or paste" });
    await expect.poll(() => list.isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await isFocused(list)).toBe(true);
    await page.keyboard.press("Tab");
    const box = panel.getByRole("textbox", { name: "People, one a line" });
    expect(await isFocused(box)).toBe(true);
    // Entered at the keyboard's focus in one go, as a paste would: the parse is the point here, not each keystroke.
    await page.keyboard.insertText(TEAM.join("\n"));
    await waitVisible(panel.getByText("3 people read."));
    await page.keyboard.press("Tab");
    const build = panel.getByRole("button", { name: "Build team register" });
    expect(await isFocused(build)).toBe(true);
    await page.keyboard.press("Enter");

    const outcome = panel.locator(".fui-MessageBar", { hasText: "Team register built" });
    await waitVisible(outcome, 15_000);
    expect(await outcome.textContent()).toContain("Added 3 people: Ana, Ben and Cy.");
    expect(await outcome.textContent()).toContain("Created sheet “Team skills”.");
    await waitVisible(panel.getByText("In this workbook now: holders wanted 2, hide counts below 5."));

    // The workbook as Excel would hold it.
    const book = await page.evaluate(async (statusList) => {
      const wb = window.wfpWorkbook!;
      const t = wb.getTable("Team_Skills")!;
      const data = (await wb.readTable("Team_Skills"))!;
      const [from, to] = t.address.split(":") as [string, string];
      const col = (a: string) => [...a.replace(/\d+$/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const letter = (n: number): string => (n > 26 ? letter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
      const top = Number(from.replace(/^[A-Z]+/, ""));
      const first = col(from) + data.headers.indexOf("Check") + 1;
      const last = col(to);
      let withDropDown = 0;
      let statusCells = 0;
      for (let row = top + 1; row <= top + data.rows.length; row++) {
        for (let c = first; c <= last; c++) {
          statusCells++;
          if (wb.cell(t.sheet, `${letter(c)}${row}`).validation === statusList) withDropDown++;
        }
      }
      return { sheets: wb.sheetNames(), sheet: t.sheet, headers: data.headers, names: data.rows.map((r) => r[0]), roles: data.rows.map((r) => r[1]), withDropDown, statusCells, competenceColumns: last - first + 1 };
    }, STATUSES);
    expect(book.sheets).toEqual(["Sheet1", "Team skills", "Skill mix summary", "Training needs"]);
    expect(book.sheet).toBe("Team skills");
    expect(book.names).toEqual(["Ana", "Ben", "Cy"]);
    expect(book.roles).toEqual(["RECONNECT Peer Support Worker", "RECONNECT Senior Engagement Worker", "RECONNECT Service Manager"]);
    expect(book.headers.slice(0, 10)).toEqual(["Name", "Role", "Band", "Level", "WTE", "Review date", "Needed", "Competent", "Coverage", "Check"]);
    expect(book.competenceColumns).toBeGreaterThan(50);
    expect(book.headers).toContain("Communicate effectively in a health care environment");
    expect(book.statusCells).toBe(3 * book.competenceColumns);
    expect(book.withDropDown).toBe(book.statusCells);

    // Nothing wider than the task pane.
    expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, SCREENSHOT);
    expect(found.errors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  }, 90_000);

  it("shows which sheet it is writing for a larger pasted team, and the page gets turns while it writes", async () => {
    const { session, page, found } = await pane.open("?workbook=memory");
    const tab = page.getByRole("tab", { name: "Skill mix" });
    await waitVisible(tab);
    await tab.click();
    const panel = page.getByRole("tabpanel", { name: "Skill mix" });
    await panel.getByRole("radio", { name: "A list I type or paste" }).click();
    const roles = ["Peer Support Worker", "Senior Engagement Worker", "RECONNECT Service Manager", "liaison-diversion-service-manager"];
    const team = Array.from({ length: 400 }, (_, i) => `P${i + 1}, ${roles[i % 4]}, ${3 + (i % 4)}, 1`);
    await panel.getByRole("textbox", { name: "People, one a line" }).fill(team.join("\n"));
    await waitVisible(panel.getByText("400 people read."));

    // Watch the pane while it builds: the progress labels it shows, and the timer turns the page gets.
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; turns: number; timer: ReturnType<typeof setInterval> };
      w.seen = [];
      w.turns = 0;
      w.timer = setInterval(() => w.turns++, 5);
      new MutationObserver(() => {
        const label = document.querySelector("[role=progressbar]")?.closest(".fui-Field")?.querySelector("label")?.textContent;
        if (label && w.seen.at(-1) !== label) w.seen.push(label);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await panel.getByRole("button", { name: "Build team register" }).click();
    const outcome = panel.locator(".fui-MessageBar", { hasText: "Team register built" });
    await waitVisible(outcome, 60_000);
    expect(await outcome.textContent()).toContain("Added 400 people: P1, P2, P3, P4, P5 and 395 more.");
    const watched = await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; turns: number; timer: ReturnType<typeof setInterval> };
      clearInterval(w.timer);
      return { seen: w.seen, turns: w.turns };
    });
    // The three sheets go to the workbook in as few write requests as fit (writePlans): each sheet is announced
    // before the first request that carries it, so sheets sharing a request are announced together and the pane
    // shows the last of them. What is seen is the read, then sheets in order, ending with the last.
    const sheets = ["Writing “Team skills” (sheet 1 of 3)…", "Writing “Skill mix summary” (sheet 2 of 3)…", "Writing “Training needs” (sheet 3 of 3)…"];
    expect(watched.seen[0]).toBe("Reading the workbook…");
    expect(watched.seen.at(-1)).toBe(sheets[2]);
    const shown = watched.seen.slice(1);
    expect(shown.every((label) => sheets.includes(label))).toBe(true);
    expect(shown.map((label) => sheets.indexOf(label))).toEqual([...shown.map((label) => sheets.indexOf(label))].sort());
    expect(watched.turns).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => window.wfpWorkbook!.readTable("Team_Skills").then((t) => t!.rows.length))).toBe(400);
    expect(found.errors).toEqual([]);
    expect(session.offsiteRequests).toEqual([]);
  }, 120_000);
});
