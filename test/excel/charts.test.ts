import { afterEach, describe, expect, it } from "vitest";
import type { WorkbookAdapter } from "../../src/excel/adapter";
import { MemoryWorkbook, WorkbookStore } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/excel/officeAdapter";
import type { SheetPlan } from "../../src/sheets/plan";
import { FakeExcel } from "../support/fakeExcel";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const implementations: { name: string; make: () => { adapter: WorkbookAdapter; wb: MemoryWorkbook; store: WorkbookStore } }[] = [
  {
    name: "MemoryWorkbook",
    make: () => {
      const wb = new MemoryWorkbook();
      return { adapter: wb, wb, store: wb.store };
    },
  },
  {
    name: "OfficeWorkbookAdapter over the Office fake",
    make: () => {
      const store = new WorkbookStore();
      const fake = new FakeExcel(store);
      uninstall = fake.install();
      return { adapter: new OfficeWorkbookAdapter(), wb: new MemoryWorkbook({ store }), store };
    },
  },
];

function mixPlan(bands: string[], title = "WTE by band"): SheetPlan {
  return {
    key: "mix",
    name: "Mix",
    blocks: [{ kind: "range", at: "A1", rows: [["Band", "WTE", "Posts"], ...bands.map((b, i) => [b, i + 1, i + 2])] }],
    charts: [
      {
        kind: "column",
        title,
        categories: `A2:A${bands.length + 1}`,
        series: [
          { name: "WTE", values: `B2:B${bands.length + 1}` },
          { name: "Posts", values: `C2:C${bands.length + 1}` },
        ],
        at: "E2",
        width: 360,
        height: 220,
      },
    ],
  };
}

describe.each(implementations)("charts, $name", ({ make }) => {
  it("draws a chart with its series, categories, title and place", async () => {
    const { adapter, wb } = make();
    await adapter.writeSheetPlan(mixPlan(["5", "6", "7"]));
    const [chart, ...others] = wb.charts("Mix");
    expect(others).toEqual([]);
    expect(chart).toMatchObject({
      type: "ColumnClustered",
      title: "WTE by band",
      position: "E2",
      width: 360,
      height: 220,
      series: [
        { name: "WTE", values: "B2:B4", categories: "A2:A4" },
        { name: "Posts", values: "C2:C4", categories: "A2:A4" },
      ],
    });
  });

  it("redraws its own chart on refresh and leaves the user's charts alone", async () => {
    const { adapter, wb, store } = make();
    await adapter.writeSheetPlan(mixPlan(["5", "6"]));
    store.sheet("Mix").charts.push({ name: "My chart", type: "Pie", title: "mine", series: [], position: "K1", width: null, height: null });
    const result = await adapter.writeSheetPlan(mixPlan(["5", "6", "7", "8a"], "WTE by band (updated)"));
    expect(result.status).toBe("written");
    const charts = wb.charts("Mix");
    expect(charts.map((c) => c.title)).toEqual(["mine", "WTE by band (updated)"]);
    expect(charts[1]!.series[0]).toMatchObject({ values: "B2:B5", categories: "A2:A5" });
  });

  it("refreshes after the user deleted the add-in's chart", async () => {
    const { adapter, wb, store } = make();
    await adapter.writeSheetPlan(mixPlan(["5"]));
    store.sheet("Mix").charts.length = 0;
    expect((await adapter.writeSheetPlan(mixPlan(["5", "6"]))).status).toBe("written");
    expect(wb.charts("Mix")).toHaveLength(1);
  });
});
