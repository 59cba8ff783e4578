import type { Catalog } from "../catalog";
import {
  BAND_1_CLOSED,
  type Band,
  ROLE_SECTIONS,
  type Role,
  type RoleSection,
  SERVICE_LABELS,
  SERVICES,
  type Service,
  bandPosition,
  bandScoreRange,
  competenceKey,
  coverageFraction,
  describeInput,
  factorScore,
  findRole,
  invalid,
  jeScore,
  jeScoreToBand,
  normalizeText,
  notFound,
  parseBand,
  parseSkillStatus,
  payFor,
  payPointAfterYears,
  personKey,
  postCost,
  roleCoverage,
  roleCoverageFraction,
  roleOverlap,
} from "../domain";
import { type CellInput, cellTextsInto, cellsOf, isBlank, numberArgument, optionalChoice, required } from "./arguments";
import { CallCache } from "./callCache";

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

/** Each role argument's role, per list of roles: a workbook names a role the same way in thousands of cells. */
const rolesByArgument = new CallCache<Role>();

function roleArgument(catalog: Catalog, role: CellInput): Role {
  return rolesByArgument.get(catalog.roles, [role], () => findRole(catalog.roles, required(role, "the role")));
}

export function roleLevelOf(catalog: Catalog, role: CellInput): number {
  return roleArgument(catalog, role).careerFrameworkLevel;
}

/** Each role's rows, frozen: every call gets its own outer array over the same rows. */
const competenceRows = new CallCache<readonly (readonly string[])[]>();

export function competencesOf(catalog: Catalog, role: CellInput, section: CellInput): string[][] {
  return competenceRows.get(catalog, [role, section], () => competenceRowsOf(catalog, role, section).map((row) => Object.freeze(row))).slice() as string[][];
}

function competenceRowsOf(catalog: Catalog, role: CellInput, section: CellInput): string[][] {
  const r = roleArgument(catalog, role);
  const wanted: RoleSection | "all" = optionalChoice(section, [...ROLE_SECTIONS, "all"] as const, "all", "section");
  const rows = r.competences
    .filter((rc) => wanted === "all" || rc.section === wanted)
    .map((rc) => [catalog.competenceIndex.byId.get(rc.competenceId)!.title, rc.section, catalog.principleById(rc.principleId).name]);
  if (rows.length === 0) throw notFound(`${r.title} has no ${wanted} competences`);
  return rows;
}

/**
 * The texts of the ranges of the call being worked out. Every function here runs to completion before the next is
 * called, and the domain keeps none of these arrays, so one pair serves every call.
 */
const requiredTexts: string[] = [];
const heldTexts: string[] = [];

export function coverageOf(catalog: Catalog, requiredRange: unknown, held: unknown): number {
  const fraction = coverageFraction(catalog.competenceIndex, cellTextsInto(requiredRange, requiredTexts), cellTextsInto(held, heldTexts));
  if (fraction === null) throw invalid("the required competences are blank: give at least one");
  return fraction;
}

export function roleCoverageOf(catalog: Catalog, role: CellInput, held: unknown): number {
  const r = roleArgument(catalog, role);
  const fraction = roleCoverageFraction(catalog.competenceIndex, r, cellTextsInto(held, heldTexts));
  if (fraction === null) throw notFound(`${r.title} requires no competences`);
  return fraction;
}

/** A column of the missing competences' titles; one blank cell when nothing is missing (a spill cannot be empty). */
export function gapsOf(catalog: Catalog, role: CellInput, held: unknown): string[][] {
  const gaps = roleCoverage(catalog.competenceIndex, roleArgument(catalog, role), cellTextsInto(held, heldTexts)).gaps;
  if (gaps.length === 0) return [[""]];
  const rows = new Array<string[]>(gaps.length);
  for (let i = 0; i < gaps.length; i++) rows[i] = [gaps[i]!.title];
  return rows;
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

const postCostTotals = new CallCache<number>();

export function postCostTotalOf(catalog: Catalog, a: PostCostArguments): number {
  const args = [a.band, a.wte, a.point, a.year, a.hcasZone, a.pensionBasis, a.includeLevy];
  return postCostTotals.get(catalog.pay, args, () => postCostOf(catalog, a).total);
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

// ---- Skill mix ----

/** Each pair of role arguments' overlap, per list of roles: a transfer matrix asks for every pair in its cells. */
const overlaps = new CallCache<number>();

/** The share of role B's required competences that role A already requires. */
export function overlapOf(catalog: Catalog, roleA: CellInput, roleB: CellInput): number {
  return overlaps.get(catalog.roles, [roleA, roleB], () => {
    const overlap = roleOverlap(roleArgument(catalog, roleA), roleArgument(catalog, roleB));
    if (overlap.fractionOfTo === null) throw notFound(`${overlap.to.title} requires no competences`);
    return overlap.fractionOfTo;
  });
}

/** A range as rows of cells, a single cell as one row. */
function gridOf(range: unknown): CellInput[][] {
  return Array.isArray(range) ? (range as unknown[][]).map((row) => (Array.isArray(row) ? (row as CellInput[]) : [row as CellInput])) : [[range as CellInput]];
}

/**
 * The names of the people marked Competent in a competence. `statuses` is that competence's column, as tall as
 * `names`; or the register's status columns with their header row on top, the competence's column then found by
 * its title, alias or id. A column of one blank cell when nobody holds it (a spill cannot be empty).
 */
export function holdersOf(catalog: Catalog, competence: CellInput, names: unknown, statuses: unknown): string[][] {
  const wanted = String(required(competence, "the competence")).trim();
  const nameCells = cellsOf(names, "the names");
  const grid = gridOf(statuses);
  const width = grid[0]?.length ?? 0;
  let column: CellInput[];
  if (width === 1 && grid.length === nameCells.length) {
    column = grid.map((r) => r[0] ?? null);
  } else if (grid.length === nameCells.length + 1) {
    const key = competenceKey(catalog.competenceIndex, wanted);
    const at = grid[0]!.findIndex((h) => !isBlank(h) && competenceKey(catalog.competenceIndex, String(h)) === key);
    if (at < 0) throw notFound(`'${wanted}' is not a column of the statuses: its header row has no such competence`);
    column = grid.slice(1).map((r) => r[at] ?? null);
  } else {
    throw invalid(
      `the statuses must be one column as tall as the names (${nameCells.length}), or the register's columns with their header row (${nameCells.length + 1} rows); got ${grid.length} × ${width}`,
    );
  }
  const seen = new Map<string, number>();
  const holders: string[][] = [];
  nameCells.forEach((name, i) => {
    const status = column[i];
    if (isBlank(name)) {
      if (!isBlank(status)) throw invalid(`row ${i + 1} has a status but no name`);
      return;
    }
    const key = personKey(String(name));
    const first = seen.get(key);
    if (first !== undefined) throw invalid(`'${String(name).trim()}' is named twice (rows ${first + 1} and ${i + 1}): give each person their own name`);
    seen.set(key, i);
    let parsed;
    try {
      parsed = parseSkillStatus(status);
    } catch (e) {
      throw invalid(`${String(name).trim()}: ${(e as Error).message}`);
    }
    if (parsed === "Competent") holders.push([String(name).trim()]);
  });
  return holders.length === 0 ? [[""]] : holders;
}
