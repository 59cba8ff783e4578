import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { OpeningWorkbook } from "../../src/taskpane/app/openingWorkbook";
import { Startup } from "../../src/taskpane/app/Startup";
import type { Startup as StartupResult } from "../../src/taskpane/environment";
import { roleProfileSheet } from "../../src/sheets/roleProfile";
import { catalog, openTopTab } from "./renderApp";

function later<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("the workbook while it opens", () => {
  it("makes calls wait for the workbook, and has its optional members only once it has arrived", async () => {
    const arrival = later<MemoryWorkbook>();
    const opening = new OpeningWorkbook(arrival.promise);
    expect(opening.readTables).toBeUndefined();
    expect(opening.writeSheetPlans).toBeUndefined();
    const written = opening.writeSheetPlan(roleProfileSheet(catalog, catalog.roles[0]!));
    const read = opening.readTable("Nothing");
    const workbook = new MemoryWorkbook({ sheets: ["Sheet1"] });
    arrival.resolve(workbook);
    expect((await written).status).toBe("written");
    expect(await read).toBeNull();
    expect((await opening.listManaged()).map((m) => m.sheetName)).toEqual([catalog.roles[0]!.title]);
    expect(await opening.ready).toBe(workbook);
    expect(workbook.sheetNames()).toEqual(["Sheet1", catalog.roles[0]!.title]);
    // What the memory workbook can do, and no more: it reads several tables at once, and does not calculate.
    expect(typeof opening.readTables).toBe("function");
    expect(typeof opening.writeSheetPlans).toBe("function");
    expect(opening.calculate).toBeUndefined();
    expect((await opening.readTables!(["Nothing"]))[0]).toBeNull();
  });
});

describe("the demo's first view", () => {
  it("shows the Roles list before start-up has decided, and the other tabs once the workbook has opened", async () => {
    const user = userEvent.setup({ delay: null });
    const decision = later<StartupResult>();
    render(<Startup catalog={catalog} startup={decision.promise} demoAsked />);
    const roles = await screen.findByRole("tabpanel", { name: "Roles" });
    expect(within(roles).getAllByRole("radio").length).toBeGreaterThan(0);

    const reference = await openTopTab(user, "Reference");
    expect(within(reference).getByText("Opening the workbook…")).toBeTruthy();
    expect(within(reference).queryByRole("button", { name: "Check this Excel" })).toBeNull();

    const workbook = new MemoryWorkbook({ sheets: ["Sheet1"] });
    decision.resolve({ kind: "memory", open: async () => workbook });
    expect(await within(reference).findByRole("button", { name: "Check this Excel" })).toBeTruthy();
    expect(within(reference).queryByText("Opening the workbook…")).toBeNull();
    // The demo badge (a chunk of its own) comes with the demo's workbook.
    expect(await screen.findByText("Demo: an in-memory workbook, not Excel")).toBeTruthy();
  });
});
