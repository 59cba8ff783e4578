/** Which sheet a plan lands on: the add-in's sheet for its key (refreshed, maybe renamed back), or a new one. */
import { managedSheets, type OwnershipRecord, type WorkbookSnapshot } from "./ownership";
import { MAX_SHEET_NAME, type SheetPlan } from "../sheets/plan";

export type TargetDecision =
  | { readonly kind: "create"; readonly sheetName: string; readonly renamedFrom?: string }
  | {
      readonly kind: "refresh";
      /** The managed sheet's current name. */
      readonly sheetName: string;
      readonly sheetId: string;
      readonly record: OwnershipRecord;
      /** Set when the plan's name changed and the user hadn't renamed the sheet themselves. */
      readonly renameTo?: string;
    };

/** `wanted`, or "wanted (2)", "wanted (3)"… shortened to fit 31 characters; compared case-insensitively. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const base = wanted.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd();
    const candidate = `${base}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

export function decideTarget(plan: SheetPlan, snapshot: WorkbookSnapshot): TargetDecision {
  const managed = managedSheets(snapshot).find((m) => m.record.key === plan.key);
  if (managed) {
    const found = { kind: "refresh", sheetName: managed.sheet, sheetId: managed.sheetId, record: managed.record } as const;
    const userRenamedIt = managed.sheet !== managed.record.sheet;
    if (!userRenamedIt && managed.sheet !== plan.name) {
      const others = snapshot.sheets.map((s) => s.name).filter((n) => n !== managed.sheet);
      const renameTo = freeSheetName(plan.name, others);
      if (renameTo !== managed.sheet) return { ...found, renameTo };
    }
    return found;
  }
  const name = freeSheetName(
    plan.name,
    snapshot.sheets.map((s) => s.name),
  );
  return name === plan.name ? { kind: "create", sheetName: name } : { kind: "create", sheetName: name, renamedFrom: plan.name };
}

