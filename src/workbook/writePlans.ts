/**
 * Writes the sheet plans of a flow: all in one go where the workbook can (WorkbookAdapter.writeSheetPlans: one
 * snapshot, one probe and the write requests of every sheet packed together, so a six-sheet build stays within a
 * dozen round trips), else one plan at a time. Either way the same results: one per plan in order when all are
 * written, and a conflict ends the list (in one go, nothing was written then).
 */
import type { PlanWriteResult, WorkbookAdapter, WriteOptions } from "../excel/adapter";
import type { SheetPlan } from "../sheets/plan";

export type WritePlansOptions = WriteOptions & {
  /** Before each plan is written (in one go: before the first request that carries it). */
  readonly onSheet?: (key: string, index: number, count: number) => void;
};

export async function writePlans(workbook: WorkbookAdapter, plans: readonly SheetPlan[], options: WritePlansOptions = {}): Promise<PlanWriteResult[]> {
  const { onSheet, ...writeOptions } = options;
  if (workbook.writeSheetPlans) {
    return workbook.writeSheetPlans(plans, {
      ...writeOptions,
      onPlan: (key, index, count) => {
        writeOptions.onPlan?.(key, index, count);
        onSheet?.(key, index, count);
      },
    });
  }
  const results: PlanWriteResult[] = [];
  for (const [i, plan] of plans.entries()) {
    onSheet?.(plan.key, i + 1, plans.length);
    const result = await workbook.writeSheetPlan(plan, writeOptions);
    results.push({ key: plan.key, result });
    if (result.status === "conflict") break;
  }
  return results;
}
