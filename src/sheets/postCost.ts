/**
 * One post's annual cost on a sheet, line by line, as the task pane's Post cost shows it. The lines are native
 * formulas over the Pay scales and On-costs tables, as the staffing plan's are, not the pane's figures pasted as
 * values: a pay figure or rate the user edits there (marked "edited in workbook") reaches this sheet too, and a
 * colleague without the add-in recosts the post by changing an input. Each line's source and status are looked
 * up in the same tables, so they follow the year and band in the inputs rather than go stale.
 *
 * Rounding is the pane's (roundedCostLines): each line to the penny, half away from zero (ROUND), the total the sum
 * of the rounded lines; the unrounded figure of each line is shown beside it. Employer NI, pension and levy are
 * worked on the unrounded basic + HCAS, as the domain does.
 */
import type { HcasZone, PayPointName, PensionBasis } from "../domain";
import { literalCriterionOf } from "./criteria";
import { STYLE, SheetLayout } from "./layout";
import { HCAS_TABLE, MONEY, ON_COSTS_TABLE, PAY_SCALES_TABLE, PERCENT } from "./payReference";
import { type PlanCell, type SheetPlan, formula } from "./plan";

export const POST_COST_KEY = "post-cost";
export const POST_COST_SHEET = "Post cost";
export const POST_COST_HEADERS = ["Line", "Worked out as", "Rate or full-time pay", "Before rounding", "Amount", "Source", "Status"] as const;
export const POST_COST_LINES = ["Basic pay", "HCAS", "Employer NI", "Pension", "Apprenticeship levy"] as const;

/** What the pane costed: the post's inputs, written as the sheet's input cells. */
export interface PostCostSheetInput {
  /** The post's name and role, when the user gave them: labels only. */
  readonly post?: string;
  readonly role?: string;
  readonly band: string;
  readonly point: PayPointName;
  readonly wte: number;
  readonly year: string;
  readonly hcasZone: HcasZone | "none";
  readonly pensionBasis: PensionBasis;
  readonly includeLevy: boolean;
}

const INPUT_LABELS = ["Post", "Role", "Band", "Pay point", "WTE", "Year", "HCAS zone", "Pension basis", "Include levy"] as const;

/**
 * The data row (1-based) of `table` where every column equals its value, by SUMPRODUCT so that no array entry is
 * needed: 0 when no row does, a meaningless sum when several do (so callers check the count first).
 */
function rowWhere(table: string, criteria: readonly [column: string, value: string][]): string {
  const tests = criteria.map(([column, value]) => `(${table}[${column}]&""=${value})`).join("*");
  return `SUMPRODUCT(${tests}*(ROW(${table}[${criteria[0]![0]}])-MIN(ROW(${table}[${criteria[0]![0]}]))+1))`;
}

/** `column` of the one row of `table` that the criteria pick, or "" when there is not exactly one. */
function lookUp(table: string, column: string, count: string, row: string): string {
  return `IF(${count}<>1,"",INDEX(${table}[${column}],${row})&"")`;
}

/**
 * The "Post cost" sheet: the inputs as cells, then every line of the cost with how it is worked out, its rate,
 * its unrounded and rounded amount, and the source and status of the figures it uses; the total below.
 * Its formulas name Pay_Scales, On_Costs and HCAS_Rates, so those sheets are written first.
 */
export function postCostSheet(input: PostCostSheetInput): SheetPlan {
  const layout = new SheetLayout();
  layout.line(input.post ? `Post cost: ${input.post}` : "Post cost", STYLE.title);
  layout.line(
    "One post's annual cost. Every line is a formula over the Pay scales and On-costs sheets: change an input below, or a figure there, and the cost follows. Putting another post on a sheet from the task pane replaces this one.",
    STYLE.subtitle,
  );
  layout.gap();
  layout.line("The post", STYLE.heading);
  const values: PlanCell[] = [
    input.post ?? null,
    input.role ?? null,
    /^\d$/.test(input.band) ? Number(input.band) : input.band,
    input.point,
    input.wte,
    input.year,
    input.hcasZone,
    input.pensionBasis,
    input.includeLevy ? "Yes" : "No",
  ];
  const first = layout.keyValues(INPUT_LABELS.map((label, i) => (label === "WTE" ? ([label, values[i] ?? null, "0.00"] as const) : ([label, values[i] ?? null] as const))));
  const cell = (label: (typeof INPUT_LABELS)[number]): string => `$B$${first + INPUT_LABELS.indexOf(label)}`;
  const band = cell("Band");
  const point = cell("Pay point");
  const wte = cell("WTE");
  const year = cell("Year");
  const zone = cell("HCAS zone");
  const pension = cell("Pension basis");
  const levy = cell("Include levy");

  layout.gap();
  layout.line("The cost, line by line", STYLE.heading);
  const header = layout.nextRow;
  const row = (line: (typeof POST_COST_LINES)[number]): number => header + 1 + POST_COST_LINES.indexOf(line);
  const rate = (line: (typeof POST_COST_LINES)[number]): string => `C${row(line)}`;
  const raw = (line: (typeof POST_COST_LINES)[number]): string => `D${row(line)}`;
  const pensionable = `(${raw("Basic pay")}+${raw("HCAS")})`;

  // Band 1 is paid at band 2 (closed to new entrants); a blank point is the top, as in the staffing plan.
  const bandKey = `IF(${band}&""="1","2",${band}&"")`;
  const pointKey = `IF(${point}&""="","top",${point}&"")`;
  const yearIs = literalCriterionOf(year);
  const payMatch =
    `${PAY_SCALES_TABLE}[Year],${yearIs},${PAY_SCALES_TABLE}[Band],${literalCriterionOf(bandKey)},${PAY_SCALES_TABLE}[Point],${literalCriterionOf(pointKey)}`;
  const payCount = `COUNTIFS(${payMatch})`;
  const payRow = rowWhere(PAY_SCALES_TABLE, [["Year", `${year}&""`], ["Band", bandKey], ["Point", pointKey]]);

  const noZone = `OR(${zone}&""="",${zone}&""="none")`;
  const zoneIs = literalCriterionOf(zone);
  const hcasFigure = (column: string): string => `SUMIFS(${HCAS_TABLE}[${column}],${HCAS_TABLE}[Year],${yearIs},${HCAS_TABLE}[Zone],${zoneIs})`;
  const hcasCount = `COUNTIFS(${HCAS_TABLE}[Year],${yearIs},${HCAS_TABLE}[Zone],${zoneIs})`;
  const hcasRow = rowWhere(HCAS_TABLE, [["Year", `${year}&""`], ["Zone", `${zone}&""`]]);
  const percentOfPay = `${rate("HCAS")}*${rate("Basic pay")}`;
  const belowMinimum = `${percentOfPay}<${hcasFigure("Minimum")}`;

  const onCost = (column: string): string => `SUMIFS(${ON_COSTS_TABLE}[${column}],${ON_COSTS_TABLE}[Year],${yearIs})`;
  const onCostCount = `COUNTIFS(${ON_COSTS_TABLE}[Year],${yearIs})`;
  const onCostRow = `MATCH(${year}&"",${ON_COSTS_TABLE}[Year],0)`;
  const onCostSource = (column: string): PlanCell => formula(`=${lookUp(ON_COSTS_TABLE, column, onCostCount, onCostRow)}`);
  const levyOn = `OR(${levy}="Yes",${levy}=TRUE)`;

  const lines: PlanCell[][] = [
    [
      "Basic pay",
      "Full-time pay for the band and point (Pay scales) × WTE",
      formula(`=IF(${payCount}=0,NA(),SUMIFS(${PAY_SCALES_TABLE}[Annual pay],${payMatch}))`),
      formula(`=${rate("Basic pay")}*${wte}`),
      null,
      formula(`=IF(${payCount}<>1,"",INDEX(${PAY_SCALES_TABLE}[Source],${payRow})&" ("&INDEX(${PAY_SCALES_TABLE}[Source year],${payRow})&")")`),
      formula(`=${lookUp(PAY_SCALES_TABLE, "Status", payCount, payRow)}`),
    ],
    [
      "HCAS",
      formula(
        `=IF(${noZone},"No High Cost Area Supplement",` +
          `IF(${percentOfPay}>${hcasFigure("Maximum")},"The zone's percent of full-time pay is above its maximum: capped at the maximum, × WTE",` +
          `IF(${belowMinimum},"The zone's percent of full-time pay is below its minimum: raised to the minimum, × WTE",` +
          `"The zone's percent of full-time pay (between its minimum and maximum) × WTE")))`,
      ),
      formula(`=IF(${noZone},0,${hcasFigure("Percent")}/100)`),
      formula(`=IF(${noZone},0,MIN(MAX(${percentOfPay},${hcasFigure("Minimum")}),${hcasFigure("Maximum")})*${wte})`),
      null,
      formula(`=IF(${noZone},"",${lookUp(HCAS_TABLE, "Source", hcasCount, hcasRow)})`),
      // The minimum's own status only where the minimum set the amount, as the pane shows it.
      formula(`=IF(${noZone},"",IF(${belowMinimum},${lookUp(HCAS_TABLE, "Minimum status", hcasCount, hcasRow)},${lookUp(HCAS_TABLE, "Status", hcasCount, hcasRow)}))`),
    ],
    [
      "Employer NI",
      "Rate × the part of basic + HCAS above the secondary threshold on On-costs (per employee, not pro-rated)",
      formula(`=${onCost("Employer NI rate")}`),
      formula(`=${rate("Employer NI")}*MAX(0,${pensionable}-${onCost("NI secondary threshold")})`),
      null,
      onCostSource("NI source"),
      onCostSource("NI status"),
    ],
    [
      "Pension",
      formula(`=IF(${pension}="full","Full rate × (basic + HCAS), with the part paid centrally","Employer's local rate × (basic + HCAS)")`),
      formula(`=IF(${pension}="full",${onCost("Pension full rate")},${onCost("Pension employer rate")})`),
      formula(`=${rate("Pension")}*${pensionable}`),
      null,
      onCostSource("Pension source"),
      onCostSource("Pension status"),
    ],
    [
      "Apprenticeship levy",
      formula(`=IF(${levyOn},"Rate × (basic + HCAS)","Not included: an organisation-level charge")`),
      formula(`=IF(${levyOn},${onCost("Levy rate")},0)`),
      formula(`=${rate("Apprenticeship levy")}*${pensionable}`),
      null,
      formula(`=IF(${levyOn},${lookUp(ON_COSTS_TABLE, "Levy source", onCostCount, onCostRow)},"")`),
      formula(`=IF(${levyOn},${lookUp(ON_COSTS_TABLE, "Levy status", onCostCount, onCostRow)},"")`),
    ],
  ].map((r, i) => {
    const at = header + 1 + i;
    // Half away from zero to the penny, as the pane rounds each line.
    r[4] = formula(`=ROUND(D${at},2)`);
    return r;
  });
  const firstLine = header + 1;
  const lastLine = header + lines.length;
  const totalRow: PlanCell[] = [
    "Total",
    "The lines, each to the penny, added up",
    null,
    formula(`=SUM(D${firstLine}:D${lastLine})`),
    formula(`=SUM(E${firstLine}:E${lastLine})`),
    null,
    null,
  ];
  layout.cells([[...POST_COST_HEADERS]], { bold: true, fill: "#005EB8", fontColor: "#FFFFFF", wrap: true, verticalAlignment: "top" });
  layout.blocks.push({
    kind: "range",
    at: `A${firstLine}`,
    rows: lines,
    style: STYLE.text,
    // The basic line's figure is the full-time pay; the others' are rates.
    numberFormats: { kind: "cells", formats: lines.map((_, i) => [null, null, i === 0 ? MONEY : PERCENT, MONEY, MONEY, null, null]) },
  });
  layout.gap(lines.length);
  const totalAt = layout.nextRow;
  layout.blocks.push({
    kind: "range",
    at: `A${totalAt}`,
    rows: [totalRow],
    style: { bold: true },
    numberFormats: { kind: "columns", formats: [null, null, null, MONEY, MONEY, null, null] },
  });
  layout.gap(2);
  layout.line("Each line is rounded to the penny (half away from zero) and the total is their sum, as the task pane shows it.", STYLE.note);
  layout.line(
    "Status: confirmed = official or checked against a second source; secondary = one non-official source; derived = calculated; indicative = for guidance only; edited in workbook = your figure on Pay scales or On-costs.",
    STYLE.note,
  );

  return {
    key: POST_COST_KEY,
    name: POST_COST_SHEET,
    blocks: layout.blocks,
    tabColor: "#005EB8",
    columnWidths: [22, 48, 14, 14, 14, 50, 20],
    conditionalFormats: [
      { kind: "textContains", at: `G${firstLine}:G${lastLine}`, text: "indicative", fill: "#FFF2CC" },
      { kind: "textContains", at: `G${firstLine}:G${lastLine}`, text: "edited in workbook", fill: "#DDEBF7" },
    ],
    print: { landscape: true, fitToWidth: true },
  };
}
