import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { parseRange } from "../../src/sheets/plan";
import { renderApp } from "./renderApp";
import { type Workbook, openPart, combo, box, describedBy, rows, addPost, planWithUserNotesBelow } from "./costingPane";

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
    const { user, wb, panel, below } = await planWithUserNotesBelow();

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
