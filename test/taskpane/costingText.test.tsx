import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { excelDate } from "../../src/sheets/plan";
import { cellDateToIso, formatMoney, formatRate, parseVacancyPercent, parseWteText, yearChoices } from "../../src/taskpane/costing/costingText";
import { planPostsFromTable } from "../../src/taskpane/costing/costingJobs";

describe("the Costing tab's words and numbers", () => {
  it("shows money to the penny in pounds, rounding half away from zero", () => {
    expect(formatMoney(53611.33584)).toBe("£53,611.34");
    expect(formatMoney(0.005)).toBe("£0.01");
    expect(formatMoney(1234567)).toBe("£1,234,567.00");
    expect(formatRate(0.1438)).toBe("14.38%");
    expect(formatRate(0.15)).toBe("15%");
  });

  it("reads a WTE and a vacancy percentage as typed, with the domain's words for a bad one", () => {
    expect(parseWteText(" 0.8 ")).toEqual({ ok: true, value: 0.8 });
    expect(parseWteText("")).toEqual({ ok: false, message: "Give a WTE, such as 1 or 0.6" });
    expect(parseWteText("2")).toEqual({ ok: false, message: "WTE 2 is above 1.5: one post is at most 1.5 WTE" });
    expect(parseWteText("half")).toEqual({ ok: false, message: "'half' is not a WTE: give a number such as 1 or 0.6" });
    expect(parseVacancyPercent("3")).toEqual({ ok: true, value: 0.03 });
    expect(parseVacancyPercent("2.5 %")).toEqual({ ok: true, value: 0.025 });
    expect(parseVacancyPercent("")).toEqual({ ok: true, value: 0 });
    expect(parseVacancyPercent("100").ok).toBe(false);
    expect(parseVacancyPercent("-1").ok).toBe(false);
  });

  it("names each year with what its figures rest on", () => {
    expect(yearChoices(defaultCatalog().pay).map((y) => [y.label, y.basis])).toEqual([
      ["2024/25", "confirmed, derived and secondary sources"],
      ["2025/26", "secondary source"],
      ["2026/27 (indicative)", "indicative, for guidance only"],
    ]);
  });

  it("reads a plan table's rows back as posts, naming the sheet row of each that fails", () => {
    expect(cellDateToIso(excelDate("2023-04-01"))).toBe("2023-04-01");
    expect(cellDateToIso("2024-01-31")).toBe("2024-01-31");
    const read = planPostsFromTable({
      name: "Staffing_Plan",
      sheetName: "Staffing plan",
      address: "A12:P16",
      headers: ["Post", "Role", "Band", "Point", "WTE", "HCAS zone", "Status", "Start date in band", "Total"],
      rows: [
        ["A", "Peer", 5, "top", 1, "none", "In post", excelDate("2023-04-01"), null],
        [null, null, null, null, null, null, null, null, null],
        ["B", "", "8a", "entry", 2, "none", "Vacant", null, null],
        ["C", "", "12", "top", 1, "none", "Vacant", null, null],
      ],
    });
    expect(read.posts).toEqual([
      { post: "A", role: "Peer", band: "5", point: "top", wte: 1, hcasZone: "none", status: "In post", startInBand: "2023-04-01" },
    ]);
    expect(read.failures).toEqual([
      "Row 15: '2' is not a WTE from 0 to 1.5",
      "Row 16: '12' is not an Agenda for Change band (1–7, 8a–8d or 9)",
    ]);
  });
});
