/**
 * A funded establishment or ESR extract pasted into the pane (copied from Excel: tab-separated), read from a
 * CSV, or selected in the workbook, through the one input reader: the column mapping to confirm, or what is wrong
 * and where. Pure.
 */
import type { FundedPosition, StaffAssignment } from "../../domain";
import type { SelectionData } from "../../excel/adapter";
import { type CsvTable, type Read, parseCsv, readFundedTable, readStaffTable, tableFromGrid } from "../../input";
import { parseRange } from "../../sheets/plan";

export type Pasted<T> =
  | { readonly ok: true; readonly items: readonly T[]; readonly mapping: readonly string[]; /** Where it was read, when not pasted. */ readonly from?: string }
  | { readonly ok: false; readonly message: string }
  | null;

function read<T>(table: () => CsvTable, reader: (table: CsvTable) => Read<T>): Pasted<T> {
  try {
    const { items, mapping } = reader(table());
    return { ok: true, items, mapping };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

const fromText =
  <T>(reader: (table: CsvTable) => Read<T>) =>
  (text: string, source: string): Pasted<T> =>
    text.trim() === "" ? null : read(() => parseCsv(text, source), reader);

export const readPastedFunded = (text: string, source = "the pasted positions"): Pasted<FundedPosition> => fromText(readFundedTable)(text, source);
export const readPastedStaff = (text: string, source = "the pasted extract"): Pasted<StaffAssignment> => fromText(readStaffTable)(text, source);

/** "'ESR extract'!A1:L301", as Excel writes a reference to another sheet. */
export function selectionName(sheet: string, address: string): string {
  return `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** The ESR extract the user selected in the workbook: its first row with anything in it is the header. */
export function readSelectedStaff(selection: SelectionData): Pasted<StaffAssignment> {
  if (selection.usedAddress === null) {
    return { ok: false, message: `The selected range ${selectionName(selection.sheetName, selection.address)} is empty: select the ESR extract's header row and the rows under it.` };
  }
  const at = selectionName(selection.sheetName, selection.usedAddress);
  const top = parseRange(selection.usedAddress).top;
  const result = read(() => tableFromGrid(selection.rows, `the selected range ${at}`, top), readStaffTable);
  return result?.ok ? { ...result, from: at } : result;
}
