// The WFP custom functions. custom-functions-metadata-plugin reads the JSDoc of the top-level function
// declarations below to write functions.json, and appends the CustomFunctions.associate calls itself.
// Each function is a thin wrapper: the work is in implementations.ts, over the workbook's catalog (workbookCatalog.ts).
// Parameters are typed `any` so a blank cell arrives as null and is refused, never read as zero.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { functionsCatalog } from "./workbookCatalog";
import { excelCall } from "./errors";
import * as impl from "./implementations";

// custom-functions-metadata-plugin appends CustomFunctions.associate calls to this file. Outside Excel (the task
// pane opened in a plain browser) there is no CustomFunctions global: a no-op stands in so the page stays quiet.
if (typeof CustomFunctions === "undefined") {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { associate: () => undefined };
}

/**
 * The Agenda for Change band of an NHS Job Evaluation score.
 * @customfunction JEBAND
 * @param score JE score, a whole number from 0 to 765.
 * @returns The band, such as "8b".
 */
export function jeBand(score: any): string {
  return excelCall(() => impl.jeBandOf(functionsCatalog(), score));
}

/**
 * The JE score of 16 factor levels (numbers, or ranges such as "2-3" and "4(a)").
 * @customfunction JESCORE
 * @param levels The 16 factor levels, in factor order, as a row or a column of cells.
 * @param [bound] "min" (default) for the lowest score a range of levels gives, "max" for the highest.
 * @returns The JE score.
 */
export function jeScoreOfLevels(levels: any[][], bound?: any): number {
  return excelCall(() => impl.jeScoreOf(functionsCatalog(), levels, bound));
}

/**
 * The weighted score of one JE factor at one level.
 * @customfunction FACTORSCORE
 * @param factor Factor number (1–16) or name, such as 12 or "Freedom to act".
 * @param level The factor level, such as 4 or "4(a)".
 * @returns The factor's score at that level.
 */
export function factorScore(factor: any, level: any): number {
  return excelCall(() => impl.factorScoreOf(functionsCatalog(), factor, level));
}

/**
 * The lowest JE score of an Agenda for Change band.
 * @customfunction BANDMIN
 * @param band The band, such as 6, "8a" or "Band 8a".
 * @returns The band's lowest JE score.
 */
export function bandMin(band: any): number {
  return excelCall(() => impl.bandMinOf(functionsCatalog(), band));
}

/**
 * The highest JE score of an Agenda for Change band.
 * @customfunction BANDMAX
 * @param band The band, such as 6, "8a" or "Band 8a".
 * @returns The band's highest JE score.
 */
export function bandMax(band: any): number {
  return excelCall(() => impl.bandMaxOf(functionsCatalog(), band));
}

/**
 * The JE points a score needs to reach the next band.
 * @customfunction BANDGAP
 * @param score JE score, a whole number from 0 to 765.
 * @returns Points to the next band's lowest score.
 */
export function bandGap(score: any): number {
  return excelCall(() => impl.bandGapOf(functionsCatalog(), score));
}

/**
 * The roles in the catalog: id and title, one row each.
 * @customfunction ROLES
 * @param [service] "Liaison and Diversion" or "RECONNECT"; blank for all.
 * @returns A spilled list of role ids and titles.
 */
export function roles(service?: any): string[][] {
  return excelCall(() => impl.rolesOf(functionsCatalog(), service));
}

/**
 * The Career Framework level (1–9) of a role.
 * @customfunction ROLELEVEL
 * @param role Role id or title, such as "reconnect-peer-support-worker".
 * @returns The role's Career Framework level.
 */
export function roleLevel(role: any): number {
  return excelCall(() => impl.roleLevelOf(functionsCatalog(), role));
}

/**
 * A role's competences: title, section and underpinning principle, one row each.
 * @customfunction COMPETENCES
 * @param role Role id or title.
 * @param [section] "core", "specific" or "locality"; blank for all.
 * @returns A spilled list of competence title, section and principle.
 */
export function competences(role: any, section?: any): string[][] {
  return excelCall(() => impl.competencesOf(functionsCatalog(), role, section));
}

/**
 * The fraction of required competences present in a list of held ones.
 * @customfunction COVERAGE
 * @param required Cells with the required competences' titles or ids.
 * @param held Cells with the held competences' titles or ids.
 * @returns Fraction covered, from 0 to 1.
 */
export function coverageOfLists(required: any[][], held: any[][]): number {
  return excelCall(() => impl.coverageOf(functionsCatalog(), required, held));
}

/**
 * The fraction of a catalog role's required competences present in a list of held ones.
 * @customfunction ROLECOVERAGE
 * @param role Role id or title.
 * @param held Cells with the held competences' titles or ids.
 * @returns Fraction covered, from 0 to 1.
 */
export function roleCoverage(role: any, held: any[][]): number {
  return excelCall(() => impl.roleCoverageOf(functionsCatalog(), role, held));
}

/**
 * The competences a role requires that a list of held ones lacks.
 * @customfunction GAPS
 * @param role Role id or title.
 * @param held Cells with the held competences' titles or ids.
 * @returns A spilled column of missing competence titles; one blank cell when none is missing.
 */
export function gaps(role: any, held: any[][]): string[][] {
  return excelCall(() => impl.gapsOf(functionsCatalog(), role, held));
}

/**
 * Full-time annual Agenda for Change pay for a band, pay point and year (England).
 * @customfunction PAY
 * @param band The band, such as 6 or "8a".
 * @param [point] "entry", "intermediate" or "top" (or 1, 2, 3); top if blank.
 * @param [year] Financial year such as "2025/26"; the latest confirmed year if blank.
 * @returns Annual pay in pounds.
 */
export function pay(band: any, point?: any, year?: any): number {
  return excelCall(() => impl.payOf(functionsCatalog(), band, point, year));
}

/**
 * The annual cost of a post: basic pay, London supplement, employer NI, pension and optionally levy.
 * @customfunction POSTCOST
 * @param band The band, such as 6 or "8a".
 * @param [wte] Whole-time equivalent, 0 to 1.5; 1 if blank.
 * @param [point] "entry", "intermediate" or "top"; top if blank.
 * @param [year] Financial year such as "2025/26"; the latest confirmed year if blank.
 * @param [hcasZone] "none", "inner-london", "outer-london" or "fringe"; none if blank.
 * @param [pensionBasis] "employer" (the local 14.38%, default) or "full" (23.78%).
 * @param [includeLevy] TRUE to add the 0.5% apprenticeship levy; FALSE if blank.
 * @returns The post's total annual cost in pounds.
 */
export function postCostTotal(band: any, wte?: any, point?: any, year?: any, hcasZone?: any, pensionBasis?: any, includeLevy?: any): number {
  return excelCall(() => impl.postCostTotalOf(functionsCatalog(), { band, wte, point, year, hcasZone, pensionBasis, includeLevy }));
}

/**
 * Every line of a post's annual cost, labelled, one row each.
 * @customfunction COSTBREAKDOWN
 * @param band The band, such as 6 or "8a".
 * @param [wte] Whole-time equivalent, 0 to 1.5; 1 if blank.
 * @param [point] "entry", "intermediate" or "top"; top if blank.
 * @param [year] Financial year such as "2025/26"; the latest confirmed year if blank.
 * @param [hcasZone] "none", "inner-london", "outer-london" or "fringe"; none if blank.
 * @param [pensionBasis] "employer" (the local 14.38%, default) or "full" (23.78%).
 * @param [includeLevy] TRUE to add the 0.5% apprenticeship levy; FALSE if blank.
 * @returns A spilled list of cost lines and amounts in pounds.
 */
export function costBreakdown(band: any, wte?: any, point?: any, year?: any, hcasZone?: any, pensionBasis?: any, includeLevy?: any): any[][] {
  return excelCall(() => impl.costBreakdownOf(functionsCatalog(), { band, wte, point, year, hcasZone, pensionBasis, includeLevy }));
}

/**
 * The pay point a person reaches after a number of years in a band.
 * @customfunction PAYPOINT
 * @param band The band, such as 5.
 * @param yearsInBand Years in the band, 0 or more.
 * @returns "entry", "intermediate" or "top".
 */
export function payPoint(band: any, yearsInBand: any): string {
  return excelCall(() => impl.payPointOf(functionsCatalog(), band, yearsInBand));
}

/**
 * The share of role B's required competences that role A already requires: how transferable A is to B.
 * @customfunction OVERLAP
 * @param roleA The role moved from: id or title.
 * @param roleB The role moved to: id or title.
 * @returns Fraction of role B's competences, from 0 to 1.
 */
export function overlap(roleA: any, roleB: any): number {
  return excelCall(() => impl.overlapOf(functionsCatalog(), roleA, roleB));
}

/**
 * The people marked Competent in a competence, from a team skills register.
 * @customfunction HOLDERS
 * @param competence The competence's title, alias or id.
 * @param names The people's names, one column.
 * @param statuses The competence's status column, or the register's status columns with their header row.
 * @returns A spilled column of names; one blank cell when nobody holds it.
 */
export function holders(competence: any, names: any[][], statuses: any[][]): string[][] {
  return excelCall(() => impl.holdersOf(functionsCatalog(), competence, names, statuses));
}
