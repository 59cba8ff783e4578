// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { postCost } from "../../src/domain";
import { formatMoney } from "../../src/taskpane/costing/costingText";
import { describe, expect, it } from "vitest";
import { type WorkbookAdapter, WorkbookError } from "../../src/excel/adapter";
import { parseRange } from "../../src/sheets/plan";
import { catalog, newWorkbook, renderApp } from "./renderApp";

type User = ReturnType<typeof renderApp>["user"];
type Workbook = ReturnType<typeof newWorkbook>;

async function openPart(user: User, part: "Post cost" | "Plan" | "Compare" | "Pay tables") {
  await user.click(screen.getByRole("tab", { name: "Costing" }));
  await user.click(screen.getByRole("tab", { name: part }));
  return screen.getByRole("tabpanel", { name: part });
}

const combo = (panel: HTMLElement, name: string) => within(panel).getByRole("combobox", { name });
const box = (panel: HTMLElement, name: string) => within(panel).getByRole("textbox", { name });

/** The message under a field: what aria-describedby points at. */
function describedBy(control: HTMLElement): string {
  return (control.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}

async function rows(workbook: Workbook, table = "Staffing_Plan") {
  const t = (await workbook.readTable(table))!;
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

async function addPost(user: User, panel: HTMLElement, post: { name: string; role?: string; band?: string; point?: string; wte?: string; zone?: string; status?: string }) {
  await user.type(box(panel, "Post name"), post.name);
  if (post.role) {
    const role = combo(panel, "Role");
    await user.clear(role);
    await user.type(role, post.role);
    await user.keyboard("{Escape}");
  }
  if (post.band) await user.selectOptions(combo(panel, "Band"), post.band);
  if (post.point) await user.selectOptions(combo(panel, "Pay point"), post.point);
  if (post.wte !== undefined) {
    await user.clear(box(panel, "WTE"));
    await user.type(box(panel, "WTE"), post.wte);
  }
  if (post.zone) await user.selectOptions(combo(panel, "HCAS zone"), post.zone);
  if (post.status) await user.selectOptions(combo(panel, "Status"), post.status);
  await user.click(within(panel).getByRole("button", { name: "Add post" }));
}

describe("Costing: post cost", () => {
  it("shows every line of the domain's cost, to the penny, with the sources' statuses", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    await user.selectOptions(combo(panel, "Band"), "6");
    await user.selectOptions(combo(panel, "Pay point"), "top");
    await user.clear(box(panel, "WTE"));
    await user.type(box(panel, "WTE"), "0.8");
    await user.selectOptions(combo(panel, "Year"), "2025/26");
    await user.selectOptions(combo(panel, "HCAS zone"), "outer-london");

    const status = within(panel).getByRole("status");
    expect(status.textContent).toContain("Total £53,611.34 a year");
    expect(status.textContent).toContain("Band 6, top point, 0.8 WTE, 2025/26");
    const table = within(panel).getByRole("table");
    const line = (name: string) => within(table).getByRole("rowheader", { name: new RegExp(`^${name}`) }).closest("tr")!.lastElementChild!.textContent;
    expect(line("Basic pay")).toBe("£37,264.00");
    expect(line("HCAS")).toBe("£4,752.80");
    expect(line("Employer NI")).toBe("£5,552.52");
    expect(line("Pension")).toBe("£6,042.02");
    expect(line("Apprenticeship levy")).toBe("£0.00");
    expect(line("Total")).toBe("£53,611.34");
    expect(table.textContent).toContain("£46,580.00 full-time × 0.8 WTE");
    expect(table.textContent).toContain("15% of basic + HCAS above £5,000.00");
    // Each line's source beside it, with its status. 15% of £46,580 is above the maximum: the cap applies and the
    // line says so, and the 2025/26 minimum (only indicative) plays no part, so there is no "Indicative" banner.
    const hcas = within(table).getByRole("rowheader", { name: /^HCAS/ });
    expect(hcas.textContent).toContain("15% of full-time pay is £6,987.00, above the maximum: capped at £5,941.00 × 0.8 WTE");
    expect(hcas.textContent).toContain("secondary");
    expect(hcas.textContent).not.toContain("minima");
    expect(within(table).getByRole("rowheader", { name: /^Basic pay/ }).textContent).toContain("secondaryAgenda for Change 2025/26 pay points");
    expect(panel.textContent).not.toContain("Indicative, for guidance only");

    await user.click(within(panel).getByRole("checkbox", { name: "Include the apprenticeship levy" }));
    expect(line("Apprenticeship levy")).toBe("£210.08");
    await user.selectOptions(combo(panel, "Pension basis"), "full");
    expect(table.textContent).toContain("23.78% of basic + HCAS");
  });

  it("explains a bad WTE beside the field and a point the band lacks beside the point", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    const wte = box(panel, "WTE");
    await user.clear(wte);
    await user.type(wte, "2");
    expect(wte.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(wte)).toContain("WTE 2 is above 1.5: one post is at most 1.5 WTE");
    expect(within(panel).getByRole("status").textContent).toBe("No cost yet: see the WTE above.");
    expect(within(panel).queryByRole("table")).toBeNull();

    await user.clear(wte);
    await user.type(wte, "1");
    await user.selectOptions(combo(panel, "Band"), "2");
    expect(describedBy(combo(panel, "Pay point"))).toContain("Band 2 has one pay point");
    expect(combo(panel, "Pay point").getAttribute("aria-invalid")).not.toBe("true");
  });

  it("offers only the pay points the band has: no Intermediate for band 4, one point for band 2, said as such", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    const points = () => within(combo(panel, "Pay point")).getAllByRole("option").map((o) => o.textContent);
    await user.selectOptions(combo(panel, "Band"), "4");
    expect(points()).toEqual(["Entry", "Top"]);
    await user.selectOptions(combo(panel, "Band"), "5");
    expect(points()).toEqual(["Entry", "Intermediate", "Top"]);
    await user.selectOptions(combo(panel, "Band"), "2");
    expect(points()).toEqual(["Top (the only point)"]);
    expect(describedBy(combo(panel, "Pay point"))).toContain("Band 2 has one pay point");
  });

  it("shows the Indicative banner only when an indicative figure sets the cost: the HCAS minimum, when it applies", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    await user.selectOptions(combo(panel, "Year"), "2025/26");
    await user.selectOptions(combo(panel, "HCAS zone"), "inner-london");
    await user.selectOptions(combo(panel, "Band"), "6");
    expect(panel.textContent).not.toContain("Indicative, for guidance only");
    expect(panel.textContent).toContain("above the maximum: capped at £8,465.00");
    await user.selectOptions(combo(panel, "Band"), "2");
    expect(panel.textContent).toContain("below the minimum: raised to £5,415.00");
    expect(panel.textContent).toContain("Indicative, for guidance only2025/26 minima not found");
  });

  it("says band 1 is paid at band 2, and marks an indicative year", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    await user.selectOptions(combo(panel, "Band"), "1");
    expect(panel.textContent).toContain("Band 1 closed to new entrants on 1 December 2018");
    const year = combo(panel, "Year");
    expect(within(year).getAllByRole("option").map((o) => o.textContent)).toEqual(["2024/25", "2025/26", "2026/27 (indicative)"]);
    expect((year as HTMLSelectElement).value).toBe("2025/26");
  });
});

describe("Costing: staffing plan", () => {
  it("builds the plan with two posts: four sheets, and the table holds the posts", async () => {
    const { user, workbook } = renderApp();
    const wb = workbook as Workbook;
    const panel = await openPart(user, "Plan");
    await addPost(user, panel, { name: "Practitioner 1", role: "Liaison and Diversion Operational/Service Manager", band: "6", wte: "0.8", zone: "outer-london" });
    // The name field is emptied and focused for the next post; the list says what happened.
    expect(document.activeElement).toBe(box(panel, "Post name"));
    expect(within(panel).getByRole("status").textContent).toBe("Added “Practitioner 1”: 1 to add.");
    await addPost(user, panel, { name: "Peer worker", role: "My own role", band: "4", wte: "1", zone: "none", status: "Vacant" });
    const list = within(panel).getByRole("list", { name: "Posts to add" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(list.textContent).toContain("£53,611.34 a year");

    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    const done = (await within(panel).findByText("Staffing plan built")).closest(".fui-MessageBar")!;
    expect(done.textContent).toContain("Created sheet “Staffing plan”.");
    expect(done.textContent).toContain("Created sheet “Pay scales”.");
    // The reference tables go first: the plan's formulas name them, and Excel refuses a formula naming a table that isn't there.
    expect(done.textContent).toContain("Staffing plan builtAdded 2 posts.Created sheet “Pay scales”.");
    expect(wb.sheetNames()).toEqual(["Sheet1", "Pay scales", "On-costs", "Staffing plan", "Plan summary"]);
    expect((await rows(wb)).map((r) => [r.Post, r.Role, r.Band, r.Point, r.WTE, r["HCAS zone"], r.Status])).toEqual([
      ["Practitioner 1", "Liaison and Diversion Operational/Service Manager", 6, "top", 0.8, "outer-london", "In post"],
      ["Peer worker", "My own role", 4, "top", 1, "none", "Vacant"],
    ]);
    // Built posts leave the list.
    await waitFor(() => expect(within(panel).queryByRole("list", { name: "Posts to add" })).toBeNull());
  });

  it("building again keeps the WTE the user typed in the sheet and adds only the new post", async () => {
    const { user, workbook } = renderApp();
    const wb = workbook as Workbook;
    const panel = await openPart(user, "Plan");
    await addPost(user, panel, { name: "A", band: "5" });
    await addPost(user, panel, { name: "B", band: "6" });
    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    await within(panel).findByText("Staffing plan built");

    const t = wb.getTable("Staffing_Plan")!;
    const r = parseRange(t.address);
    const wteColumn = String.fromCharCode(64 + r.left + t.headers.indexOf("WTE"));
    wb.userTypes("Staffing plan", `${wteColumn}${r.top + 2}`, 0.4);

    await addPost(user, panel, { name: "B", band: "7" }); // same name as a post in the plan
    await addPost(user, panel, { name: "C", band: "4" });
    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    const done = await waitFor(() => {
      const bar = within(panel).getByText("Staffing plan built").closest(".fui-MessageBar")!;
      expect(bar.textContent).toContain("Refreshed sheet “Staffing plan”.");
      return bar;
    });
    expect(done.textContent).toContain("Added 1 post.");
    expect(done.textContent).toContain("Kept the 2 posts already in the plan as you left them.");
    expect(done.textContent).toContain("“B” was already in the plan: not added again.");
    expect((await rows(wb)).map((x) => [x.Post, x.Band, x.WTE])).toEqual([
      ["A", 5, 1],
      ["B", 6, 0.4],
      ["C", 4, 1],
    ]);
  });

  it("keeps a role typed over a chosen title", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Plan");
    const role = combo(panel, "Role");
    await user.click(role);
    await user.click(await screen.findByRole("option", { name: "RECONNECT Peer Support Worker" }));
    expect((role as HTMLInputElement).value).toBe("RECONNECT Peer Support Worker");
    // Typing over the chosen title clears Fluent's selection; the typed text must stay.
    await user.tripleClick(role);
    await user.keyboard("Agency cover");
    await user.keyboard("{Escape}");
    expect((role as HTMLInputElement).value).toBe("Agency cover");
    await user.type(box(panel, "Post name"), "Locum{Enter}");
    expect(within(panel).getByRole("list", { name: "Posts to add" }).textContent).toContain("Agency cover, band 5 top");
  });

  it("explains problems beside the fields and removes a post from the list", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Plan");
    await user.click(within(panel).getByRole("button", { name: "Add post" }));
    expect(document.activeElement).toBe(box(panel, "Post name"));
    expect(describedBy(box(panel, "Post name"))).toContain("Give the post a name");
    await addPost(user, panel, { name: "X", wte: "-1" });
    expect(describedBy(box(panel, "WTE"))).toContain("WTE -1 is negative");
    expect(document.activeElement).toBe(box(panel, "WTE"));
    await user.clear(box(panel, "WTE"));
    await user.type(box(panel, "WTE"), "1{Enter}"); // Enter adds the post
    await addPost(user, panel, { name: "x" });
    expect(describedBy(box(panel, "Post name"))).toContain("“x” is already in the list");
    await user.clear(box(panel, "Post name"));
    await addPost(user, panel, { name: "Y" });
    expect(within(within(panel).getByRole("list", { name: "Posts to add" })).getAllByRole("listitem")).toHaveLength(2);

    await user.click(within(panel).getByRole("button", { name: "Remove X" }));
    expect(within(within(panel).getByRole("list", { name: "Posts to add" })).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      expect.stringContaining("Y"),
    ]);
    expect(within(panel).getByRole("status").textContent).toBe("Removed “X”: 1 to add.");
    expect(document.activeElement?.textContent).toBe("Posts to add (1)");

    await user.clear(box(panel, "Vacancy factor"));
    await user.type(box(panel, "Vacancy factor"), "150");
    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    expect(describedBy(box(panel, "Vacancy factor"))).toContain("A vacancy factor is from 0% to under 100%, not 150%");
    expect(document.activeElement).toBe(box(panel, "Vacancy factor"));
  });

  it("on a conflict says what is in the way, and Cancel stops there", async () => {
    const { user, workbook } = renderApp();
    const wb = workbook as Workbook;
    const panel = await openPart(user, "Plan");
    await addPost(user, panel, { name: "A" });
    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    await within(panel).findByText("Staffing plan built");
    const below = parseRange(wb.getTable("Staffing_Plan")!.address).bottom + 2;
    wb.userTypes("Staffing plan", `A${below}`, "my own notes");

    await addPost(user, panel, { name: "B" });
    await addPost(user, panel, { name: "C" });
    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    const bar = (await within(panel).findByText("Your data is on “Staffing plan”")).closest(".fui-MessageBar") as HTMLElement;
    expect(bar.textContent).toContain(`Cells A${below} on sheet “Staffing plan” hold your data.`);
    // The reference tables before it were refreshed in place; the plan and its summary were not written.
    expect(bar.textContent).toContain("Already done: Refreshed sheet “Pay scales”. Refreshed sheet “On-costs”.");
    expect(bar.textContent).toContain("“Staffing plan” and the sheet after it were not written.");
    expect(within(bar).getByRole("button", { name: "Write to a new sheet" })).toBeTruthy();
    await user.click(within(bar).getByRole("button", { name: "Cancel" }));
    const cancelled = (await within(panel).findByText("Cancelled")).closest(".fui-MessageBar")!;
    expect(cancelled.textContent).toContain("“Staffing plan” and the sheet after it were not written; your data there is as it was.");
    expect(wb.cell("Staffing plan", `A${below}`).value).toBe("my own notes");
    expect((await rows(wb)).map((r) => r.Post)).toEqual(["A"]);
    // The posts are still listed, to build once the way is clear.
    expect(within(within(panel).getByRole("list", { name: "Posts to add" })).getAllByRole("listitem")).toHaveLength(2);
  });
});

describe("Costing: writing several sheets", () => {
  it("writes the plan to a new sheet when asked, leaving the user's sheet as it was", async () => {
    const { user, workbook } = renderApp();
    const wb = workbook as Workbook;
    const panel = await openPart(user, "Plan");
    await addPost(user, panel, { name: "A" });
    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    await within(panel).findByText("Staffing plan built");
    const below = parseRange(wb.getTable("Staffing_Plan")!.address).bottom + 2;
    wb.userTypes("Staffing plan", `A${below}`, "my own notes");
    await addPost(user, panel, { name: "B" });
    await addPost(user, panel, { name: "C" });
    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    await user.click(await within(panel).findByRole("button", { name: "Write to a new sheet" }));
    const done = (await within(panel).findByText("Staffing plan built")).closest(".fui-MessageBar")!;
    expect(done.textContent).toContain("The earlier sheet “Staffing plan” is left to you as it was.");
    expect(done.textContent).toContain("Added 2 posts.");
    expect(wb.cell("Staffing plan", `A${below}`).value).toBe("my own notes");
    const t = wb.getTable("Staffing_Plan")!;
    expect(t.sheet).toBe("Staffing plan (2)");
    expect((await rows(wb)).map((r) => r.Post)).toEqual(["A", "B", "C"]);
    // Focus is not dropped when the conflict's buttons go.
    expect(document.activeElement?.textContent).toContain("Staffing plan built");
  });

  it("at a conflict on a later sheet, says what was written and what was not", async () => {
    const inner = newWorkbook();
    const summaryInTheWay: WorkbookAdapter = {
      readTable: (name) => inner.readTable(name),
      listManaged: () => inner.listManaged(),
      writeSheetPlan: async (plan, options) =>
        plan.name === "Plan summary"
          ? { status: "conflict", sheetName: "Plan summary", conflicts: [{ kind: "cells", sheet: "Plan summary", address: "B4:C6" }], syncs: 0, writeRequests: 0, largestRequestBytes: 0 }
          : inner.writeSheetPlan(plan, options),
    };
    const { user } = renderApp(summaryInTheWay);
    const panel = await openPart(user, "Plan");
    await addPost(user, panel, { name: "A" });
    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    const bar = (await within(panel).findByText("Your data is on “Plan summary”")).closest(".fui-MessageBar") as HTMLElement;
    expect(bar.textContent).toContain("Cells B4:C6 on sheet “Plan summary” hold your data.");
    expect(bar.textContent).toContain("Already done: Created sheet “Pay scales”. Created sheet “On-costs”. Created sheet “Staffing plan”.");
    expect(bar.textContent).toContain("“Plan summary” was not written. Write the plan summary to a new sheet instead");
    // The plan itself was written, so its posts have left the list.
    await waitFor(() => expect(within(panel).queryByRole("list", { name: "Posts to add" })).toBeNull(), { timeout: 3000 });
    await user.click(within(bar).getByRole("button", { name: "Cancel" }));
    const cancelled = (await within(panel).findByText("Cancelled")).closest(".fui-MessageBar")!;
    expect(cancelled.textContent).toContain("Created sheet “Staffing plan”.");
    expect(cancelled.textContent).toContain("“Plan summary” was not written; your data there is as it was.");
    expect(inner.sheetNames()).toEqual(["Sheet1", "Pay scales", "On-costs", "Staffing plan"]);
  });

  it("shows which sheet it is writing, and what Excel refused", async () => {
    const inner = newWorkbook();
    let release: () => void = () => undefined;
    const refusing: WorkbookAdapter = {
      readTable: (name) => inner.readTable(name),
      listManaged: () => inner.listManaged(),
      async writeSheetPlan(plan, options) {
        if (plan.name === "Plan summary") {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          throw new WorkbookError("excel", "Excel refused the request: The workbook is protected.");
        }
        return inner.writeSheetPlan(plan, options);
      },
    };
    const { user } = renderApp(refusing);
    const panel = await openPart(user, "Plan");
    await addPost(user, panel, { name: "A" });
    const build = within(panel).getByRole("button", { name: "Build staffing plan" });
    await user.click(build);
    expect(await within(panel).findByText("Writing “Plan summary” (sheet 4 of 4)…")).toBeTruthy();
    expect(build.getAttribute("aria-disabled")).toBe("true");
    release();
    const bar = (await within(panel).findByText("Excel refused to write “Plan summary”")).closest(".fui-MessageBar")!;
    expect(bar.textContent).toContain("Excel refused the request: The workbook is protected.");
    expect(bar.textContent).toContain("Written before it: Created sheet “Pay scales”. Created sheet “On-costs”. Created sheet “Staffing plan”.");
    // The plan sheet was written before the failure: the post is in it and has left the list.
    await waitFor(() => expect(within(panel).queryByRole("list", { name: "Posts to add" })).toBeNull());
  });
});

describe("Costing: compare scenarios", () => {
  it("writes scenario B as a copy of the plan and the comparison; then only the comparison", async () => {
    const { user, workbook } = renderApp();
    const wb = workbook as Workbook;
    const compare = await openPart(user, "Compare");
    await user.click(within(compare).getByRole("button", { name: "Compare scenarios" }));
    expect((await within(compare).findByText("Nothing written")).closest(".fui-MessageBar")!.textContent).toContain(
      "There is no staffing plan to compare yet",
    );

    const plan = await openPart(user, "Plan");
    await addPost(user, plan, { name: "A", band: "5", role: "RECONNECT Peer Support Worker" });
    await addPost(user, plan, { name: "B", band: "8a", wte: "0.5" });
    await user.click(within(plan).getByRole("button", { name: "Build staffing plan" }));
    await within(plan).findByText("Staffing plan built");
    // A row the user typed in the plan that is not a post: it is reported, by sheet row, not copied.
    wb.userAddsTableRow("Staffing_Plan", ["Locum", "Agency cover", "7", "top", "lots", "none", "Vacant"]);
    const locumRow = parseRange(wb.getTable("Staffing_Plan")!.address).bottom - 1; // above the totals row

    await openPart(user, "Compare");
    await user.click(within(compare).getByRole("button", { name: "Compare scenarios" }));
    const done = (await within(compare).findByText("Scenarios compared")).closest(".fui-MessageBar")!;
    expect(done.textContent).toContain("Created sheet “Staffing plan B”.");
    expect(done.textContent).toContain("Created sheet “Compare scenarios”.");
    expect(done.textContent).toContain("Scenario B starts as a copy of the 2 posts in the plan");
    const left = (await within(compare).findByText("Not copied to scenario B: 1 row")).closest(".fui-MessageBar")!;
    expect(left.textContent).toContain(`Row ${locumRow}: 'lots' is not a WTE from 0 to 1.5`);
    expect(wb.sheetNames()).toEqual(["Sheet1", "Pay scales", "On-costs", "Staffing plan", "Plan summary", "Staffing plan B", "Compare scenarios"]);
    expect((await rows(wb, "Staffing_Plan_B")).map((r) => [r.Post, r.Role, r.Band, r.WTE])).toEqual([
      ["A", "RECONNECT Peer Support Worker", 5, 1],
      ["B", "RECONNECT Peer Support Worker", "8a", 0.5], // the form keeps the role for the next post
    ]);
    expect((await wb.readTable("Compare_By_Role"))!.rows.map((r) => r[0])).toContain("Agency cover");
    // Scenario B keeps the plan's parameters.
    expect((await wb.readTable("Plan_Parameters_B"))!.rows.map((r) => r[1])).toEqual(["2025/26", "employer", "No", 0]);

    // The user changes scenario B; comparing again leaves it be.
    const tb = wb.getTable("Staffing_Plan_B")!;
    const rb = parseRange(tb.address);
    wb.userTypes("Staffing plan B", `${String.fromCharCode(64 + rb.left + tb.headers.indexOf("WTE"))}${rb.top + 1}`, 0.6);
    await user.click(within(compare).getByRole("button", { name: "Compare scenarios" }));
    await waitFor(() =>
      expect(within(compare).getByText("Scenarios compared").closest(".fui-MessageBar")!.textContent).toContain(
        "Scenario B was already there and is left as it is: only the comparison was rewritten.",
      ),
    );
    expect(within(compare).getByText("Scenarios compared").closest(".fui-MessageBar")!.textContent).toContain("Refreshed sheet “Compare scenarios”.");
    expect((await rows(wb, "Staffing_Plan_B")).map((r) => r.WTE)).toEqual([0.6, 0.5]);
  });
});

describe("Costing: pay tables", () => {
  it("inserts the chosen years, marks the indicative one, and keeps a pay figure the user edited", async () => {
    const { user, workbook } = renderApp();
    const wb = workbook as Workbook;
    const panel = await openPart(user, "Pay tables");
    const boxes = within(panel).getAllByRole("checkbox");
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, false]);
    const indicative = within(panel).getByRole("checkbox", { name: "2026/27: indicative, for guidance only" });
    expect((indicative as HTMLInputElement).checked).toBe(false);
    await user.click(within(panel).getByRole("checkbox", { name: /^2024\/25/ }));
    await user.click(within(panel).getByRole("button", { name: "Insert pay scales and on-costs" }));
    const done = (await within(panel).findByText("Pay tables inserted")).closest(".fui-MessageBar")!;
    expect(done.textContent).toContain("Years: 2025/26.");
    const years = async (table: string) => [...new Set((await wb.readTable(table))!.rows.map((r) => r[table === "Pay_Scales" ? 1 : 0]))];
    expect(await years("Pay_Scales")).toEqual(["2025/26"]);
    expect(await years("On_Costs")).toEqual(["2025/26"]);

    // The user corrects a figure; then adds the indicative year. Their figure stays, and so does 2025/26.
    const top = parseRange(wb.getTable("Pay_Scales")!.address).top;
    wb.userTypes("Pay scales", `E${top + 1}`, 25000);
    await user.click(within(panel).getByRole("checkbox", { name: /^2025\/26/ }));
    await user.click(indicative);
    await user.click(within(panel).getByRole("button", { name: "Insert pay scales and on-costs" }));
    await waitFor(() => expect(within(panel).getByText("Pay tables inserted").closest(".fui-MessageBar")!.textContent).toContain("Years: 2025/26 and 2026/27."));
    const bar = within(panel).getByText("Pay tables inserted").closest(".fui-MessageBar")!;
    expect(bar.textContent).toContain("2025/26 was already in the workbook and stays.");
    expect(bar.textContent).toContain("1 pay figure you edited is kept, marked “edited in workbook”.");
    expect(await years("Pay_Scales")).toEqual(["2025/26", "2026/27"]);
    const first = (await wb.readTable("Pay_Scales"))!.rows[0]!;
    expect([first[4], first[7]]).toEqual([25000, "edited in workbook"]);
    expect((await wb.readTable("Pay_Scales"))!.rows.filter((r) => r[1] === "2026/27").every((r) => r[7] === "indicative")).toBe(true);

    await user.click(indicative); // nothing chosen now
    await user.click(within(panel).getByRole("button", { name: "Insert pay scales and on-costs" }));
    expect(within(panel).getByText("Choose at least one year")).toBeTruthy();
    expect(document.activeElement).toBe(within(panel).getByRole("checkbox", { name: /^2024\/25/ }));
  });
});

describe("Costing: the plan's own parameters, the start date and the total of the posts to add", () => {
  it("costs posts waiting to be added at the plan's year, not the pane's, and shows the plan's parameters as not editable", async () => {
    const workbook = newWorkbook();
    const { user } = renderApp(workbook);
    let panel = await openPart(user, "Plan");
    await user.selectOptions(combo(panel, "Year"), "2025/26");
    await addPost(user, panel, { name: "First", band: "5" });
    await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
    await within(panel).findByText("Staffing plan built", {}, { timeout: 10_000 });
    panel = screen.getByRole("tabpanel", { name: "Plan" });
    // The plan now decides: its 2025/26, not the pane's default year.
    await waitFor(() => expect((combo(panel, "Year") as HTMLSelectElement).disabled).toBe(true));
    expect((combo(panel, "Year") as HTMLSelectElement).value).toBe("2025/26");
    expect((box(panel, "Vacancy factor") as HTMLInputElement).disabled).toBe(true);
    await addPost(user, panel, { name: "Second", band: "5" });
    const expected = postCost(catalog.pay, { band: "5", point: "top", wte: 1, year: "2025/26", hcasZone: "none", pensionBasis: "employer", includeLevy: false }).total;
    const list = within(panel).getByRole("list", { name: "Posts to add" });
    expect(list.textContent).toContain(`${formatMoney(expected)} a year`);
    expect(panel.textContent).toContain(`Together: ${formatMoney(expected)} a year in 2025/26`);
    // The last build's message belongs to that build: it does not sit under the new list.
    expect(within(panel).queryByText("Staffing plan built")).toBeNull();
  });

  it("does not carry a start date in band over to the next post, and totals the posts to add", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Plan");
    await user.selectOptions(combo(panel, "Year"), "2025/26");
    const start = within(panel).getByLabelText(/Start in band/) as HTMLInputElement;
    fireEvent.change(start, { target: { value: "2023-04-01" } });
    await addPost(user, panel, { name: "Sam", band: "5" });
    expect(start.value).toBe("");
    await addPost(user, panel, { name: "Vacancy", band: "5", status: "Vacant" });
    const items = within(within(panel).getByRole("list", { name: "Posts to add" })).getAllByRole("listitem").map((li) => li.textContent);
    // As en-GB readers write a date, not ISO.
    expect(items[0]).toContain("in band since 01/04/2023");
    expect(items[1]).not.toContain("in band since");
    const one = postCost(catalog.pay, { band: "5", point: "top", wte: 1, year: "2025/26", hcasZone: "none", pensionBasis: "employer", includeLevy: false }).total;
    expect(panel.textContent).toContain(`Together: ${formatMoney(Math.round(one * 100) * 2 / 100)} a year in 2025/26`);
  });
});
