import type { Catalog } from "../catalog";
import {
  BAND_1_CLOSED,
  type Band,
  ROLE_SECTIONS,
  type RoleSection,
  SERVICE_LABELS,
  SERVICES,
  type Service,
  bandPosition,
  bandScoreRange,
  coverage,
  describeInput,
  factorScore,
  findRole,
  invalid,
  jeScore,
  jeScoreToBand,
  normalizeText,
  notFound,
  parseBand,
  payFor,
  payPointAfterYears,
  postCost,
  roleCompetenceIds,
  roleCoverage,
} from "../domain";
import { type CellInput, cellsOf, isBlank, numberArgument, optionalChoice, required, textsOf } from "./arguments";

/**
 * What each WFP function computes, over a catalog, with Excel's argument conventions. Pure: no
 * CustomFunctions global here, so it is tested and benchmarked directly; functions.ts wraps each one.
 */

export function jeBandOf(catalog: Catalog, score: CellInput): Band {
  return jeScoreToBand(catalog.jeScheme, numberArgument(score, "the JE score"));
}

export function jeScoreOf(catalog: Catalog, levels: unknown, bound: CellInput): number {
  const cells = cellsOf(levels, "the factor levels");
  const which = optionalChoice(bound, ["min", "max"] as const, "min", "bound");
  cells.forEach((c, i) => {
    if (isBlank(c)) throw invalid(`the level of factor ${i + 1} is blank`);
  });
  const range = jeScore(catalog.jeScheme, cells);
  return which === "min" ? range.min : range.max;
}

export function factorScoreOf(catalog: Catalog, factor: CellInput, level: CellInput): number {
  const f = required(factor, "the factor");
  return factorScore(catalog.jeScheme, typeof f === "string" && /^\s*\d+\s*$/.test(f) ? Number(f) : f, required(level, "the level"));
}

function bandArgument(band: CellInput): Band {
  return parseBand(required(band, "the band"));
}

export function bandMinOf(catalog: Catalog, band: CellInput): number {
  return bandScoreRange(catalog.jeScheme, bandArgument(band)).min;
}

export function bandMaxOf(catalog: Catalog, band: CellInput): number {
  return bandScoreRange(catalog.jeScheme, bandArgument(band)).max;
}

export function bandGapOf(catalog: Catalog, score: CellInput): number {
  const position = bandPosition(catalog.jeScheme, numberArgument(score, "the JE score"));
  if (position.pointsToNextBand === null) {
    throw notFound(`JE score ${position.score} is in band ${position.band}, the top band: there is no next band`);
  }
  return position.pointsToNextBand;
}

function serviceArgument(service: CellInput): Service | null {
  if (isBlank(service)) return null;
  const key = normalizeText(String(service));
  const found = SERVICES.find(
    (s) => normalizeText(s) === key || normalizeText(SERVICE_LABELS[s]) === key || normalizeText(SERVICE_LABELS[s]).startsWith(key),
  );
  if (found && key.length >= 2) return found;
  throw invalid(`${describeInput(service)} is not a service: give "Liaison and Diversion" or "RECONNECT"`);
}

export function rolesOf(catalog: Catalog, service: CellInput): string[][] {
  const wanted = serviceArgument(service);
  const rows = catalog.roles.filter((r) => wanted === null || r.service === wanted).map((r) => [r.id, r.title]);
  if (rows.length === 0) throw notFound(`no roles in the catalog for ${describeInput(service)}`);
  return rows;
}

function roleArgument(catalog: Catalog, role: CellInput) {
  return findRole(catalog.roles, required(role, "the role"));
}

export function roleLevelOf(catalog: Catalog, role: CellInput): number {
  return roleArgument(catalog, role).careerFrameworkLevel;
}

export function competencesOf(catalog: Catalog, role: CellInput, section: CellInput): string[][] {
  const r = roleArgument(catalog, role);
  const wanted: RoleSection | "all" = optionalChoice(section, [...ROLE_SECTIONS, "all"] as const, "all", "section");
  const rows = r.competences
    .filter((rc) => wanted === "all" || rc.section === wanted)
    .map((rc) => [catalog.competenceIndex.byId.get(rc.competenceId)!.title, rc.section, catalog.principleById(rc.principleId).name]);
  if (rows.length === 0) throw notFound(`${r.title} has no ${wanted} competences`);
  return rows;
}

export function coverageOf(catalog: Catalog, requiredRange: unknown, held: unknown): number {
  const result = coverage(catalog.competenceIndex, textsOf(requiredRange), textsOf(held));
  if (result.fraction === null) throw invalid("the required competences are blank: give at least one");
  return result.fraction;
}

export function roleCoverageOf(catalog: Catalog, role: CellInput, held: unknown): number {
  const r = roleArgument(catalog, role);
  if (roleCompetenceIds(r).length === 0) throw notFound(`${r.title} requires no competences`);
  return roleCoverage(catalog.competenceIndex, r, textsOf(held)).fraction!;
}

/** A column of the missing competences' titles; one blank cell when nothing is missing (a spill cannot be empty). */
export function gapsOf(catalog: Catalog, role: CellInput, held: unknown): string[][] {
  const gaps = roleCoverage(catalog.competenceIndex, roleArgument(catalog, role), textsOf(held)).gaps;
  return gaps.length === 0 ? [[""]] : gaps.map((g) => [g.title]);
}

// ---- Pay and costing ----

function optional(value: CellInput): CellInput | undefined {
  return isBlank(value) ? undefined : value;
}

function bandForPay(band: CellInput): Band {
  const b = bandArgument(band);
  if (b === "1") throw invalid(`${BAND_1_CLOSED}; cost the post at band 2`);
  return b;
}

function booleanArgument(value: CellInput, what: string): boolean {
  if (isBlank(value)) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  const t = String(value).trim().toLowerCase();
  if (["true", "yes", "y"].includes(t)) return true;
  if (["false", "no", "n"].includes(t)) return false;
  throw invalid(`${describeInput(value)} is not TRUE or FALSE: ${what} must be TRUE or FALSE`);
}

export function payOf(catalog: Catalog, band: CellInput, point: CellInput, year: CellInput): number {
  return payFor(catalog.pay, bandForPay(band), optional(point) ?? "top", optional(year)).annual;
}

export interface PostCostArguments {
  band: CellInput;
  wte?: CellInput;
  point?: CellInput;
  year?: CellInput;
  hcasZone?: CellInput;
  pensionBasis?: CellInput;
  includeLevy?: CellInput;
}

function postCostOf(catalog: Catalog, a: PostCostArguments) {
  return postCost(catalog.pay, {
    band: bandForPay(a.band),
    wte: isBlank(a.wte) ? 1 : numberArgument(a.wte, "the WTE"),
    point: optional(a.point) ?? "top",
    year: optional(a.year),
    hcasZone: optional(a.hcasZone),
    pensionBasis: optional(a.pensionBasis),
    includeLevy: booleanArgument(a.includeLevy, "include levy"),
  });
}

export function postCostTotalOf(catalog: Catalog, a: PostCostArguments): number {
  return postCostOf(catalog, a).total;
}

export const COST_LINE_LABELS = [
  ["basic", "Basic pay"],
  ["hcas", "High Cost Area Supplement"],
  ["employerNI", "Employer National Insurance"],
  ["pension", "Employer pension"],
  ["levy", "Apprenticeship levy"],
  ["total", "Total"],
] as const;

export function costBreakdownOf(catalog: Catalog, a: PostCostArguments): (string | number)[][] {
  const cost = postCostOf(catalog, a);
  return COST_LINE_LABELS.map(([key, label]) => [label, cost[key]]);
}

export function payPointOf(catalog: Catalog, band: CellInput, yearsInBand: CellInput): string {
  return payPointAfterYears(catalog.pay, bandForPay(band), numberArgument(yearsInBand, "the years in band"));
}
