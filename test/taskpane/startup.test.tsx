import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { WorkbookAdapter } from "../../src/excel/adapter";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { Startup } from "../../src/taskpane/app/Startup";
import { type StartupEnvironment, chooseWorkbook } from "../../src/taskpane/environment";
import { catalog } from "./renderApp";

const excelAdapter: WorkbookAdapter = {
  writeSheetPlan: async () => {
    throw new Error("not in this test");
  },
  readTable: async () => null,
  listManaged: async () => [],
};

function environment(over: Partial<StartupEnvironment>): StartupEnvironment & { exposed: MemoryWorkbook[] } {
  const exposed: MemoryWorkbook[] = [];
  return {
    office: undefined,
    search: "",
    createExcelAdapter: () => excelAdapter,
    createMemoryWorkbook: () => new MemoryWorkbook({ sheets: ["Sheet1"] }),
    exposeMemoryWorkbook: (wb) => exposed.push(wb),
    exposed,
    ...over,
  };
}

const office = (host: string | null): StartupEnvironment["office"] =>
  ({ onReady: async () => ({ host, platform: null }) }) as unknown as StartupEnvironment["office"];
const pendingOffice = (): { office: StartupEnvironment["office"]; answer: (host: string | null) => void } => {
  let answer: (host: string | null) => void = () => undefined;
  const ready = new Promise<{ host: string | null }>((resolve) => {
    answer = (host) => resolve({ host });
  });
  return { office: { onReady: () => ready } as unknown as StartupEnvironment["office"], answer };
};

describe("start-up picks the workbook", () => {
  it("uses Excel when Office says the host is Excel, even with ?workbook=memory", async () => {
    const env = environment({ office: office("Excel"), search: "?workbook=memory" });
    const chosen = await chooseWorkbook(env);
    if (chosen.kind !== "excel") throw new Error(`expected Excel, got ${chosen.kind}`);
    expect(await chosen.open()).toBe(excelAdapter);
    expect(env.exposed).toEqual([]);
  });

  it("uses a memory workbook, exposed for inspection, with ?workbook=memory outside Office", async () => {
    for (const off of [undefined, office(null)]) {
      const env = environment({ office: off, search: "?x=1&workbook=memory" });
      const chosen = await chooseWorkbook(env);
      if (chosen.kind !== "memory") throw new Error(`expected the memory workbook, got ${chosen.kind}`);
      // Opened when the pane asks (after its first view), once however often it asks.
      expect(env.exposed).toEqual([]);
      const workbook = await chosen.open();
      expect(await chosen.open()).toBe(workbook);
      expect(env.exposed).toEqual([workbook]);
      expect(workbook.sheetNames()).toEqual(["Sheet1"]);
    }
  });

  it("needs Excel in a plain browser, with or without office.js, and in another Office app", async () => {
    expect(await chooseWorkbook(environment({}))).toEqual({ kind: "needs-excel", host: null });
    expect(await chooseWorkbook(environment({ office: office(null) }))).toEqual({ kind: "needs-excel", host: null });
    expect(await chooseWorkbook(environment({ office: office("Word") }))).toEqual({ kind: "needs-excel", host: "Word" });
    expect(await chooseWorkbook(environment({ search: "?workbook=excel" }))).toEqual({ kind: "needs-excel", host: null });
    const failing = { onReady: () => Promise.reject(new Error("no host")) } as unknown as StartupEnvironment["office"];
    expect(await chooseWorkbook(environment({ office: failing }))).toEqual({ kind: "needs-excel", host: null });
  });

  it("stops waiting for an Office.onReady that never answers, and takes Excel if it answers late", async () => {
    vi.useFakeTimers();
    try {
      const late = pendingOffice();
      const deciding = chooseWorkbook(environment({ office: late.office }), 5000);
      await vi.advanceTimersByTimeAsync(5000);
      const chosen = await deciding;
      expect(chosen.kind).toBe("needs-excel");
      if (chosen.kind !== "needs-excel") return;
      late.answer("Excel");
      expect(await chosen.lateExcel).toBe(excelAdapter);

      const memory = pendingOffice();
      const demo = chooseWorkbook(environment({ office: memory.office, search: "?workbook=memory" }), 5000);
      await vi.advanceTimersByTimeAsync(5000);
      expect((await demo).kind).toBe("memory");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("start-up screen", () => {
  it("says the add-in needs Excel, and how to open it there, when there is no workbook", async () => {
    render(<Startup catalog={catalog} startup={Promise.resolve({ kind: "needs-excel", host: null })} />);
    expect(await screen.findByRole("heading", { name: "Workforce Planner needs Excel" })).toBeTruthy();
    expect(screen.getByText(/Upload My Add-in/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "demo with an in-memory workbook" }).getAttribute("href")).toBe("?workbook=memory");
    expect(screen.queryByRole("tab")).toBeNull();
  });

  it("names the Office app it was opened in when that isn't Excel", async () => {
    render(<Startup catalog={catalog} startup={Promise.resolve({ kind: "needs-excel", host: "Word" })} />);
    expect(await screen.findByText("This is Word, not Excel.")).toBeTruthy();
  });

  it("shows the planner, marked as a demo, on a memory workbook", async () => {
    const workbook = new MemoryWorkbook();
    render(<Startup catalog={catalog} startup={Promise.resolve({ kind: "memory", open: async () => workbook })} />);
    expect(await screen.findByRole("tab", { name: "Roles" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "JE calculator" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Reference" })).toBeTruthy();
    expect(await screen.findByText("Demo: an in-memory workbook, not Excel")).toBeTruthy();
  });

  it("replaces the needs-Excel page with the planner when Excel answers late", async () => {
    let answer: (w: WorkbookAdapter) => void = () => undefined;
    const lateExcel = new Promise<WorkbookAdapter>((resolve) => {
      answer = resolve;
    });
    render(<Startup catalog={catalog} startup={Promise.resolve({ kind: "needs-excel", host: null, lateExcel })} />);
    await screen.findByRole("heading", { name: "Workforce Planner needs Excel" });
    answer(excelAdapter);
    expect(await screen.findByRole("tab", { name: "Roles" })).toBeTruthy();
    expect(screen.queryByText(/Demo/)).toBeNull();
  });
});
