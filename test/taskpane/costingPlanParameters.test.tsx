import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { postCost, roundedCostLines } from "../../src/domain";
import { formatMoney } from "../../src/taskpane/costing/costingText";
import { describe, expect, it } from "vitest";
import { catalog, newWorkbook, renderApp } from "./renderApp";
import { openPart, combo, box, addPost } from "./costingPane";

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
    // As the plan's Total column will show it: the lines to the penny, totalled.
    const expected = roundedCostLines(postCost(catalog.pay, { band: "5", point: "top", wte: 1, year: "2025/26", hcasZone: "none", pensionBasis: "employer", includeLevy: false })).total;
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
    const one = roundedCostLines(postCost(catalog.pay, { band: "5", point: "top", wte: 1, year: "2025/26", hcasZone: "none", pensionBasis: "employer", includeLevy: false })).total;
    expect(panel.textContent).toContain(`Together: ${formatMoney(Math.round(one * 100) * 2 / 100)} a year in 2025/26`);
  });
});
