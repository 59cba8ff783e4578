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
import { type Conflict, type ConflictPolicy, type PlanWriteResult, WorkbookError, type WriteOptions, type WriteResult } from "./adapter";
import { conflictProbes, nameClashes, ownsTable, recordAreas, sheetConflicts } from "./conflicts";
import { newRecord, type OwnershipRecord, planAreas, serializeRecord, type WorkbookSnapshot } from "./ownership";
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
      /** The write's operations in order, before packing; `stamps` (a new sheet's id) go in a later request. */
      readonly ops: readonly WriteOp[];
      readonly stamps: readonly WriteOp[];
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
  readonly ops: WriteOp[];
  readonly stamps: WriteOp[];
  readonly requests: WriteOp[][];
  readonly requestBytes: number[];
  readonly cellsWritten: number;
}

/**
 * Packs ops, in order, into requests under `maxBytes`, then the stamps of new sheets' ids after the request
 * that adds the last new sheet (Office only tells a new sheet's id after that request): in the last request
 * when it comes later and has room, else in one more.
 */
export function packWrite(ops: readonly WriteOp[], stamps: readonly WriteOp[], maxBytes: number): { requests: WriteOp[][]; bytes: number[] } {
  const { requests, bytes } = packRequests(ops, maxBytes);
  if (stamps.length === 0) return { requests, bytes };
  let lastAdd = -1;
  requests.forEach((r, i) => {
    if (r.some((o) => o.op === "addSheet")) lastAdd = i;
  });
  const last = requests.length - 1;
  const stampBytes = stamps.reduce((n, o) => n + estimateOpBytes(o), 0);
  if (last > lastAdd && (bytes[last] ?? 0) + stampBytes <= maxBytes) {
    requests[last]?.push(...stamps);
    bytes[last] = (bytes[last] ?? 0) + stampBytes;
  } else {
    const more = packRequests(stamps, maxBytes);
    requests.push(...more.requests);
    bytes.push(...more.bytes);
  }
  return { requests, bytes };
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
  const stamps: WriteOp[] = sheetId === null ? [{ op: "setOwner", sheet, record, stampSheetId: true }] : [];
  const { requests, bytes } = packWrite(ops, stamps, maxBytes);
  const cellsWritten = planAreas(input.plan).reduce((n, r) => n + rectCells(r), 0);
  return { record, ops, stamps, requests, requestBytes: bytes, cellsWritten };
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

/** Areas of one sheet whose non-empty cells a write needs to know about (conflictProbes). */
export interface ProbeRequest {
  readonly sheet: string;
  readonly areas: readonly Rect[];
}

/** How an implementation reaches its workbook. Each call is one round trip (one sync in Office). */
export interface WorkbookIO {
  snapshot(): Promise<WorkbookSnapshot>;
  /** For each request, for each of its areas, the bounding box of non-empty cells in it, or null. */
  probe(requests: readonly ProbeRequest[]): Promise<(string | null)[][]>;
  execute(request: readonly WriteOp[]): Promise<void>;
  /** Round trips so far. */
  readonly syncs: number;
}

export interface PerformOptions extends WriteOptions {
  readonly now: Date;
  readonly maxRequestBytes?: number;
}

function refuseInvalid(plan: SheetPlan): void {
  const issues = validatePlan(plan);
  if (issues.length > 0) {
    throw new WorkbookError("invalid-plan", `The sheet plan "${plan.key}" can't be written: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, { issues });
  }
}

/**
 * Plans written together are decided together, against one snapshot: they must not want the same key, sheet
 * name, table or defined name, or one would decide on a workbook the other is about to change.
 */
function refuseOverlap(plans: readonly SheetPlan[]): void {
  const seen = new Map<string, string>();
  const claim = (what: string, name: string, key: string): void => {
    const id = `${what}:${name.toLowerCase()}`;
    const other = seen.get(id);
    if (other !== undefined) {
      throw new WorkbookError("invalid-plan", `The sheet plans "${other}" and "${key}" both want the ${what} "${name}": write them one at a time`);
    }
    seen.set(id, key);
  };
  for (const plan of plans) {
    claim("key", plan.key, plan.key);
    claim("sheet", plan.name, plan.key);
    for (const b of plan.blocks) if (b.kind === "table") claim("name", b.name, plan.key);
    for (const n of plan.names ?? []) claim("name", n.name, plan.key);
  }
}

/** The snapshot as it will be once `ops` have run: what the next plan of the same write decides on. */
export function snapshotAfter(snapshot: WorkbookSnapshot, ops: readonly WriteOp[]): WorkbookSnapshot {
  let sheets = [...snapshot.sheets];
  let tables = [...snapshot.tables];
  let names = [...snapshot.names];
  const onSheet = (sheet: string, change: (s: WorkbookSnapshot["sheets"][number]) => WorkbookSnapshot["sheets"][number]): void => {
    sheets = sheets.map((s) => (s.name === sheet ? change(s) : s));
  };
  for (const op of ops) {
    switch (op.op) {
      case "addSheet":
        // Its id is known only once it exists; a placeholder no real id can equal keeps it unowned until then.
        sheets.push({ name: op.sheet, id: `(new sheet ${op.sheet})`, owner: null, charts: [] });
        break;
      case "renameSheet":
        onSheet(op.sheet, (s) => ({ ...s, name: op.to }));
        tables = tables.map((t) => (t.sheet === op.sheet ? { ...t, sheet: op.to } : t));
        break;
      case "setOwner":
        onSheet(op.sheet, (s) => ({ ...s, owner: serializeRecord(op.record) }));
        break;
      case "removeOwner":
        onSheet(op.sheet, (s) => ({ ...s, owner: null }));
        break;
      case "convertTableToRange":
        tables = tables.filter((t) => !same(t.name, op.table));
        break;
      case "renameTable":
        tables = tables.map((t) => (same(t.name, op.table) ? { ...t, name: op.to } : t));
        break;
      case "addTable":
        tables.push({ name: op.table, sheet: op.sheet, address: op.address });
        break;
      case "resizeTable":
        tables = tables.map((t) => (same(t.name, op.table) ? { name: op.rename, sheet: op.sheet, address: op.address } : t));
        break;
      case "deleteName":
        names = names.filter((n) => !same(n.name, op.name));
        break;
      case "addName":
        names.push({ name: op.name, broken: false });
        break;
      case "addChart":
        onSheet(op.sheet, (s) => ({ ...s, charts: [...(s.charts ?? []), op.name] }));
        break;
      case "deleteChart":
        onSheet(op.sheet, (s) => ({ ...s, charts: (s.charts ?? []).filter((c) => !same(c, op.name)) }));
        break;
      default:
        break;
    }
  }
  return { sheets, tables, names };
}

/**
 * Validates, reads, decides, then writes request by request. Shared by both adapters so they can't
 * drift apart. Throws WorkbookError.
 */
export async function performWrite(plan: SheetPlan, io: WorkbookIO, options: PerformOptions): Promise<WriteResult> {
  const [only] = await performWrites([plan], io, options);
  if (!only) throw new WorkbookError("excel", `Internal: no result for "${plan.key}"`);
  return only.result;
}

/**
 * Several plans in one go, with shared round trips: one snapshot for all, one probe of the user's cells for
 * all the sheets being refreshed, then the write requests of all the plans packed together in write order
 * (plan by plan, each plan's ops in the order Excel accepts), each request under the byte budget. A plan's
 * formulas may name tables of the plans before it. All or nothing: when any plan meets a conflict, nothing is
 * written and the result is that plan's conflict alone. Otherwise one result per plan, in order; a plan's
 * `syncs` counts the round trips of the whole write up to its last request, so the last plan's is the total.
 */
export async function performWrites(plans: readonly SheetPlan[], io: WorkbookIO, options: PerformOptions): Promise<PlanWriteResult[]> {
  plans.forEach(refuseInvalid);
  refuseOverlap(plans);
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  let snapshot = await io.snapshot();

  // The user's cells where refreshed sheets grow, for every plan in one round trip. Plans never share a sheet,
  // so what an earlier plan writes doesn't change what a later one finds on its own sheet.
  const probeKey = (p: ProbeRequest): string => `${p.sheet}\n${p.areas.map(rectAddress).join(",")}`;
  const wanted = plans.flatMap((plan): ProbeRequest[] => {
    const decision = decideTarget(plan, snapshot);
    const areas = conflictProbes(plan, decision, snapshot);
    return areas.length > 0 ? [{ sheet: decision.sheetName, areas }] : [];
  });
  const hits = new Map<string, (string | null)[]>();
  if (wanted.length > 0) (await io.probe(wanted)).forEach((h, i) => hits.set(probeKey(wanted[i]!), h));

  const outcomes: Extract<PlanWriteOutcome, { kind: "write" }>[] = [];
  for (const plan of plans) {
    const decision = decideTarget(plan, snapshot);
    const probe = { sheet: decision.sheetName, areas: conflictProbes(plan, decision, snapshot) };
    let found = probe.areas.length > 0 ? hits.get(probeKey(probe)) : [];
    // Only if an earlier plan of this write changed where this one lands (never for plans written alone).
    if (found === undefined) found = (await io.probe([probe]))[0] ?? [];
    const outcome = planWrite({
      plan,
      snapshot,
      decision,
      cellHits: found.filter((h): h is string => h !== null),
      now: options.now,
      ...(options.onConflict === undefined ? {} : { onConflict: options.onConflict }),
      maxRequestBytes: maxBytes,
    });
    if (outcome.kind === "conflict") {
      return [{ key: plan.key, result: { status: "conflict", sheetName: outcome.sheetName, conflicts: outcome.conflicts, syncs: io.syncs, writeRequests: 0, largestRequestBytes: 0 } }];
    }
    outcomes.push(outcome);
    snapshot = snapshotAfter(snapshot, [...outcome.ops, ...outcome.stamps]);
  }

  const single = outcomes.length === 1 ? outcomes[0] : undefined;
  const packed = single
    ? { requests: single.requests, bytes: single.requestBytes }
    : packWrite(
        outcomes.flatMap((o) => o.ops),
        outcomes.flatMap((o) => o.stamps),
        maxBytes,
      );
  // Which requests carry each plan's ops: ops are packed in order, stamps last.
  const owner = new Map<WriteOp, number>();
  outcomes.forEach((o, i) => [...o.ops, ...o.stamps].forEach((op) => owner.set(op, i)));
  const requestsOf = outcomes.map(() => new Set<number>());
  packed.requests.forEach((request, r) => request.forEach((op) => requestsOf[owner.get(op) ?? 0]?.add(r)));

  const total = packed.requests.length;
  const syncsAfter: number[] = [];
  let announced = 0;
  for (const [i, request] of packed.requests.entries()) {
    // Every plan whose ops begin by this request, in order (several small plans share one request).
    while (announced < outcomes.length && Math.min(...(requestsOf[announced] ?? [])) <= i) {
      options.onPlan?.(plans[announced]!.key, announced + 1, plans.length);
      announced++;
    }
    try {
      await io.execute(request);
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const sheets = [...new Set(outcomes.filter((_, p) => requestsOf[p]?.has(i)).map((o) => `"${o.sheetName}"`))].join(", ");
      throw new WorkbookError("excel", `Excel refused write request ${i + 1} of ${total} for ${sheets}: ${describeError(error)}`, {
        partial: i > 0,
        cause: error,
      });
    }
    syncsAfter.push(io.syncs);
    options.onProgress?.(i + 1, total);
  }
  return outcomes.map((outcome, p) => {
    const mine = [...(requestsOf[p] ?? [])];
    const last = Math.max(...mine);
    return {
      key: plans[p]!.key,
      result: {
        status: "written",
        sheetName: outcome.sheetName,
        action: outcome.action,
        ...(outcome.renamedFrom === undefined ? {} : { renamedFrom: outcome.renamedFrom }),
        ...(outcome.supersededSheet === undefined ? {} : { supersededSheet: outcome.supersededSheet }),
        ...(outcome.avoidedConflicts === undefined ? {} : { avoidedConflicts: outcome.avoidedConflicts }),
        cellsWritten: outcome.cellsWritten,
        syncs: syncsAfter[last] ?? io.syncs,
        writeRequests: mine.length,
        largestRequestBytes: Math.max(0, ...mine.map((r) => packed.bytes[r] ?? 0)),
      },
    };
  });
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
