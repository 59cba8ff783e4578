import {
  DEFAULT_MIN_HOLDERS,
  DEFAULT_SUPPRESSION_THRESHOLD,
  type RegisterPerson,
  type RegisterRebuild,
  SKILL_STATUSES,
  type SkillRegister,
  cellText,
} from "../../domain";
import { STYLE } from "../layout";
import {
  type ConditionalFormatPlan,
  type PlanBlock,
  type PlanCell,
  type SheetPlan,
  type TableColumn,
  columnLetter,
  excelDate,
  formula,
} from "../plan";
import {
  REGISTER_COMPUTED_HEADERS,
  REGISTER_FIXED_HEADERS,
  REGISTER_PERSON_HEADERS,
  RISK_COLOURS,
  SKILL_MIX_KEYS,
  SKILL_MIX_NAMES,
  SKILL_MIX_TABLES,
  STATUS_COLOURS,
} from "./names";
import { columnRef, tableColumnName, thisRowSpan } from "./structuredRefs";

const T = SKILL_MIX_TABLES.teamSkills;
const NAMED = `${T}[Name],"<>"`;

/** Per competence: the register's counts, as COUNTIFS/SUMIFS over its column. Rows without a name are not people. */
export const competenceFormulas = (title: string) => {
  const column = columnRef(T, title);
  return {
    needing: `COUNTIFS(${NAMED})-COUNTIFS(${NAMED},${column},"Not required")`,
    holders: `COUNTIFS(${NAMED},${column},"Competent")`,
    holdersWte: `SUMIFS(${T}[WTE],${NAMED},${column},"Competent")`,
    developing: `COUNTIFS(${NAMED},${column},"Developing")`,
  };
};

/** The Cover label (see coverLabel in the domain) from two expressions: people needing it and holders. */
export function coverFormula(needing: string, holders: string): string {
  return (
    `IF(${needing}=0,"Not needed",IF(${holders}=0,"No holder",IF(${holders}>=${SKILL_MIX_NAMES.minHolders},"OK",` +
    `IF(${holders}=1,"One holder","Too few holders"))))`
  );
}

/** A band as the plan writes it: a number for 2–9, so the user's typed 5 and ours compare alike. */
const bandCell = (band: string | null): PlanCell => (band === null ? null : /^\d$/.test(band) ? Number(band) : band);

/** A review date: a real date when it is one, else the user's text as typed. */
function reviewCell(reviewDate: string | null): PlanCell {
  if (reviewDate === null) return null;
  try {
    return excelDate(reviewDate);
  } catch {
    return reviewDate;
  }
}

/** The person columns of a register row (also the removed list's). */
export function personCells(person: RegisterPerson): PlanCell[] {
  return [
    person.name,
    person.catalogRole?.title ?? person.role,
    bandCell(person.band),
    person.catalogRole?.careerFrameworkLevel ?? null,
    person.wte,
    reviewCell(person.reviewDate),
  ];
}

export const personColumns: TableColumn[] = [
  { header: "Name", width: 22 },
  { header: "Role", width: 34 },
  { header: "Band", width: 7 },
  { header: "Level", width: 7 },
  { header: "WTE", width: 7, numberFormat: "0.00" },
  { header: "Review date", width: 12, numberFormat: "yyyy-mm-dd" },
];

export const statusColumns = (register: SkillRegister): TableColumn[] =>
  register.competences.map((c) => ({ header: tableColumnName(c.title), width: 16, validation: { kind: "list", values: SKILL_STATUSES } }));

/** Heatmap rules over an area of status cells: one rule per status, exact (Excel compares without case). */
export const heatmap = (area: string): ConditionalFormatPlan[] =>
  SKILL_STATUSES.map((status) => ({ kind: "cellValue", at: area, when: { operator: "equalTo", value: formula(`="${status}"`) }, ...STATUS_COLOURS[status] }));

/** Cover cells flagged by their risk, each label matched exactly. */
export const riskHighlights = (area: string): ConditionalFormatPlan[] =>
  Object.entries(RISK_COLOURS).map(([risk, colours]) => ({ kind: "cellValue", at: area, when: { operator: "equalTo", value: formula(`="${risk}"`) }, ...colours }));

/** What the Check column says about a person: what the rebuild could not decide for them. */
export function personChecks(rebuild: Pick<RegisterRebuild, "register" | "reviewNeeded" | "unrecognised">): string[] {
  const review = new Map(rebuild.reviewNeeded.map((r) => [r.name, r]));
  return rebuild.register.people.map((person) => {
    const notes: string[] = [];
    if (person.catalogRole === null) {
      notes.push(person.role.trim() === "" ? "No role given" : "Role not in the catalog");
    }
    const r = review.get(person.name);
    if (r) {
      if (r.markedNotRequired.length > 0) notes.push(`role changed: ${r.markedNotRequired.length} it needs marked Not required`);
      if (r.stillRecorded.length > 0) notes.push(`role changed: ${r.stillRecorded.length} it does not list still recorded`);
    }
    const odd = rebuild.unrecognised.filter((u) => u.name === person.name);
    if (odd.length > 0) notes.push(`'${odd[0]!.text}' is not a status${odd.length > 1 ? ` (and ${odd.length - 1} more)` : ""}`);
    const text = notes.join("; ");
    return text === "" ? "" : text.charAt(0).toUpperCase() + text.slice(1);
  });
}

export interface TeamSkillsSettings {
  /** Holders wanted per competence (k): fewer is a risk. As the user left it, or the default. */
  readonly minHolders: PlanCell;
  /** Counts below this are hidden in shared views (0 hides none). */
  readonly suppression: PlanCell;
}

export const DEFAULT_SETTINGS: TeamSkillsSettings = { minHolders: DEFAULT_MIN_HOLDERS, suppression: DEFAULT_SUPPRESSION_THRESHOLD };

const TITLE_ROW = 1;
const SETTINGS_ROW = 4;
/** The per-competence rows sit directly above the register, aligned with its competence columns. */
const BAND_ROW = 4;
const COVER_LABEL = "Cover (one holder: single point of failure)";
const BAND_LABELS = ["People who need it", "Competent", "Competent WTE", "Developing", COVER_LABEL] as const;
/**
 * A table's header row does not wrap, so narrow heatmap columns would cut competence titles short: the full title
 * sits above the counts, wrapped, and the header repeats it for the table's sake.
 */
const TITLE_BAND_ROW = BAND_ROW;
const COUNT_BAND_ROW = BAND_ROW + 1;
export const REGISTER_HEADER_ROW = COUNT_BAND_ROW + BAND_LABELS.length;

/**
 * The team skills register: people × competences as an Excel table whose status cells have a drop-down and a
 * heatmap. Per person, Needed, Competent and Coverage are COUNTIF formulas over the row; per competence, the rows
 * above count who needs it, who holds it (and their WTE) and flag a competence nobody or too few people hold.
 * Everything stays live as people edit statuses.
 */
export function teamSkillsSheet(
  rebuild: Pick<RegisterRebuild, "register" | "reviewNeeded" | "unrecognised">,
  settings: TeamSkillsSettings = DEFAULT_SETTINGS,
): SheetPlan {
  const register = rebuild.register;
  const competences = register.competences;
  const checks = personChecks(rebuild);
  const span = competences.length > 0 ? thisRowSpan(competences[0]!.title, competences.at(-1)!.title) : null;
  const named = (expression: string) => formula(`=IF([@Name]="","",${expression})`);
  const computed: PlanCell[] = [
    named(span ? `COLUMNS(${span})-COUNTIF(${span},"Not required")` : "0"),
    named(span ? `COUNTIF(${span},"Competent")` : "0"),
    formula(`=IF([@Name]="","",IF([@Needed]=0,"",[@Competent]/[@Needed]))`),
  ];
  const rows: PlanCell[][] = register.people.map((person, p) => [
    ...personCells(person),
    ...computed,
    checks[p] ?? "",
    ...register.cells[p]!.map(cellText),
  ]);
  const columns: TableColumn[] = [
    ...personColumns,
    { header: "Needed", width: 9 },
    { header: "Competent", width: 11 },
    { header: "Coverage", width: 10, numberFormat: "0%" },
    { header: "Check", width: 34 },
    ...statusColumns(register),
  ];

  const firstCompetence = REGISTER_FIXED_HEADERS.length + 1;
  const lastColumn = REGISTER_FIXED_HEADERS.length + competences.length;
  const bodyFirst = REGISTER_HEADER_ROW + 1;
  const bodyLast = REGISTER_HEADER_ROW + Math.max(1, rows.length);
  const checkColumn = columnLetter(REGISTER_FIXED_HEADERS.length);
  const blocks: PlanBlock[] = [
    { kind: "range", at: `A${TITLE_ROW}`, rows: [["Team skills"]], style: STYLE.title },
    {
      kind: "range",
      at: `A${TITLE_ROW + 1}`,
      rows: [
        [
          "Record a status for each person and competence: Competent, Developing, Not yet or Not required. A blank is not recorded yet and counts as needed; for a role not in the catalog, mark what it does not need Not required.",
        ],
      ],
      style: STYLE.subtitle,
    },
    {
      kind: "table",
      name: SKILL_MIX_TABLES.settings,
      at: `A${SETTINGS_ROW}`,
      columns: [{ header: "Setting" }, { header: "Value" }, { header: "Meaning" }],
      rows: [
        ["Holders wanted", settings.minHolders, "Fewer Competent people than this flags a competence"],
        ["Hide counts below", settings.suppression, "Shared views show smaller counts as <5; 0 shows all"],
      ],
      style: STYLE.tableStyle,
      carriesWorkbookRows: true,
    },
    {
      kind: "table",
      name: T,
      at: `A${REGISTER_HEADER_ROW}`,
      columns,
      rows,
      style: "TableStyleLight1",
      carriesWorkbookRows: true,
      totals: columns.map((c, i): PlanCell => {
        if (i === 0) return "Team";
        if (c.header === "WTE" || c.header === "Needed" || c.header === "Competent") return formula(`=SUBTOTAL(109,[${c.header}])`);
        return null;
      }),
    },
  ];
  const conditionalFormats: ConditionalFormatPlan[] = [
    { kind: "colorScale", at: `I${bodyFirst}:I${bodyLast}`, low: { color: "#F8696B", value: { kind: "number", value: 0 } }, mid: { color: "#FFEB84", value: { kind: "number", value: 0.5 } }, high: { color: "#63BE7B", value: { kind: "number", value: 1 } } },
    { kind: "cellValue", at: `${checkColumn}${bodyFirst}:${checkColumn}${bodyLast}`, when: { operator: "notEqualTo", value: formula('=""') }, fill: "#FCE4D6", fontColor: "#843C0C" },
  ];
  if (competences.length > 0) {
    const bandRow = (label: (typeof BAND_LABELS)[number]) => COUNT_BAND_ROW + BAND_LABELS.indexOf(label);
    const cell = (label: (typeof BAND_LABELS)[number], col: number) => `${columnLetter(col)}${bandRow(label)}`;
    blocks.push({ kind: "range", at: `${checkColumn}${TITLE_BAND_ROW}`, rows: [["Competence"]], style: { bold: true, horizontalAlignment: "right", verticalAlignment: "bottom" } });
    blocks.push({
      kind: "range",
      at: `${columnLetter(firstCompetence)}${TITLE_BAND_ROW}`,
      rows: [competences.map((c) => c.title)],
      style: { bold: true, fontSize: 9, wrap: true, verticalAlignment: "bottom", horizontalAlignment: "center" },
    });
    blocks.push({ kind: "range", at: `${checkColumn}${COUNT_BAND_ROW}`, rows: BAND_LABELS.map((l) => [l]), style: { bold: true, horizontalAlignment: "right" } });
    const band = competences.map((c, i) => {
      const f = competenceFormulas(c.title);
      const col = firstCompetence + i;
      return [
        formula(`=${f.needing}`),
        formula(`=${f.holders}`),
        formula(`=${f.holdersWte}`),
        formula(`=${f.developing}`),
        formula(`=${coverFormula(cell("People who need it", col), cell("Competent", col))}`),
      ];
    });
    const counts = BAND_LABELS.slice(0, -1);
    blocks.push({
      kind: "range",
      at: `${columnLetter(firstCompetence)}${COUNT_BAND_ROW}`,
      rows: counts.map((_, r) => band.map((b) => b[r]!)),
      style: { horizontalAlignment: "center" },
      numberFormats: { kind: "cells", formats: counts.map((l) => competences.map(() => (l === "Competent WTE" ? "0.0" : null))) },
    });
    blocks.push({
      kind: "range",
      at: `${columnLetter(firstCompetence)}${bandRow(COVER_LABEL)}`,
      rows: [band.map((b) => b[counts.length]!)],
      style: { horizontalAlignment: "center", bold: true, fontSize: 9 },
    });
    const coverRow = `${columnLetter(firstCompetence)}${bandRow(COVER_LABEL)}:${columnLetter(lastColumn)}${bandRow(COVER_LABEL)}`;
    conditionalFormats.push(...riskHighlights(coverRow));
    conditionalFormats.push(...heatmap(`${columnLetter(firstCompetence)}${bodyFirst}:${columnLetter(lastColumn)}${bodyLast}`));
  }
  return {
    key: SKILL_MIX_KEYS.teamSkills,
    name: "Team skills",
    blocks,
    freezeRows: REGISTER_HEADER_ROW,
    tabColor: "#007F3B",
    conditionalFormats,
    names: [
      { name: SKILL_MIX_NAMES.minHolders, at: `B${SETTINGS_ROW + 1}`, comment: "Holders wanted per competence: fewer is flagged" },
      { name: SKILL_MIX_NAMES.suppression, at: `B${SETTINGS_ROW + 2}`, comment: "Counts below this are hidden in shared views; 0 hides none" },
    ],
    print: { landscape: true, fitToWidth: false, repeatRows: { first: REGISTER_HEADER_ROW, last: REGISTER_HEADER_ROW } },
  };
}

/** The register's headers in order, for reading it back. */
export const registerHeaders = (register: SkillRegister): string[] => [...REGISTER_FIXED_HEADERS, ...register.competences.map((c) => tableColumnName(c.title))];
export { REGISTER_COMPUTED_HEADERS, REGISTER_PERSON_HEADERS };
