import type { Catalog } from "../catalog";
import type { PayBand, PayData } from "../domain";
import { STYLE, SheetLayout } from "./layout";
import { type PlanCell, type SheetPlan, formula } from "./plan";

export const PAY_SCALES_KEY = "pay-scales";
export const ON_COSTS_KEY = "on-costs";
export const PAY_SCALES_TABLE = "Pay_Scales";
export const ON_COSTS_TABLE = "On_Costs";
export const HCAS_TABLE = "HCAS_Rates";
export const PAY_AWARDS_TABLE = "Pay_Awards";
export const PAY_AWARD_HEADERS = ["Year", "Award", "Funded rate", "Pay points"] as const;
/** The status of a figure the catalog does not have: made from the year before and an award, or carried forward. */
export const ASSUMED = "assumed";

/**
 * An award the user assumes for a year (a fraction: 0.025 for 2.5%), and optionally the rate it is funded at.
 * A year the catalog does not have gets pay points from the year before × (1 + award), rounded to the pound.
 */
export interface PayAward {
  year: string;
  award: number;
  funded: number | null;
}

/** "2026/27" → "2027/28". */
function yearAfter(year: string): string {
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The years the catalog does not have, up to the last award's year, in order, each with its award (0 if none). */
export function assumedYears(catalogYears: readonly string[], awards: readonly PayAward[]): PayAward[] {
  const last = [...awards.map((a) => a.year)].sort().at(-1);
  const latest = [...catalogYears].sort().at(-1);
  if (!last || !latest || last <= latest) return [];
  const out: PayAward[] = [];
  for (let y = yearAfter(latest); y <= last; y = yearAfter(y)) out.push(awards.find((a) => a.year === y) ?? { year: y, award: 0, funded: null });
  return out;
}

/** An assumed year's figure: the cell of the year before × (1 + that year's award in Pay_Awards), to the pound. */
const upliftFormula = (previousCell: string, yearCell: string): PlanCell =>
  // Rounded to 6 places first, so a product that is exactly half a pound (100,140 × 1.025) is not read as 0.49999….
  formula(`=ROUND(ROUND(${previousCell}*(1+SUMIFS(${PAY_AWARDS_TABLE}[Award],${PAY_AWARDS_TABLE}[Year],${yearCell})),6),0)`);
const isAssumedRow = (r: readonly PlanCell[], statusColumn: number): boolean => String(r[statusColumn] ?? "").trim().toLowerCase() === ASSUMED;

export const MONEY = "£#,##0.00";
export const PERCENT = "0.00%";

export const PAY_SCALE_HEADERS = ["Nation", "Year", "Band", "Point", "Annual pay", "Source", "Source year", "Status", "Years to next point"] as const;

/** Years from a point to the next, from the catalog's progression; blank at the top of the band. */
function yearsToNext(catalog: Catalog, band: PayBand, point: string): PlanCell {
  const progression = catalog.pay.progression.find((p) => p.band === band.band);
  const index = band.points.findIndex((p) => p.point === point);
  if (!progression || index < 0 || band.points.length === 1) return null;
  return progression.yearsToNext[index] ?? null;
}
const EDITED = "edited in workbook";

/** Each named point a band answers to: a one-point band is both its entry and its top. */
function namedPoints(b: PayBand): { point: string; annual: number }[] {
  if (b.points.length === 1) return [{ point: "entry", annual: b.points[0]!.annual }, { point: "top", annual: b.points[0]!.annual }];
  return b.points.map((p) => ({ point: p.point, annual: p.annual }));
}

const rowKey = (nation: unknown, year: unknown, band: unknown, point: unknown): string =>
  [nation, year, band, point].map((v) => String(v ?? "").trim().toLowerCase()).join("|");

/**
 * Pay scales as a table the staffing plan's formulas read (SUMIFS by year, band and point). A row the user
 * changed in the workbook wins over the embedded figure and is marked "edited in workbook"; rows the user
 * added (another year or nation) are kept.
 */
export function payScalesSheet(
  catalog: Catalog,
  years: readonly string[],
  existingRows: readonly (readonly PlanCell[])[] = [],
  awards: readonly PayAward[] = [],
): SheetPlan {
  // Rows of assumed years are the add-in's formulas: rebuilt from the awards, never carried as the user's.
  const existing = new Map(existingRows.filter((r) => !isAssumedRow(r, 7)).map((r) => [rowKey(r[0], r[1], r[2], r[3]), r]));
  const seen = new Set<string>();
  const rows: PlanCell[][] = [];
  for (const scale of catalog.pay.payScales.filter((s) => years.includes(s.year))) {
    for (const band of scale.bands) {
      for (const p of namedPoints(band)) {
        const key = rowKey(scale.nation, scale.year, band.band, p.point);
        seen.add(key);
        const mine = existing.get(key);
        const edited = mine !== undefined && typeof mine[4] === "number" && mine[4] !== p.annual;
        const next = yearsToNext(catalog, band, p.point);
        rows.push(
          edited
            ? [scale.nation, scale.year, band.band, p.point, mine[4]!, mine[5] ?? "", mine[6] ?? "", EDITED, next]
            : [scale.nation, scale.year, band.band, p.point, p.annual, band.provenance.source, band.provenance.year, band.provenance.status, next],
        );
      }
    }
  }
  const assumed = assumedYears(catalog.pay.payScales.map((s) => s.year), awards);
  const awardRows: PlanCell[][] = [
    ...awards.filter((a) => !assumed.some((x) => x.year === a.year)).map((a): PlanCell[] => [a.year, null, a.funded, "from the catalog"]),
    ...assumed.map((a): PlanCell[] => [a.year, a.award, a.funded, `${ASSUMED}: the year before × (1 + award)`]),
  ];
  const layout = new SheetLayout();
  layout.line("Agenda for Change pay scales", STYLE.title);
  layout.line("Full-time annual pay (37.5 hours a week). Edit a figure here and the staffing plan uses yours; it is then marked 'edited in workbook'.", STYLE.subtitle);
  layout.gap();
  if (awardRows.length > 0) {
    layout.line(`Pay awards (table ${PAY_AWARDS_TABLE}): a year the catalog does not have is the year before × (1 + its award), each point to the pound`, STYLE.heading);
    layout.table(
      PAY_AWARDS_TABLE,
      [
        { header: "Year", width: 10 },
        { header: "Award", width: 10, numberFormat: PERCENT },
        { header: "Funded rate", width: 10, numberFormat: PERCENT },
        { header: "Pay points", width: 40 },
      ],
      awardRows,
      { carriesWorkbookRows: true },
    );
    layout.gap();
  }
  // The table's first body row, for the assumed rows' references to the year before.
  const bodyTop = layout.nextRow + 1;
  if (assumed.length > 0) {
    const latest = catalog.pay.payScales.filter((s) => !assumed.some((a) => a.year === s.year)).map((s) => s.year).sort().at(-1)!;
    let previous = new Map<string, number>();
    rows.forEach((r, i) => {
      if (r[1] === latest && r[0] === "england") previous.set(`${r[2]}|${r[3]}`, bodyTop + i);
    });
    for (const a of assumed) {
      const current = new Map<string, number>();
      for (const [key, at] of previous) {
        const [band, point] = key.split("|") as [string, string];
        const row = bodyTop + rows.length;
        const template = rows[at - bodyTop]!;
        rows.push(["england", a.year, band, point, upliftFormula(`E${at}`, `B${row}`), `${latest} × awards to ${a.year}`, a.year, ASSUMED, template[8] ?? null]);
        current.set(key, row);
      }
      previous = current;
    }
  }
  for (const [key, r] of existing) {
    if (!seen.has(key)) rows.push(PAY_SCALE_HEADERS.map((_, i) => r[i] ?? null));
  }
  const header = layout.table(
    PAY_SCALES_TABLE,
    [
      { header: "Nation", width: 10 },
      { header: "Year", width: 10 },
      { header: "Band", width: 8 },
      { header: "Point", width: 14 },
      { header: "Annual pay", width: 14, numberFormat: MONEY },
      { header: "Source", width: 70, wrap: true },
      { header: "Source year", width: 10 },
      { header: "Status", width: 18 },
      { header: "Years to next point", width: 12 },
    ],
    rows,
    { carriesWorkbookRows: true },
  );
  layout.line("Status: confirmed = official or checked against a second source; secondary = one non-official source; derived = calculated from confirmed figures; indicative = for guidance only; assumed = the year before × (1 + the award you set in Pay awards).", STYLE.note);
  return {
    key: PAY_SCALES_KEY,
    name: "Pay scales",
    blocks: layout.blocks,
    freezeRows: header,
    tabColor: "#007F3B",
    conditionalFormats: [
      { kind: "textContains", at: `H${header + 1}:H${header + Math.max(1, rows.length)}`, text: "indicative", fill: "#FFF2CC" },
      { kind: "textContains", at: `H${header + 1}:H${header + Math.max(1, rows.length)}`, text: EDITED, fill: "#DDEBF7" },
      { kind: "textContains", at: `H${header + 1}:H${header + Math.max(1, rows.length)}`, text: ASSUMED, fill: "#FCE4D6" },
    ],
    print: { fitToWidth: true, repeatRows: { first: header, last: header } },
  };
}

export const ON_COST_HEADERS = [
  "Year",
  "Employer NI rate",
  "NI secondary threshold",
  "Pension employer rate",
  "Pension full rate",
  "Pension paid centrally",
  "Levy rate",
  "Levy allowance",
  "NI source",
  "NI status",
  "Pension source",
  "Pension status",
  "Levy source",
  "Levy status",
] as const;

export const HCAS_HEADERS = ["Year", "Zone", "Label", "Percent", "Minimum", "Maximum", "Source", "Status", "Minimum status"] as const;

/** The on-cost and HCAS tables as they are in the workbook, read back before a refresh. */
export interface ExistingOnCosts {
  onCosts?: readonly (readonly PlanCell[])[];
  hcas?: readonly (readonly PlanCell[])[];
}

/**
 * The catalog's rows, with the workbook's winning: a row whose figures the user changed keeps the user's figures
 * and is marked "edited in workbook" in its status columns; rows the user added (another year) are kept.
 */
function keepEdited(
  catalogRows: readonly PlanCell[][],
  existing: readonly (readonly PlanCell[])[],
  keyColumns: number,
  figureColumns: readonly number[],
  statusColumns: readonly number[],
  width: number,
): PlanCell[][] {
  const keyOf = (r: readonly PlanCell[]) => r.slice(0, keyColumns).map((v) => String(v ?? "").trim().toLowerCase()).join("|");
  const mine = new Map(existing.map((r) => [keyOf(r), r]));
  const seen = new Set<string>();
  const rows = catalogRows.map((row) => {
    const key = keyOf(row);
    seen.add(key);
    const user = mine.get(key);
    const changed = user !== undefined && figureColumns.some((c) => typeof user[c] === "number" && user[c] !== row[c]);
    if (!changed) return row;
    const kept = Array.from({ length: width }, (_, i) => user[i] ?? null);
    for (const c of statusColumns) kept[c] = EDITED;
    return kept;
  });
  for (const [key, r] of mine) if (!seen.has(key)) rows.push(Array.from({ length: width }, (_, i) => r[i] ?? null));
  return rows;
}

/**
 * Employer on-cost rules and High Cost Area Supplements per year, each with its source and status. A rate the user
 * edited in the workbook wins over the catalog's and is marked "edited in workbook".
 */
export function onCostsSheet(pay: PayData, years: readonly string[], existing: ExistingOnCosts = {}, awards: readonly PayAward[] = []): SheetPlan {
  const assumed = assumedYears(pay.payScales.map((s) => s.year), awards);
  const layout = new SheetLayout();
  layout.line("Employer on-costs and High Cost Area Supplements", STYLE.title);
  layout.line("Rates the staffing plan's formulas read by year. Employer NI is charged above the threshold per employee; HCAS is pensionable.", STYLE.subtitle);
  layout.gap();
  layout.line(`On-cost rules (table ${ON_COSTS_TABLE})`, STYLE.heading);
  const onCosts = pay.onCosts.filter((o) => years.includes(o.year));
  const onCostRows = keepEdited(
    onCosts.map((o): PlanCell[] => [
      o.year,
      o.employerNi.rate,
      o.employerNi.secondaryThreshold,
      o.pension.employerRate,
      o.pension.fullRate,
      o.pension.centralRate,
      o.apprenticeshipLevy.rate,
      o.apprenticeshipLevy.allowance,
      o.employerNi.provenance.source,
      o.employerNi.provenance.status,
      o.pension.provenance.source,
      o.pension.provenance.status,
      o.apprenticeshipLevy.provenance.source,
      o.apprenticeshipLevy.provenance.status,
    ]),
    (existing.onCosts ?? []).filter((r) => !isAssumedRow(r, 9)),
    1,
    [1, 2, 3, 4, 5, 6, 7],
    [9, 11, 13],
    ON_COST_HEADERS.length,
  );
  // A year without published rules carries the last known ones forward.
  const lastRules = [...pay.onCosts].sort((a, b) => a.year.localeCompare(b.year)).at(-1);
  if (lastRules) {
    for (const a of assumed) {
      if (pay.onCosts.some((o) => o.year === a.year)) continue;
      const carried = `carried forward from ${lastRules.year}`;
      onCostRows.push([
        a.year,
        lastRules.employerNi.rate,
        lastRules.employerNi.secondaryThreshold,
        lastRules.pension.employerRate,
        lastRules.pension.fullRate,
        lastRules.pension.centralRate,
        lastRules.apprenticeshipLevy.rate,
        lastRules.apprenticeshipLevy.allowance,
        carried,
        ASSUMED,
        carried,
        ASSUMED,
        carried,
        ASSUMED,
      ]);
    }
  }
  layout.table(
    ON_COSTS_TABLE,
    ON_COST_HEADERS.map((header, i) => ({
      header,
      width: i === 0 ? 10 : i < 8 ? 13 : i % 2 === 0 ? 12 : 50,
      ...(i >= 1 && i <= 6 && i !== 2 ? { numberFormat: PERCENT } : i === 2 || i === 7 ? { numberFormat: MONEY } : {}),
      ...(i >= 8 && i % 2 === 0 ? { wrap: true } : {}),
    })),
    onCostRows,
    { carriesWorkbookRows: true },
  );
  layout.line("The apprenticeship levy is an organisation-level charge (0.5% of the pay bill less a £15,000 allowance): the plan adds it per post only when asked.", STYLE.note);
  layout.gap();
  layout.line(`High Cost Area Supplements (table ${HCAS_TABLE})`, STYLE.heading);
  const hcas = pay.hcas.filter((h) => years.includes(h.year));
  const hcasRows = keepEdited(
    hcas.map((h): PlanCell[] => [
      h.year,
      h.zone,
      h.label,
      h.percent,
      h.minimum,
      h.maximum,
      h.provenance.source,
      h.provenance.status,
      h.minimumProvenance ? `${h.minimumProvenance.status}: ${h.minimumProvenance.source}` : h.provenance.status,
    ]),
    (existing.hcas ?? []).filter((r) => !isAssumedRow(r, 7)),
    2,
    [3, 4, 5],
    [7, 8],
    HCAS_HEADERS.length,
  );
  // Assumed years: the minimum and maximum × (1 + the award), to the pound; the percentage as the year before.
  const hcasTop = layout.nextRow + 1;
  const latestHcas = [...new Set(hcas.map((h) => h.year))].sort().at(-1);
  let previousRow = new Map<string, number>();
  hcasRows.forEach((r, i) => {
    if (r[0] === latestHcas) previousRow.set(String(r[1]), hcasTop + i);
  });
  for (const a of assumed) {
    if (pay.hcas.some((h) => h.year === a.year)) continue;
    const current = new Map<string, number>();
    for (const [zone, at] of previousRow) {
      const row = hcasTop + hcasRows.length;
      const before = hcasRows[at - hcasTop]!;
      hcasRows.push([a.year, zone, before[2] ?? zone, formula(`=D${at}`), upliftFormula(`E${at}`, `A${row}`), upliftFormula(`F${at}`, `A${row}`), `${latestHcas} × awards to ${a.year}`, ASSUMED, ASSUMED]);
      current.set(zone, row);
    }
    previousRow = current;
  }
  layout.table(
    HCAS_TABLE,
    [
      { header: "Year", width: 10 },
      { header: "Zone", width: 13 },
      { header: "Label", width: 13 },
      { header: "Percent", width: 13 },
      { header: "Minimum", width: 13, numberFormat: MONEY },
      { header: "Maximum", width: 13, numberFormat: MONEY },
      { header: "Source", width: 50, wrap: true },
      { header: "Status", width: 12 },
      { header: "Minimum status", width: 50, wrap: true },
    ],
    hcasRows,
    { carriesWorkbookRows: true },
  );
  return { key: ON_COSTS_KEY, name: "On-costs", blocks: layout.blocks, tabColor: "#007F3B", print: { landscape: true, fitToWidth: true } };
}
