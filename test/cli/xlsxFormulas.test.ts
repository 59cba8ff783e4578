import { describe, expect, it } from "vitest";
import { qualifyStructuredReferences } from "../../src/cli/xlsx/writeWorkbook";

describe("structured references in the file format", () => {
  it("qualifies this-row and column references with the table's name", () => {
    expect(qualifyStructuredReferences('IF([@Band]="","",[@[Full-time pay]]*[@WTE])', "Plan")).toBe(
      'IF(Plan[[#This Row],[Band]]="","",Plan[[#This Row],[Full-time pay]]*Plan[[#This Row],[WTE]])',
    );
    expect(qualifyStructuredReferences("SUBTOTAL(109,[WTE])", "Plan")).toBe("SUBTOTAL(109,Plan[WTE])");
  });
  it("leaves references already qualified alone", () => {
    const f = "SUMIFS(Pay_Scales[Annual pay],Pay_Scales[Band],[@Band]&\"\")";
    expect(qualifyStructuredReferences(f, "Plan")).toBe('SUMIFS(Pay_Scales[Annual pay],Pay_Scales[Band],Plan[[#This Row],[Band]]&"")');
    expect(qualifyStructuredReferences("Other[[#This Row],[X]]", "Plan")).toBe("Other[[#This Row],[X]]");
  });
  it("reads a column name's escaped brackets and a double quote as part of the name", () => {
    expect(qualifyStructuredReferences(`COUNTIF([@[a']b]:[Say "hi" '[x]],"Competent")`, "T")).toBe(
      `COUNTIF(T[[#This Row],[a']b]:[Say "hi" '[x]],"Competent")`,
    );
    expect(qualifyStructuredReferences(`IF([@Name]="","",Other[[a']b '#1]]+[@[c'[d]])`, "T")).toBe(
      `IF(T[[#This Row],[Name]]="","",Other[[a']b '#1]]+T[[#This Row],[c'[d]])`,
    );
  });
});
