/**
 * The order a flow writes its sheets in: a sheet whose formulas (or drop-down sources, or conditional formats)
 * name a table or workbook name goes after the sheet that makes it. Excel refuses a formula naming a table that
 * does not exist yet (src/excel/strict/rules.ts), so the reference tables come first: Pay scales and On-costs
 * before the Staffing plan, the plan before its summary, the register before the skill-mix summary.
 */
import { formulaReferences } from "../excel/strict/formulaReferences";
import { isFormulaCell, type PlanCell, type SheetPlan } from "../sheets/plan";

/** Lower-cased tables and names the plan makes. */
function provides(plan: SheetPlan): Set<string> {
  return new Set([
    ...plan.blocks.flatMap((b) => (b.kind === "table" ? [b.name.toLowerCase()] : [])),
    ...(plan.names ?? []).map((n) => n.name.toLowerCase()),
  ]);
}

function formulasOf(plan: SheetPlan): string[] {
  const out: string[] = [];
  const cell = (c: PlanCell): void => {
    if (c !== null && isFormulaCell(c)) out.push(c.formula);
  };
  for (const b of plan.blocks) {
    b.rows.forEach((r) => r.forEach(cell));
    if (b.kind !== "table") continue;
    b.totals?.forEach(cell);
    for (const c of b.columns) if (c.validation?.kind === "listRange") out.push(c.validation.source);
  }
  for (const cf of plan.conditionalFormats ?? []) {
    if (cf.kind !== "cellValue") continue;
    const w = cf.when;
    for (const o of "value" in w ? [w.value] : [w.from, w.to]) if (typeof o !== "number") out.push(o.formula);
  }
  return out;
}

/** Lower-cased tables and names the plan's formulas use. */
export function planNeeds(plan: SheetPlan): Set<string> {
  const needs = new Set<string>();
  for (const f of new Set(formulasOf(plan))) {
    const refs = formulaReferences(f);
    for (const r of refs.structured) if (r.table !== null) needs.add(r.table.toLowerCase());
    for (const n of refs.names) needs.add(n.toLowerCase());
  }
  return needs;
}

/**
 * `plans` reordered so each comes after every plan that makes a table or name it uses; otherwise the given order
 * is kept. Plans that need each other (a cycle) keep their given order among themselves.
 */
export function inWriteOrder(plans: readonly SheetPlan[]): SheetPlan[] {
  const nodes = plans.map((plan, i) => ({ plan, i, made: provides(plan), needs: planNeeds(plan) }));
  const after = new Map(nodes.map((n) => [n.i, nodes.filter((o) => o.i !== n.i && [...n.needs].some((x) => o.made.has(x))).map((o) => o.i)]));
  const done = new Set<number>();
  const out: SheetPlan[] = [];
  while (out.length < nodes.length) {
    const left = nodes.filter((n) => !done.has(n.i));
    // A cycle: take the first one left, as given.
    const next = left.find((n) => (after.get(n.i) ?? []).every((j) => done.has(j))) ?? left[0];
    if (!next) break;
    done.add(next.i);
    out.push(next.plan);
  }
  return out;
}
