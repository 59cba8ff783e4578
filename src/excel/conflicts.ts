/**
 * What in the workbook stands in a plan's way: the user's cells where it would write (found by probes), the
 * user's tables on its sheet, and table or defined names the user already holds.
 */
import type { Conflict } from "./adapter";
import { type OwnershipRecord, planAreas, type WorkbookSnapshot } from "./ownership";
import type { TargetDecision } from "./targetSheet";
import { parseRange, type Rect, rectsIntersect, type SheetPlan, subtractAll } from "../sheets/plan";

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export const recordAreas = (record: OwnershipRecord): Rect[] => record.areas.map(parseRange);

/**
 * Cells to check for the user's content before writing: where the plan will write and the add-in
 * didn't write before. A new sheet has nothing to check. Each probe is answered with the bounding
 * box of non-empty cells in it (or nothing), which keeps the read small however large the area.
 */
export function conflictProbes(plan: SheetPlan, decision: TargetDecision, snapshot?: WorkbookSnapshot): Rect[] {
  if (decision.kind === "create") return [];
  const old = [...recordAreas(decision.record), ...carriedTableAreas(plan, decision, snapshot)];
  return planAreas(plan).flatMap((area) => subtractAll(area, old));
}

/** The current extent of the add-in's tables whose rows the plan carries (see TableBlock.carriesWorkbookRows). */
function carriedTableAreas(plan: SheetPlan, decision: Extract<TargetDecision, { kind: "refresh" }>, snapshot?: WorkbookSnapshot): Rect[] {
  if (!snapshot) return [];
  return plan.blocks.flatMap((b) => {
    if (b.kind !== "table" || !b.carriesWorkbookRows) return [];
    const current = snapshot.tables.find((t) => same(t.name, b.name) && ownsTable(decision.record, decision.sheetName, t));
    return current ? [parseRange(current.address)] : [];
  });
}

export function ownsTable(record: OwnershipRecord | null, sheet: string, table: { name: string; sheet: string }): boolean {
  return record !== null && table.sheet === sheet && record.tables.some((t) => same(t, table.name));
}

/** The plan's table and defined names that the user's tables or names already hold. */
export function nameClashes(plan: SheetPlan, snapshot: WorkbookSnapshot, owner: { sheet: string; record: OwnershipRecord } | null): Conflict[] {
  const wanted = [
    ...plan.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : [])),
    ...(plan.names ?? []).map((n) => n.name),
  ];
  const out: Conflict[] = [];
  for (const name of wanted) {
    const table = snapshot.tables.find(
      (t) => same(t.name, name) && !ownsTable(owner?.record ?? null, owner?.sheet ?? "", t),
    );
    if (table) {
      out.push({ kind: "name", name, usedBy: "table", sheet: table.sheet });
      continue;
    }
    const ownedNames = owner?.record.names ?? [];
    // A broken name refers to nothing, so taking it over loses nothing (see reclaimBrokenNames).
    if (snapshot.names.some((n) => same(n.name, name) && !n.broken && !ownedNames.some((o) => same(o, n.name)))) {
      out.push({ kind: "name", name, usedBy: "definedName", sheet: null });
    }
  }
  return out;
}

/** Conflicts on the managed sheet itself: the user's tables and cells where the plan writes or clears. */
export function sheetConflicts(
  plan: SheetPlan,
  decision: Extract<TargetDecision, { kind: "refresh" }>,
  snapshot: WorkbookSnapshot,
  cellHits: readonly string[],
): Conflict[] {
  const touched = [...planAreas(plan), ...recordAreas(decision.record)];
  const tables: Conflict[] = snapshot.tables
    .filter((t) => t.sheet === decision.sheetName && !ownsTable(decision.record, decision.sheetName, t))
    .filter((t) => touched.some((a) => rectsIntersect(a, parseRange(t.address))))
    .map((t) => ({ kind: "table", sheet: t.sheet, table: t.name, address: t.address }));
  const cells: Conflict[] = cellHits.map((address) => ({ kind: "cells", sheet: decision.sheetName, address }));
  return [...tables, ...cells];
}

