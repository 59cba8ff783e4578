import { waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { parseRange } from "../../src/sheets/plan";
import { renderApp } from "./renderApp";
import { type Workbook, openPart, rows, addPost } from "./costingPane";

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
