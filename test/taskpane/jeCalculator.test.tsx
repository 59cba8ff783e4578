// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { JE_LOG_TABLE, jeLogHeaders } from "../../src/sheets/jeLog";
import { excelDate } from "../../src/sheets/plan";
import { JeCalculatorTab } from "../../src/taskpane/je/JeCalculatorTab";
import { catalog, newWorkbook } from "./renderApp";

const LEVELS_8A = [5, 6, 5, 4, 2, 7, 4, 4, 4, 1, 1, 5, 1, 3, 2, 2];

function renderCalculator(workbook = newWorkbook()) {
  // No pause between keystrokes: these tests are about what the pane does, not typing speed.
  const user = userEvent.setup({ delay: null });
  render(<JeCalculatorTab catalog={catalog} workbook={workbook} today={() => "2025-04-01"} />);
  return { user, workbook };
}

/** The sixteen factor pickers, found by their labels ("1. Communication & relationship skills"). */
function factorSelect(n: number): HTMLSelectElement {
  const factor = catalog.jeScheme.factors[n - 1]!;
  return screen.getByRole("combobox", { name: `${factor.number}. ${factor.name}` }) as HTMLSelectElement;
}

async function chooseLevels(user: ReturnType<typeof userEvent.setup>, levels: readonly number[]) {
  for (let i = 0; i < levels.length; i++) await user.selectOptions(factorSelect(i + 1), String(levels[i]));
}

const result = () => screen.getByRole("status");

describe("JE calculator", () => {
  it("labels each factor with its number and name, and each level with its score", () => {
    renderCalculator();
    const first = factorSelect(1);
    expect([...first.options].map((o) => o.textContent)).toEqual([
      "Choose a level",
      "Level 1 (5)",
      "Level 2 (12)",
      "Level 3 (21)",
      "Level 4 (32)",
      "Level 5 (45)",
      "Level 6 (60)",
    ]);
    expect(screen.getAllByRole("combobox")).toHaveLength(16);
    expect(result().textContent).toBe("Choose a level for each of the 16 factors to see the JE score.");
  });

  it("shows 550, band 8a, and the points from the band's floor and to the next band", async () => {
    const { user } = renderCalculator();
    await chooseLevels(user, LEVELS_8A.slice(0, 15));
    expect(result().textContent).toBe("Choose a level for 1 more factor to see the JE score.");
    await user.selectOptions(factorSelect(16), "2");
    expect(result().textContent).toContain("JE score 550");
    expect(result().textContent).toContain("Band 8a");
    expect(result().textContent).toContain("10 points above band 8a's lower boundary (540); 35 points to band 8b.");

    // Live: one level up on factor 1 (45 → 60) moves the score by 15.
    await user.selectOptions(factorSelect(1), "6");
    expect(result().textContent).toContain("JE score 565");
  });

  it("says so when a score has no band", async () => {
    const { user } = renderCalculator();
    await chooseLevels(user, catalog.jeScheme.factors.map((f) => f.levelScores.length));
    expect(result().textContent).toContain("JE score 1000");
    expect(result().textContent).toContain("No band");
    expect(result().textContent).toContain("above 765");
  });

  it("adds an evaluation to the JE log, then appends the next one", async () => {
    const { user, workbook } = renderCalculator();
    await user.type(screen.getByRole("textbox", { name: /Post name/ }), "Liaison and Diversion Team Leader");
    await chooseLevels(user, LEVELS_8A);
    await user.click(screen.getByRole("button", { name: "Add to JE log" }));
    await screen.findByText("Created sheet “JE log”");

    const log = await workbook.readTable(JE_LOG_TABLE);
    expect(log?.headers).toEqual(jeLogHeaders(catalog.jeScheme));
    expect(log?.rows).toHaveLength(1);
    const row = log!.rows[0]!;
    expect(row.slice(0, 2)).toEqual([excelDate("2025-04-01"), "Liaison and Diversion Team Leader"]);
    expect(row.slice(2, 18).map(String)).toEqual(LEVELS_8A.map(String));
    expect(row.slice(18)).toEqual([550, 550, "8a", "8a"]);

    await user.clear(screen.getByRole("textbox", { name: /Post name/ }));
    await user.type(screen.getByRole("textbox", { name: /Post name/ }), "Second post");
    await user.selectOptions(factorSelect(1), "6");
    await user.click(screen.getByRole("button", { name: "Add to JE log" }));
    await screen.findByText("Refreshed sheet “JE log”");
    const after = await workbook.readTable(JE_LOG_TABLE);
    expect(after?.rows.map((r) => [r[1], r[18], r[20]])).toEqual([
      ["Liaison and Diversion Team Leader", 550, "8a"],
      ["Second post", 565, "8a"],
    ]);
  });

  it("asks for what is missing before logging, and takes focus there", async () => {
    const { user, workbook } = renderCalculator();
    await user.click(screen.getByRole("button", { name: "Add to JE log" }));
    expect(screen.getByText("Give the post a name for the log")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: /Post name/ }));

    await user.type(screen.getByRole("textbox", { name: /Post name/ }), "Peer worker");
    await chooseLevels(user, [2, 3]);
    await user.click(screen.getByRole("button", { name: "Add to JE log" }));
    expect(document.activeElement).toBe(factorSelect(3));
    expect(factorSelect(3).getAttribute("aria-invalid")).toBe("true");
    expect(factorSelect(2).getAttribute("aria-invalid")).not.toBe("true");
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("on a conflict with the user's cells below the log, writes the log to a new sheet when asked", async () => {
    const { user, workbook } = renderCalculator();
    await user.type(screen.getByRole("textbox", { name: /Post name/ }), "First");
    await chooseLevels(user, LEVELS_8A);
    await user.click(screen.getByRole("button", { name: "Add to JE log" }));
    await screen.findByText("Created sheet “JE log”");

    // The user writes a note just under the log table, where the next row would go.
    const below = Number(workbook.getTable(JE_LOG_TABLE)!.address.split(":")[1]!.replace(/^[A-Z]+/, "")) + 1;
    workbook.userTypes("JE log", `B${below}`, "Checked by HR");
    await user.click(screen.getByRole("button", { name: "Add to JE log" }));
    const bar = (await screen.findByText("Your data is on “JE log”")).closest(".fui-MessageBar") as HTMLElement;
    expect(bar.textContent).toContain(`Cells B${below} on sheet “JE log” hold your data.`);
    expect((await workbook.readTable(JE_LOG_TABLE))?.rows).toHaveLength(1);

    await user.click(within(bar).getByRole("button", { name: "Write to a new sheet" }));
    await screen.findByText("Created sheet “JE log (2)”");
    expect(workbook.cell("JE log", `B${below}`).value).toBe("Checked by HR");
    expect((await workbook.readTable(JE_LOG_TABLE))?.rows).toHaveLength(2);
  });
});
