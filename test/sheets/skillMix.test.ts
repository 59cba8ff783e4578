import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { SKILL_STATUSES, competenceCover, progressionGap, rebuildRegister, roleMatrix, trainingNeeds } from "../../src/domain";
import { type PlanBlock, type RangeBlock, type SheetPlan, type TableBlock, isFormulaCell, parseRange, validatePlan } from "../../src/sheets/plan";
import {
  REGISTER_FIXED_HEADERS,
  REGISTER_HEADER_ROW,
  SKILL_MIX_KEYS,
  SKILL_MIX_NAMES,
  SKILL_MIX_TABLES,
  progressionSheet,
  removedSheet,
  roleMatrixSheet,
  skillMixSummarySheet,
  teamPlans,
  teamSkillsSheet,
  trainingNeedsSheet,
} from "../../src/sheets/skillMix";
import { columnRef, escapeColumnName, tableColumnName, thisRowSpan } from "../../src/sheets/skillMix/structuredRefs";
import { recordedRegister, sampleTeam } from "../support/skillTeam";

const catalog = defaultCatalog();
const role = (id: string) => catalog.roles.find((r) => r.id === id)!;
const table = (plan: SheetPlan, name: string) => plan.blocks.find((b): b is TableBlock => b.kind === "table" && b.name === name)!;
const formulas = (blocks: readonly PlanBlock[]) =>
  blocks.flatMap((b) => [...b.rows.flat(), ...(b.kind === "table" ? (b.totals ?? []) : [])]).flatMap((c) => (c !== null && isFormulaCell(c) ? [c.formula] : []));
const FORBIDDEN = /\b(XLOOKUP|LET|LAMBDA|FILTER|UNIQUE|SORT|SORTBY|XMATCH|SEQUENCE)\(/i;

describe("structured references to columns named by people", () => {
  it("escapes apostrophes and brackets and always double-brackets the name", () => {
    expect(escapeColumnName("Manage people's performance at work")).toBe("Manage people''s performance at work");
    expect(escapeColumnName("A [b] #1")).toBe("A '[b'] '#1");
    expect(columnRef("T", "Plan, monitor and review")).toBe("T[[Plan, monitor and review]]");
    expect(columnRef("T", "Gamma 'q' [x] #1 @y")).toBe("T[[Gamma ’q’ '[x'] '#1 @y]]");
    expect(thisRowSpan("A's", "B")).toBe("[@[A’s]:[B]]");
  });
  it("names a table column with ’ for ', since LibreOffice does not resolve Excel's '' escape", () => {
    expect(tableColumnName("Manage people's performance at work")).toBe("Manage people’s performance at work");
    expect(tableColumnName("A [b] #1 @c")).toBe("A [b] #1 @c");
  });
});

describe("Role matrix sheet", () => {
  const roles = catalog.roles;
  const plan = roleMatrixSheet(roleMatrix(catalog, roles));
  const matrix = table(plan, SKILL_MIX_TABLES.roleMatrix);

  it("is a valid plan: competences grouped as rows, the roles as columns with their marks", () => {
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.key).toBe(SKILL_MIX_KEYS.roleMatrix);
    expect(matrix.columns.map((c) => c.header)).toEqual(["Principle", "Function", "Competence", ...roles.map((r) => r.title), "Roles requiring it", "NOS code"]);
    expect(matrix.rows).toHaveLength(114);
    expect(matrix.rows[0]!.slice(0, 7)).toEqual(["1. Communication", "Communicate effectively", "Communicate effectively in a health care environment", "Core", "Core", "Core", "Core"]);
    const innovation = matrix.rows.find((r) => r[2] === "Identify and evaluate opportunities for innovation and improvement")!;
    expect(innovation.slice(3, 7)).toEqual(["Core and specific", "Core", "Core and specific", null]);
  });

  it("counts and overlaps with native formulas over the matrix, no newer Excel functions", () => {
    const all = formulas(plan.blocks);
    expect(all.some((f) => FORBIDDEN.test(f))).toBe(false);
    expect(matrix.rows[0]![7]).toEqual({ formula: `=COUNTA([@[${roles[0]!.title}]:[${roles.at(-1)!.title}]])` });
    const overlap = table(plan, SKILL_MIX_TABLES.roleOverlap);
    expect(overlap.rows.map((r) => r[0])).toEqual(roles.map((r) => r.title));
    expect(overlap.columns[1]).toMatchObject({ header: roles[0]!.title, numberFormat: "0%" });
    expect(overlap.rows[3]![2]).toEqual({
      formula: `=IF(COUNTA(Role_Matrix[[${roles[1]!.title}]])=0,"",SUMPRODUCT((Role_Matrix[[${roles[3]!.title}]]<>"")*(Role_Matrix[[${roles[1]!.title}]]<>""))/COUNTA(Role_Matrix[[${roles[1]!.title}]]))`,
    });
    // The overlap tables sit above the matrix's role columns (D onwards).
    expect(parseRange(overlap.at).left).toBe(3);
  });

  it("refuses to build a matrix of no roles", () => {
    expect(() => roleMatrixSheet(roleMatrix(catalog, []))).toThrow("a role matrix needs at least one role");
  });
});

describe("Team skills sheet", () => {
  const team = sampleTeam(12);
  const rebuild = recordedRegister(catalog, team);
  const plan = teamSkillsSheet(rebuild);
  const register = table(plan, SKILL_MIX_TABLES.teamSkills);
  const competences = rebuild.register.competences;
  const firstStatus = REGISTER_FIXED_HEADERS.length;

  it("is a valid plan: the register as a table of people × competences under the per-competence rows", () => {
    expect(validatePlan(plan)).toEqual([]);
    expect(register.at).toBe(`A${REGISTER_HEADER_ROW}`);
    expect(plan.freezeRows).toBe(REGISTER_HEADER_ROW);
    expect(register.columns.map((c) => c.header)).toEqual([...REGISTER_FIXED_HEADERS, ...competences.map((c) => tableColumnName(c.title))]);
    expect(register.rows).toHaveLength(12);
    expect(register.carriesWorkbookRows).toBe(true);
    expect(register.rows[0]!.slice(0, 6)).toEqual([team[0]!.name, "RECONNECT Peer Support Worker", 3, 3, team[0]!.wte, 45747]);
    expect(register.rows[2]![firstStatus]).toBe("on leave");
    expect(register.rows[2]![REGISTER_FIXED_HEADERS.indexOf("Check")]).toBe("'on leave' is not a status");
    expect(register.rows[11]![REGISTER_FIXED_HEADERS.indexOf("Check")]).toBe("Role not in the catalog");
  });

  it("gives every status cell a drop-down of the four statuses and a heatmap", () => {
    for (const c of register.columns.slice(firstStatus)) expect(c.validation).toEqual({ kind: "list", values: SKILL_STATUSES });
    const heat = (plan.conditionalFormats ?? []).filter((cf) => cf.kind === "cellValue" && parseRange(cf.at).top === REGISTER_HEADER_ROW + 1 && parseRange(cf.at).left === firstStatus + 1);
    expect(heat.map((cf) => cf.kind === "cellValue" && "value" in cf.when && cf.when.value)).toEqual(SKILL_STATUSES.map((s) => ({ formula: `="${s}"` })));
    expect(parseRange(heat[0]!.at)).toEqual({ top: REGISTER_HEADER_ROW + 1, bottom: REGISTER_HEADER_ROW + 12, left: firstStatus + 1, right: firstStatus + competences.length });
  });

  it("counts per person and per competence with COUNTIF/COUNTIFS over the register", () => {
    const first = competences[0]!.title;
    const last = competences.at(-1)!.title;
    const span = `[@[${escapeColumnName(tableColumnName(first))}]:[${escapeColumnName(tableColumnName(last))}]]`;
    expect(register.rows[0]!.slice(6, 9)).toEqual([
      { formula: `=IF([@Name]="","",COLUMNS(${span})-COUNTIF(${span},"Not required"))` },
      { formula: `=IF([@Name]="","",COUNTIF(${span},"Competent"))` },
      { formula: `=IF([@Name]="","",IF([@Needed]=0,"",[@Competent]/[@Needed]))` },
    ]);
    const band = plan.blocks.filter((b): b is RangeBlock => b.kind === "range" && b.at === `K${REGISTER_HEADER_ROW - 5}`)[0]!;
    expect(band.rows.map((r) => r[0])).toEqual([
      { formula: `=COUNTIFS(Team_Skills[Name],"<>")-COUNTIFS(Team_Skills[Name],"<>",Team_Skills[[${first}]],"Not required")` },
      { formula: `=COUNTIFS(Team_Skills[Name],"<>",Team_Skills[[${first}]],"Competent")` },
      { formula: `=SUMIFS(Team_Skills[WTE],Team_Skills[Name],"<>",Team_Skills[[${first}]],"Competent")` },
      { formula: `=COUNTIFS(Team_Skills[Name],"<>",Team_Skills[[${first}]],"Developing")` },
    ]);
    expect(formulas(plan.blocks).some((f) => FORBIDDEN.test(f))).toBe(false);
    expect(plan.names?.map((n) => [n.name, n.at])).toEqual([
      [SKILL_MIX_NAMES.minHolders, "B5"],
      [SKILL_MIX_NAMES.suppression, "B6"],
    ]);
  });

  it("keeps the settings the user set and writes names and statuses as text, never formulas", () => {
    const hostile = rebuildRegister(catalog, [{ name: "=HYPERLINK(\"x\")", role: "+44 team", band: null, wte: 1 }], null);
    const p = teamSkillsSheet(hostile, { minHolders: 3, suppression: 10 });
    const t = table(p, SKILL_MIX_TABLES.teamSkills);
    expect(t.rows[0]!.slice(0, 2)).toEqual(["=HYPERLINK(\"x\")", "+44 team"]);
    expect(table(p, SKILL_MIX_TABLES.settings).rows.map((r) => r[1])).toEqual([3, 10]);
    expect(validatePlan(p)).toEqual([]);
  });

  it("still makes a valid register for an empty team", () => {
    const p = teamSkillsSheet(rebuildRegister(catalog, [], null));
    expect(validatePlan(p)).toEqual([]);
    expect(table(p, SKILL_MIX_TABLES.teamSkills).columns).toHaveLength(REGISTER_FIXED_HEADERS.length);
  });
});

describe("the team's other sheets", () => {
  const rebuild = recordedRegister(catalog, sampleTeam(12));
  const plans = teamPlans(catalog, rebuild);

  it("are the register, the summary and the training needs, all valid, in that order", () => {
    expect(plans.map((p) => p.key)).toEqual([SKILL_MIX_KEYS.teamSkills, SKILL_MIX_KEYS.summary, SKILL_MIX_KEYS.trainingNeeds]);
    for (const p of plans) expect(validatePlan(p), p.name).toEqual([]);
    expect(teamPlans(catalog, rebuild, { alwaysWriteRemoved: true }).map((p) => p.key)).toContain(SKILL_MIX_KEYS.removed);
  });

  it("summarise with suppression, charts over the mix tables and the cover table most at risk first", () => {
    const summary = skillMixSummarySheet({ register: rebuild.register, roles: catalog.roles, cover: competenceCover(rebuild.register) });
    const byBand = table(summary, SKILL_MIX_TABLES.byBand);
    expect(byBand.rows.map((r) => r[0])).toEqual(["Band 1", "Band 2", "Band 3", "Band 4", "Band 5", "Band 6", "Band 7", "Band 8a", "Band 8b", "Band 8c", "Band 8d", "Band 9", "Band not given"]);
    expect(byBand.rows[2]![1]).toEqual({
      formula: `=IF(AND(COUNTIFS(Team_Skills[Name],"<>",Team_Skills[Band],"3")>0,COUNTIFS(Team_Skills[Name],"<>",Team_Skills[Band],"3")<Skills_Suppress),"<"&Skills_Suppress,COUNTIFS(Team_Skills[Name],"<>",Team_Skills[Band],"3"))`,
    });
    expect(table(summary, SKILL_MIX_TABLES.byRole).rows.map((r) => r[0])).toEqual([...catalog.roles.map((r) => r.title), "Team Administrator", "No role given"]);
    expect(summary.charts?.map((c) => [c.kind, c.title])).toEqual([
      ["column", "WTE by band"],
      ["column", "WTE by career framework level"],
      ["bar", "WTE by role"],
    ]);
    for (const chart of summary.charts ?? []) expect(parseRange(chart.categories).bottom - parseRange(chart.categories).top).toBe(parseRange(chart.series[0]!.values).bottom - parseRange(chart.series[0]!.values).top);
    const cover = table(summary, SKILL_MIX_TABLES.cover);
    expect(cover.rows).toHaveLength(rebuild.register.competences.length);
    const risks = competenceCover(rebuild.register).filter((c) => c.risk !== null);
    expect(cover.rows.slice(0, risks.length).map((r) => r[0]).sort()).toEqual(risks.map((c) => c.title).sort());
  });

  it("list training needs per person with their roles' learning", () => {
    const needs = trainingNeeds(rebuild.register);
    const plan = trainingNeedsSheet(needs);
    expect(validatePlan(plan)).toEqual([]);
    expect(table(plan, SKILL_MIX_TABLES.trainingNeeds).rows).toHaveLength(needs.reduce((n, x) => n + x.toGain.length, 0));
    const learning = table(plan, SKILL_MIX_TABLES.roleLearning).rows;
    expect(learning).toContainEqual(["RECONNECT Peer Support Worker", "Formal", "Peer Support Training"]);
    expect(table(plan, SKILL_MIX_TABLES.trainingNeeds).rows.find((r) => r[4] === "on leave")).toBeDefined();
  });

  it("keep people who left, with their statuses, on their own sheet", () => {
    const next = rebuildRegister(catalog, sampleTeam(12).slice(1), {
      competences: rebuild.register.competences,
      rows: rebuild.register.people.map((p, i) => ({
        person: p,
        statuses: new Map(rebuild.register.competences.map((c, j) => [c.key, rebuild.register.cells[i]![j]!])),
        removed: false,
      })),
    });
    const plan = removedSheet(next.removed);
    expect(validatePlan(plan)).toEqual([]);
    const t = table(plan, SKILL_MIX_TABLES.removed);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]![0]).toBe(sampleTeam(12)[0]!.name);
    expect(t.carriesWorkbookRows).toBe(true);
  });
});

describe("Progression sheet", () => {
  it("lists what role B requires that role A does not, by principle, and B's learning", () => {
    const gap = progressionGap(catalog, role("reconnect-peer-support-worker"), role("reconnect-senior-engagement-worker"));
    const plan = progressionSheet(gap);
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.key).toBe("skill-mix:progression:reconnect-peer-support-worker:reconnect-senior-engagement-worker");
    const rows = table(plan, SKILL_MIX_TABLES.progression("reconnect-peer-support-worker", "reconnect-senior-engagement-worker")).rows;
    expect(rows).toHaveLength(31);
    expect(rows.map((r) => r[0])).toEqual(gap.groups.flatMap((g) => g.toGain.map(() => `${g.principle.code}. ${g.principle.name}`)));
    const learning = table(plan, SKILL_MIX_TABLES.progressionLearning("reconnect-peer-support-worker", "reconnect-senior-engagement-worker")).rows;
    expect(learning).toHaveLength(gap.learning.formal.length + gap.learning.informal.length);
  });
});
