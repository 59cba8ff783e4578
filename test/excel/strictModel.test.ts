/**
 * The strict model of Excel (src/excel/strict) behind the memory workbook and the Office fake: each class of
 * write Excel refuses is refused here, through the store and through Office.js calls on the fake alike; and the
 * planner's order is the one that passes.
 */
import { describe, expect, it } from "vitest";
import { MemoryWorkbook, StoreError, WorkbookStore, applyOp } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/excel/officeAdapter";
import { formulaReferences, parseStructuredReference } from "../../src/excel/strict/formulaReferences";
import { decideTarget, planWrite, type WriteOp } from "../../src/excel/writePlanner";
import { parseRange } from "../../src/sheets/plan";
import { FakeExcel } from "../support/fakeExcel";
import { FIXED_NOW, rolePlan } from "./plans";

/** A sheet with table People (A1:C3: Name, Role, Band) and the name Rate on E1. */
function book(): MemoryWorkbook {
  const wb = new MemoryWorkbook({ sheets: ["Team"] });
  wb.userTypes("Team", "A1", [["Name", "Role", "Band"], ["Ann", "Nurse", 5], ["Bo", "Peer", 4]]);
  wb.userAddsTable("Team", "A1:C3", "People");
  wb.userAddsName("Rate", "Team", "E1");
  return wb;
}

describe("formula references, read by a real tokenizer and Microsoft's structured-reference grammar", () => {
  it("finds tables, columns, special items, this-row references, names and sheets", () => {
    const refs = formulaReferences(`=SUMIFS(Pay_Scales[Annual pay],Pay_Scales[[#This Row],[Band]],[@Band])+'Pay scales'!A1*Plan_Year+SUM(A:A)`);
    expect(refs.structured.map((r) => [r.table, r.columns, r.items, r.thisRow])).toEqual([
      ["Pay_Scales", ["Annual pay"], [], false],
      ["Pay_Scales", ["Band"], ["#This Row"], true],
      [null, ["Band"], [], true],
    ]);
    expect(refs.names).toEqual(["Plan_Year"]);
    expect(refs.sheets).toEqual(["Pay scales"]);
  });

  it("undoes Excel's escapes in column names and reads column ranges", () => {
    expect(parseStructuredReference("T[[Gamma ''q'']]").columns).toEqual(["Gamma 'q'"]);
    expect(parseStructuredReference("T[[a'[1']]]").columns).toEqual(["a[1]"]);
    expect(parseStructuredReference("T[['#x]]").columns).toEqual(["#x"]);
    expect(parseStructuredReference("[@[First]:[Last one]]")).toMatchObject({ table: null, columns: ["First", "Last one"], thisRow: true });
    expect(parseStructuredReference("T[[#Headers],[#Data],[A]:[B]]")).toMatchObject({ items: ["#Headers", "#Data"], columns: ["A", "B"] });
    // Escapes inside a formula, where a bare tokenizer would take ' for a sheet name's quote.
    const refs = formulaReferences(`=COLUMNS([@[A]:[Kim''s '[on-call'] '#1 @home]])-COUNTIF(T[[x,y]],"[not, a ref]")+'My sheet'!A1`);
    expect(refs.structured.map((r) => [r.table, r.columns])).toEqual([[null, ["A", "Kim's [on-call] #1 @home"]], ["T", ["x,y"]]]);
    expect(refs.sheets).toEqual(["My sheet"]);
  });

  it("refuses what is not a structured reference", () => {
    expect(() => formulaReferences("=T[[a]")).toThrow(/can't be read/);
    expect(() => parseStructuredReference("T[[#Nope]]")).toThrow(/not a special item/);
    expect(() => parseStructuredReference("T[[#This Row],[#Totals]]")).toThrow(/#This Row/);
    expect(() => parseStructuredReference("T[[a'b]]")).toThrow(/lone '/);
  });
});

describe("formulas Excel refuses", () => {
  it("accepts formulas whose tables, columns, names and sheets exist", () => {
    const wb = book();
    wb.userTypes("Team", "G1", [["=SUM(People[Band])*Rate+Team!A1"], ["=COUNTIFS(People[Role],\"Nurse\")"]]);
    expect(wb.cell("Team", "G1").formula).toBe("=SUM(People[Band])*Rate+Team!A1");
  });

  it("refuses a structured reference to a table or column that doesn't exist (yet)", () => {
    const wb = book();
    expect(() => wb.userTypes("Team", "G1", "=SUM(Pay_Scales[Pay])")).toThrow(/table "Pay_Scales" that doesn't exist/);
    expect(() => wb.userTypes("Team", "G1", "=SUM(People[Salary])")).toThrow(/column "Salary" that table People doesn't have/);
    expect(wb.cell("Team", "G1").formula).toBeNull();
  });

  it("refuses [@Col] and [#This Row] off a table's data rows", () => {
    const wb = book();
    expect(() => wb.userTypes("Team", "G2", "=[@Band]*2")).toThrow(/outside a table/);
    expect(() => wb.userTypes("Team", "G9", "=People[@Band]")).toThrow(/outside a data row/);
    expect(() => wb.userTypes("Team", "G9", "=People[[#This Row],[Band]]")).toThrow(/outside a data row/);
    // In the table's own rows it is what Excel writes.
    wb.userTypes("Team", "C2", "=IF([@Role]=\"Nurse\",5,4)");
    expect(wb.cell("Team", "C2").formula).toBe('=IF([@Role]="Nurse",5,4)');
  });

  it("refuses a name that is not defined and a sheet that is not there", () => {
    const wb = book();
    expect(() => wb.userTypes("Team", "G1", "=Plan_Year+1")).toThrow(/"Plan_Year", which is not defined/);
    expect(() => wb.userTypes("Team", "G1", "='Pay scales'!A1")).toThrow(/sheet "Pay scales" that doesn't exist/);
  });

  it("refuses the same through Office.js on the fake", async () => {
    const store = book().store;
    const fake = new FakeExcel(store);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Team").getRange("G5").formulas = [["=[@Band]"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("tables, names, sheets and validation Excel refuses", () => {
  it("refuses a table over another table or merged cells, and merging a table's cells", () => {
    const wb = book();
    wb.userTypes("Team", "E5", [["A", "B"], [1, 2]]);
    expect(() => wb.store.addTable(wb.store.sheet("Team"), parseRange("C3:E6"), true)).toThrow(/another table \(People\)/);
    wb.userMergesCells("Team", "E5:F5");
    expect(() => wb.store.addTable(wb.store.sheet("Team"), parseRange("E5:F6"), true)).toThrow(/merged cells/);
    expect(() => wb.userMergesCells("Team", "A2:B2")).toThrow(/can't be merged/);
  });

  it("refuses blank or repeated column names through the API (Excel would rename them)", () => {
    const wb = new MemoryWorkbook({ sheets: ["S"] });
    wb.userTypes("S", "A1", [["Role", "role", ""], [1, 2, 3]]);
    const sheet = wb.store.sheet("S");
    expect(() => wb.store.addTable(sheet, parseRange("A1:B2"), true)).toThrow(/"role" is used twice/);
    expect(() => wb.store.addTable(sheet, parseRange("B1:C2"), true)).toThrow(/column 2 has no header/);
    const t = wb.store.addTable(sheet, parseRange("A1:A2"), true);
    // Writing over the header row renames a column: it must stay unique.
    expect(() => wb.store.setInputs(sheet, parseRange("A1"), [[""]])).toThrow(/no header/);
    expect(wb.store.tableHeaders(t)).toEqual(["Role"]);
  });

  it("refuses sheet names over 31 characters or with [ ] : * ? / \\", () => {
    const wb = new MemoryWorkbook();
    expect(() => wb.userAddsSheet("x".repeat(32))).toThrow(StoreError);
    for (const ch of ["[", "]", ":", "*", "?", "/", "\\"]) expect(() => wb.userAddsSheet(`a${ch}b`), ch).toThrow(/not a valid sheet name/);
    wb.userAddsSheet("x".repeat(31));
    expect(wb.sheetNames()).toEqual(["x".repeat(31)]);
  });

  it("refuses a list validation source over 255 characters, and one naming what doesn't exist", () => {
    const wb = book();
    const sheet = wb.store.sheet("Team");
    expect(() => wb.store.setListValidation(sheet, parseRange("C2:C3"), Array.from({ length: 100 }, (_, i) => `v${i}`).join(","))).toThrow(/1–255/);
    expect(() => wb.store.setListValidation(sheet, parseRange("C2:C3"), "=Bands")).toThrow(/not defined/);
    wb.store.setListValidation(sheet, parseRange("C2:C3"), "4,5,6");
    expect(wb.cell("Team", "C2").validation).toBe("4,5,6");
  });

  it("refuses invalid and clashing names", () => {
    const wb = book();
    expect(() => wb.userAddsName("A1", "Team", "E2")).toThrow(/not a valid name/);
    expect(() => wb.userAddsName("people", "Team", "E2")).toThrow(/already used/);
  });
});

describe("the order of writes", () => {
  const ops = (): WriteOp[] => {
    const plan = rolePlan();
    const outcome = planWrite({ plan, snapshot: { sheets: [], tables: [], names: [] }, decision: decideTarget(plan, { sheets: [], tables: [], names: [] }), cellHits: [], now: FIXED_NOW });
    if (outcome.kind !== "write") throw new Error("expected a write");
    return outcome.requests.flat();
  };

  it("the planner's order (tables, names, values and formulas, formats) passes the strict model", () => {
    const store = new WorkbookStore();
    for (const op of ops()) applyOp(store, op);
    expect(store.getCell(store.sheet("Role profile"), 6, 2).formula).toBe("=SUM(RoleCosts[Cost])");
  });

  it("the old order (every value and formula before the tables) is refused", () => {
    const all = ops();
    const old = [...all.filter((o) => o.op === "addSheet" || o.op === "inputs"), ...all.filter((o) => o.op !== "addSheet" && o.op !== "inputs")];
    const store = new WorkbookStore();
    expect(() => old.forEach((op) => applyOp(store, op))).toThrow(/table "RoleCosts" that doesn't exist|outside a table/);
  });

  it("a sheet whose formulas name another sheet's tables is refused until that sheet is written", async () => {
    const wb = new MemoryWorkbook({ now: () => FIXED_NOW });
    const uses = { key: "uses", name: "Uses", blocks: [{ kind: "range" as const, at: "A1", rows: [[{ formula: "=SUM(RoleCosts[Cost])" }]] }] };
    await expect(wb.writeSheetPlan(uses)).rejects.toThrow(/RoleCosts/);
    await wb.writeSheetPlan(rolePlan());
    expect((await wb.writeSheetPlan(uses)).status).toBe("written");
  });

  it("the Office adapter's writes pass the same model", async () => {
    const store = new WorkbookStore();
    const fake = new FakeExcel(store);
    const undo = fake.install();
    try {
      const result = await new OfficeWorkbookAdapter({ now: () => FIXED_NOW }).writeSheetPlan(rolePlan());
      expect(result.status).toBe("written");
      expect(store.getCell(store.sheet("Role profile"), 12, 4).formula).toBe("=SUBTOTAL(109,[Cost])");
    } finally {
      undo();
    }
  });
});
