import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import type { Role } from "../../src/domain";
import { jeLogRow, jeLogSheet } from "../../src/sheets/jeLog";
import { JE_BANDS_TABLE, JE_FACTORS_TABLE, bandLookup, jeReferenceSheet } from "../../src/sheets/jeReference";
import { sheetNameFor, tableNameFor } from "../../src/sheets/names";
import { type PlanBlock, type TableBlock, isFormulaCell, validatePlan } from "../../src/sheets/plan";
import { competenceTableName, roleProfileSheet } from "../../src/sheets/roleProfile";

const catalog = defaultCatalog();
const table = (blocks: readonly PlanBlock[], name: string) => blocks.find((b): b is TableBlock => b.kind === "table" && b.name === name)!;

describe("sheet and table names", () => {
  it("fit Excel's rules", () => {
    expect(sheetNameFor("Liaison and Diversion Operational/Service Manager")).toBe("L&D Operational-Service Manager");
    expect(sheetNameFor("RECONNECT Senior Engagement Worker")).toBe("RECONNECT Senior Engagement");
    expect(sheetNameFor("A: [b]*?")).toBe("A- -b---");
    expect(tableNameFor("Competences", "reconnect-peer-support-worker")).toBe("Competences_reconnect_peer_support_worker");
  });
});

describe("role profile sheet", () => {
  it.each(catalog.roles.map((r) => [r.id, r] as const))("%s is a valid plan with every competence in its table", (_id, role) => {
    const plan = roleProfileSheet(catalog, role);
    expect(validatePlan(plan)).toEqual([]);
    const t = table(plan.blocks, competenceTableName(role.id));
    expect(t.columns.map((c) => c.header)).toEqual(["Section", "Underpinning principle", "Reference function", "Competence", "NOS code"]);
    expect(t.rows).toHaveLength(role.competences.length);
    expect(plan.key).toBe(`role-profile:${role.id}`);
    expect(plan.name.length).toBeLessThanOrEqual(31);
  });

  it("writes a competence row as section, principle, function, title and confirmed code", () => {
    const role = catalog.roles.find((r) => r.id === "liaison-diversion-service-manager")!;
    const t = table(roleProfileSheet(catalog, role).blocks, competenceTableName(role.id));
    expect(t.rows).toContainEqual(["Role-specific", "H. Management and Administration", "Provide leadership", "Lead your team", "CFAM&LBA3"]);
    expect(t.rows[0]).toEqual(["Core", "1. Communication", "Communicate effectively", "Communicate effectively in a health care environment", "SFHGEN97"]);
  });

  it("keeps text that looks like a formula as text, never a formula cell", () => {
    const base = catalog.roles[0]!;
    const hostile: Role = {
      ...base,
      id: "hostile",
      title: "=HYPERLINK(\"http://x\",\"click\")",
      areaOfWork: "+44 team",
      experienceRequired: ["-1 year", "@home"],
      scope: ["=1+1"],
    };
    const plan = roleProfileSheet(catalog, hostile);
    const cells = plan.blocks.flatMap((b) => b.rows.flat());
    expect(cells).toContain("=HYPERLINK(\"http://x\",\"click\")");
    expect(cells).toContain("=1+1");
    expect(cells.some((c) => c !== null && isFormulaCell(c))).toBe(false);
  });
});

describe("JE and banding reference", () => {
  const plan = jeReferenceSheet(catalog);
  it("is a valid plan with the bands and factors tables, each row sourced", () => {
    expect(validatePlan(plan)).toEqual([]);
    const bands = table(plan.blocks, JE_BANDS_TABLE);
    expect(bands.rows).toHaveLength(12);
    expect(bands.rows[7]!.slice(0, 3)).toEqual(["8a", 540, 584]);
    expect(bands.rows.every((r) => r[3] !== "" && r[5] === "confirmed")).toBe(true);
    const factors = table(plan.blocks, JE_FACTORS_TABLE);
    expect(factors.rows).toHaveLength(16);
    expect(factors.rows[1]!.slice(0, 10)).toEqual([2, "Knowledge, training & experience", 16, 36, 60, 88, 120, 156, 196, 240]);
    expect(factors.rows[14]!.slice(2, 10)).toEqual([5, 11, 18, 25, null, null, null, null]);
    expect(factors.rows.every((r) => r.includes("secondary"))).toBe(true);
  });
  it("computes a band with INDEX/MATCH only", () => {
    const f = bandLookup("B9");
    expect(f).toMatch(/INDEX\(JE_Bands\[Band\],MATCH\(B9,JE_Bands\[Lowest JE score\],1\)\)/);
    expect(f).not.toMatch(/XLOOKUP|LET\(|LAMBDA/);
  });
});

describe("JE log", () => {
  const scheme = catalog.jeScheme;
  it("logs levels as text, with scores and bands", () => {
    const row = jeLogRow(scheme, { date: "2026-11-23", post: "Team manager", levels: ["5", "6", "5", "4", "2-3", "7", "4", "4", "4", "1", "1-3", "5", "1-3", "3", "2-3", "2-3"] });
    expect(row.slice(1, 3)).toEqual(["Team manager", "5"]);
    expect(row.slice(-4)).toEqual([550, 599, "8a", "8b"]);
  });
  it("keeps the rows already in the log and appends the new one", () => {
    const existing = [[46000, "Old post", ...new Array(16).fill("1"), 86, 86, "1", "1", "extra cell beyond the table"]];
    const plan = jeLogSheet(catalog, existing, { date: "2026-11-23", post: "New", levels: new Array(16).fill("2") });
    expect(validatePlan(plan)).toEqual([]);
    const log = table(plan.blocks, "JE_Log");
    expect(log.rows).toHaveLength(2);
    expect(log.rows[0]).toEqual(existing[0]!.slice(0, 22));
    expect(log.rows[1]![1]).toBe("New");
  });
});

describe("plan summary", () => {
  it("charts WTE by band over the by-band table's cells", async () => {
    const { planSummarySheet } = await import("../../src/sheets/planSummary");
    const plan = planSummarySheet(["Role A"]);
    expect(validatePlan(plan)).toEqual([]);
    const byBand = table(plan.blocks, "Plan_By_Band");
    const top = Number(byBand.at.slice(1));
    expect(plan.charts).toEqual([
      expect.objectContaining({ kind: "column", title: "WTE by band", categories: `A${top + 1}:A${top + 11}`, series: [{ name: "WTE", values: `C${top + 1}:C${top + 11}` }] }),
    ]);
    expect(byBand.rows.map((r) => r[0])).toEqual(["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"]);
  });
});

describe("pay scales sheet", () => {
  it("shows each point's pay with its source, status and the years to the next point", async () => {
    const { payScalesSheet, PAY_SCALES_TABLE } = await import("../../src/sheets/payReference");
    const plan = payScalesSheet(catalog, ["2025/26"]);
    expect(validatePlan(plan)).toEqual([]);
    const rows = table(plan.blocks, PAY_SCALES_TABLE).rows;
    const row = (band: string, point: string) => rows.find((r) => r[2] === band && r[3] === point)!;
    expect(row("5", "entry").slice(4)).toEqual([31049, expect.stringContaining("2025/26"), "2025/26", "secondary", 2]);
    expect(row("6", "intermediate")[8]).toBe(3);
    expect(row("6", "top")[8]).toBeNull();
    expect(row("2", "entry")[8]).toBeNull();
    expect(row("4", "entry")[8]).toBe(3);
  });
});
