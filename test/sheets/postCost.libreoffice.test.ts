import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { writeXlsx } from "../../src/cli/xlsx/writeWorkbook";
import { costLines, postCost, roundedCostLines } from "../../src/domain";
import { onCostsSheet, payScalesSheet } from "../../src/sheets/payReference";
import { POST_COST_LINES, type PostCostSheetInput, postCostSheet } from "../../src/sheets/postCost";
import { recalculateWithLibreOffice, resultOf } from "../support/libreoffice";

/**
 * The Post cost sheet's formulas, recalculated by LibreOffice, give the task pane's figures: each line and the
 * total equal the pane's (roundedCostLines of postCost) to the penny, and each line's status is the status of the
 * figure it uses. One workbook holds a sheet per post (each plan under its own name), so LibreOffice runs once.
 */
const catalog = defaultCatalog();
const years = catalog.pay.payScales.map((s) => s.year);

const POSTS: readonly (PostCostSheetInput & { why: string })[] = [
  { why: "HCAS capped at the maximum", band: "6", point: "top", wte: 0.8, year: "2025/26", hcasZone: "outer-london", pensionBasis: "employer", includeLevy: false },
  { why: "HCAS raised to the (indicative) minimum, full pension, levy", band: "3", point: "entry", wte: 1, year: "2025/26", hcasZone: "inner-london", pensionBasis: "full", includeLevy: true },
  { why: "band 1 paid at band 2, part time, fringe", band: "1", point: "top", wte: 0.5, year: "2024/25", hcasZone: "fringe", pensionBasis: "employer", includeLevy: false },
  { why: "an intermediate point, no HCAS, an indicative year", band: "5", point: "intermediate", wte: 1, year: "2026/27", hcasZone: "none", pensionBasis: "employer", includeLevy: true },
  { why: "band 9 at 1.5 WTE in inner London", band: "9", point: "top", wte: 1.5, year: "2024/25", hcasZone: "inner-london", pensionBasis: "full", includeLevy: false },
];
const sheetName = (i: number) => `Post cost ${i + 1}`;
/** A post whose pay figure the user changed on the Pay scales sheet (none of POSTS uses it). */
const EDITED: PostCostSheetInput = { band: "7", point: "entry", wte: 1, year: "2025/26", hcasZone: "none", pensionBasis: "employer", includeLevy: false };
const EDITED_PAY = 50_000;

/** A text formula's result ("" when the formula gives empty text; these cells never give a number). */
const textOf = (cell: ExcelJS.Cell): string => {
  const v = resultOf(cell);
  if (typeof v === "number") throw new Error(`${cell.address}: a number (${v}) where text was expected`);
  return String(v ?? "");
};

describe("Post cost sheets recalculated by LibreOffice", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), "wfp-post-cost-")), "post-cost.xlsx");
    const sheets = POSTS.map((p, i) => ({ ...postCostSheet(p), key: `post-cost:${i}`, name: sheetName(i) }));
    const edited = [["england", EDITED.year, EDITED.band, EDITED.point, EDITED_PAY, "my trust's local scale", EDITED.year, "confirmed", null]];
    const editedSheet = { ...postCostSheet(EDITED), key: "post-cost:edited", name: "Post cost edited" };
    await writeXlsx([payScalesSheet(catalog, years, edited), onCostsSheet(catalog.pay, years), ...sheets, editedSheet], path);
    workbook = await recalculateWithLibreOffice(path);
  }, 180_000);

  it.each(POSTS.map((p, i) => [p.why, p, i] as const))("%s: every line and the total are the pane's, to the penny", (_why, post, i) => {
    const sheet = workbook.getWorksheet(sheetName(i))!;
    const rowOf = new Map<string, number>();
    sheet.eachRow((row, n) => {
      const label = row.getCell(1).value;
      if (typeof label === "string" && !rowOf.has(label)) rowOf.set(label, n);
    });
    const cost = postCost(catalog.pay, post);
    const shown = roundedCostLines(cost);
    const expected: Record<(typeof POST_COST_LINES)[number] | "Total", number> = {
      "Basic pay": shown.basic,
      HCAS: shown.hcas,
      "Employer NI": shown.employerNI,
      Pension: shown.pension,
      "Apprenticeship levy": shown.levy,
      Total: shown.total,
    };
    for (const [line, amount] of Object.entries(expected)) {
      const got = resultOf(sheet.getCell(`E${rowOf.get(line)}`));
      expect(typeof got, line).toBe("number");
      // Rounded on both sides: equal to the penny means equal as pennies.
      expect(Math.round((got as number) * 100), `${line}: ${String(got)} vs ${amount}`).toBe(Math.round(amount * 100));
    }
    expect(resultOf(sheet.getCell(`C${rowOf.get("Basic pay")}`))).toBe(cost.fullTimePay);
    // Each line's status is that of the figure it uses: the pay point's, and the HCAS minimum's only where it applied.
    const status = (line: string) => textOf(sheet.getCell(`G${rowOf.get(line)}`));
    const pay = catalog.pay.payScales.find((s) => s.year === post.year)!.bands.find((b) => b.band === (post.band === "1" ? "2" : post.band))!;
    expect(status("Basic pay")).toBe(pay.provenance.status);
    expect(textOf(sheet.getCell(`F${rowOf.get("Basic pay")}`))).toBe(`${pay.provenance.source} (${pay.provenance.year})`);
    const rules = catalog.pay.onCosts.find((o) => o.year === post.year)!;
    expect(status("Employer NI")).toBe(rules.employerNi.provenance.status);
    expect(status("Pension")).toBe(rules.pension.provenance.status);
    expect(status("Apprenticeship levy")).toBe(post.includeLevy ? rules.apprenticeshipLevy.provenance.status : "");
    if (post.hcasZone === "none") {
      expect(status("HCAS")).toBe("");
    } else {
      const hcas = catalog.pay.hcas.find((h) => h.year === post.year && h.zone === post.hcasZone)!;
      const minimumApplied = (hcas.percent / 100) * cost.fullTimePay < hcas.minimum;
      expect(status("HCAS")).toBe(minimumApplied && hcas.minimumProvenance ? `${hcas.minimumProvenance.status}: ${hcas.minimumProvenance.source}` : hcas.provenance.status);
      expect(textOf(sheet.getCell(`B${rowOf.get("HCAS")}`))).toContain(
        minimumApplied ? "raised to the minimum" : (hcas.percent / 100) * cost.fullTimePay > hcas.maximum ? "capped at the maximum" : "between its minimum and maximum",
      );
    }
  });

  it("uses a pay figure the user edited on Pay scales, and says so in the line's status", () => {
    const sheet = workbook.getWorksheet("Post cost edited")!;
    const rowOf = new Map<string, number>();
    sheet.eachRow((row, n) => {
      const label = row.getCell(1).value;
      if (typeof label === "string" && !rowOf.has(label)) rowOf.set(label, n);
    });
    const rules = catalog.pay.onCosts.find((o) => o.year === EDITED.year)!;
    const shown = roundedCostLines(costLines([{ share: 1, fullTimePay: EDITED_PAY }], 1, null, rules.employerNi.rate, rules.employerNi.secondaryThreshold, rules.pension.employerRate, 0));
    expect(resultOf(sheet.getCell(`C${rowOf.get("Basic pay")}`))).toBe(EDITED_PAY);
    expect(textOf(sheet.getCell(`G${rowOf.get("Basic pay")}`))).toBe("edited in workbook");
    expect(Math.round((resultOf(sheet.getCell(`E${rowOf.get("Total")}`)) as number) * 100)).toBe(Math.round(shown.total * 100));
    expect(shown.total).not.toBeCloseTo(roundedCostLines(postCost(catalog.pay, EDITED)).total, 0);
  });
});
