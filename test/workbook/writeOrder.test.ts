/** The order a flow writes its sheets in: each after the sheets whose tables and names its formulas use. */
import { describe, expect, it } from "vitest";
import { formula, type SheetPlan } from "../../src/sheets/plan";
import { inWriteOrder, planNeeds } from "../../src/workbook/writeOrder";

const sheet = (key: string, table: string, uses: string): SheetPlan => ({
  key,
  name: key,
  blocks: [{ kind: "table", name: table, at: "A1", columns: [{ header: "X" }], rows: [[uses === "" ? 1 : formula(uses)]] }],
});

describe("inWriteOrder", () => {
  it("puts the sheets whose tables and names a formula uses first, and keeps the given order otherwise", () => {
    const plan = sheet("plan", "Staffing_Plan", "=SUMIFS(Pay_Scales[Pay],Pay_Scales[Band],[@X])*On_Costs[@X]");
    const summary = sheet("summary", "Summary", "=SUM(Staffing_Plan[X])");
    const pay = sheet("pay", "Pay_Scales", "");
    const onCosts = { ...sheet("on-costs", "Other", ""), names: [{ name: "On_Costs", at: "A1" }] };
    expect(planNeeds(plan)).toEqual(new Set(["pay_scales", "on_costs"]));
    expect(inWriteOrder([plan, summary, pay, onCosts]).map((p) => p.key)).toEqual(["pay", "on-costs", "plan", "summary"]);
    expect(inWriteOrder([pay, onCosts]).map((p) => p.key)).toEqual(["pay", "on-costs"]);
  });

  it("keeps sheets that need each other in the given order", () => {
    const a = sheet("a", "A_T", "=SUM(B_T[X])");
    const b = sheet("b", "B_T", "=SUM(A_T[X])");
    expect(inWriteOrder([a, b]).map((p) => p.key)).toEqual(["a", "b"]);
  });
});
