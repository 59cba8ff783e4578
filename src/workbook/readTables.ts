/**
 * Reads the tables a flow needs before it writes: all in one go where the workbook can (WorkbookAdapter.readTables:
 * shared round trips, so reading eight tables costs a handful of syncs), else one at a time.
 */
import { type TableData, type TableRequest, type WorkbookAdapter, WorkbookError } from "../excel/adapter";
import { pickColumns, requestedName } from "../excel/tableColumns";

export function readTables(workbook: WorkbookAdapter, tables: readonly TableRequest[]): Promise<(TableData | null)[]> {
  if (workbook.readTables) return workbook.readTables(tables);
  return Promise.all(tables.map(async (request) => {
    const table = await workbook.readTable(requestedName(request));
    return table === null ? null : pickColumns(table, request);
  }));
}

/**
 * As readTables, for a refresh that reads only its input columns of a wide table: if the user has renamed or removed
 * one of them, those tables are read whole instead (a refresh must not fail on a header the user changed, and
 * rowsByHeaders then reads the missing column as blank). The rare case costs a second read; the usual one, a fraction.
 */
export async function readInputColumns(workbook: WorkbookAdapter, tables: readonly TableRequest[]): Promise<(TableData | null)[]> {
  try {
    return await readTables(workbook, tables);
  } catch (e) {
    if (!(e instanceof WorkbookError && e.code === "no-such-column")) throw e;
    return readTables(workbook, tables.map(requestedName));
  }
}
