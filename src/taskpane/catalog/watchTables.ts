/**
 * Tells the task pane when the user (or a colleague co-authoring) changes one of the catalog tables in Excel, so
 * the Roles tab follows the Catalog sheet without a reload. Office.js only: TableCollection.onChanged (ExcelApi
 * 1.7) fires for any table; the changed tables' names are looked up in one round trip per burst of edits (typing
 * fires an event per cell), and only a change to a watched table is passed on.
 */

/** Excel.run's two forms, as this module uses them; a stand-in in tests. */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(object: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface TableWatch {
  /** Table names to watch, compared case-insensitively (Excel's rule). */
  readonly tables: readonly string[];
  readonly onChange: () => void;
  /** Quiet time after the last event before looking the tables up. */
  readonly delayMs?: number;
  readonly run?: ExcelRun;
}

export const TABLE_WATCH_REQUIREMENT = { set: "ExcelApi", version: "1.7" } as const;

/** Starts watching; returns the function that stops it. Failures only cost the live update (focus still re-reads). */
export function watchTables(watch: TableWatch): () => void {
  const run = watch.run ?? (Excel.run as unknown as ExcelRun);
  const wanted = new Set(watch.tables.map((t) => t.toLowerCase()));
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let registration: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs> | null = null;

  const flush = async (): Promise<void> => {
    const ids = [...pending];
    pending = new Set();
    try {
      const names = await run(async (context) => {
        // getItemOrNullObject takes an id as well as a name; a table deleted since the event is a null object.
        const tables = ids.map((id) => context.workbook.tables.getItemOrNullObject(id).load("name"));
        await context.sync();
        return tables.filter((t) => !t.isNullObject).map((t) => t.name);
      });
      if (!stopped && names.some((n) => wanted.has(n.toLowerCase()))) watch.onChange();
    } catch {
      // Could not tell which tables changed: re-reading costs two table reads, missing a change costs trust.
      if (!stopped) watch.onChange();
    }
  };

  const onChanged = async (args: Excel.TableChangedEventArgs): Promise<void> => {
    pending.add(args.tableId);
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), watch.delayMs ?? 400);
  };

  void run(async (context) => {
    const added = context.workbook.tables.onChanged.add(onChanged);
    await context.sync();
    registration = added;
    if (stopped) await removeHandler(run, added);
  }).catch(() => undefined);

  return () => {
    stopped = true;
    clearTimeout(timer);
    if (registration) void removeHandler(run, registration).catch(() => undefined);
  };
}

/** A handler is removed in the context it was added in (Office's rule). */
function removeHandler(run: ExcelRun, registration: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs>): Promise<void> {
  return run(registration.context, async (context) => {
    registration.remove();
    await context.sync();
  });
}
