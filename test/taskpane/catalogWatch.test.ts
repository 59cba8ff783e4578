import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import type { TableData, WorkbookAdapter } from "../../src/excel/adapter";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { CATALOG_ROLES_TABLE } from "../../src/sheets/catalogSheet";
import { type ExcelRun, watchTables } from "../../src/taskpane/catalog/watchTables";
import { WorkbookCatalogStore } from "../../src/taskpane/catalog/workbookCatalogStore";
import { addRolesToWorkbookCatalog } from "../../src/workbook/catalog";

const base = defaultCatalog();

/** Excel.run over a fake workbook whose tables have ids; records the handlers added and removed. */
function fakeExcel(tables: Record<string, string>) {
  const handlers: ((args: Excel.TableChangedEventArgs) => Promise<void>)[] = [];
  let removed = 0;
  let lookups = 0;
  const context = {
    workbook: {
      tables: {
        onChanged: {
          add: (handler: (args: Excel.TableChangedEventArgs) => Promise<void>) => {
            handlers.push(handler);
            return { context, remove: () => (removed += 1) };
          },
        },
        getItemOrNullObject: (id: string) => ({
          load: () => ({ isNullObject: !(id in tables), name: tables[id] ?? "" }),
        }),
      },
    },
    sync: async () => {
      lookups += 1;
    },
  };
  const run = (async (first: unknown, second?: unknown) => {
    const batch = (second ?? first) as (c: unknown) => Promise<unknown>;
    return batch(context);
  }) as unknown as ExcelRun;
  const fire = (tableId: string) => handlers[0]!({ tableId } as Excel.TableChangedEventArgs);
  return { run, fire, handlers, removed: () => removed, syncs: () => lookups };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("watching the catalog tables in Excel", () => {
  it("passes on a burst of edits to a catalog table once, and ignores other tables", async () => {
    vi.useFakeTimers();
    const excel = fakeExcel({ "{1}": "Catalog_Roles", "{2}": "Staffing_Plan" });
    const onChange = vi.fn();
    const stop = watchTables({ tables: [CATALOG_ROLES_TABLE, "Catalog_Competences"], onChange, delayMs: 300, run: excel.run });
    await vi.waitFor(() => expect(excel.handlers).toHaveLength(1));

    await excel.fire("{2}");
    await vi.advanceTimersByTimeAsync(400);
    expect(onChange).not.toHaveBeenCalled();

    await excel.fire("{1}");
    await vi.advanceTimersByTimeAsync(100);
    await excel.fire("{1}");
    await excel.fire("{2}");
    await vi.advanceTimersByTimeAsync(400);
    expect(onChange).toHaveBeenCalledTimes(1);

    stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(excel.removed()).toBe(1);
  });
});

describe("the task pane's workbook catalog store", () => {
  it("reads once more when asked during a read, never in parallel, and keeps the view when nothing changed", async () => {
    const inner = new MemoryWorkbook();
    await addRolesToWorkbookCatalog(inner, base, [{ ...base.roles[0]!, id: "copy", title: "Copy" }], []);
    let reads = 0;
    let inFlight = 0;
    let most = 0;
    const counting: WorkbookAdapter = {
      writeSheetPlan: (plan, options) => inner.writeSheetPlan(plan, options),
      listManaged: () => inner.listManaged(),
      async readTable(name): Promise<TableData | null> {
        inFlight += 1;
        most = Math.max(most, inFlight);
        if (name === CATALOG_ROLES_TABLE) reads += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return inner.readTable(name);
      },
    };
    let changed: () => void = () => undefined;
    const store = new WorkbookCatalogStore(counting, base, (onChange) => {
      changed = onChange;
      return () => undefined;
    });
    const detach = store.attach();
    changed();
    changed();
    await store.reload();
    expect(reads).toBe(2);
    expect(most).toBe(2); // the two tables of one read, never two reads at once
    const state = store.getSnapshot();
    expect(state.phase).toBe("read");
    expect(state.view.sources.get("copy")).toBe("workbook");

    await store.reload();
    expect(store.getSnapshot().view).toBe(state.view);
    detach();
  });
});
