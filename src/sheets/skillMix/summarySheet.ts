import {
  BANDS,
  CAREER_LEVELS,
  type CompetenceCover,
  NOT_GIVEN,
  type Role,
  type SkillRegister,
  bandLabel,
  catalogRoleOf,
  caseFoldKey,
  levelLabel,
  topGaps,
} from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import { type ChartPlan, type ConditionalFormatPlan, type PlanCell, type SheetPlan, type TableColumn, formula } from "../plan";
import { SKILL_MIX_KEYS, SKILL_MIX_NAMES, SKILL_MIX_TABLES } from "./names";
import { literalCriterion } from "../criteria";
import { textLiteral } from "./structuredRefs";
import { competenceFormulas, coverFormula, riskHighlights } from "./teamSkillsSheet";

const T = SKILL_MIX_TABLES.teamSkills;
const S = SKILL_MIX_NAMES.suppression;
const NAMED = `${T}[Name],"<>"`;

/** A count of people as a shared view shows it: "<5" for 1 to 4 (with the threshold the user set). */
const shownCount = (n: string): string => `IF(AND(${n}>0,${n}<${S}),"<"&${S},${n})`;
/** A figure that would give a hidden count away (its WTE, its share): "*" when the count is hidden. */
const hiddenWith = (n: string, value: string): string => `IF(AND(${n}>0,${n}<${S}),"*",${value})`;

const PEOPLE = `COUNTIFS(${NAMED})`;
const WTE = `SUMIFS(${T}[WTE],${NAMED})`;

/** One row of a mix table: people and WTE matching a criterion on one register column, with their shares. */
function mixRow(label: string, column: string, criterion: string): PlanCell[] {
  const n = `COUNTIFS(${NAMED},${T}[${column}],${criterion})`;
  const w = `SUMIFS(${T}[WTE],${NAMED},${T}[${column}],${criterion})`;
  return [
    label,
    formula(`=${shownCount(n)}`),
    formula(`=${hiddenWith(n, w)}`),
    formula(`=IF(${PEOPLE}=0,"",${hiddenWith(n, `${n}/${PEOPLE}`)})`),
    formula(`=IF(${WTE}=0,"",${hiddenWith(n, `${w}/${WTE}`)})`),
  ];
}

const mixColumns = (first: string): TableColumn[] => [
  { header: first, width: 46 },
  { header: "People", width: 10, numberFormat: "0" },
  { header: "WTE", width: 10, numberFormat: "0.00" },
  { header: "Share of people", width: 16, numberFormat: "0%" },
  { header: "Share of WTE", width: 16, numberFormat: "0%" },
];

/** A criterion matching an empty register cell. */
const BLANK = '""';

export interface SkillMixSummaryInput {
  readonly register: SkillRegister;
  /** The catalog's roles: each gets a row in the mix by role, then roles of the team's own. */
  readonly roles: readonly Role[];
  /** The register's per-competence cover, as the domain computed it at build time: it orders the cover table. */
  readonly cover: readonly CompetenceCover[];
}

/**
 * The skill mix for the team and for sharing: team coverage, WTE and headcount by band, level and role with
 * their shares (and charts), and each competence's cover, most at risk first. Every figure is a formula over the
 * Team skills register; counts of 1 to 4 people (below the register's threshold) read "<5" and the figures that
 * would give them away read "*", as commissioners' views of staff data require.
 */
export function skillMixSummarySheet(input: SkillMixSummaryInput): SheetPlan {
  const layout = new SheetLayout();
  layout.line("Skill mix summary", STYLE.title);
  layout.line(
    "Live from the Team skills register. Counts of fewer people than the register's threshold show as <5, and what would reveal them as *.",
    STYLE.subtitle,
  );
  layout.gap();
  layout.line("Team coverage", STYLE.heading);
  const coverCount = (label: string) => formula(`=COUNTIF(${SKILL_MIX_TABLES.cover}[Cover],${textLiteral(label)})`);
  layout.keyValues([
    ["People", formula(`=${shownCount(PEOPLE)}`)],
    ["WTE", formula(`=${hiddenWith(PEOPLE, WTE)}`), "0.00"],
    ["Competent share of what people need", formula(`=IF(SUM(${T}[Needed])=0,"",SUM(${T}[Competent])/SUM(${T}[Needed]))`), "0%"],
    ["Competences the team needs", formula(`=COUNTA(${SKILL_MIX_TABLES.cover}[Cover])-COUNTIF(${SKILL_MIX_TABLES.cover}[Cover],"Not needed")`)],
    ["Held by enough people", coverCount("OK")],
    ["Held by nobody", coverCount("No holder")],
    ["Single points of failure (one holder)", coverCount("One holder")],
    ["Fewer holders than wanted", coverCount("Too few holders")],
  ]);
  layout.gap();

  const charts: ChartPlan[] = [];
  const mixTable = (heading: string, name: string, first: string, rows: PlanCell[][]): void => {
    layout.line(heading, STYLE.heading);
    const header = layout.table(name, mixColumns(first), rows);
    charts.push({
      kind: name === SKILL_MIX_TABLES.byRole ? "bar" : "column",
      title: `WTE ${heading.toLowerCase().replace(/^mix /, "")}`,
      categories: `A${header + 1}:A${header + rows.length}`,
      series: [{ name: "WTE", values: `C${header + 1}:C${header + rows.length}` }],
      at: `G${header}`,
      width: 360,
      height: 200,
    });
    layout.gap(Math.max(1, 12 - rows.length));
  };
  mixTable("Mix by band", SKILL_MIX_TABLES.byBand, "Band", [
    ...BANDS.map((b) => mixRow(bandLabel(b), "Band", textLiteral(b))),
    mixRow(NOT_GIVEN.band, "Band", BLANK),
  ]);
  mixTable("Mix by career framework level", SKILL_MIX_TABLES.byLevel, "Level", [
    ...CAREER_LEVELS.map((l) => mixRow(levelLabel(l), "Level", String(l))),
    mixRow(NOT_GIVEN.level, "Level", BLANK),
  ]);
  const ownRoles = new Map<string, string>();
  for (const person of input.register.people) {
    if (catalogRoleOf(input.roles, person.role) || person.role.trim() === "") continue;
    // One row per role as the row's literal criterion counts it (case ignored), as the domain's mix groups them.
    const key = caseFoldKey(person.role.trim());
    if (!ownRoles.has(key)) ownRoles.set(key, person.role.trim());
  }
  mixTable("Mix by role", SKILL_MIX_TABLES.byRole, "Role", [
    ...[...input.roles.map((r) => r.title), ...ownRoles.values()].map((title) => mixRow(title, "Role", literalCriterion(title))),
    mixRow(NOT_GIVEN.role, "Role", BLANK),
  ]);

  layout.line("Competence cover, most at risk first (in the order of the last build; sort the table to re-rank)", STYLE.heading);
  const atRisk = topGaps(input.cover, Number.POSITIVE_INFINITY);
  const riskKeys = new Set(atRisk.map((c) => c.key));
  const ordered = [...atRisk, ...input.cover.filter((c) => !riskKeys.has(c.key))];
  const principleOf = new Map(input.register.competences.map((c) => [c.key, c.principle]));
  const coverHeader = layout.table(
    SKILL_MIX_TABLES.cover,
    [
      { header: "Competence", width: 46 },
      { header: "Principle", width: 34 },
      { header: "People who need it", width: 18 },
      { header: "Competent", width: 16 },
      { header: "Competent WTE", width: 16, numberFormat: "0.00" },
      { header: "Developing", width: 12 },
      { header: "Cover", width: 18 },
    ],
    ordered.map((c) => {
      const f = competenceFormulas(c.title);
      const principle = principleOf.get(c.key);
      return [
        c.title,
        principle ? `${principle.code}. ${principle.name}` : "",
        formula(`=${shownCount(f.needing)}`),
        formula(`=${shownCount(f.holders)}`),
        formula(`=${hiddenWith(f.holders, f.holdersWte)}`),
        formula(`=${shownCount(f.developing)}`),
        formula(`=${coverFormula(f.needing, f.holders)}`),
      ];
    }),
  );
  const coverColumn = `G${coverHeader + 1}:G${coverHeader + Math.max(1, ordered.length)}`;
  const conditionalFormats: ConditionalFormatPlan[] = riskHighlights(coverColumn);
  return {
    key: SKILL_MIX_KEYS.summary,
    name: "Skill mix summary",
    blocks: layout.blocks,
    tabColor: "#007F3B",
    columnWidths: [46],
    conditionalFormats,
    charts,
    print: { fitToWidth: true },
  };
}
