import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type WorkbookAdapter, WorkbookError, type WriteOptions, type WriteResult } from "../../src/excel/adapter";
import type { SheetPlan } from "../../src/sheets/plan";
import { newWorkbook, renderApp } from "./renderApp";

const ROLE = "RECONNECT Peer Support Worker";
const TABLE = "Competences_reconnect_peer_support_worker";

async function chooseRole(user: ReturnType<typeof renderApp>["user"], title = ROLE) {
  await user.click(screen.getByRole("radio", { name: new RegExp(title) }));
  return screen.getByRole("button", { name: "Insert role profile" });
}

describe("Insert role profile", () => {
  it("writes the profile and says on which sheet; again, that it refreshed it", async () => {
    const { user, workbook } = renderApp();
    await user.click(await chooseRole(user));
    await screen.findByText(`Created sheet “${ROLE}”`);
    expect(screen.getByText(`The role profile is on the new sheet “${ROLE}”.`)).toBeTruthy();

    const wb = workbook as ReturnType<typeof newWorkbook>;
    expect(wb.sheetNames()).toEqual(["Sheet1", ROLE]);
    expect(wb.cell(ROLE, "A1").value).toBe(ROLE);
    expect(wb.getTable(TABLE)?.headers).toEqual(["Section", "Underpinning principle", "Reference function", "Competence", "NOS code"]);
    expect((await wb.readTable(TABLE))?.rows).toHaveLength(43);

    await user.click(screen.getByRole("button", { name: "Insert role profile" }));
    await screen.findByText(`Refreshed sheet “${ROLE}”`);
    expect(wb.sheetNames()).toEqual(["Sheet1", ROLE]);
  });

  it("says where the profile went when a sheet of the user's has its name", async () => {
    const workbook = newWorkbook();
    workbook.userAddsSheet(ROLE);
    const { user } = renderApp(workbook);
    await user.click(await chooseRole(user));
    await screen.findByText(
      `A sheet named “${ROLE}” is yours, so the role profile went to “RECONNECT Peer Support Work (2)”.`,
    );
    expect(workbook.sheetNames()).toEqual(["Sheet1", ROLE, "RECONNECT Peer Support Work (2)"]);
    expect(workbook.getSheet(ROLE)).toEqual([]);
  });

  it("on a conflict names the user's table, and writes to a new sheet when asked", async () => {
    const workbook = newWorkbook();
    const { user } = renderApp(workbook);
    await user.click(await chooseRole(user));
    await screen.findByText(`Created sheet “${ROLE}”`);

    // The user makes a table of their own over part of the profile.
    workbook.userTypes(ROLE, "G1", [["Note"], ["mine"]]);
    workbook.userAddsTable(ROLE, "A1:A2", "MyNotes");
    await user.click(screen.getByRole("button", { name: "Insert role profile" }));
    const warning = await screen.findByText(`Your data is on “${ROLE}”`);
    const bar = warning.closest(".fui-MessageBar") as HTMLElement;
    expect(bar.textContent).toContain(`Your table “MyNotes” is at A1:A2 on sheet “${ROLE}”.`);
    const before = workbook.getSheet(ROLE);

    await user.click(within(bar).getByRole("button", { name: "Write to a new sheet" }));
    const done = (await screen.findByText("Created sheet “RECONNECT Peer Support Work (2)”")).closest(".fui-MessageBar")!;
    expect(done.textContent).toContain(`The earlier sheet “${ROLE}” is left to you as it was.`);
    expect(workbook.getSheet(ROLE)).toEqual(before); // the user's sheet untouched
    expect(workbook.getTable("MyNotes")?.sheet).toBe(ROLE);
    expect(workbook.cell("RECONNECT Peer Support Work (2)", "A1").value).toBe(ROLE);
    expect(workbook.getTable(TABLE)?.sheet).toBe("RECONNECT Peer Support Work (2)");
    // Focus isn't dropped when the conflict's buttons go: it lands on the outcome.
    expect(document.activeElement?.textContent).toContain("Created sheet “RECONNECT Peer Support Work (2)”");
  });

  it("cancelling a conflict writes nothing", async () => {
    const workbook = newWorkbook();
    const { user } = renderApp(workbook);
    await user.click(await chooseRole(user));
    await screen.findByText(`Created sheet “${ROLE}”`);
    workbook.userAddsTable(ROLE, "A1:A2", "MyNotes");
    const before = JSON.stringify([workbook.sheetNames(), workbook.getSheet(ROLE)]);

    await user.click(screen.getByRole("button", { name: "Insert role profile" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    await screen.findByText("Nothing was written; your data is as it was.");
    expect(JSON.stringify([workbook.sheetNames(), workbook.getSheet(ROLE)])).toBe(before);
  });

  it("shows a spinner while writing, and keeps a second click from writing twice", async () => {
    const inner = newWorkbook();
    let release: () => void = () => undefined;
    let writes = 0;
    const slow: WorkbookAdapter = {
      readTable: (name) => inner.readTable(name),
      listManaged: () => inner.listManaged(),
      async writeSheetPlan(plan: SheetPlan, options?: WriteOptions): Promise<WriteResult> {
        writes += 1;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return inner.writeSheetPlan(plan, options);
      },
    };
    const { user } = renderApp(slow);
    const insert = await chooseRole(user);
    await user.click(insert);
    expect(await screen.findByText("Writing the role profile…")).toBeTruthy();
    expect(insert.getAttribute("aria-disabled")).toBe("true");
    await user.click(insert);
    release();
    await screen.findByText(`Created sheet “${ROLE}”`);
    expect(writes).toBe(1);
  });

  it("shows what was wrong and where when the workbook refuses", async () => {
    const refusing: WorkbookAdapter = {
      readTable: async () => null,
      listManaged: async () => [],
      writeSheetPlan: async () => {
        throw new WorkbookError("excel", "Excel refused the request: The workbook is protected.", { partial: true });
      },
    };
    const { user } = renderApp(refusing);
    await user.click(await chooseRole(user));
    const title = await screen.findByText(`Excel refused to write “${ROLE}”`);
    const bar = title.closest(".fui-MessageBar")!;
    expect(bar.textContent).toContain("Excel refused the request: The workbook is protected.");
    expect(bar.textContent).toContain(`Part of the role profile was written to “${ROLE}”; insert it again to finish.`);
    expect(bar.closest("[aria-live]")?.getAttribute("aria-live")).toBe("polite");
  });

  it("lists a plan's problems when the plan is refused", async () => {
    const refusing: WorkbookAdapter = {
      readTable: async () => null,
      listManaged: async () => [],
      writeSheetPlan: async () => {
        throw new WorkbookError("invalid-plan", "The plan can't be written", {
          issues: [{ path: "blocks[3].rows[0][1]", message: "is longer than 32,767 characters" }],
        });
      },
    };
    const { user } = renderApp(refusing);
    await user.click(await chooseRole(user));
    const bar = (await screen.findByText("The role profile could not be written")).closest(".fui-MessageBar")!;
    expect(bar.textContent).toContain(`The plan can't be written (sheet “${ROLE}”). Nothing was written.`);
    expect(bar.textContent).toContain("blocks[3].rows[0][1]: is longer than 32,767 characters");
  });
});

describe("Reference tab", () => {
  it("inserts the JE and banding reference and reports the sheet", async () => {
    const { user, workbook } = renderApp();
    await user.click(screen.getByRole("tab", { name: "Reference" }));
    await user.click(screen.getByRole("button", { name: "Insert JE and banding reference" }));
    await screen.findByText("Created sheet “JE and banding”");
    const wb = workbook as ReturnType<typeof newWorkbook>;
    expect(wb.getTable("JE_Bands")?.sheet).toBe("JE and banding");
    expect((await wb.readTable("JE_Bands"))?.rows).toHaveLength(12);
    await waitFor(() => expect(screen.getByRole("tabpanel", { name: "Reference" })).toBeTruthy());
  });
});
