import { waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type WorkbookAdapter, WorkbookError } from "../../src/excel/adapter";
import { newWorkbook, renderApp } from "./renderApp";
import { openPart, rows, addPost, planWithUserNotesBelow } from "./costingPane";

describe("Costing: writing several sheets", () => {
  it("writes the plan to a new sheet when asked, leaving the user's sheet as it was", async () => {
    const { user, wb, panel, below } = await planWithUserNotesBelow();
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
