import { describe, expect, it } from "vitest";
import { parseRange, rectCells, type SheetPlan } from "../../src/sheets/plan";
import {
  conflictProbes,
  decideTarget,
  estimateOpBytes,
  freeSheetName,
  managedSheets,
  needsTextGuard,
  type OwnershipRecord,
  OWNER_PROPERTY,
  packRequests,
  parseRecord,
  planWrite,
  serializeRecord,
  toCellInput,
  type WorkbookSnapshot,
  type WriteOp,
} from "../../src/excel/writePlanner";
import { bigPlan, FIXED_NOW, rolePlan, TRICKY_TEXT } from "./plans";

const record = (over: Partial<OwnershipRecord> = {}): OwnershipRecord => ({
  v: 1,
  key: "role-profile:reconnect-service-manager",
  sheetId: "{id-1}",
  sheet: "Role profile",
  areas: ["A1", "A3:B6", "A8:D12"],
  tables: ["RoleCosts"],
  names: ["RoleBudget"],
  writtenAt: FIXED_NOW.toISOString(),
  ...over,
});

const snapshot = (over: Partial<WorkbookSnapshot> = {}): WorkbookSnapshot => ({
  sheets: [{ name: "Sheet1", id: "{id-0}", owner: null }],
  tables: [],
  names: [],
  ...over,
});

function written(outcome: ReturnType<typeof planWrite>) {
  if (outcome.kind !== "write") throw new Error(`expected a write, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const ops = (outcome: ReturnType<typeof written>): WriteOp[] => outcome.requests.flat();

describe("sheet names", () => {
  it("keeps the wanted name when free, else numbers it, case-insensitively", () => {
    expect(freeSheetName("Roles", ["Sheet1"])).toBe("Roles");
    expect(freeSheetName("Roles", ["roles"])).toBe("Roles (2)");
    expect(freeSheetName("Roles", ["Roles", "Roles (2)", "ROLES (3)"])).toBe("Roles (4)");
  });

  it("shortens the base so a numbered name stays within 31 characters", () => {
    const long = "A very long workforce sheet nm!"; // 31 characters
    const name = freeSheetName(long, [long]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});

describe("text stays text", () => {
  it("guards everything Excel would read as a formula, number, date or boolean", () => {
    for (const text of TRICKY_TEXT) expect(needsTextGuard(text), text).toBe(true);
    for (const text of ["Band 5", "Nurse", "", "   ", "Agency cover"]) expect(needsTextGuard(text), text).toBe(false);
    expect(toCellInput("=SUM(A1:A2)")).toBe("'=SUM(A1:A2)");
    expect(toCellInput("'quoted")).toBe("''quoted");
  });

  it("passes formulas, numbers, booleans through and writes null as empty", () => {
    expect(toCellInput({ formula: "=A1*2" })).toBe("=A1*2");
    expect(toCellInput(3.5)).toBe(3.5);
    expect(toCellInput(false)).toBe(false);
    expect(toCellInput(null)).toBe("");
  });
});

describe("ownership record", () => {
  it("round-trips and refuses anything malformed", () => {
    const r = record();
    expect(parseRecord(serializeRecord(r))).toEqual(r);
    for (const bad of ["", "{", "null", JSON.stringify({ ...r, v: 2 }), JSON.stringify({ ...r, areas: ["Sheet1!A1"] }), JSON.stringify({ ...r, tables: [1] })]) {
      expect(parseRecord(bad), bad).toBeNull();
    }
  });

  it("treats a user's copy of a managed sheet as the user's, whatever the names", () => {
    const owner = serializeRecord(record());
    const copyFirst = snapshot({ sheets: [{ name: "Role profile", id: "{id-9}", owner }, { name: "Renamed original", id: "{id-1}", owner }] });
    expect(managedSheets(copyFirst).map((m) => m.sheet)).toEqual(["Renamed original"]);
    const onlyCopy = snapshot({ sheets: [{ name: "Role profile", id: "{id-9}", owner }] });
    expect(managedSheets(onlyCopy)).toEqual([]);
    expect(decideTarget(rolePlan(), onlyCopy)).toMatchObject({ kind: "create", sheetName: "Role profile (2)" });
  });

  it("trusts a record not yet stamped with an id only under its recorded name", () => {
    const owner = serializeRecord(record({ sheetId: null }));
    expect(managedSheets(snapshot({ sheets: [{ name: "Role profile", id: "{id-5}", owner }] }))).toHaveLength(1);
    expect(managedSheets(snapshot({ sheets: [{ name: "Renamed", id: "{id-5}", owner }] }))).toEqual([]);
  });
});

describe("decideTarget", () => {
  const plan = rolePlan();

  it("creates the wanted sheet, or a numbered one when a user's sheet has the name", () => {
    expect(decideTarget(plan, snapshot())).toEqual({ kind: "create", sheetName: "Role profile" });
    expect(decideTarget(plan, snapshot({ sheets: [{ name: "role profile", id: "{id-2}", owner: null }] }))).toEqual({
      kind: "create",
      sheetName: "Role profile (2)",
      renamedFrom: "Role profile",
    });
  });

  it("finds the add-in's sheet by key even after the user renamed it, and keeps their name", () => {
    const snap = snapshot({ sheets: [{ name: "My copy of the role", id: "{id-1}", owner: serializeRecord(record()) }] });
    expect(decideTarget(plan, snap)).toMatchObject({ kind: "refresh", sheetName: "My copy of the role" });
    expect(decideTarget(plan, snap)).not.toHaveProperty("renameTo");
  });

  it("follows a renamed plan when the user hadn't renamed the sheet", () => {
    const snap = snapshot({ sheets: [{ name: "Role profile", id: "{id-1}", owner: serializeRecord(record()) }] });
    expect(decideTarget(rolePlan({ name: "Service manager" }), snap)).toMatchObject({ kind: "refresh", renameTo: "Service manager" });
  });

  it("ignores other keys' sheets", () => {
    const snap = snapshot({ sheets: [{ name: "Role profile", id: "{id-1}", owner: serializeRecord(record({ key: "other" })) }] });
    expect(decideTarget(plan, snap)).toMatchObject({ kind: "create", sheetName: "Role profile (2)" });
  });
});

describe("conflicts", () => {
  const owner = serializeRecord(record());
  const managed = snapshot({
    sheets: [{ name: "Role profile", id: "{id-1}", owner }],
    tables: [{ name: "RoleCosts", sheet: "Role profile", address: "A8:D12" }],
    names: [{ name: "RoleBudget", broken: false }],
  });

  it("probes only where the plan reaches beyond what the add-in wrote before", () => {
    const decision = decideTarget(rolePlan({ costRows: 5 }), managed);
    const probes = conflictProbes(rolePlan({ costRows: 5 }), decision);
    expect(probes.map((p) => rectCells(p)).reduce((a, b) => a + b, 0)).toBe(8); // rows 13–14, A:D
    expect(conflictProbes(rolePlan(), decideTarget(rolePlan(), snapshot()))).toEqual([]);
  });

  it("reports the user's cells and writes nothing", () => {
    const plan = rolePlan({ costRows: 5 });
    const outcome = planWrite({ plan, snapshot: managed, decision: decideTarget(plan, managed), cellHits: ["B13"], now: FIXED_NOW });
    expect(outcome).toEqual({ kind: "conflict", sheetName: "Role profile", conflicts: [{ kind: "cells", sheet: "Role profile", address: "B13" }] });
  });

  it("reports a user's table where the plan writes or clears", () => {
    const snap = { ...managed, tables: [...managed.tables, { name: "Mine", sheet: "Role profile", address: "B5:C6" }] };
    const outcome = planWrite({ plan: rolePlan(), snapshot: snap, decision: decideTarget(rolePlan(), snap), cellHits: [], now: FIXED_NOW });
    expect(outcome).toMatchObject({ kind: "conflict", conflicts: [{ kind: "table", table: "Mine", address: "B5:C6" }] });
  });

  it("reports table and defined names the user already uses, even on a new sheet", () => {
    const snap = snapshot({ tables: [{ name: "rolecosts", sheet: "Sheet1", address: "A1:B2" }], names: [{ name: "RoleBudget", broken: false }] });
    const outcome = planWrite({ plan: rolePlan(), snapshot: snap, decision: decideTarget(rolePlan(), snap), cellHits: [], now: FIXED_NOW });
    expect(outcome).toEqual({
      kind: "conflict",
      sheetName: "Role profile",
      conflicts: [
        { kind: "name", name: "RoleCosts", usedBy: "table", sheet: "Sheet1" },
        { kind: "name", name: "RoleBudget", usedBy: "definedName", sheet: null },
      ],
    });
  });

  it("takes over a broken (#REF!) name the plan needs, such as one left by its deleted sheet", () => {
    const snap = snapshot({ names: [{ name: "RoleBudget", broken: true }] });
    const outcome = written(planWrite({ plan: rolePlan(), snapshot: snap, decision: decideTarget(rolePlan(), snap), cellHits: [], now: FIXED_NOW }));
    expect(ops(outcome).slice(0, 2)).toEqual([{ op: "deleteName", name: "RoleBudget" }, { op: "addSheet", sheet: "Role profile" }]);
  });

  it("with onConflict 'newSheet' leaves the old sheet to the user and frees the names the plan needs", () => {
    const plan = rolePlan({ costRows: 5 });
    const outcome = written(
      planWrite({ plan, snapshot: managed, decision: decideTarget(plan, managed), cellHits: ["B13"], onConflict: "newSheet", now: FIXED_NOW }),
    );
    expect(outcome).toMatchObject({ action: "created", sheetName: "Role profile (2)", renamedFrom: "Role profile", supersededSheet: "Role profile" });
    const first = outcome.requests[0] ?? [];
    expect(first.slice(0, 4)).toEqual([
      { op: "removeOwner", sheet: "Role profile" },
      { op: "renameTable", table: "RoleCosts", to: "RoleCosts_old" },
      { op: "deleteName", name: "RoleBudget" },
      { op: "addSheet", sheet: "Role profile (2)" },
    ]);
  });
});

describe("planWrite", () => {
  it("writes the ownership record first, then tables (headers first), names, values and formulas, formats, sheet settings", () => {
    const outcome = written(planWrite({ plan: rolePlan(), snapshot: snapshot(), decision: decideTarget(rolePlan(), snapshot()), cellHits: [], now: FIXED_NOW }));
    const all = ops(outcome);
    const kinds = all.map((o) => o.op);
    expect(kinds.slice(0, 2)).toEqual(["addSheet", "setOwner"]);
    // A new sheet's id is only known after the request that adds it: the stamp comes in a later one.
    expect(outcome.requests).toHaveLength(2);
    expect(outcome.requests[1]).toEqual([{ op: "setOwner", sheet: "Role profile", record: { ...record(), sheetId: null }, stampSheetId: true }]);
    // The header row, and an empty totals row, go in before the table is made over them.
    expect(all.slice(2, 5)).toEqual([
      { op: "inputs", sheet: "Role profile", address: "A8:D8", inputs: [["Item", "Band", "WTE", "Cost"]] },
      { op: "inputs", sheet: "Role profile", address: "A12:D12", inputs: [["", "", "", ""]] },
      { op: "addTable", sheet: "Role profile", table: "RoleCosts", address: "A8:D11", style: "TableStyleMedium2", showTotals: true },
    ]);
    const firstTable = kinds.indexOf("addTable");
    const name = kinds.indexOf("addName");
    const formulas = all.flatMap((o, i) => (o.op === "inputs" && o.inputs.flat().some((c) => typeof c === "string" && c.startsWith("=")) ? [i] : []));
    expect(firstTable).toBeLessThan(name);
    // Every formula (the budget's SUM(RoleCosts[Cost]), the totals' SUBTOTAL) comes after the table and the name.
    expect(formulas.length).toBeGreaterThan(0);
    for (const i of formulas) expect(i).toBeGreaterThan(name);
    const lastInput = kinds.lastIndexOf("inputs");
    for (const later of ["numberFormats", "style", "listValidation", "conditionalFormat", "columnWidth", "freezeRows", "tabColor", "pageLayout"]) {
      expect(kinds.indexOf(later as WriteOp["op"]), later).toBeGreaterThan(lastInput);
    }
    expect(all.filter((o) => o.op === "inputs" && o.address === "A12:D12")).toEqual([
      { op: "inputs", sheet: "Role profile", address: "A12:D12", inputs: [["", "", "", ""]] },
      { op: "inputs", sheet: "Role profile", address: "A12:D12", inputs: [["Total", "", "=SUBTOTAL(109,[WTE])", "=SUBTOTAL(109,[Cost])"]] },
    ]);
    const owner = all.find((o) => o.op === "setOwner");
    expect(owner).toEqual({ op: "setOwner", sheet: "Role profile", record: { ...record(), sheetId: null }, stampSheetId: false });
  });

  it("on refresh clears only the add-in's old cells that the new plan no longer covers", () => {
    const owner = serializeRecord(record({ areas: ["A1", "A3:B6", "A8:D20"] }));
    const snap = snapshot({
      sheets: [{ name: "Role profile", id: "{id-1}", owner }],
      tables: [{ name: "RoleCosts", sheet: "Role profile", address: "A8:D20" }],
      names: [{ name: "RoleBudget", broken: false }],
    });
    const outcome = written(planWrite({ plan: rolePlan(), snapshot: snap, decision: decideTarget(rolePlan(), snap), cellHits: [], now: FIXED_NOW }));
    expect(outcome.action).toBe("refreshed");
    const all = ops(outcome);
    expect(all.filter((o) => o.op === "clearContents")).toEqual([{ op: "clearContents", sheet: "Role profile", address: "A13:D20" }]);
    expect(all.filter((o) => o.op === "resetFormats").map((o) => ("address" in o ? o.address : ""))).toEqual(["A1", "A3:B6", "A8:D20"]);
    // The table is kept (resized), not re-created, so formulas naming it keep working.
    expect(all.some((o) => o.op === "addTable" || o.op === "convertTableToRange")).toBe(false);
    expect(all.filter((o) => o.op === "resizeTable")).toMatchObject([{ table: "RoleCosts", address: "A8:D11", showTotals: true }]);
    expect(all.filter((o) => o.op === "deleteName")).toEqual([{ op: "deleteName", name: "RoleBudget" }]);
  });

  it("turns a table that moved back into cells before clearing", () => {
    const owner = serializeRecord(record({ areas: ["A1", "A3:B6", "F8:I12"] }));
    const snap = snapshot({ sheets: [{ name: "Role profile", id: "{id-1}", owner }], tables: [{ name: "RoleCosts", sheet: "Role profile", address: "F8:I12" }] });
    const all = ops(written(planWrite({ plan: rolePlan(), snapshot: snap, decision: decideTarget(rolePlan(), snap), cellHits: [], now: FIXED_NOW })));
    expect(all.findIndex((o) => o.op === "convertTableToRange")).toBeLessThan(all.findIndex((o) => o.op === "clearContents"));
    expect(all.some((o) => o.op === "addTable")).toBe(true);
  });

  it("keeps every request under the byte budget and splits big blocks by rows, in order", () => {
    const plan = bigPlan(2_000, 40);
    const maxRequestBytes = 200_000;
    const outcome = written(planWrite({ plan, snapshot: snapshot(), decision: decideTarget(plan, snapshot()), cellHits: [], now: FIXED_NOW, maxRequestBytes }));
    expect(outcome.requests.length).toBeGreaterThan(5);
    for (const request of outcome.requests) expect(request.reduce((n, o) => n + estimateOpBytes(o), 0)).toBeLessThanOrEqual(maxRequestBytes);
    const inputRows = ops(outcome)
      .filter((o): o is Extract<WriteOp, { op: "inputs" }> => o.op === "inputs")
      .map((o) => parseRange(o.address));
    expect(inputRows[0]?.top).toBe(1);
    inputRows.slice(1).forEach((r, i) => expect(r.top).toBe((inputRows[i]?.bottom ?? 0) + 1));
    expect(inputRows[inputRows.length - 1]?.bottom).toBe(2_001);
  });

  it("splits a single row that alone exceeds the budget into column bands", () => {
    const plan: SheetPlan = { key: "wide", name: "Wide", blocks: [{ kind: "range", at: "A1", rows: [Array.from({ length: 50 }, () => "x".repeat(2_000))] }] };
    const outcome = written(planWrite({ plan, snapshot: snapshot(), decision: decideTarget(plan, snapshot()), cellHits: [], now: FIXED_NOW, maxRequestBytes: 20_000 }));
    const inputs = ops(outcome).filter((o): o is Extract<WriteOp, { op: "inputs" }> => o.op === "inputs");
    expect(inputs.length).toBeGreaterThan(1);
    expect(inputs.reduce((n, o) => n + (o.inputs[0]?.length ?? 0), 0)).toBe(50);
    for (const o of inputs) expect(estimateOpBytes(o)).toBeLessThanOrEqual(20_000);
  });

  it("packs ops in order without exceeding the budget", () => {
    const op = (n: number): WriteOp => ({ op: "clearContents", sheet: "S", address: `A${n}` });
    const list = Array.from({ length: 10 }, (_, i) => op(i + 1));
    const size = estimateOpBytes(list[0] as WriteOp);
    const { requests } = packRequests(list, size * 3);
    expect(requests.map((r) => r.length)).toEqual([3, 3, 3, 1]);
    expect(requests.flat()).toEqual(list);
  });

  it("uses the custom property the adapters read", () => {
    expect(OWNER_PROPERTY).toBe("WorkforcePlanner.owner");
  });
});
