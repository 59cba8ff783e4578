/**
 * The workbook catalog as the task pane knows it: one store per workbook, shared by every tab that shows roles (the
 * Roles tab and the Catalog tab), so both see the same merged catalog and a change read by one shows in the other.
 *
 * It reads the Catalog sheet when the first tab mounts, and again when told the sheet changed: after the pane
 * writes it, when Excel reports a change to a catalog table (Office only, see watchTables.ts), and when the pane
 * gets focus back (the user edited the sheet and returns; this also covers hosts without table events).
 */
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import type { WorkbookCatalogView } from "../../workbook/catalog";
import { setFunctionsCatalog } from "../../functions/workbookCatalog";

export type WorkbookCatalogState =
  /** `view` is the last one read, or the built-in catalog before the first read ends. */
  | { readonly phase: "reading" | "read"; readonly view: WorkbookCatalogView }
  /** The last read failed (Excel refused); `view` is the last good one. */
  | { readonly phase: "failed"; readonly view: WorkbookCatalogView; readonly error: string };

/** Starts watching for changes; returns the function that stops. */
export type ChangeWatch = (onChange: () => void) => () => void;

export function builtInView(base: Catalog): WorkbookCatalogView {
  return {
    catalog: base,
    entries: { roles: [], locality: [], competences: [] },
    sources: new Map(base.roles.map((r) => [r.id, "built-in" as const])),
    problems: [],
    sheet: null,
  };
}

export class WorkbookCatalogStore {
  private state: WorkbookCatalogState;
  private readonly listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private users = 0;
  private stopWatching: (() => void) | null = null;

  constructor(
    private readonly workbook: WorkbookAdapter,
    private readonly base: Catalog,
    private readonly watch: ChangeWatch = () => () => undefined,
    /** Told each catalog read, for the WFP functions of this workbook (the real Excel one only). */
    private readonly publish: (catalog: Catalog) => void = () => undefined,
  ) {
    this.state = { phase: "reading", view: builtInView(base) };
  }

  readonly getSnapshot = (): WorkbookCatalogState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** A tab that shows the catalog mounted: the first one reads the sheet and starts watching it. */
  attach(): () => void {
    this.users += 1;
    if (this.users === 1) {
      this.stopWatching = this.watch(() => void this.reload());
      void this.reload();
    }
    return () => {
      this.users -= 1;
      if (this.users === 0) {
        this.stopWatching?.();
        this.stopWatching = null;
      }
    };
  }

  /**
   * Reads the Catalog sheet again. Calls while a read is under way ask for one more read after it (the sheet may
   * have changed after that read began), never for several in parallel.
   */
  reload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.readUntilSettled().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async readUntilSettled(): Promise<void> {
    do {
      this.again = false;
      this.set({ phase: "reading", view: this.state.view });
      try {
        // The reader (and the schema it checks the sheet's rows with) is a chunk of its own: the pane shows the
        // built-in roles first and does not wait for it.
        const [{ readWorkbookCatalog }, { sameValue }] = await Promise.all([
          import(/* webpackChunkName: "workbook-catalog" */ "../../workbook/catalog"),
          import(/* webpackChunkName: "workbook-catalog" */ "../../catalog/workbookCatalog"),
        ]);
        const view = await readWorkbookCatalog(this.workbook, this.base);
        // The same entries and problems as now: keep the current view, so nothing downstream re-renders for nothing.
        const now = this.state.view;
        const unchanged = now.sheet === view.sheet && sameValue(now.entries, view.entries) && sameValue(now.problems, view.problems);
        this.set({ phase: "read", view: unchanged ? now : view });
        this.publish(this.state.view.catalog);
      } catch (e) {
        this.set({ phase: "failed", view: this.state.view, error: e instanceof Error ? e.message : String(e) });
      }
    } while (this.again);
  }

  private set(next: WorkbookCatalogState): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

/** Re-reads when the pane gets focus back or becomes visible again (the user was editing in Excel). */
export const focusWatch: ChangeWatch = (onChange) => {
  if (typeof window === "undefined") return () => undefined;
  const onVisible = (): void => {
    if (document.visibilityState === "visible") onChange();
  };
  window.addEventListener("focus", onChange);
  document.addEventListener("visibilitychange", onVisible);
  return () => {
    window.removeEventListener("focus", onChange);
    document.removeEventListener("visibilitychange", onVisible);
  };
};

function excelSupports(requirement: { readonly set: string; readonly version: string }): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported(requirement.set, requirement.version) ?? false;
}

/**
 * Focus always; Excel's table events too when the pane runs in an Excel that has them. In Excel the workbook is
 * always Office's (start-up never picks the demo workbook there), and the adapter's class is not imported here: it
 * is a chunk loaded only in Excel. The table watcher and the tables' names come with the reader's chunk, not in
 * the first view's code.
 */
export function defaultWatch(_workbook: WorkbookAdapter): ChangeWatch {
  if (typeof Excel === "undefined") return focusWatch;
  return (onChange) => {
    const stopFocus = focusWatch(onChange);
    let stopTables: (() => void) | null = null;
    let stopped = false;
    void Promise.all([
      import(/* webpackChunkName: "workbook-catalog" */ "./watchTables"),
      import(/* webpackChunkName: "workbook-catalog" */ "../../sheets/catalogSheet"),
    ]).then(
      ([{ TABLE_WATCH_REQUIREMENT, watchTables }, { CATALOG_ROLES_TABLE, CATALOG_COMPETENCES_TABLE }]) => {
        if (stopped || !excelSupports(TABLE_WATCH_REQUIREMENT)) return;
        stopTables = watchTables({ tables: [CATALOG_ROLES_TABLE, CATALOG_COMPETENCES_TABLE], onChange });
      },
      () => undefined,
    );
    return () => {
      stopped = true;
      stopFocus();
      stopTables?.();
    };
  };
}

const stores = new WeakMap<WorkbookAdapter, WeakMap<Catalog, WorkbookCatalogStore>>();

/** The one store for this workbook and built-in catalog. */
export function workbookCatalogStore(workbook: WorkbookAdapter, base: Catalog): WorkbookCatalogStore {
  let byBase = stores.get(workbook);
  if (!byBase) {
    byBase = new WeakMap();
    stores.set(workbook, byBase);
  }
  let store = byBase.get(base);
  if (!store) {
    // The functions run in the Excel workbook the pane is open on: its catalog is theirs. (Outside Excel — the demo,
    // a test — there are no functions, and a test's workbook must not change them for the next.)
    store = new WorkbookCatalogStore(workbook, base, defaultWatch(workbook), typeof Excel === "undefined" ? undefined : setFunctionsCatalog);
    byBase.set(base, store);
  }
  return store;
}
