import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { onCostsSheet, payScalesSheet } from "../../src/sheets/payReference";
import { isFormulaCell, validatePlan } from "../../src/sheets/plan";
import { POST_COST_HEADERS, POST_COST_LINES, type PostCostSheetInput, postCostSheet } from "../../src/sheets/postCost";
import { inWriteOrder, planNeeds } from "../../src/workbook/writeOrder";

const catalog = defaultCatalog();
const years = catalog.pay.payScales.map((s) => s.year);
const BAND_6: PostCostSheetInput = { post: "Band 6 practitioner", role: "L&D Practitioner", band: "6", point: "top", wte: 0.8, year: "2025/26", hcasZone: "outer-london", pensionBasis: "employer", includeLevy: false };

/** Column A's text → that row, so a test reads the sheet as a person would: by its labels. */
function rowsByLabel(wb: MemoryWorkbook, sheet: string): Map<string, number> {
  const grid = wb.getSheet(sheet)!;
  const out = new Map<string, number>();
  grid.forEach((row, i) => {
    if (typeof row[0] === "string" && !out.has(row[0])) out.set(row[0], i + 1);
  });
  return out;
}

async function written(input: PostCostSheetInput, wb = new MemoryWorkbook({ sheets: ["Sheet1"] })) {
  for (const plan of inWriteOrder([postCostSheet(input), payScalesSheet(catalog, years), onCostsSheet(catalog.pay, years)])) {
    const result = await wb.writeSheetPlan(plan);
    expect(result.status, plan.name).toBe("written");
  }
  return wb;
}

describe("the Post cost sheet", () => {
  it("is a valid plan whose formulas name only the pay reference tables, so it is written after them", () => {
    const plan = postCostSheet(BAND_6);
    expect(validatePlan(plan)).toEqual([]);
    expect([...planNeeds(plan)].sort()).toEqual(["hcas_rates", "on_costs", "pay_scales"]);
    const order = inWriteOrder([plan, payScalesSheet(catalog, years), onCostsSheet(catalog.pay, years)]).map((p) => p.name);
    expect(order.indexOf("Post cost")).toBe(2);
  });

  it("holds the post as input cells and every line as formulas: the amount the line rounded to the penny, the total their sum", async () => {
    const wb = await written(BAND_6);
    const at = rowsByLabel(wb, "Post cost");
    const input = (label: string) => wb.cell("Post cost", `B${at.get(label)}`).value;
    expect(wb.cell("Post cost", "A1").value).toBe("Post cost: Band 6 practitioner");
    expect([input("Post"), input("Role"), input("Band"), input("Pay point"), input("WTE"), input("Year"), input("HCAS zone"), input("Pension basis"), input("Include levy")]).toEqual(
      ["Band 6 practitioner", "L&D Practitioner", 6, "top", 0.8, "2025/26", "outer-london", "employer", "No"],
    );
    const header = at.get("Line")!;
    expect(["A", "B", "C", "D", "E", "F", "G"].map((c) => wb.cell("Post cost", `${c}${header}`).value)).toEqual([...POST_COST_HEADERS]);
    POST_COST_LINES.forEach((line, i) => {
      const row = header + 1 + i;
      expect(at.get(line)).toBe(row);
      expect(wb.cell("Post cost", `E${row}`).formula).toBe(`=ROUND(D${row},2)`);
      for (const c of ["C", "D", "F", "G"]) expect(wb.cell("Post cost", `${c}${row}`).formula, `${line} ${c}`).toMatch(/^=/);
    });
    const total = at.get("Total")!;
    expect(total).toBe(header + 1 + POST_COST_LINES.length);
    expect(wb.cell("Post cost", `E${total}`).formula).toBe(`=SUM(E${header + 1}:E${total - 1})`);
    expect(wb.cell("Post cost", `E${total}`).numberFormat).toBe("£#,##0.00");
    // Basic pay's figure reads the Pay scales table; NI, pension and levy the On-costs table by the year cell.
    const year = `$B$${at.get("Year")}`;
    expect(wb.cell("Post cost", `C${header + 1}`).formula).toContain("SUMIFS(Pay_Scales[Annual pay],Pay_Scales[Year]");
    expect(wb.cell("Post cost", `C${at.get("Employer NI")}`).formula).toBe(`=SUMIFS(On_Costs[Employer NI rate],On_Costs[Year],"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${year},"~","~~"),"*","~*"),"?","~?"))`);
  });

  it("is refreshed in place when another post is put on it, and a note the user typed beside it stays", async () => {
    const wb = await written(BAND_6);
    const below = (wb.getSheet("Post cost")!.length + 2).toString();
    wb.userTypes("Post cost", `A${below}`, "checked with finance");
    await written({ ...BAND_6, post: undefined, band: "3", point: "entry", wte: 1, hcasZone: "none" }, wb);
    expect(wb.sheetNames()).toEqual(["Sheet1", "Pay scales", "On-costs", "Post cost"]);
    expect(wb.cell("Post cost", "A1").value).toBe("Post cost");
    const at = rowsByLabel(wb, "Post cost");
    expect(wb.cell("Post cost", `B${at.get("Band")}`).value).toBe(3);
    expect(wb.cell("Post cost", `B${at.get("Post")}`).value).toBeNull();
    expect(wb.cell("Post cost", `A${below}`).value).toBe("checked with finance");
  });

  it("writes text inputs as text, never as formulas", () => {
    const plan = postCostSheet({ ...BAND_6, post: "=HYPERLINK(\"x\")", role: "+44" });
    const cells = plan.blocks.flatMap((b) => b.rows.flat());
    expect(cells).toContain("=HYPERLINK(\"x\")");
    expect(cells.filter((c) => c !== null && isFormulaCell(c)).every((c) => !JSON.stringify(c).includes("HYPERLINK"))).toBe(true);
  });
});
