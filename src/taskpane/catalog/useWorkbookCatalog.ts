/** The workbook catalog for a component: the shared store's state, and a way to ask for a fresh read. */
import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { type WorkbookCatalogState, workbookCatalogStore } from "./workbookCatalogStore";

export interface WorkbookCatalogHandle {
  readonly state: WorkbookCatalogState;
  /** Read the Catalog sheet again (after writing it, or when the user asks). */
  readonly reload: () => Promise<void>;
}

export function useWorkbookCatalog(workbook: WorkbookAdapter, base: Catalog): WorkbookCatalogHandle {
  const store = workbookCatalogStore(workbook, base);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  useEffect(() => store.attach(), [store]);
  const reload = useCallback(() => store.reload(), [store]);
  return { state, reload };
}
