/**
 * A funded establishment or ESR extract pasted into the pane (copied from Excel: tab-separated) or read from a
 * CSV, through the one input reader: the column mapping to confirm, or what is wrong and where. Pure.
 */
import type { FundedPosition, StaffAssignment } from "../../domain";
import { parseCsv, readFundedTable, readStaffTable } from "../../input";

export type Pasted<T> =
  | { readonly ok: true; readonly items: readonly T[]; readonly mapping: readonly string[] }
  | { readonly ok: false; readonly message: string }
  | null;

function read<T>(text: string, source: string, reader: (table: ReturnType<typeof parseCsv>) => { items: T[]; mapping: string[] }): Pasted<T> {
  if (text.trim() === "") return null;
  try {
    const { items, mapping } = reader(parseCsv(text, source));
    return { ok: true, items, mapping };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

export const readPastedFunded = (text: string, source = "the pasted positions"): Pasted<FundedPosition> => read(text, source, readFundedTable);
export const readPastedStaff = (text: string, source = "the pasted extract"): Pasted<StaffAssignment> => read(text, source, readStaffTable);
