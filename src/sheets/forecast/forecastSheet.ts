import type { Catalog } from "../../catalog";
import { BANDS, type ForecastPost, type ForecastSettings, HCAS_ZONES, PAY_POINTS, POST_STATUSES, horizonYears, monthsOfYear } from "../../domain";
import { STYLE } from "../layout";
import { MONEY, PAY_AWARDS_TABLE, PAY_SCALES_TABLE } from "../payReference";
import { type PlanBlock, type PlanCell, type SheetPlan, type TableColumn, columnLetter, excelDate, formula } from "../plan";
import {
  DATE,
  DATE_OR_NONE,
  FORECAST_INPUT_HEADERS,
  FORECAST_KEYS,
  FORECAST_NAMES,
  FORECAST_SHEETS,
  FORECAST_TABLES,
  NO_DATE,
  monthHeader,
  niHeader,
  YEAR_RATE_COLUMNS,
  YEAR_RESULT_COLUMNS,
  type YearRateColumn,
  payHeader,
  totalHeader,
  yearHeader,
} from "./names";

/** The columns the add-in computes for each post, before the year blocks. */
export const FORECAST_DERIVED_HEADERS = ["Pay band", "Zone", "Points", "First point", "In band from", "Step 1", "Step 2", "Costed to", "People", "Check", "Rates key"] as const;

/** Rows above the table that each month column reads: its dates, divisor, year and that year's rates. */
export const HELPER_LABELS = ["Month starts", "Month ends", "Divisor", "Year", "NI rate", "NI threshold a month", "Pension and levy rate"] as const;
const HELPER_TOP = 5;
export const helperRow = (label: (typeof HELPER_LABELS)[number]): number => HELPER_TOP + HELPER_LABELS.indexOf(label);
export const FORECAST_HEADER_ROW = HELPER_TOP + HELPER_LABELS.length + 1;

export interface ForecastSheetInput {
  posts: readonly ForecastPost[];
  settings: ForecastSettings;
  /** The Forecast table's input columns as the user left them, when rebuilding: kept exactly. */
  existingRows?: readonly (readonly PlanCell[])[];
}

/** A post as the input cells of one Forecast row. */
export function forecastInputCells(post: ForecastPost): PlanCell[] {
  const date = (iso: string | undefined): PlanCell => (iso ? excelDate(iso) : null);
  return [
    post.post,
    post.role,
    post.costCentre,
    /^\d$/.test(post.band) ? Number(post.band) : post.band,
    post.point ?? null,
    post.wte,
    post.hcasZone,
    post.status,
    date(post.startInBand),
    date(post.startDate),
    date(post.endDate),
  ];
}

const quoted = (values: readonly (string | number)[]): string => `{${values.map((v) => (typeof v === "number" ? String(v) : `"${v}"`)).join(",")}}`;

/** Where each column of the Forecast table is, by header. */
export interface ForecastColumns {
  headers: string[];
  letter: (header: string) => string;
  years: string[];
}

export function forecastColumns(settings: Pick<ForecastSettings, "fromYear" | "years">): ForecastColumns {
  const years = horizonYears(settings.fromYear, settings.years);
  const headers: string[] = [...FORECAST_INPUT_HEADERS, ...FORECAST_DERIVED_HEADERS];
  for (const y of years) {
    headers.push(...YEAR_RATE_COLUMNS.map((c) => yearHeader(c, y)), ...monthsOfYear(y).map((m) => monthHeader(m.key)), ...YEAR_RESULT_COLUMNS.map((c) => yearHeader(c, y)));
  }
  const index = new Map(headers.map((h, i) => [h, i + 1]));
  return {
    headers,
    years,
    letter: (h) => {
      const i = index.get(h);
      if (i === undefined) throw new Error(`no Forecast column '${h}'`);
      return columnLetter(i);
    },
  };
}

/**
 * Every row's formulas: the same text on every row (structured references to the row, absolute references to the
 * helper rows above the table), so Excel fills a new row's cells itself and a column is written once, not once per
 * row: 2,000 posts × 60 months cost one formula per column on the wire.
 */
function rowFormulas(columns: ForecastColumns): PlanCell[] {
  const c = (h: string): string => `[@[${h}]]`;
  const y0 = columns.years[0]!;
  const bandsIn = BANDS.filter((b) => b !== "1");
  const payBand = `=INDEX(${quoted(["none", "2", ...bandsIn])},1+SUMPRODUCT(EXACT(LOWER(TRIM(${c("Band")}&"")),${quoted([...BANDS])})*${quoted(BANDS.map((_, i) => i + 1))}))`;
  const zone = `=IF(TRIM(${c("HCAS zone")}&"")="","none",INDEX(${quoted(["unknown", "none", ...HCAS_ZONES])},1+SUMPRODUCT(EXACT(LOWER(TRIM(${c("HCAS zone")}&"")),${quoted(["none", ...HCAS_ZONES])})*${quoted([1, 2, 3, 4])})))`;
  const years = (point: string) =>
    `SUMIFS(${PAY_SCALES_TABLE}[Years to next point],${PAY_SCALES_TABLE}[Nation],"england",${PAY_SCALES_TABLE}[Year],"${y0}",${PAY_SCALES_TABLE}[Band],${c("Pay band")},${PAY_SCALES_TABLE}[Point],"${point}")`;
  const [band, point, wte, start, end, inBand] = [c("Band"), c("Point"), c("WTE"), c("Start date"), c("End date"), c("Start date in band")];
  const derived: Record<(typeof FORECAST_DERIVED_HEADERS)[number], string> = {
    "Pay band": payBand,
    Zone: zone,
    Points: `=COUNTIFS(${FORECAST_TABLES.rates}[Year],"${y0}",${FORECAST_TABLES.rates}[Band],${c("Pay band")},${FORECAST_TABLES.rates}[Zone],"none")`,
    "First point": `=IF(N(${inBand})>0,1,IF(${point}="",IF(N(${start})>0,1,${c("Points")}),IF(${point}="entry",1,IF(${point}="top",${c("Points")},IF(AND(${point}="intermediate",${c("Points")}=3),2,NA())))))`,
    "In band from": `=IF(N(${inBand})>0,${inBand},IF(AND(${point}="",N(${start})>0),${start},""))`,
    "Step 1": `=IF(OR(${c("In band from")}="",${c("Points")}<2),${NO_DATE},EDATE(${c("In band from")},12*${years("entry")}))`,
    "Step 2": `=IF(OR(${c("In band from")}="",${c("Points")}<3),${NO_DATE},EDATE(${c("In band from")},12*(${years("entry")}+${years("intermediate")})))`,
    "Costed to": `=IF(N(${end})>0,${end},${NO_DATE})`,
    People: `=MAX(1,ROUNDUP(${wte},0))`,
    Check:
      `=IF(${c("Post")}="","",IF(${c("Pay band")}="none","Unknown band",IF(${c("Zone")}="unknown","Unknown HCAS zone",` +
      `IF(NOT(AND(ISNUMBER(${wte}),${wte}>=0,${wte}<=1.5)),"WTE must be 0 to 1.5",IF(AND(N(${end})>0,N(${start})>0,${end}<${start}),"Ends before it starts",` +
      `IF(ISNA(${c("First point")}),"No such point in band "&${band},"OK"))))))`,
    // "band|zone|" for an OK row; a blank row matches no rate (0); any other row is #N/A, so no wrong number.
    "Rates key": `=IF(${c("Check")}="OK",${c("Pay band")}&"|"&${c("Zone")}&"|",IF(${c("Check")}="","-",NA()))`,
  };
  const templates: string[] = FORECAST_DERIVED_HEADERS.map((h) => derived[h]);
  for (const y of columns.years) {
    const [first, last] = [excelDate(`${y.slice(0, 4)}-04-01`), excelDate(`${Number(y.slice(0, 4)) + 1}-03-31`)];
    const held = `MAX(${start},${first})`;
    const col = (h: YearRateColumn) => c(yearHeader(h, y));
    const lookup = (column: string, position: string) => `=SUMIFS(${FORECAST_TABLES.rates}[${column}],${FORECAST_TABLES.rates}[Key],"${y}|"&${c("Rates key")}&${position})`;
    const next = `MIN(${c("Points")},${col("Point")}+1)`;
    const [step1, step2] = [c("Step 1"), c("Step 2")];
    const rates: Record<YearRateColumn, string> = {
      // The point held on the year's first day (or the start date): the first point and every step on or before it.
      Point: `=MIN(${c("Points")},${c("First point")}+(${step1}<=${held})+(${step2}<=${held}))`,
      // The one step inside the year after that day, if any (steps are two years or more apart).
      Step: `=IF(${step1}>${held},IF(${step1}<=${last},${step1},${NO_DATE}),IF(AND(${step2}>${held},${step2}<=${last}),${step2},${NO_DATE}))`,
      Rate: lookup("Pay and HCAS", col("Point")),
      "Next rate": lookup("Pay and HCAS", next),
      "HCAS rate": lookup("HCAS", col("Point")),
      "Next HCAS rate": lookup("HCAS", next),
      "Funded rate": lookup("Funded pay and HCAS", col("Point")),
      "Next funded rate": lookup("Funded pay and HCAS", next),
    };
    templates.push(...YEAR_RATE_COLUMNS.map((h) => rates[h]));
    const [rate, nextRate, step] = [col("Rate"), col("Next rate"), col("Step")];
    const months = monthsOfYear(y);
    for (const m of months) {
      const x = columns.letter(monthHeader(m.key));
      const [from, to, divisor] = [`$${x}$${helperRow("Month starts")}`, `$${x}$${helperRow("Month ends")}`, `$${x}$${helperRow("Divisor")}`];
      const days = (since: string) => `MAX(0,MIN(${c("Costed to")},${to})-MAX(${since},${from})+1)`;
      templates.push(`=${wte}*(${rate}*${days(start)}+(${nextRate}-${rate})*${days(step)})/${divisor}`);
    }
    const x = columns.letter(monthHeader(months[0]!.key));
    // The row's twelve month cells, in the file format's own spelling ([@…] is the formula bar's).
    const range = `${FORECAST_TABLES.posts}[[#This Row],[${monthHeader(months[0]!.key)}]:[${monthHeader(months[11]!.key)}]]`;
    const helper = (label: (typeof HELPER_LABELS)[number]) => `$${x}$${helperRow(label)}`;
    const helperRange = (label: (typeof HELPER_LABELS)[number]) => `${helper(label)}:$${columns.letter(monthHeader(months[11]!.key))}$${helperRow(label)}`;
    const threshold = `${c("People")}*${helper("NI threshold a month")}`;
    // The year's months as an array: days in post from `since` in each month, max(0, min(end, month end) −
    // max(since, month start) + 1), in arithmetic SUMPRODUCT takes as arrays in any Excel (max(a,b) = (a+b+|a−b|)/2).
    const [from, to, divisor] = [helperRange("Month starts"), helperRange("Month ends"), helperRange("Divisor")];
    const end = c("Costed to");
    const daysIn = (since: string) => {
      const z = `(${end}+${to}-ABS(${end}-${to})-${since}-${from}-ABS(${since}-${from})+2)`;
      return `(${z}+ABS(${z}))/4`;
    };
    const monthsAt = (rate: string, next: string) => `${wte}*(${rate}*${daysIn(start)}+(${next}-${rate})*${daysIn(step)})/${divisor}`;
    // A year's cost of pay + HCAS months: pension and levy on them, NI on each month above the threshold per person
    // (Σ max(0, m − t) = (Σm − 12t + Σ|m − t|) / 2).
    const [onCosts, ni] = [helper("Pension and levy rate"), helper("NI rate")];
    const cost = (months: string) => `(1+${onCosts}+${ni}/2)*SUMPRODUCT(${months})+${ni}*(SUMPRODUCT(ABS(${months}-${threshold}))-12*${threshold})/2`;
    const funded = `COUNTIFS(${PAY_AWARDS_TABLE}[Year],"${y}",${PAY_AWARDS_TABLE}[Funded rate],"<>")`;
    const results: Record<(typeof YEAR_RESULT_COLUMNS)[number], string> = {
      Pay: `=SUM(${range})`,
      HCAS: `=SUMPRODUCT(${monthsAt(col("HCAS rate"), col("Next HCAS rate"))})`,
      NI: `=${ni}*(SUMIF(${range},">"&${threshold})-${threshold}*COUNTIF(${range},">"&${threshold}))`,
      Total: `=${c(payHeader(y))}*(1+${onCosts})+${c(niHeader(y))}`,
      // The cost with steps minus the cost held all year on the point it had at the start (or on its start date).
      Drift: `=${c(totalHeader(y))}-(${cost(`${wte}*${rate}*${daysIn(start)}/${divisor}`)})`,
      // The cost at the assumed award minus the cost at the funded rate, where the year has one.
      "Award gap": `=IF(${funded}=0,0,${c(totalHeader(y))}-(${cost(monthsAt(col("Funded rate"), col("Next funded rate")))}))`,
    };
    templates.push(...YEAR_RESULT_COLUMNS.map((h) => results[h]));
  }
  return templates.map(formula);
}

/** The helper rows' cells over the month columns, and their labels in the column before the first year. */
function helperBlocks(columns: ForecastColumns): PlanBlock[] {
  const blocks: PlanBlock[] = [
    { kind: "range", at: `${columns.letter("Check")}${HELPER_TOP}`, rows: HELPER_LABELS.map((l) => [l]), style: STYLE.label },
  ];
  const years = (column: string, year: string) => `SUMIFS(${FORECAST_TABLES.years}[${column}],${FORECAST_TABLES.years}[Year],${year})`;
  for (const y of columns.years) {
    const months = monthsOfYear(y);
    const rows: PlanCell[][] = HELPER_LABELS.map(() => []);
    for (const m of months) {
      const x = columns.letter(monthHeader(m.key));
      const yearCell = `${x}$${helperRow("Year")}`;
      const cells: PlanCell[] = [
        excelDate(`${m.key}-01`),
        excelDate(`${m.key}-${String(m.days).padStart(2, "0")}`),
        formula(`=IF(${FORECAST_NAMES.proration}="calendar",${years("Days in year", yearCell)},12*(${x}$${helperRow("Month ends")}-${x}$${helperRow("Month starts")}+1))`),
        y,
        formula(`=${years("NI rate", yearCell)}`),
        formula(`=${years("NI threshold", yearCell)}/12`),
        formula(`=${years("Pension rate", yearCell)}+${years("Levy rate", yearCell)}`),
      ];
      cells.forEach((cell, i) => rows[i]!.push(cell));
    }
    const x = columns.letter(monthHeader(months[0]!.key));
    blocks.push({
      kind: "range",
      at: `${x}${HELPER_TOP}`,
      rows,
      numberFormats: { kind: "cells", formats: HELPER_LABELS.map((l) => months.map(() => (l.startsWith("Month") ? DATE : l === "Year" || l === "Divisor" ? null : l.endsWith("rate") ? "0.00%" : MONEY))) },
    });
  }
  return blocks;
}

function tableColumns(columns: ForecastColumns): TableColumn[] {
  const inputs: Record<(typeof FORECAST_INPUT_HEADERS)[number], Omit<TableColumn, "header">> = {
    Post: { width: 24 },
    Role: { width: 30 },
    "Cost centre": { width: 12 },
    Band: { width: 7, validation: { kind: "list", values: BANDS.filter((b) => b !== "1") } },
    Point: { width: 12, validation: { kind: "list", values: PAY_POINTS } },
    WTE: { width: 7, numberFormat: "0.00" },
    "HCAS zone": { width: 13, validation: { kind: "list", values: ["none", ...HCAS_ZONES] } },
    Status: { width: 9, validation: { kind: "list", values: POST_STATUSES } },
    "Start date in band": { width: 12, numberFormat: DATE },
    "Start date": { width: 12, numberFormat: DATE },
    "End date": { width: 12, numberFormat: DATE },
  };
  return columns.headers.map((header): TableColumn => {
    if (header in inputs) return { header, ...inputs[header as keyof typeof inputs] };
    if (header === "Step 1" || header === "Step 2" || header === "Costed to" || header.startsWith("Step ")) return { header, width: 12, numberFormat: DATE_OR_NONE };
    if (header.startsWith("Point ")) return { header, width: 9 };
    if (header === "Rates key") return { header, width: 14 };
    if (header === "In band from") return { header, width: 12, numberFormat: DATE };
    if (header === "Check") return { header, width: 22 };
    if ((FORECAST_DERIVED_HEADERS as readonly string[]).includes(header)) return { header, width: 9 };
    return { header, width: 12, numberFormat: MONEY };
  });
}

/**
 * The Forecast sheet: one row per post, one column per month. For each post the sheet shows how it is costed —
 * the pay band and zone it reads, its first point, the days it steps up (anniversaries of starting in the band),
 * the full-time pay + HCAS of each point per year — then each month's pay + HCAS (a month with a change split by
 * calendar days), and per year the pay, employer NI (per month, above the monthly threshold per person) and the
 * total with pension and levy. All native formulas over the rates tables, so it recalculates without the add-in.
 */
export function forecastSheet(catalog: Catalog, input: ForecastSheetInput): SheetPlan {
  void catalog;
  const columns = forecastColumns(input.settings);
  const kept = (input.existingRows ?? []).map((r) => FORECAST_INPUT_HEADERS.map((_, i) => r[i] ?? null));
  const keptNames = new Set(kept.map((r) => String(r[0] ?? "").trim().toLowerCase()));
  const added = input.posts.filter((p) => !keptNames.has(p.post.trim().toLowerCase())).map(forecastInputCells);
  const inputs = [...kept, ...added];
  const bodyTop = FORECAST_HEADER_ROW + 1;
  const formulas = rowFormulas(columns);
  const rows = (inputs.length > 0 ? inputs : [FORECAST_INPUT_HEADERS.map(() => null)]).map((r) => [...r, ...formulas]);
  const sums = new Set(["WTE", ...columns.years.flatMap((y) => [...monthsOfYear(y).map((m) => monthHeader(m.key)), ...YEAR_RESULT_COLUMNS.map((c) => yearHeader(c, y))])]);
  const blocks: PlanBlock[] = [
    { kind: "range", at: "A1", rows: [["Pay forecast, month by month"]], style: STYLE.title },
    {
      kind: "range",
      at: "A2",
      rows: [[`${columns.years[0]} to ${columns.years.at(-1)}. Edit a post's dates, WTE or point here, or an award on the Pay scales sheet: everything recalculates without the add-in.`]],
      style: STYLE.subtitle,
    },
    {
      kind: "range",
      at: "A3",
      rows: [["Each year: the point held at its start (or the start date), the step inside it (anniversaries of the start date in band), full-time pay + HCAS at that point and the next (their HCAS alone, and at the funded rate); then each month's basic pay + HCAS, a month with a change split by calendar days. NI is per month above the threshold per person; Total adds pension and levy; Drift = Total − the cost held on the year's first point; Award gap = Total − the cost at the funded rate."]],
      style: STYLE.note,
    },
    ...helperBlocks(columns),
    {
      kind: "table",
      name: FORECAST_TABLES.posts,
      at: `A${FORECAST_HEADER_ROW}`,
      columns: tableColumns(columns),
      rows,
      style: STYLE.tableStyle,
      carriesWorkbookRows: true,
      totals: columns.headers.map((h, i): PlanCell => (i === 0 ? "Total" : sums.has(h) ? formula(`=SUBTOTAL(109,[${h}])`) : null)),
    },
  ];
  const check = columns.letter("Check");
  return {
    key: FORECAST_KEYS.forecast,
    name: FORECAST_SHEETS.forecast,
    blocks,
    freezeRows: FORECAST_HEADER_ROW,
    tabColor: "#005EB8",
    conditionalFormats: [
      {
        kind: "cellValue",
        at: `${check}${bodyTop}:${check}${bodyTop + rows.length - 1}`,
        when: { operator: "notEqualTo", value: formula('="OK"') },
        fill: "#FDE9D9",
      },
    ],
    print: { landscape: true, fitToWidth: false, repeatRows: { first: FORECAST_HEADER_ROW, last: FORECAST_HEADER_ROW } },
  };
}
