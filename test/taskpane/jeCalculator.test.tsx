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

/** The sixteen factor fields, found by their labels ("1. Communication & relationship skills"). */
function factorField(n: number): HTMLInputElement {
  const factor = catalog.jeScheme.factors[n - 1]!;
  return screen.getByRole("textbox", { name: `${factor.number}. ${factor.name}` }) as HTMLInputElement;
}

async function setLevel(user: ReturnType<typeof userEvent.setup>, n: number, level: number | string) {
  // Pasted, as a panel copies a level text from the profile document (and sixteen typed fields are slow in jsdom).
  await user.clear(factorField(n));
  await user.paste(String(level));
}

async function chooseLevels(user: ReturnType<typeof userEvent.setup>, levels: readonly (number | string)[]) {
  for (let i = 0; i < levels.length; i++) await setLevel(user, i + 1, levels[i]!);
}

const result = () => screen.getByRole("status");

describe("JE calculator", () => {
  it("labels each factor with its number and name, and lists its levels' scores", () => {
    renderCalculator();
    expect(screen.getAllByText("Levels 1–6: 5, 12, 21, 32, 45, 60.").length).toBeGreaterThan(0);
    for (let n = 1; n <= 16; n++) expect(factorField(n)).toBeTruthy();
    expect(result().textContent).toBe("Give a level for each of the 16 factors to see the JE score.");
  });

  it("shows 550, band 8a, and the points from the band's floor and to the next band", async () => {
    const { user } = renderCalculator();
    await chooseLevels(user, LEVELS_8A.slice(0, 15));
    expect(result().textContent).toBe("Give a level for 1 more factor to see the JE score.");
    await setLevel(user, 16, 2);
    expect(result().textContent).toContain("JE score 550");
    expect(result().textContent).toContain("Band 8a");
    expect(result().textContent).toContain("10 points above band 8a's lower boundary (540); 35 points to band 8b.");

    // Live: one level up on factor 1 (45 → 60) moves the score by 15.
    await setLevel(user, 1, 6);
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
    await setLevel(user, 1, 6);
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
    expect(document.activeElement).toBe(factorField(3));
    expect(factorField(3).getAttribute("aria-invalid")).toBe("true");
    expect(factorField(2).getAttribute("aria-invalid")).not.toBe("true");
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

  // The Professional Manager 8a–8b profile's levels as the national-profile document writes them.
  const PM_8A_8B = ["5 (a) (b)", "6", "5", "4", "2-3 (a)(b)", "7", "4", "4 (a) (c)", "4(a)", "1", "1-3", "5", "1/ 2(b); (d)/ 3 (c)", "3(a)", "2-3(b)", "2-3"];

  it("takes ranges and national-profile level texts: 550–599, band 8a–8b, the boundaries at both ends, one log row", async () => {
    const { user, workbook } = renderCalculator();
    await user.type(screen.getByRole("textbox", { name: /Post name/ }), "Professional Manager");
    await chooseLevels(user, PM_8A_8B);
    expect(result().textContent).toContain("JE score 550–599");
    expect(result().textContent).toContain("Band 8a–8b");
    expect(result().textContent).toContain("Lowest 550: 10 points above band 8a's lower boundary (540); 35 points to band 8b.");
    expect(result().textContent).toContain("Highest 599: 14 points above band 8b's lower boundary (585); 31 points to band 8c.");
    expect(screen.getAllByText("Levels 1–6: 5, 12, 21, 32, 45, 60. Scores 45.").length).toBeGreaterThan(0);

    await user.click(screen.getByRole("button", { name: "Add to JE log" }));
    await screen.findByText("Created sheet “JE log”");
    const log = await workbook.readTable(JE_LOG_TABLE);
    expect(log?.rows).toHaveLength(1);
    expect(log!.rows[0]!.slice(2, 18)).toEqual(PM_8A_8B);
    expect(log!.rows[0]!.slice(18)).toEqual([550, 599, "8a", "8b"]);
  });

  it("starts from a national profile: the 16 factors filled as its document writes them", async () => {
    const { user } = renderCalculator();
    const profile = catalog.nationalProfiles.find((p) => p.id === "professional-manager-clinical-8b-8c")!;
    await user.selectOptions(screen.getByRole("combobox", { name: /Start from a national profile/ }), profile.id);
    expect(factorField(8).value).toBe("4 (a) (c)/ 5(a)");
    expect(result().textContent).toContain(`JE score ${profile.documentScore.min}–${profile.documentScore.max}`);
    expect(result().textContent).toContain("Band 8b–8c");
    expect((screen.getByRole("textbox", { name: /Post name/ }) as HTMLInputElement).value).toContain("Professional Manager");
  });

  it("says what is wrong with a level that is none of the factor's, once the field is left", async () => {
    const { user } = renderCalculator();
    await user.type(factorField(1), "7");
    expect(screen.queryByText(/is not a level of factor 1/)).toBeNull();
    await user.tab();
    expect(screen.getByText("'7' is not a level of factor 1 (Communication & relationship skills): it has levels 1–6")).toBeTruthy();
    expect(result().textContent).toContain("Factor 1: not a level of that factor");
    await setLevel(user, 1, "3-2");
    expect(screen.getByText(/the levels of a range must ascend/)).toBeTruthy();
  });
});
