/**
 * The workbook while its code is still on its way. The pane shows its first view (the Roles list) without waiting
 * for the workbook adapter's chunk (Office's, or the demo's in-memory workbook with its strict model), and opens
 * the workbook right after; a call made before it has arrived waits for it rather than fails.
 *
 * Until then it has only the members every workbook has. When the workbook arrives, the optional ones it has
 * (readTables, writeSheetPlans, selectCell, calculate …) are copied on, so from then on it can do exactly what the
 * workbook can. A component that renders what the workbook can do (a Select-cell link, a "selected range" choice)
 * must therefore mount only once `ready` has resolved: App mounts every tab but the first only then.
 */
import type { ManagedSheet, TableData, WorkbookAdapter, WriteOptions, WriteResult } from "../../excel/adapter";
import type { SheetPlan } from "../../sheets/plan";

type Optional = Exclude<keyof WorkbookAdapter, "writeSheetPlan" | "readTable" | "listManaged">;
// Every optional member, checked by the compiler: one added to WorkbookAdapter and not named here fails `npm run lint`
// instead of silently staying absent once the workbook has arrived.
const OPTIONAL_MEMBERS = {
  writeSheetPlans: true,
  readTables: true,
  selectCell: true,
  readSelection: true,
  removeManagedSheet: true,
  calculate: true,
} satisfies Record<Optional, true>;
const OPTIONAL = Object.keys(OPTIONAL_MEMBERS) as Optional[];

export class OpeningWorkbook implements WorkbookAdapter {
  /** Resolves with the workbook once it has arrived and its members are copied on. */
  readonly ready: Promise<WorkbookAdapter>;

  constructor(workbook: Promise<WorkbookAdapter>) {
    this.ready = workbook.then((opened) => {
      for (const member of OPTIONAL) {
        const method = opened[member] as ((...args: unknown[]) => unknown) | undefined;
        if (method) (this as Record<Optional, unknown>)[member] = method.bind(opened);
      }
      return opened;
    });
  }

  async writeSheetPlan(plan: SheetPlan, options?: WriteOptions): Promise<WriteResult> {
    return (await this.ready).writeSheetPlan(plan, options);
  }

  async readTable(name: string): Promise<TableData | null> {
    return (await this.ready).readTable(name);
  }

  async listManaged(): Promise<ManagedSheet[]> {
    return (await this.ready).listManaged();
  }
}

// The optional members, declared for TypeScript: assigned when the workbook arrives.
export interface OpeningWorkbook extends Partial<Pick<WorkbookAdapter, Optional>> {}
