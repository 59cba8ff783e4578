import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { newWorkbook, renderApp } from "./renderApp";

async function runCheck(user: ReturnType<typeof renderApp>["user"]) {
  await user.click(screen.getByRole("tab", { name: "Reference" }));
  await user.click(screen.getByRole("button", { name: "Check this Excel" }));
  return screen.findByRole("list", { name: "Checks" });
}

const rows = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .filter((li) => li.parentElement === list)
    .map((li) => li.firstElementChild!.textContent);

describe("Reference tab: Check this Excel", () => {
  it("on the demo workbook writes and removes the scratch sheets and says which checks need Excel", async () => {
    const wb = newWorkbook();
    wb.userTypes("Sheet1", "A1", "my notes");
    const { user } = renderApp(wb);
    const list = await runCheck(user);
    expect(rows(list)).toEqual([
      "PassedWriting every kind of sheet",
      "Needs ExcelPost costs",
      "Needs ExcelPlan totals",
      "Needs ExcelCoverage",
      "Needs ExcelJE bands",
      "Needs ExcelWFP functions in a cell",
      "PassedRemoving the scratch sheets",
    ]);
    expect(screen.getByText("Every check that can run here passed; 5 need Excel to calculate.")).toBeTruthy();
    expect(screen.getByText(/This is the demo workbook/)).toBeTruthy();
    expect(wb.sheetNames()).toEqual(["Sheet1"]);
    expect(wb.cell("Sheet1", "A1").value).toBe("my notes");

    await user.click(screen.getByRole("button", { name: "Copy details" }));
    await screen.findByText("Copied to the clipboard.");
    const copied = await navigator.clipboard.readText();
    expect(copied).toMatch(/^PASSED: Writing every kind of sheet\n/);
    expect(copied).toContain("NEEDS EXCEL: Post costs");
    expect((screen.getByRole("textbox", { name: "Check details to copy" }) as HTMLTextAreaElement).value).toBe(copied);
  });

  it("shows each failed check with what differs, when a workbook's computed values are wrong", async () => {
    // A workbook that says it calculates but leaves every formula empty: every computed comparison must fail.
    class NotCalculating extends MemoryWorkbook {
      async calculate(): Promise<void> {}
    }
    const wb = new NotCalculating({ sheets: ["Sheet1"] });
    const { user } = renderApp(wb);
    const list = await runCheck(user);
    expect(rows(list)).toEqual([
      "PassedWriting every kind of sheet",
      "FailedPost costs",
      "FailedPlan totals",
      "FailedCoverage",
      "FailedJE bands",
      "FailedWFP functions in a cell",
      "PassedRemoving the scratch sheets",
    ]);
    expect(screen.getByText("5 checks failed.")).toBeTruthy();
    expect(within(list).getByText(/^Lead \(RECONNECT Service Manager, band 8a top, 1 WTE, HCAS inner-london\) total: Excel \(empty\), expected \d+/)).toBeTruthy();
    expect(wb.sheetNames()).toEqual(["Sheet1"]);
  });
});
