import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { type PlannedPost, progressionGap, roleCompetenceIds } from "../../src/domain";
import type { WorkbookAdapter } from "../../src/excel/adapter";
import { columnLetter, parseRange } from "../../src/sheets/plan";
import { SKILL_MIX_TABLES } from "../../src/sheets/skillMix";
import { SkillMixTab } from "../../src/taskpane/skillMix/SkillMixTab";
import { buildStaffingPlan } from "../../src/workbook/costing";
import { catalog, newWorkbook } from "./renderApp";

type Workbook = ReturnType<typeof newWorkbook>;
type User = ReturnType<typeof userEvent.setup>;

const PSW = "RECONNECT Peer Support Worker";
const SEW = "RECONNECT Senior Engagement Worker";
const role = (id: string) => catalog.roles.find((r) => r.id === id)!;
const title = (id: string) => catalog.competenceIndex.byId.get(id)!.title;
const pswIds = roleCompetenceIds(role("reconnect-peer-support-worker"));
const sewIds = roleCompetenceIds(role("reconnect-senior-engagement-worker"));
const shared = pswIds.filter((id) => sewIds.includes(id));
const TEAM = ["Ana, Peer Support Worker, 3, 1", `Ben, ${SEW}, 5, 0.8`, "Cy, reconnect-peer-support-worker, band 3, 0.5"];

/** The tab on its own, over a memory workbook (or any adapter), as App shows it. */
function renderTab(workbook: WorkbookAdapter = newWorkbook()) {
  // No pause between keystrokes: these tests are about what the pane does, not typing speed.
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <SkillMixTab catalog={catalog} workbook={workbook} />
    </FluentProvider>,
  );
  return { user, workbook };
}

async function openPart(user: User, part: "Team register" | "Role matrix" | "Progression") {
  await user.click(screen.getByRole("tab", { name: part }));
  return screen.getByRole("tabpanel", { name: part });
}

/** The message bar holding a text. */
async function barWith(panel: HTMLElement, text: string): Promise<HTMLElement> {
  return (await within(panel).findByText(text, {}, { timeout: 5000 })).closest(".fui-MessageBar") as HTMLElement;
}

/** The message under a field: what aria-describedby points at. */
function describedBy(control: HTMLElement): string {
  return (control.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}

async function typeTeam(user: User, panel: HTMLElement, lines: readonly string[]) {
  await user.click(within(panel).getByRole("radio", { name: "A list I type or paste" }));
  const box = within(panel).getByRole("textbox", { name: "People, one a line" });
  await user.clear(box);
  // Pasted, as a team usually arrives; typing it works the same.
  await user.click(box);
  await user.paste(lines.join("\n"));
  return box;
}

async function rows(workbook: Workbook, table: string = SKILL_MIX_TABLES.teamSkills) {
  const t = (await workbook.readTable(table))!;
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

/** The register cell of a person and competence, as a user would pick it from the drop-down. */
function registerCell(workbook: Workbook, name: string, competenceId: string): { sheet: string; at: string } {
  const t = workbook.getTable(SKILL_MIX_TABLES.teamSkills)!;
  const r = parseRange(t.address);
  const column = r.left + t.headers.indexOf(title(competenceId));
  for (let row = r.top + 1; row <= r.bottom; row++) {
    if (workbook.cell(t.sheet, `A${row}`).value === name) return { sheet: t.sheet, at: `${columnLetter(column)}${row}` };
  }
  throw new Error(`${name} is not on the register`);
}

describe("Skill mix: role matrix", () => {
  it("starts with every L&D and RECONNECT role chosen, inserts the chosen ones, and refreshes", async () => {
    const { user, workbook } = renderTab();
    const panel = await openPart(user, "Role matrix");
    const boxes = within(panel).getAllByRole("checkbox");
    // By service: Liaison and Diversion, then RECONNECT.
    expect(boxes.map((b) => [b.closest(".fui-Checkbox")!.textContent, (b as HTMLInputElement).checked])).toEqual([
      ["Liaison and Diversion Operational/Service Manager", true],
      ["RECONNECT Service Manager", true],
      [SEW, true],
      [PSW, true],
    ]);
    expect(within(panel).getByRole("group", { name: "Liaison and Diversion" })).toBeTruthy();
    expect(within(panel).getByText("Roles in the matrix (4 of 4)")).toBeTruthy();

    await user.click(within(panel).getByRole("checkbox", { name: "Liaison and Diversion Operational/Service Manager" }));
    expect(within(panel).getByText("Roles in the matrix (3 of 4)")).toBeTruthy();
    await user.click(within(panel).getByRole("button", { name: "Insert role matrix" }));
    const bar = await barWith(panel, "Role matrix inserted");
    expect(bar.textContent).toContain("3 roles: RECONNECT Service Manager; RECONNECT Senior Engagement Worker; RECONNECT Peer Support Worker.");
    expect(bar.textContent).toContain("Created sheet “Role matrix”.");
    const wb = workbook as Workbook;
    expect(wb.getTable(SKILL_MIX_TABLES.roleMatrix)!.headers.slice(3, 6)).toEqual(["RECONNECT Service Manager", SEW, PSW]);

    // Again with one role fewer: the same sheet, refreshed.
    await user.click(within(panel).getByRole("checkbox", { name: "RECONNECT Service Manager" }));
    await user.click(within(panel).getByRole("button", { name: "Insert role matrix" }));
    await barWith(panel, "Refreshed sheet “Role matrix”.");
    expect(wb.getTable(SKILL_MIX_TABLES.roleMatrix)!.headers.slice(3)).not.toContain("RECONNECT Service Manager");
    expect(wb.sheetNames()).toEqual(["Sheet1", "Role matrix"]);
  });

  it("asks for at least one role, and writes nothing without one", async () => {
    const { user, workbook } = renderTab();
    const panel = await openPart(user, "Role matrix");
    for (const box of within(panel).getAllByRole("checkbox")) await user.click(box);
    await user.click(within(panel).getByRole("button", { name: "Insert role matrix" }));
    expect(within(panel).getByRole("alert").textContent).toBe("Choose at least one role for the matrix.");
    expect(document.activeElement).toBe(within(panel).getAllByRole("checkbox")[0]);
    expect((workbook as Workbook).sheetNames()).toEqual(["Sheet1"]);
  });

  it("on a conflict says what is in the way, and writes to a new sheet when asked", async () => {
    const { user, workbook } = renderTab();
    const wb = workbook as Workbook;
    const panel = await openPart(user, "Role matrix");
    for (const name of [SEW, "RECONNECT Service Manager", "Liaison and Diversion Operational/Service Manager"]) {
      await user.click(within(panel).getByRole("checkbox", { name }));
    }
    await user.click(within(panel).getByRole("button", { name: "Insert role matrix" }));
    await barWith(panel, "Created sheet “Role matrix”.");
    // The user writes a note beside the one-role matrix, where a wider one would go.
    const t = parseRange(wb.getTable(SKILL_MIX_TABLES.roleMatrix)!.address);
    const note = `${columnLetter(t.right + 1)}${t.top + 12}`;
    wb.userTypes("Role matrix", note, "my note");
    await user.click(within(panel).getByRole("checkbox", { name: SEW }));
    await user.click(within(panel).getByRole("button", { name: "Insert role matrix" }));
    const bar = await barWith(panel, "Your data is on “Role matrix”");
    expect(bar.textContent).toContain("hold your data.");
    expect(bar.textContent).toContain("“Role matrix” was not written. Write the role matrix to a new sheet instead");
    await user.click(within(bar).getByRole("button", { name: "Write to a new sheet" }));
    const done = await barWith(panel, "Role matrix inserted");
    expect(done.textContent).toMatch(/Created sheet “Role matrix \(2\)”/);
    expect(wb.sheetNames()).toEqual(["Sheet1", "Role matrix", "Role matrix (2)"]);
    expect(wb.cell("Role matrix", note).value).toBe("my note");
  });
});

describe("Skill mix: team register", () => {
  it("builds the register from a typed list of three: reports three added and writes the Team skills table", async () => {
    const { user, workbook } = renderTab();
    const wb = workbook as Workbook;
    const panel = await openPart(user, "Team register");
    const box = await typeTeam(user, panel, TEAM);
    expect(describedBy(box)).toContain("3 people read.");
    await user.click(within(panel).getByRole("button", { name: "Build team register" }));
    const bar = await barWith(panel, "Team register built");
    expect(bar.textContent).toContain(`3 people on the register, ${43 + 59 - shared.length} competences.`);
    expect(bar.textContent).toContain("Added 3 people: Ana, Ben and Cy.");
    // Every competence is new on a first build: no list of them.
    expect(bar.textContent).not.toContain("Competences added");
    expect(bar.textContent).toContain("Created sheet “Team skills”.");
    expect(bar.textContent).toContain("Created sheet “Skill mix summary”.");
    expect(bar.textContent).toContain("Created sheet “Training needs”.");
    expect(bar.closest("[aria-live]")).toBeTruthy();
    expect(wb.sheetNames()).toEqual(["Sheet1", "Team skills", "Skill mix summary", "Training needs"]);

    const register = await rows(wb);
    expect(register.map((r) => [r.Name, r.Role, r.Band, r.WTE])).toEqual([
      ["Ana", PSW, 3, 1],
      ["Ben", SEW, 5, 0.8],
      ["Cy", PSW, 3, 0.5],
    ]);
    const cell = registerCell(wb, "Ben", sewIds[0]!);
    expect(wb.cell(cell.sheet, cell.at).validation).toBe("Competent,Developing,Not yet,Not required");
    // The thresholds note reads the register's settings.
    expect(await within(panel).findByText("In this workbook now: holders wanted 2, hide counts below 5.")).toBeTruthy();
  });

  it("keeps a status the user set in the register when rebuilding, and lists who left", async () => {
    const { user, workbook } = renderTab();
    const wb = workbook as Workbook;
    const panel = await openPart(user, "Team register");
    await typeTeam(user, panel, TEAM);
    const build = within(panel).getByRole("button", { name: "Build team register" });
    await user.click(build);
    await barWith(panel, "Team register built");

    // In Excel, the user picks statuses from the drop-downs.
    const ana = registerCell(wb, "Ana", shared[0]!);
    wb.userTypes(ana.sheet, ana.at, "Competent");
    const cy = registerCell(wb, "Cy", shared[1]!);
    wb.userTypes(cy.sheet, cy.at, "Developing");

    // Rebuilt with the same team: nothing moves, the statuses stay.
    await user.click(build);
    await waitFor(() => expect(within(panel).getByText("No one added or removed.")).toBeTruthy());
    expect(wb.cell(ana.sheet, ana.at).value).toBe("Competent");
    expect(await within(panel).findByText("Refreshed sheet “Team skills”.")).toBeTruthy();

    // Cy leaves: listed on "Left the team" with the status, never dropped.
    await typeTeam(user, panel, TEAM.slice(0, 2));
    await user.click(build);
    const bar = await barWith(panel, "Removed 1 person: Cy. They are listed with their statuses on the “Left the team” sheet, not dropped.");
    expect(bar.textContent).toContain("Created sheet “Left the team”.");
    expect((await rows(wb)).map((r) => r.Name)).toEqual(["Ana", "Ben"]);
    expect(wb.cell(ana.sheet, ana.at).value).toBe("Competent");
    const left = await rows(wb, SKILL_MIX_TABLES.removed);
    expect(left.map((r) => [r.Name, r[title(shared[1]!)]])).toEqual([["Cy", "Developing"]]);

    // And back: restored with the status.
    await typeTeam(user, panel, TEAM);
    await user.click(build);
    await barWith(panel, "Back on the team, with their statuses: Cy.");
    expect(wb.cell(cy.sheet, registerCell(wb, "Cy", shared[1]!).at).value).toBe("Developing");
  });

  it("adds the competences a new role needs, and names them", async () => {
    const { user } = renderTab();
    const panel = await openPart(user, "Team register");
    await typeTeam(user, panel, [TEAM[0]!]);
    const build = within(panel).getByRole("button", { name: "Build team register" });
    await user.click(build);
    await barWith(panel, "Added 1 person: Ana.");
    await typeTeam(user, panel, TEAM.slice(0, 2));
    await user.click(build);
    const bar = await barWith(panel, "Added 1 person: Ben.");
    const sewOnly = sewIds.filter((id) => !pswIds.includes(id));
    expect(bar.textContent).toContain(`Competences added: ${sewOnly.length} (`);
    expect(bar.textContent).toContain(`and ${sewOnly.length - 2} more).`);
  });

  it("reports a bad line with its line number, and writes nothing", async () => {
    const { user, workbook } = renderTab();
    const panel = await openPart(user, "Team register");
    const box = await typeTeam(user, panel, ["Name, Role, Band, WTE", TEAM[0]!, "Ben, Senior Engagement Worker, 8e, 1", "ana, Peer Support Worker, 3", "Dee, Team Administrator, 4, 2"]);
    // Nothing is flagged while the user is still typing.
    expect(box.getAttribute("aria-invalid")).not.toBe("true");
    await user.click(within(panel).getByRole("button", { name: "Build team register" }));
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(box);
    const problems = within(within(panel).getByRole("list", { name: "Problems in the list" })).getAllByRole("listitem").map((li) => li.textContent);
    expect(problems).toEqual([
      "Line 3: '8e' is not an Agenda for Change band (1–7, 8a–8d or 9)",
      "Line 4: 'ana' is already on line 2; give each person their own name or id",
      "Line 5: '2' is not a WTE from 0 to 1.5",
    ]);
    expect(describedBy(box)).toContain("3 lines to fix before building:Line 3: '8e' is not an Agenda for Change band");
    expect((workbook as Workbook).sheetNames()).toEqual(["Sheet1"]);

    // Fixed, the one unknown role is a warning, not a stop; the register flags it.
    await typeTeam(user, panel, [TEAM[0]!, "Ben, Senior Engagement Worker, 5, 1", "Dee, Team Administrator, 4, 1"]);
    expect(within(within(panel).getByRole("list", { name: "Problems in the list" })).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Line 3: 'Team Administrator' is not a catalog role; the register keeps Dee, and you mark what the role does not need Not required",
    ]);
    await user.click(within(panel).getByRole("button", { name: "Build team register" }));
    const review = await barWith(panel, "Needs review");
    expect(review.textContent).toContain("Dee: 'Team Administrator' is not a catalog role; mark what it does not need Not required.");
    expect((await rows(workbook as Workbook)).find((r) => r.Name === "Dee")!.Check).toBe("Role not in the catalog");
  });

  it("suggests the catalog role a partial title means", async () => {
    const { user } = renderTab();
    const panel = await openPart(user, "Team register");
    const box = await typeTeam(user, panel, ["Ana, peer support, 3, 1"]);
    await user.tab();
    expect(describedBy(box)).toContain(`Line 1: 'peer support' is not a catalog role. Did you mean '${PSW}'?`);
  });

  it("starts from a typed list when the workbook has no staffing plan, and says when the plan is gone", async () => {
    const { user, workbook } = renderTab();
    const panel = await openPart(user, "Team register");
    // No plan: the list, not the plan (which would only say "Nothing was written").
    await waitFor(() => expect((within(panel).getByRole("radio", { name: "A list I type or paste" }) as HTMLInputElement).checked).toBe(true));
    expect(await within(panel).findByText("No register in this workbook yet: the defaults apply when it is built.")).toBeTruthy();
    await user.click(within(panel).getByRole("radio", { name: "The staffing plan's people in post" }));
    await user.click(within(panel).getByRole("button", { name: "Build team register" }));
    const bar = await barWith(panel, "Nothing was written");
    expect(bar.textContent).toContain("There is no staffing plan in this workbook: build it first, or give a list of people.");
    expect((workbook as Workbook).sheetNames()).toEqual(["Sheet1"]);
  });

  it("with a staffing plan starts from it: its posts in post, the vacant ones named as left out", async () => {
    const workbook = newWorkbook();
    const post = (name: string, r: string, band: PlannedPost["band"], status: PlannedPost["status"] = "In post"): PlannedPost => ({ post: name, role: r, band, point: "top", wte: 1, hcasZone: "none", status });
    await buildStaffingPlan(workbook, catalog, {
      posts: [post("Ana", PSW, "3"), post("Ben", SEW, "5"), post("Vacancy 1", PSW, "3", "Vacant")],
      parameters: { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0 },
    });
    const { user } = renderTab(workbook);
    const panel = await openPart(user, "Team register");
    await waitFor(() => expect((within(panel).getByRole("radio", { name: "The staffing plan's people in post" }) as HTMLInputElement).checked).toBe(true));
    expect(within(panel).queryByRole("textbox")).toBeNull();
    await user.click(within(panel).getByRole("button", { name: "Build team register" }));
    const bar = await barWith(panel, "Added 2 people: Ana and Ben.");
    expect(bar.textContent).toContain("each post in post is one person, named by its post");
    expect(bar.textContent).toContain("Left out, as vacant: 1 post (Vacancy 1).");
    expect((await rows(workbook)).map((r) => r.Name)).toEqual(["Ana", "Ben"]);
  });

  it("builds on the first click after a list with a warning line: nothing moves the button between press and release", async () => {
    const { user, workbook } = renderTab();
    const panel = await openPart(user, "Team register");
    const box = await typeTeam(user, panel, ["Ana, Peer Support Wizard, 3, 1"]);
    const button = within(panel).getByRole("button", { name: "Build team register" });
    // Pressing the button moves focus to it first: the list's warning must not appear above it at that moment.
    fireEvent.blur(box, { relatedTarget: button });
    expect(describedBy(box)).not.toContain("line to check");
    await user.click(button);
    await barWith(panel, "Team register built");
    expect((await rows(workbook as Workbook)).map((r) => r.Name)).toEqual(["Ana"]);
    // Leaving the box for anything else still shows the line to check.
    fireEvent.blur(box, { relatedTarget: null });
    await waitFor(() => expect(describedBy(box)).toContain("1 line to check"));
  });

  it("recognises the pane's own label for the L&D role, 'L&D Operational/Service Manager'", async () => {
    const { user, workbook } = renderTab();
    const panel = await openPart(user, "Team register");
    const box = await typeTeam(user, panel, ["Eli, L&D Operational/Service Manager, 7, 1"]);
    fireEvent.blur(box, { relatedTarget: null });
    await user.click(within(panel).getByRole("button", { name: "Build team register" }));
    await barWith(panel, "Team register built");
    expect(describedBy(box)).not.toContain("not a catalog role");
    expect((await rows(workbook as Workbook)).map((r) => r.Role)).toEqual(["Liaison and Diversion Operational/Service Manager"]);
  });

  it("at a conflict on a later sheet keeps what the first build said, and writes the rest to a new sheet", async () => {
    const inner = newWorkbook();
    const summaryInTheWay: WorkbookAdapter = {
      readTable: (name) => inner.readTable(name),
      listManaged: () => inner.listManaged(),
      writeSheetPlan: async (plan, options) =>
        plan.name === "Skill mix summary" && options?.onConflict !== "newSheet"
          ? { status: "conflict", sheetName: "Skill mix summary", conflicts: [{ kind: "cells", sheet: "Skill mix summary", address: "B4:C6" }], syncs: 0, writeRequests: 0, largestRequestBytes: 0 }
          : inner.writeSheetPlan(plan, options),
    };
    const { user } = renderTab(summaryInTheWay);
    const panel = await openPart(user, "Team register");
    await typeTeam(user, panel, TEAM);
    await user.click(within(panel).getByRole("button", { name: "Build team register" }));
    const bar = await barWith(panel, "Your data is on “Skill mix summary”");
    expect(bar.textContent).toContain("Cells B4:C6 on sheet “Skill mix summary” hold your data.");
    expect(bar.textContent).toContain("Already written: Created sheet “Team skills”.");
    expect(bar.textContent).toContain("“Skill mix summary” and the 1 sheet after it were not written. Write the skill mix summary to a new sheet instead");
    expect((await barWith(panel, "Done before the conflict")).textContent).toContain("Added 3 people: Ana, Ben and Cy.");

    await user.click(within(bar).getByRole("button", { name: "Write to a new sheet" }));
    const done = await barWith(panel, "Team register built");
    // The second run found the register the first one wrote: the report is still the first one's.
    expect(done.textContent).toContain("Added 3 people: Ana, Ben and Cy.");
    expect(done.textContent).toContain("Created sheet “Team skills”.Created sheet “Skill mix summary”.Created sheet “Training needs”.");
    expect(document.activeElement).toBe(done.closest("[aria-live]"));
  });

  it("shows which sheet it is writing while the pane stays usable, then the outcome", async () => {
    const inner = newWorkbook();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: WorkbookAdapter = {
      readTable: (name) => inner.readTable(name),
      listManaged: () => inner.listManaged(),
      async writeSheetPlan(plan, options) {
        if (plan.name === "Skill mix summary") await gate;
        return inner.writeSheetPlan(plan, options);
      },
    };
    const { user } = renderTab(slow);
    const panel = await openPart(user, "Team register");
    await typeTeam(user, panel, TEAM);
    const build = within(panel).getByRole("button", { name: "Build team register" });
    await user.click(build);
    expect(await within(panel).findByText("Writing “Skill mix summary” (sheet 2 of 3)…")).toBeTruthy();
    const bar = within(panel).getByRole("progressbar");
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(1 / 3);
    expect(build.getAttribute("aria-disabled")).toBe("true");
    // Meanwhile the other parts answer, and their buttons wait too.
    const progression = await openPart(user, "Progression");
    expect(within(progression).getByRole("button", { name: "Insert progression sheet" }).getAttribute("aria-disabled")).toBe("true");
    await openPart(user, "Team register");
    release();
    await barWith(panel, "Team register built");
    expect(build.getAttribute("aria-disabled")).not.toBe("true");
  });

  it("explains where the k and suppression thresholds are set", async () => {
    const { user } = renderTab();
    const panel = await openPart(user, "Team register");
    const note = within(panel).getByRole("region", { name: "Single points of failure and small numbers" });
    expect(note.textContent).toContain("Holders wanted (named Skills_K, default 2)");
    expect(note.textContent).toContain("Hide counts below (named Skills_Suppress, default 5)");
    expect(note.textContent).toContain("show smaller counts as “<5”");
    // The flow takes neither: the pane offers no field for them.
    expect(within(panel).queryByRole("spinbutton")).toBeNull();
  });
});

describe("Skill mix: progression", () => {
  it("shows the count of competences to gain for the roles picked, and inserts the sheet", async () => {
    const { user, workbook } = renderTab();
    const panel = await openPart(user, "Progression");
    const from = within(panel).getByRole("combobox", { name: "From role (A)" }) as HTMLSelectElement;
    const to = within(panel).getByRole("combobox", { name: "To role (B)" }) as HTMLSelectElement;
    expect([from.value, to.value]).toEqual(["reconnect-peer-support-worker", "reconnect-senior-engagement-worker"]);
    const gap = progressionGap(catalog, role("reconnect-peer-support-worker"), role("reconnect-senior-engagement-worker"));
    const status = within(panel).getByRole("status");
    expect(status.textContent).toContain(`${gap.toGain} competences to gain`);
    expect(status.textContent).toContain(`Role B requires ${gap.toRequired}; role A already requires ${gap.carried}`);

    await user.selectOptions(to, "reconnect-service-manager");
    const other = progressionGap(catalog, role("reconnect-peer-support-worker"), role("reconnect-service-manager"));
    expect(other.toGain).not.toBe(gap.toGain);
    expect(status.textContent).toContain(`${other.toGain} competences to gain`);

    await user.click(within(panel).getByRole("button", { name: "Insert progression sheet" }));
    const bar = await barWith(panel, "Progression inserted");
    expect(bar.textContent).toContain(`${PSW} → RECONNECT Service Manager: ${other.toGain} competences to gain.`);
    expect(bar.textContent).toContain("Created sheet “Progression”.");
    expect((workbook as Workbook).sheetNames()).toEqual(["Sheet1", "Progression"]);
  });

  it("asks for two different roles", async () => {
    const { user } = renderTab();
    const panel = await openPart(user, "Progression");
    const to = within(panel).getByRole("combobox", { name: "To role (B)" });
    await user.selectOptions(to, "reconnect-peer-support-worker");
    expect(describedBy(to)).toContain("Pick a role B other than role A.");
    expect(within(panel).getByRole("button", { name: "Insert progression sheet" }).getAttribute("aria-disabled")).toBe("true");
    expect(within(panel).getByRole("status").textContent).toBe("");
  });
});
