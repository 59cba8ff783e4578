import { BAND_NOISE, ESR_RULES, FILLED_TOLERANCE, FIXED_TERM_MONTHS, LONG_VACANCY_DAYS, POINT_WORDS } from "../../domain";
import { ON_COSTS_TABLE, PAY_SCALES_TABLE } from "../payReference";
import { textCriterion, wildcardsEscaped } from "./criteria";
import { ESTABLISHMENT_NAMES as N, ESTABLISHMENT_TABLES, type RECONCILIATION_HEADERS, type STAFF_COMPUTED_HEADERS } from "./names";

const E = ESTABLISHMENT_TABLES.establishment;
const T = ESTABLISHMENT_TABLES.staff;

/** The domain's band key (bandKey) as a formula: lower case, ESR's noise words removed in the same order. */
export function bandKeyFormula(expression: string): string {
  let f = `LOWER(${expression}&"")`;
  for (const noise of BAND_NOISE) f = `SUBSTITUTE(${f},"${noise}","")`;
  return f;
}

const contains = (word: string, text: string): string => `ISNUMBER(SEARCH("${word}",${text}))`;
const STATUS = "[@[Assignment Status]]";
const ENDED = `OR(${[...ESR_RULES.endedWords.map((w) => contains(w, STATUS)), `LEFT(LOWER(TRIM(${STATUS}))&" ",${ESR_RULES.endedPrefix.length})="${ESR_RULES.endedPrefix}"`].join(",")})`;
const ABSENT = `OR(${ESR_RULES.absentWords.map((w) => contains(w, STATUS)).join(",")})`;
const BANK = contains(ESR_RULES.bankWord, "[@[Assignment Category]]");

/** The domain's POINT_WORDS as a formula: blank is top; a word the domain refuses finds no pay (#N/A). */
function pointFormula(expression: string): string {
  const word = `LOWER(TRIM(${expression}&""))`;
  let f = word;
  for (const [from, to] of Object.entries(POINT_WORDS)) if (from !== to) f = `IF(${word}="${from}","${to}",${f})`;
  return `IF(${word}="","top",${f})`;
}

const onCost = (column: string): string => `SUMIFS(${ON_COSTS_TABLE}[${column}],${ON_COSTS_TABLE}[Year],${N.year})`;
const PENSION_RATE = `IF(${N.pension}="full",${onCost("Pension full rate")},${onCost("Pension employer rate")})`;
const LEVY_RATE = `IF(OR(${N.levy}="Yes",${N.levy}=TRUE),${onCost("Levy rate")},0)`;

/** A year's cost of `wte` at full-time pay `pay`: basic, employer NI above the per-person threshold, pension, levy. */
const costOf = (pay: string, wte: string): string =>
  `${pay}*${wte}*(1+${PENSION_RATE}+${LEVY_RATE})+${onCost("Employer NI rate")}*MAX(0,${pay}*${wte}-${onCost("NI secondary threshold")})`;

/** Band 1 is paid at band 2 (closed to new entrants). One row must match, or the pay is #N/A. */
function payLookup(bandKey: string, point: string): string {
  const match = `${PAY_SCALES_TABLE}[Year],${N.year},${PAY_SCALES_TABLE}[Band],IF(${bandKey}="1","2",${bandKey}),${PAY_SCALES_TABLE}[Point],${point}`;
  return `IF(COUNTIFS(${match})<>1,NA(),SUMIFS(${PAY_SCALES_TABLE}[Annual pay],${match}))`;
}

const ROW = "[@[Row in establishment]]";

/**
 * The row of the id `expression` gives in Establishment[Position], 0 if none. Looked up as text (wildcards
 * escaped), then, if that finds nothing, as the number the text reads as: a user who pastes positions from an
 * extract opened in Excel gets ESR's digit-only ids as numbers, and Excel's MATCH finds no number by its text.
 * (LibreOffice's MATCH does find the text "456" among numbers, so its recalculation can't show the need.) Who
 * needs the id exactly checks it after: "Funded position" compares the texts with EXACT.
 */
const rowInEstablishment = (expression: string): string =>
  `=IFERROR(MATCH(${wildcardsEscaped(expression)},${E}[Position],0),IFERROR(MATCH(--(${expression}&""),${E}[Position],0),0))`;

/** Staff in post's calculated columns, one formula per column, filled down by Excel as rows are pasted in. */
export const STAFF_FORMULAS: Readonly<Record<(typeof STAFF_COMPUTED_HEADERS)[number], string>> = {
  WTE: `=IF(ISNUMBER([@FTE]),[@FTE],IF(ISNUMBER([@[Contracted Hours]]),[@[Contracted Hours]]/${ESR_RULES.fullTimeHours},0))`,
  Counted: `=IF(OR([@[Assignment Number]]&""="",${BANK},${ENDED}),0,1)`,
  Absent: `=IF(AND([@Counted]=1,${ABSENT}),1,0)`,
  Bank: `=IF(AND([@[Assignment Number]]&""<>"",${BANK},NOT(${ENDED})),1,0)`,
  "Row in establishment": rowInEstablishment("[@[Position Number]]"),
  // MATCH ignores case: the id found must be exactly this one, or the assignment is unfunded.
  "Funded position": `=IF(${ROW}=0,"",IF(EXACT(INDEX(${E}[Position],${ROW})&"",[@[Position Number]]&""),[@[Position Number]]&"",""))`,
  "Band key": `=${bandKeyFormula("[@[Pay Band]]")}`,
  "Funded band": `=IF([@[Funded position]]="","",${bandKeyFormula(`INDEX(${E}[Band],${ROW})`)})`,
  "Band mismatch": `=IF(AND([@Counted]=1,[@[Funded position]]<>""),IF([@[Band key]]<>[@[Funded band]],1,0),0)`,
  "Fixed term ending": `=IF(AND([@Counted]=1,ISNUMBER([@[Fixed Term End Date]])),IF(AND([@[Fixed Term End Date]]>=${N.asAt},[@[Fixed Term End Date]]<=EDATE(${N.asAt},${FIXED_TERM_MONTHS})),1,0),0)`,
  "Group cost centre": `=IF([@[Funded position]]="",[@[Cost Centre]]&"",INDEX(${E}[Cost centre],${ROW})&"")`,
  "Group band": `=IF([@[Funded position]]="",[@[Band key]],[@[Funded band]])`,
  "Group role": `=IF([@[Funded position]]="",[@[Position Title]]&"",INDEX(${E}[Role],${ROW})&"")`,
  Point: `=${pointFormula("[@[Spinal Point]]")}`,
  "Point from": `=IF(TRIM([@[Spinal Point]]&"")="","top: no spinal point","spinal point")`,
  "Full-time pay": `=IF([@Counted]=0,0,${payLookup("[@[Band key]]", "[@Point]")})`,
  Cost: `=IF([@Counted]=0,0,${costOf("[@[Full-time pay]]", "[@WTE]")})`,
  "Counted WTE": `=[@WTE]*[@Counted]`,
  "Absent WTE": `=[@WTE]*[@Absent]`,
  "Bank WTE": `=[@WTE]*[@Bank]`,
  "Unfunded WTE": `=IF([@[Funded position]]="",[@[Counted WTE]],0)`,
};

const POSITION = textCriterion("[@Position]");
const fromEstablishment = (column: string): string => `IF(${ROW}=0,"",INDEX(${E}[${column}],${ROW})&"")`;
const onPosition = (column: string): string => `SUMIFS(${T}[${column}],${T}[Funded position],${POSITION})`;
const VACANT_SINCE = `INDEX(${E}[Vacant since],${ROW})`;
const BUDGET = `INDEX(${E}[Budget],${ROW})`;

/** The Reconciliation's columns but the two the add-in writes (Position and its record of Vacant since). */
export const RECONCILIATION_FORMULAS: Readonly<Record<Exclude<(typeof RECONCILIATION_HEADERS)[number], "Position" | "Vacant since set by add-in">, string>> = {
  "Cost centre": `=${fromEstablishment("Cost centre")}`,
  Role: `=${fromEstablishment("Role")}`,
  Band: `=IF(${ROW}=0,"",${bandKeyFormula(`INDEX(${E}[Band],${ROW})`)})`,
  "Funded WTE": `=SUMIFS(${E}[Funded WTE],${E}[Position],${POSITION})`,
  "In post WTE": `=${onPosition("Counted WTE")}`,
  "Variance WTE": `=[@[Funded WTE]]-[@[In post WTE]]`,
  Status: `=IF(ABS([@[Variance WTE]])<${FILLED_TOLERANCE},"Filled",IF([@[In post WTE]]=0,"Vacant",IF([@[In post WTE]]>[@[Funded WTE]],"Over-established","Part vacant")))`,
  "Vacant WTE": `=MAX(0,[@[Variance WTE]])`,
  "Over-established WTE": `=MAX(0,-[@[Variance WTE]])`,
  "Absent WTE": `=${onPosition("Absent WTE")}`,
  "Bank WTE": `=${onPosition("Bank WTE")}`,
  "Band mismatches": `=COUNTIFS(${T}[Funded position],${POSITION},${T}[Band mismatch],1)`,
  "Fixed terms ending": `=COUNTIFS(${T}[Funded position],${POSITION},${T}[Fixed term ending],1)`,
  "Vacant since": `=IF(${ROW}=0,"",IF(ISNUMBER(${VACANT_SINCE}),${VACANT_SINCE},""))`,
  "Vacant over 90 days": `=IF(ISNUMBER([@[Vacant since]]),IF(AND(OR([@Status]="Vacant",[@Status]="Part vacant"),${N.asAt}-[@[Vacant since]]>${LONG_VACANCY_DAYS}),"Yes","No"),"No")`,
  "Funded cost": `=IF(${ROW}=0,0,IF(ISNUMBER(${BUDGET}),${BUDGET},[@[Funded WTE]]*(${costOf(payLookup("[@Band]", '"top"'), "1")})))`,
  "Cost basis": `=IF(${ROW}=0,"",IF(ISNUMBER(${BUDGET}),"budget","band top"))`,
  "In post cost": `=${onPosition("Cost")}`,
  "Cost variance": `=[@[Funded cost]]-[@[In post cost]]`,
  "Row in establishment": rowInEstablishment("[@Position]"),
};
