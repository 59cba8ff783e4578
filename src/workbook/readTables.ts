/**
 * Reads the tables a flow needs before it writes: all in one go where the workbook can (WorkbookAdapter.readTables:
 * shared round trips, so reading eight tables costs a handful of syncs), else one at a time.
 */
import type { TableData, WorkbookAdapter } from "../excel/adapter";

export function readTables(workbook: WorkbookAdapter, names: readonly string[]): Promise<(TableData | null)[]> {
  return workbook.readTables ? workbook.readTables(names) : Promise.all(names.map((name) => workbook.readTable(name)));
}
