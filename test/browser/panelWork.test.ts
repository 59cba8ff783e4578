/**
 * The issue-13 user journeys in the built task pane, in Debian's chromium at 350 px on the demo workbook: a JE panel
 * enters the Professional Manager 8a–8b levels as the national-profile document writes them (550–599, band 8a–8b,
 * one log row with both ends); Roles finds the three national profiles; a typed team of six builds a register and
 * the pane shows the coverage, gaps and single points of failure the domain computes. The tab row at 320 px and
 * axe-core on every tab are in tabsAndAxe.test.ts.
 */
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { competenceCover, rebuildRegister, statusCell, teamCoverage } from "../../src/domain";
import { parseTeamList } from "../../src/taskpane/skillMix/teamList";
import { openTab, taskPaneInChromium, waitVisible } from "../support/browser";
import { TEAM_OF_SIX } from "../support/skillTeam";

const catalog = defaultCatalog();
const PM_8A_8B = ["5 (a) (b)", "6", "5", "4", "2-3 (a)(b)", "7", "4", "4 (a) (c)", "4(a)", "1", "1-3", "5", "1/ 2(b); (d)/ 3 (c)", "3(a)", "2-3(b)", "2-3"];

const pane = taskPaneInChromium();


describe("panel work at 350 px in chromium", () => {
  it("JE: Professional Manager 8a–8b as the document writes it → 550–599, band 8a–8b, one log row with both ends", async () => {
    const { page, found } = await pane.open("?workbook=memory");
    await page.setViewportSize({ width: 350, height: 900 });
    await waitVisible(page.getByRole("tab", { name: "Roles" }));
    await openTab(page, "JE calculator");
    const panel = page.getByRole("tabpanel", { name: "JE calculator" });
    await panel.getByRole("textbox", { name: /Post name/ }).fill("Professional Manager");
    const fields = panel.getByRole("textbox", { name: /^\d+\. / });
    expect(await fields.count()).toBe(16);
    for (let i = 0; i < 16; i++) await fields.nth(i).fill(PM_8A_8B[i]!);
    const result = panel.getByRole("status").first();
    await expect.poll(() => result.textContent()).toContain("JE score 550–599");
    expect(await result.textContent()).toContain("Band 8a–8b");
    expect(await result.textContent()).toContain("Lowest 550: 10 points above band 8a's lower boundary (540)");
    expect(await result.textContent()).toContain("Highest 599: 14 points above band 8b's lower boundary (585)");
    await panel.getByRole("button", { name: "Add to JE log" }).click();
    await waitVisible(page.getByText("Created sheet “JE log”"), 20_000);
    const log = await page.evaluate(() => window.wfpWorkbook!.readTable("JE_Log"));
    expect(log?.rows).toHaveLength(1);
    expect(log!.rows[0]!.slice(18)).toEqual([550, 599, "8a", "8b"]);

    // Roles: the three national profiles.
    await openTab(page, "Roles");
    await page.getByRole("searchbox", { name: "Search role or competence" }).fill("Professional Manager");
    await waitVisible(page.getByRole("heading", { name: "National job profiles (3 of 3)" }));
    expect(await page.getByRole("radio", { name: /National profile · JE/ }).count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    expect(found.errors).toEqual([]);
  }, 120_000);

  it("skill mix: a typed team of six builds a register; the pane's coverage, gaps and single points of failure are the domain's", async () => {
    const { page, found } = await pane.open("?workbook=memory");
    await page.setViewportSize({ width: 350, height: 900 });
    await waitVisible(page.getByRole("tab", { name: "Roles" }));
    await openTab(page, "Skill mix");
    const panel = page.getByRole("tabpanel", { name: "Team register" });
    await panel.getByRole("radio", { name: "A list I type or paste" }).check();
    await panel.getByRole("textbox", { name: "People, one a line" }).fill(TEAM_OF_SIX.join("\n"));
    await panel.getByRole("button", { name: "Build team register" }).click();
    await waitVisible(panel.getByText("Team register built"), 30_000);
    await waitVisible(panel.getByRole("region", { name: "Team coverage" }), 20_000);

    // Ana alone is Competent in her first competence: one single point of failure, as the user would mark it.
    const built = rebuildRegister(catalog, parseTeamList(TEAM_OF_SIX.join("\n"), catalog.roles).people, null).register;
    const first = built.cells[0]!.findIndex((c) => c.kind === "blank");
    const title = built.competences[first]!.title;
    await page.evaluate((t) => {
      const wb = window.wfpWorkbook!;
      const table = wb.getTable("Team_Skills")!;
      const [start] = table.address.split(":");
      const top = Number(start!.replace(/^[A-Z]+/, ""));
      const col = table.headers.indexOf(t);
      const letters = (n: number): string => (n <= 0 ? "" : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
      const left = start!.replace(/\d+$/, "").split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      wb.userTypes(table.sheet, `${letters(left + col)}${top + 1}`, "Competent");
    }, title);
    await panel.getByRole("button", { name: "Read the register again" }).click();
    const cells = built.cells.map((r) => [...r]);
    cells[0]![first] = statusCell("Competent");
    const expected = { ...built, cells };
    const team = teamCoverage(expected);
    const cover = competenceCover(expected);
    const coverage = panel.getByRole("region", { name: "Team coverage" });
    await expect.poll(() => coverage.textContent()).toContain(`${team.competent} of ${team.needed} needed competences held`);
    expect(await panel.getByRole("heading", { name: /^Gaps: no holder/ }).textContent()).toBe(`Gaps: no holder (${cover.filter((c) => c.risk === "No holder").length})`);
    expect(await panel.getByRole("heading", { name: /^Single points of failure \(/ }).textContent()).toBe("Single points of failure (1)");
    expect(await panel.getByRole("list", { name: "Single points of failure" }).textContent()).toBe(`${title} — only Ana`);
    expect(team.singlePoint).toBe(1);
    expect(found.errors).toEqual([]);
  }, 120_000);
});
