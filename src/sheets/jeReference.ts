import type { Catalog } from "../catalog";
import { STYLE, SheetLayout } from "./layout";
import { type PlanCell, type SheetPlan, formula } from "./plan";

export const JE_REFERENCE_KEY = "je-reference";
/** Table names formulas can use; documented on the sheet itself. */
export const JE_BANDS_TABLE = "JE_Bands";
export const JE_FACTORS_TABLE = "JE_Factors";
export const CAREER_LEVELS_TABLE = "Career_Levels";

/**
 * The JE scheme as reference tables: bands with their JE score ranges, the 16 factors' level weights and the
 * Career Framework levels, each row with its source, year and status. A worked example computes a band with
 * native formulas over the tables, so a colleague without the add-in can do the same.
 */
export function jeReferenceSheet(catalog: Catalog): SheetPlan {
  const { jeScheme, careerLevels } = catalog;
  const maxLevels = Math.max(...jeScheme.factors.map((f) => f.levelScores.length));
  const layout = new SheetLayout();
  layout.line("NHS Job Evaluation and Agenda for Change banding", STYLE.title);
  layout.line("Reference tables written by Workforce Planner. Formulas can use the table names below.", STYLE.subtitle);
  layout.gap();

  layout.line(`Pay bands and job weight (table ${JE_BANDS_TABLE})`, STYLE.heading);
  const bandsHeader = layout.table(
    JE_BANDS_TABLE,
    [
      { header: "Band", width: 10 },
      { header: "Lowest JE score", width: 12 },
      { header: "Highest JE score", width: 12 },
      { header: "Source", width: 60, wrap: true },
      { header: "Year", width: 10 },
      { header: "Status", width: 12 },
      { header: "Note", width: 50, wrap: true },
    ],
    jeScheme.thresholds.map((t) => [t.band, t.minScore, t.maxScore, t.provenance.source, t.provenance.year, t.provenance.status, t.provenance.note ?? ""]),
  );
  layout.line(`A score above ${jeScheme.maxBandedScore} has no band: it is out of the scheme's range, not band 9.`, STYLE.note);
  layout.gap();

  layout.line("Find a band with native formulas", STYLE.heading);
  const exampleRow = layout.nextRow;
  layout.keyValues([
    ["JE score", 598],
    ["Band", formula(bandLookup(`B${exampleRow}`))],
    ["Points to next band", formula(pointsToNextBand(`B${exampleRow}`))],
  ]);
  layout.gap();

  layout.line(`Factor level weights (table ${JE_FACTORS_TABLE})`, STYLE.heading);
  const levelHeaders = Array.from({ length: maxLevels }, (_, i) => `Level ${i + 1}`);
  layout.table(
    JE_FACTORS_TABLE,
    [
      { header: "Factor", width: 10 },
      { header: "Name", width: 44, wrap: true },
      ...levelHeaders.map((header) => ({ header, width: 8 })),
      { header: "Levels", width: 8 },
      { header: "Source", width: 60, wrap: true },
      { header: "Year", width: 10 },
      { header: "Status", width: 12 },
      { header: "Note", width: 50, wrap: true },
    ],
    jeScheme.factors.map((f): PlanCell[] => [
      f.number,
      f.name,
      ...levelHeaders.map((_, i) => f.levelScores[i] ?? null),
      f.levelScores.length,
      f.provenance.source,
      f.provenance.year,
      f.provenance.status,
      f.provenance.note ?? "",
    ]),
  );
  layout.line(
    `All factors at level 1 score ${jeScheme.minTotal}; all at their top level ${jeScheme.maxTotal}. Sub-levels such as 4(a) score as level 4.`,
    STYLE.note,
  );
  layout.gap();

  layout.line(`Career Framework levels (table ${CAREER_LEVELS_TABLE})`, STYLE.heading);
  layout.table(
    CAREER_LEVELS_TABLE,
    [
      { header: "Level", width: 10 },
      { header: "Title", width: 30, wrap: true },
      { header: "Descriptor", width: 60, wrap: true },
      { header: "Indicative bands", width: 14 },
      { header: "Bands status", width: 12 },
      { header: "Source", width: 60, wrap: true },
      { header: "Status", width: 12 },
    ],
    careerLevels.map((l) => [
      l.level,
      l.title,
      l.descriptor,
      l.indicativeBands.join(", "),
      l.indicativeBandsProvenance.status,
      l.provenance.source,
      l.provenance.status,
    ]),
  );
  layout.line("Career Framework levels do not automatically read across to Agenda for Change bands: the bands shown are indicative only.", STYLE.note);

  return {
    key: JE_REFERENCE_KEY,
    name: "JE and banding",
    blocks: layout.blocks,
    tabColor: "#003087",
    freezeRows: 0,
    print: { landscape: true, fitToWidth: true, repeatRows: { first: bandsHeader, last: bandsHeader } },
  };
}

/**
 * The band of the score in `cell`, by INDEX/MATCH over the bands table (approximate match on the lowest
 * scores, which ascend). Scores outside the table's range show a message rather than a wrong band.
 */
export function bandLookup(cell: string): string {
  return (
    `=IF(OR(${cell}<MIN(${JE_BANDS_TABLE}[Lowest JE score]),${cell}>MAX(${JE_BANDS_TABLE}[Highest JE score])),"no band",` +
    `INDEX(${JE_BANDS_TABLE}[Band],MATCH(${cell},${JE_BANDS_TABLE}[Lowest JE score],1)))`
  );
}

/** Points from the score in `cell` to the next band's lowest score; "none" in the top band or out of range. */
export function pointsToNextBand(cell: string): string {
  const lowest = `${JE_BANDS_TABLE}[Lowest JE score]`;
  return (
    `=IF(OR(${cell}<MIN(${lowest}),${cell}>=MAX(${lowest})),"none",` +
    `INDEX(${lowest},MATCH(${cell},${lowest},1)+1)-${cell})`
  );
}
