/**
 * Every decision about writing a SheetPlan into a workbook, as pure functions, and the write itself over
 * whatever workbook the caller reaches (WorkbookIO). OfficeWorkbookAdapter and MemoryWorkbook both run this and
 * only differ in how they read a WorkbookSnapshot and carry out a WriteOp, so the demo mode behaves like Excel.
 *
 * One job per file:
 *   ownership.ts    the ownership record each add-in sheet carries, and finding the add-in's sheets;
 *   targetSheet.ts  which sheet a plan lands on;
 *   conflicts.ts    what of the user's stands in the way;
 *   writeOps.ts     the operations both executors carry out, and how a cell becomes Excel input;
 *   planOps.ts      the ordered operations one plan becomes (the order Excel accepts);
 *   requests.ts     request sizes, and packing operations into requests under Excel's limit;
 *   this file       the whole decision (create, refresh, supersede) and performing it.
 */
import { type Conflict, type ConflictPolicy, WorkbookError, type WriteOptions, type WriteResult } from "./adapter";
import { conflictProbes, nameClashes, ownsTable, recordAreas, sheetConflicts } from "./conflicts";
import { newRecord, type OwnershipRecord, planAreas, type WorkbookSnapshot } from "./ownership";
import { type KeptTable, planOps } from "./planOps";
import { DEFAULT_MAX_REQUEST_BYTES, estimateOpBytes, packRequests } from "./requests";
import { decideTarget, freeSheetName, type TargetDecision } from "./targetSheet";
import type { WriteOp } from "./writeOps";
import { parseA1, parseRange, type Rect, rectAddress, rectCells, type SheetPlan, subtractAll, validatePlan } from "../sheets/plan";

// The planner's parts, for the adapters and tests that import them from here.
export * from "./conflicts";
export * from "./ownership";
export * from "./planOps";
export * from "./requests";
export * from "./targetSheet";
export * from "./writeOps";

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `base`, or base2, base3… not among `taken` (case-insensitive). */
function freeExcelName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

// ---------------------------------------------------------------------------------------------
// The whole decision
// ---------------------------------------------------------------------------------------------

export interface PlanWriteInput {
  readonly plan: SheetPlan;
  readonly snapshot: WorkbookSnapshot;
  readonly decision: TargetDecision;
  /** Bounding boxes of the user's content found by `conflictProbes`, sheet-local. */
  readonly cellHits: readonly string[];
  readonly onConflict?: ConflictPolicy;
  readonly now: Date;
  readonly maxRequestBytes?: number;
}

export type PlanWriteOutcome =
  | { readonly kind: "conflict"; readonly sheetName: string; readonly conflicts: readonly Conflict[] }
  | {
      readonly kind: "write";
      readonly sheetName: string;
      readonly action: "created" | "refreshed";
      readonly renamedFrom?: string;
      readonly supersededSheet?: string;
      readonly avoidedConflicts?: readonly Conflict[];
      readonly record: OwnershipRecord;
      /** Each inner list is one request (one sync); values come before formats, formats before structure. */
      readonly requests: readonly (readonly WriteOp[])[];
      readonly requestBytes: readonly number[];
      readonly cellsWritten: number;
    };

export function planWrite(input: PlanWriteInput): PlanWriteOutcome {
  const { plan, snapshot, decision } = input;
  const maxBytes = input.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const owner = decision.kind === "refresh" ? { sheet: decision.sheetName, record: decision.record } : null;

  const names = nameClashes(plan, snapshot, owner);
  if (names.length > 0) return { kind: "conflict", sheetName: decision.sheetName, conflicts: names };

  if (decision.kind === "refresh") {
    const conflicts = sheetConflicts(plan, decision, snapshot, input.cellHits);
    if (conflicts.length > 0) {
      if (input.onConflict !== "newSheet") return { kind: "conflict", sheetName: decision.sheetName, conflicts };
      return supersede(input, decision, conflicts, maxBytes);
    }
    return refresh(input, decision, maxBytes);
  }
  return create(input, decision, [], maxBytes);
}

/**
 * Deletes broken workbook names (#REF!) that the plan wants, unless already being deleted. Excel
 * keeps a sheet's names as #REF! when the sheet is deleted; without this, deleting the add-in's
 * sheet and inserting again would stop at its own leftover names.
 */
function reclaimBrokenNames(plan: SheetPlan, snapshot: WorkbookSnapshot, already: readonly WriteOp[]): WriteOp[] {
  const deleting = already.flatMap((o) => (o.op === "deleteName" ? [o.name] : []));
  const wanted = [...(plan.names ?? []).map((n) => n.name), ...plan.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : []))];
  return snapshot.names
    .filter((n) => n.broken && wanted.some((w) => same(w, n.name)) && !deleting.some((d) => same(d, n.name)))
    .map((n) => ({ op: "deleteName", name: n.name }));
}


interface Assembled {
  readonly record: OwnershipRecord;
  readonly requests: WriteOp[][];
  readonly requestBytes: number[];
  readonly cellsWritten: number;
}

/**
 * Orders and packs one write. `sheetId` is null for a sheet this write creates: its record is then
 * written first without an id and stamped by a last op, which never shares the request that adds
 * the sheet (Office only tells the new sheet's id after that request).
 */
function assemble(
  input: PlanWriteInput,
  target: { sheet: string; sheetId: string | null },
  prepare: readonly WriteOp[],
  keptTables: ReadonlyMap<string, KeptTable>,
  afterTables: readonly WriteOp[],
  maxBytes: number,
): Assembled {
  const { sheet, sheetId } = target;
  const record = newRecord(input.plan, sheet, sheetId, input.now);
  const ctx = { sheet, maxBytes };
  // The record goes first: if a later request fails, the half-written sheet is still known as the
  // add-in's and the next run refreshes it instead of treating it as the user's.
  const ops: WriteOp[] = [
    ...prepare,
    { op: "setOwner", sheet, record, stampSheetId: false },
    ...planOps(input.plan, ctx, keptTables, afterTables),
  ];
  const { requests, bytes } = packRequests(ops, maxBytes);
  if (sheetId === null) {
    const stamp: WriteOp = { op: "setOwner", sheet, record, stampSheetId: true };
    const last = requests.length - 1;
    const stampBytes = estimateOpBytes(stamp);
    if (last > 0 && (bytes[last] ?? 0) + stampBytes <= maxBytes) {
      requests[last]?.push(stamp);
      bytes[last] = (bytes[last] ?? 0) + stampBytes;
    } else {
      requests.push([stamp]);
      bytes.push(stampBytes);
    }
  }
  const cellsWritten = planAreas(input.plan).reduce((n, r) => n + rectCells(r), 0);
  return { record, requests, requestBytes: bytes, cellsWritten };
}

function create(
  input: PlanWriteInput,
  decision: Extract<TargetDecision, { kind: "create" }>,
  before: readonly WriteOp[],
  maxBytes: number,
): PlanWriteOutcome {
  const sheet = decision.sheetName;
  const prepare = [...before, ...reclaimBrokenNames(input.plan, input.snapshot, before), { op: "addSheet", sheet } as const];
  const built = assemble(input, { sheet, sheetId: null }, prepare, new Map(), [], maxBytes);
  return {
    kind: "write",
    sheetName: sheet,
    action: "created",
    ...(decision.renamedFrom === undefined ? {} : { renamedFrom: decision.renamedFrom }),
    ...built,
  };
}

function refresh(input: PlanWriteInput, decision: Extract<TargetDecision, { kind: "refresh" }>, maxBytes: number): PlanWriteOutcome {
  const { plan, snapshot } = input;
  const sheet = decision.renameTo ?? decision.sheetName;
  const prepare: WriteOp[] = [];
  if (decision.renameTo) prepare.push({ op: "renameSheet", sheet: decision.sheetName, to: decision.renameTo });

  // A table stays a table (so the user's formulas that name it keep working) when the plan still
  // has it at the same top-left; otherwise it goes back to plain cells before its area is cleared.
  const planTables = new Map(plan.blocks.flatMap((b) => (b.kind === "table" ? [[b.name.toLowerCase(), b] as const] : [])));
  const kept = new Map<string, KeptTable>();
  for (const t of snapshot.tables) {
    if (!ownsTable(decision.record, decision.sheetName, t)) continue;
    const wanted = planTables.get(t.name.toLowerCase());
    const corner = parseRange(t.address);
    const at = wanted ? parseA1(wanted.at) : null;
    if (at && at.row === corner.top && at.col === corner.left) {
      kept.set(t.name.toLowerCase(), { name: t.name, rect: corner });
      prepare.push({ op: "hideTableTotals", table: t.name });
    } else {
      prepare.push({ op: "convertTableToRange", table: t.name });
    }
  }
  for (const n of snapshot.names) {
    if (decision.record.names.some((o) => same(o, n.name))) prepare.push({ op: "deleteName", name: n.name });
  }
  // The add-in's charts are redrawn; one the user deleted is simply not there, one the user drew is not ours.
  const onSheet = snapshot.sheets.find((x) => x.name === decision.sheetName)?.charts ?? [];
  for (const name of decision.record.charts ?? []) {
    if (onSheet.some((c) => same(c, name))) prepare.push({ op: "deleteChart", sheet: decision.sheetName, name });
  }
  prepare.push(...reclaimBrokenNames(plan, snapshot, prepare));
  const newAreas = planAreas(plan);
  // Stale cells are cleared once the kept tables have their new extent: cleared while still a table's header, a
  // cell would be renamed "Column7" by Excel and left behind when the table narrows.
  const stale: WriteOp[] = [];
  for (const old of recordAreas(decision.record)) {
    prepare.push({ op: "resetFormats", sheet, address: rectAddress(old) });
    for (const gone of subtractAll(old, newAreas)) stale.push({ op: "clearContents", sheet, address: rectAddress(gone) });
  }
  const built = assemble(input, { sheet, sheetId: decision.sheetId }, prepare, kept, stale, maxBytes);
  return { kind: "write", sheetName: sheet, action: "refreshed", ...built };
}

// ---------------------------------------------------------------------------------------------
// The write, step by step, over whatever workbook the caller reaches
// ---------------------------------------------------------------------------------------------

/** How an implementation reaches its workbook. Each call is one round trip (one sync in Office). */
export interface WorkbookIO {
  snapshot(): Promise<WorkbookSnapshot>;
  /** For each area, the bounding box of non-empty cells in it on `sheet`, or null. */
  probe(sheet: string, areas: readonly Rect[]): Promise<(string | null)[]>;
  execute(request: readonly WriteOp[]): Promise<void>;
  /** Round trips so far. */
  readonly syncs: number;
}

export interface PerformOptions extends WriteOptions {
  readonly now: Date;
  readonly maxRequestBytes?: number;
}

/**
 * Validates, reads, decides, then writes request by request. Shared by both adapters so they can't
 * drift apart. Throws WorkbookError.
 */
export async function performWrite(plan: SheetPlan, io: WorkbookIO, options: PerformOptions): Promise<WriteResult> {
  const issues = validatePlan(plan);
  if (issues.length > 0) {
    throw new WorkbookError("invalid-plan", `The sheet plan "${plan.key}" can't be written: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, { issues });
  }
  const snapshot = await io.snapshot();
  const decision = decideTarget(plan, snapshot);
  const probes = conflictProbes(plan, decision, snapshot);
  const hits = probes.length > 0 ? (await io.probe(decision.sheetName, probes)).filter((h): h is string => h !== null) : [];
  const outcome = planWrite({
    plan,
    snapshot,
    decision,
    cellHits: hits,
    now: options.now,
    ...(options.onConflict === undefined ? {} : { onConflict: options.onConflict }),
    ...(options.maxRequestBytes === undefined ? {} : { maxRequestBytes: options.maxRequestBytes }),
  });
  if (outcome.kind === "conflict") {
    return { status: "conflict", sheetName: outcome.sheetName, conflicts: outcome.conflicts, syncs: io.syncs, writeRequests: 0, largestRequestBytes: 0 };
  }
  const total = outcome.requests.length;
  for (const [i, request] of outcome.requests.entries()) {
    try {
      await io.execute(request);
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError("excel", `Excel refused write request ${i + 1} of ${total} for "${outcome.sheetName}": ${describeError(error)}`, {
        partial: i > 0,
        cause: error,
      });
    }
    options.onProgress?.(i + 1, total);
  }
  return {
    status: "written",
    sheetName: outcome.sheetName,
    action: outcome.action,
    ...(outcome.renamedFrom === undefined ? {} : { renamedFrom: outcome.renamedFrom }),
    ...(outcome.supersededSheet === undefined ? {} : { supersededSheet: outcome.supersededSheet }),
    ...(outcome.avoidedConflicts === undefined ? {} : { avoidedConflicts: outcome.avoidedConflicts }),
    cellsWritten: outcome.cellsWritten,
    syncs: io.syncs,
    writeRequests: total,
    largestRequestBytes: Math.max(0, ...outcome.requestBytes),
  };
}

/** "InvalidArgument: …" for Office errors, which carry a code beside the message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}


/**
 * onConflict "newSheet": the old sheet, with the user's edits in it, becomes the user's. Its tables
 * that the plan needs the names of are renamed (Excel rewrites formulas that refer to them), the
 * workbook names the plan re-adds are moved to the new sheet, and the plan goes to a new sheet.
 */
function supersede(
  input: PlanWriteInput,
  decision: Extract<TargetDecision, { kind: "refresh" }>,
  conflicts: readonly Conflict[],
  maxBytes: number,
): PlanWriteOutcome {
  const { plan, snapshot } = input;
  const before: WriteOp[] = [{ op: "removeOwner", sheet: decision.sheetName }];
  const planTableNames = plan.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : []));
  const taken = [...snapshot.tables.map((t) => t.name), ...snapshot.names.map((n) => n.name), ...planTableNames, ...(plan.names ?? []).map((n) => n.name)];
  for (const t of snapshot.tables) {
    if (!ownsTable(decision.record, decision.sheetName, t) || !planTableNames.some((n) => same(n, t.name))) continue;
    const to = freeExcelName(`${t.name}_old`, taken);
    taken.push(to);
    before.push({ op: "renameTable", table: t.name, to });
  }
  for (const n of snapshot.names) {
    if (decision.record.names.some((o) => same(o, n.name)) && (plan.names ?? []).some((p) => same(p.name, n.name))) {
      before.push({ op: "deleteName", name: n.name });
    }
  }
  const sheetName = freeSheetName(
    plan.name,
    snapshot.sheets.map((s) => s.name),
  );
  const target = sheetName === plan.name ? { kind: "create" as const, sheetName } : { kind: "create" as const, sheetName, renamedFrom: plan.name };
  const outcome = create(input, target, before, maxBytes);
  return outcome.kind === "write" ? { ...outcome, supersededSheet: decision.sheetName, avoidedConflicts: conflicts } : outcome;
}
