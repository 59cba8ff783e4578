import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { parseRange } from "../../src/sheets/plan";
import { newWorkbook, renderApp } from "./renderApp";
import { addPost, box, combo, describedBy, openPart, rows } from "./costingPane";

/** Post cost's band 6 top, 0.8 WTE, outer London, 2025/26: £53,611.34 a year. */
async function costBand6(user: ReturnType<typeof renderApp>["user"]) {
  const panel = await openPart(user, "Post cost");
  await user.selectOptions(combo(panel, "Band"), "6");
  await user.clear(box(panel, "WTE"));
  await user.type(box(panel, "WTE"), "0.8");
  await user.selectOptions(combo(panel, "Year"), "2025/26");
  await user.selectOptions(combo(panel, "HCAS zone"), "outer-london");
  expect(within(panel).getByRole("status").textContent).toContain("£53,611.34");
  return panel;
}

describe("Costing: using a costed post", () => {
  it("adds the costed post to the posts waiting for the plan, and the plan built from them has it", async () => {
    const { user, workbook } = renderApp();
    const panel = await costBand6(user);
    await user.type(box(panel, "Post name"), "Band 6 practitioner 1");
    // Pasted: typing a long title re-filters the role list at every key.
    await user.click(combo(panel, "Role"));
    await user.paste("Liaison and Diversion Practitioner");
    await user.keyboard("{Escape}");
    await user.click(within(panel).getByRole("button", { name: "Add to plan" }));
    expect(panel.textContent).toContain("Added “Band 6 practitioner 1” to the posts to add on the Plan tab (1 waiting).");
    expect((box(panel, "Post name") as HTMLInputElement).value).toBe("");

    const plan = await openPart(user, "Plan");
    const list = within(plan).getByRole("list", { name: "Posts to add" });
    const item = within(list).getByRole("listitem");
    expect(item.textContent).toContain("Band 6 practitioner 1");
    expect(item.textContent).toContain("Liaison and Diversion Practitioner, band 6 top, 0.8 WTE, Outer London, vacant");
    // Costed there at the plan's parameters: 2025/26 is the pane's default year, so the same figure.
    expect(item.textContent).toContain("£53,611.34 a year");

    // The Plan tab's own form adds beside it, and one build writes both.
    await addPost(user, plan, { name: "Peer 1", band: "3" });
    await user.click(within(plan).getByRole("button", { name: "Build staffing plan" }));
    await within(plan).findByText("Staffing plan built");
    const written = await rows(workbook as ReturnType<typeof newWorkbook>);
    expect(written.map((r) => [r.Post, r.Role, r.Band, r.Point, r.WTE, r["HCAS zone"], r.Status])).toEqual([
      ["Band 6 practitioner 1", "Liaison and Diversion Practitioner", 6, "top", 0.8, "outer-london", "Vacant"],
      ["Peer 1", null, 3, "top", 1, "none", "In post"],
    ]);
  });

  it("asks for a name, and refuses one already waiting or already in the plan, beside the field", async () => {
    const { user } = renderApp();
    const panel = await costBand6(user);
    const add = within(panel).getByRole("button", { name: "Add to plan" });
    await user.click(add);
    const name = box(panel, "Post name");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(name)).toContain("Give the post a name to add it to the plan");
    expect(document.activeElement).toBe(name);

    await user.type(name, "A");
    await user.click(add);
    await user.type(name, "a");
    await user.click(add);
    expect(describedBy(name)).toContain("“a” is already waiting to be added to the plan: give each post its own name");

    // Build the plan with "A"; "A" again from Post cost is then refused as already in the plan.
    const plan = await openPart(user, "Plan");
    await user.click(within(plan).getByRole("button", { name: "Build staffing plan" }));
    await within(plan).findByText("Staffing plan built");
    const again = await openPart(user, "Post cost");
    await user.clear(box(again, "Post name"));
    await user.type(box(again, "Post name"), "A");
    await user.click(within(again).getByRole("button", { name: "Add to plan" }));
    await within(again).findByText("“A” is already in the staffing plan: give this post its own name");
    expect(within(await openPart(user, "Plan")).queryByRole("list", { name: "Posts to add" })).toBeNull();
  });

  it("hides the last build's message on the Plan tab when a post arrives from Post cost", async () => {
    const { user } = renderApp();
    const plan = await openPart(user, "Plan");
    await addPost(user, plan, { name: "A" });
    await user.click(within(plan).getByRole("button", { name: "Build staffing plan" }));
    await within(plan).findByText("Staffing plan built");
    const panel = await openPart(user, "Post cost");
    await user.type(box(panel, "Post name"), "B");
    await user.click(within(panel).getByRole("button", { name: "Add to plan" }));
    await openPart(user, "Plan");
    expect(within(plan).queryByText("Staffing plan built")).toBeNull();
    expect(within(plan).getByRole("list", { name: "Posts to add" }).textContent).toContain("B");
  });

  it("puts the breakdown on the Post cost sheet, after the pay tables it reads; a second post refreshes it", async () => {
    const { user, workbook } = renderApp();
    const wb = workbook as ReturnType<typeof newWorkbook>;
    const panel = await costBand6(user);
    await user.type(box(panel, "Post name"), "Band 6 practitioner 1");
    await user.click(within(panel).getByRole("button", { name: "Put on a sheet" }));
    const done = (await within(panel).findByText("Post cost put on a sheet")).closest(".fui-MessageBar")!;
    expect(done.textContent).toContain(
      "“Post cost” costs band 6 top, 0.8 WTE, 2025/26 with formulas over the Pay scales and On-costs sheets: £53,611.34 a year with the catalog's figures, as here.",
    );
    expect(done.textContent).toContain("Created sheet “Post cost”");
    expect(wb.sheetNames()).toEqual(["Sheet1", "Pay scales", "On-costs", "Post cost"]);
    const grid = wb.getSheet("Post cost")!;
    const row = (label: string) => grid.findIndex((r) => r[0] === label) + 1;
    expect(wb.cell("Post cost", "A1").value).toBe("Post cost: Band 6 practitioner 1");
    expect(wb.cell("Post cost", `B${row("Band")}`).value).toBe(6);
    expect(wb.cell("Post cost", `B${row("WTE")}`).value).toBe(0.8);
    expect(wb.cell("Post cost", `B${row("HCAS zone")}`).value).toBe("outer-london");
    expect(wb.cell("Post cost", `E${row("Total")}`).formula).toMatch(/^=SUM\(E\d+:E\d+\)$/);
    expect(wb.cell("Post cost", `C${row("Basic pay")}`).formula).toContain("Pay_Scales[Annual pay]");

    // The user's note beside it stays when another post is put there, and so does a pay figure they edited, which
    // the sheet's formulas use: the message says its total may then differ from the pane's.
    wb.userTypes("Post cost", "I3", "asked by finance");
    const top = parseRange(wb.getTable("Pay_Scales")!.address).top;
    wb.userTypes("Pay scales", `E${top + 1}`, 25000);
    await user.clear(box(panel, "Post name"));
    await user.selectOptions(combo(panel, "Band"), "4");
    await user.click(within(panel).getByRole("button", { name: "Put on a sheet" }));
    const again = (await within(panel).findByText(/Refreshed sheet “Post cost”/)).closest(".fui-MessageBar")!;
    expect(again.textContent).toContain("1 pay figure you edited is kept, marked “edited in workbook”. The sheet uses them, so its total may differ from the one here.");
    expect(wb.cell("Pay scales", `E${top + 1}`).value).toBe(25000);
    expect(wb.sheetNames()).toEqual(["Sheet1", "Pay scales", "On-costs", "Post cost"]);
    expect(wb.cell("Post cost", "A1").value).toBe("Post cost");
    expect(wb.cell("Post cost", `B${row("Band")}`).value).toBe(4);
    expect(wb.cell("Post cost", "I3").value).toBe("asked by finance");
  });

  it("offers neither while the WTE is wrong", async () => {
    const { user, workbook } = renderApp();
    const panel = await openPart(user, "Post cost");
    await user.clear(box(panel, "WTE"));
    await user.type(box(panel, "WTE"), "2");
    await user.type(box(panel, "Post name"), "X");
    const put = within(panel).getByRole("button", { name: "Put on a sheet" });
    expect(put.getAttribute("aria-disabled")).toBe("true");
    await user.click(put);
    await user.click(within(panel).getByRole("button", { name: "Add to plan" }));
    expect(panel.textContent).toContain("No cost to use yet: put right the field above.");
    expect((workbook as ReturnType<typeof newWorkbook>).sheetNames()).toEqual(["Sheet1"]);
    expect(within(await openPart(user, "Plan")).queryByRole("list", { name: "Posts to add" })).toBeNull();
  });
});
