// The skill-mix answers in the pane: a typed team of six builds a register, the pane reads it back and shows the
// coverage, gaps and single points of failure the domain computes for that team; links select the cell.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { type SkillRegister, competenceCover, personCoverage, rebuildRegister, statusCell, teamCoverage, trainingNeeds } from "../../src/domain";
import { columnLetter, parseRange } from "../../src/sheets/plan";
import { SKILL_MIX_TABLES } from "../../src/sheets/skillMix";
import { SkillMixTab } from "../../src/taskpane/skillMix/SkillMixTab";
import { parseTeamList } from "../../src/taskpane/skillMix/teamList";
import { catalog, newWorkbook } from "./renderApp";
import { TEAM_OF_SIX } from "../support/skillTeam";


function renderTab() {
  const workbook = newWorkbook();
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <SkillMixTab catalog={catalog} workbook={workbook} />
    </FluentProvider>,
  );
  return { user, workbook };
}

/** The register cell of a person and competence title. */
function cellOf(workbook: ReturnType<typeof newWorkbook>, name: string, title: string) {
  const t = workbook.getTable(SKILL_MIX_TABLES.teamSkills)!;
  const r = parseRange(t.address);
  const column = r.left + t.headers.indexOf(title);
  for (let row = r.top + 1; row <= r.bottom; row++) {
    if (workbook.cell(t.sheet, `A${row}`).value === name) return { sheet: t.sheet, at: `${columnLetter(column)}${row}` };
  }
  throw new Error(`${name} is not on the register`);
}

const pct = (f: number | null) => `${Math.round((f ?? 0) * 100)}%`;

describe("Skill mix answers in the pane", () => {
  it("a typed team of six: coverage, each person, gaps, single points of failure and training needs equal the domain's; links select the cell", async () => {
    const { user, workbook } = renderTab();
    const panel = screen.getByRole("tabpanel", { name: "Team register" });
    await user.click(within(panel).getByRole("radio", { name: "A list I type or paste" }));
    await user.click(within(panel).getByRole("textbox", { name: "People, one a line" }));
    await user.paste(TEAM_OF_SIX.join("\n"));
    await user.click(within(panel).getByRole("button", { name: "Build team register" }));
    await within(panel).findByText("Team register built", {}, { timeout: 10_000 });
    // After a build the pane reads the register back by itself.
    await within(panel).findByRole("region", { name: "Team coverage" });

    // The domain's register for the same team, then the same statuses the user enters in the sheet.
    const parsed = parseTeamList(TEAM_OF_SIX.join("\n"), catalog.roles);
    expect(parsed.warnings).toEqual([]);
    const built = rebuildRegister(catalog, parsed.people, null).register;
    const col = (i: number) => built.competences[i]!;
    const anaNeeds = built.cells[0]!.flatMap((cell, c) => (cell.kind === "blank" ? [c] : []));
    const benNeeds = new Set(built.cells[1]!.flatMap((cell, c) => (cell.kind === "blank" ? [c] : [])));
    const shared = anaNeeds.filter((c) => benNeeds.has(c));
    // Ana alone holds the first competence she needs (a single point of failure); Ana and Ben hold a shared one.
    const single = anaNeeds.find((c) => !shared.includes(c)) ?? anaNeeds[0]!;
    const both = shared[0]!;
    const entered: [number, number][] = [[0, single], [0, both], [1, both]];
    const cells = built.cells.map((row) => [...row]);
    for (const [p, c] of entered) {
      cells[p]![c] = statusCell("Competent");
      const at = cellOf(workbook, built.people[p]!.name, col(c).title);
      workbook.userTypes(at.sheet, at.at, "Competent");
    }
    const expected: SkillRegister = { ...built, cells };
    const team = teamCoverage(expected);
    const cover = competenceCover(expected);

    await user.click(within(panel).getByRole("button", { name: "Read the register again" }));
    const answers = await within(panel).findByRole("region", { name: "Team coverage" });
    await waitFor(() => expect(answers.textContent).toContain(`${team.competent} of ${team.needed} needed competences held`));
    expect(answers.textContent).toContain(`Team coverage ${pct(team.fraction)}`);
    expect(answers.textContent).toContain(
      `Of the ${team.competencesNeeded} competences the team needs, ${team.wellCovered} has at least 2 holders; ${team.noHolder} no holder; ${team.singlePoint} one holder`,
    );
    expect(team.singlePoint).toBe(1);

    const people = within(panel).getByRole("list", { name: "Each person's coverage" });
    expect(within(people).getAllByRole("listitem").map((li) => li.textContent)).toEqual(
      personCoverage(expected).map((p) => `${p.name}: ${pct(p.fraction)} (${p.competent} of ${p.needed})`),
    );
    const gaps = within(panel).getByRole("list", { name: "Gaps: no holder" });
    expect(within(gaps).getAllByRole("listitem")).toHaveLength(cover.filter((c) => c.risk === "No holder").length);
    const spof = within(panel).getByRole("list", { name: "Single points of failure" });
    expect(within(spof).getAllByRole("listitem").map((li) => li.textContent)).toEqual([`${col(single).title} — only Ana`]);
    const needs = within(panel).getByRole("list", { name: "Training needs" });
    expect(within(needs).getAllByRole("listitem").map((li) => li.textContent?.split(":")[0])).toEqual(trainingNeeds(expected).map((n) => n.person.name));

    // A link selects the register's cell: the single point of failure's column, and Ana's coverage.
    await user.click(within(spof).getByRole("button", { name: col(single).title }));
    const header = cellOf(workbook, "Ana", col(single).title);
    const t = workbook.getTable(SKILL_MIX_TABLES.teamSkills)!;
    expect(workbook.selection).toEqual({ sheet: "Team skills", address: `${header.at.replace(/\d+$/, "")}${parseRange(t.address).top}` });
    await user.click(within(people).getByRole("button", { name: "Ana" }));
    expect(workbook.selection?.address).toBe(`${columnLetter(parseRange(t.address).left + t.headers.indexOf("Coverage"))}${cellOf(workbook, "Ana", col(single).title).at.replace(/^[A-Z]+/, "")}`);
  });

  it("says there is no register yet when asked before one is built", async () => {
    const { user } = renderTab();
    const panel = screen.getByRole("tabpanel", { name: "Team register" });
    await user.click(within(panel).getByRole("button", { name: "Read the register" }));
    expect(await within(panel).findByText("No Team skills register in this workbook yet: build it above.")).toBeTruthy();
  });
});
