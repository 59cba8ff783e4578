import { BANDS, type Band, bandIndex } from "./band";
import { describeInput, invalid, notFound, outOfRange } from "./errors";
import type { Provenance } from "./provenance";
import { normalizeText } from "./text";

/** The NHS Job Evaluation scheme has sixteen factors; a job's score is the sum of one level per factor. */
export const JE_FACTOR_COUNT = 16;

export interface JeFactorDefinition {
  /** 1–16, the handbook's factor number. */
  number: number;
  name: string;
  /** Weighted score at level 1, 2, …; its length is the factor's number of levels. */
  levelScores: readonly number[];
  provenance: Provenance;
}

export interface BandThresholdDefinition {
  band: Band;
  minScore: number;
  maxScore: number;
  provenance: Provenance;
}

export interface JeSchemeDefinition {
  factors: readonly JeFactorDefinition[];
  thresholds: readonly BandThresholdDefinition[];
}

/** A scheme checked for shape and ready for fast look-ups. Build with `createJeScheme`. */
export interface JeScheme extends JeSchemeDefinition {
  /** Lowest and highest total a set of sixteen levels can reach. */
  readonly minTotal: number;
  readonly maxTotal: number;
  /** Highest score that has a band (765). */
  readonly maxBandedScore: number;
  /** bandByScore[s] is the band of the whole score s, for 0 ≤ s ≤ maxBandedScore. */
  readonly bandByScore: readonly Band[];
  readonly thresholdByBand: ReadonlyMap<Band, BandThresholdDefinition>;
}

/** A level or range of levels as national profiles give them ("2-3", "4(a)"). */
export interface LevelRange {
  min: number;
  max: number;
}

export interface ScoreRange {
  min: number;
  max: number;
}

export interface BandRange {
  bandMin: Band;
  bandMax: Band;
}

/**
 * Checks a scheme definition and precomputes the score → band table. Fails on anything that would make a
 * score land in no band or in two: the thresholds must run from 0 without gaps or overlaps in band order.
 */
export function createJeScheme(definition: JeSchemeDefinition): JeScheme {
  const { factors, thresholds } = definition;
  if (factors.length !== JE_FACTOR_COUNT) {
    throw invalid(`the JE scheme needs ${JE_FACTOR_COUNT} factors, not ${factors.length}`);
  }
  factors.forEach((f, i) => {
    if (f.number !== i + 1) throw invalid(`JE factor ${i + 1} is numbered ${f.number}`);
    if (f.levelScores.length === 0) throw invalid(`JE factor ${f.number} has no levels`);
    for (let l = 1; l < f.levelScores.length; l++) {
      if (!(f.levelScores[l]! > f.levelScores[l - 1]!)) {
        throw invalid(`JE factor ${f.number}: the score at level ${l + 1} does not exceed level ${l}`);
      }
    }
  });
  const sorted = [...thresholds].sort((a, b) => bandIndex(a.band) - bandIndex(b.band));
  let expectedMin = 0;
  for (const t of sorted) {
    if (t.minScore !== expectedMin) {
      throw invalid(`band ${t.band} starts at ${t.minScore}; the band below it ends at ${expectedMin - 1}`);
    }
    if (t.maxScore < t.minScore) throw invalid(`band ${t.band} ends below where it starts`);
    expectedMin = t.maxScore + 1;
  }
  const maxBandedScore = expectedMin - 1;
  const bandByScore: Band[] = new Array(maxBandedScore + 1);
  for (const t of sorted) for (let s = t.minScore; s <= t.maxScore; s++) bandByScore[s] = t.band;
  return {
    factors,
    thresholds: sorted,
    minTotal: factors.reduce((sum, f) => sum + f.levelScores[0]!, 0),
    maxTotal: factors.reduce((sum, f) => sum + f.levelScores[f.levelScores.length - 1]!, 0),
    maxBandedScore,
    bandByScore,
    thresholdByBand: new Map(sorted.map((t) => [t.band, t])),
  };
}

/** Finds a factor by number (1–16) or by name ("Freedom to act", "freedom"). */
export function findFactor(scheme: JeScheme, factor: unknown): JeFactorDefinition {
  if (typeof factor === "number") {
    if (Number.isInteger(factor) && factor >= 1 && factor <= scheme.factors.length) {
      return scheme.factors[factor - 1]!;
    }
    throw notFound(`${describeInput(factor)} is not a JE factor: factors are numbered 1–${scheme.factors.length}`);
  }
  if (typeof factor === "string" && factor.trim() !== "") {
    const trimmed = factor.trim();
    if (/^\d+\.?$/.test(trimmed)) return findFactor(scheme, Number.parseInt(trimmed, 10));
    const key = normalizeText(trimmed);
    const exact = scheme.factors.find((f) => normalizeText(f.name) === key);
    if (exact) return exact;
    const partial = scheme.factors.filter((f) => normalizeText(f.name).startsWith(key));
    if (key.length >= 4 && partial.length === 1) return partial[0]!;
  }
  throw notFound(`${describeInput(factor)} is not a JE factor: give its number (1–16) or its name`);
}

const SUB_LEVEL = /\(\s*[a-z]\s*\)/gi;

/**
 * Reads a JE level as national profiles write it: 5, "5", "2-3", "4(a)", "5 (a) (b)", "4-5(a)",
 * "1/ 2(b); (d)/ 3 (c)", "4 (a) (c)/ 5(a)". Sub-letters are the handbook's sub-levels of one level and do not
 * change the score, so they are dropped; what remains must be levels joined by "-", "/" or ";", ascending.
 */
export function parseJeLevel(input: unknown): LevelRange {
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= 1) return { min: input, max: input };
    throw invalid(`${describeInput(input)} is not a JE level: levels are whole numbers from 1`);
  }
  if (typeof input === "string") {
    // A workbook repeats the same few level texts in thousands of JESCORE cells: each is parsed once.
    const known = parsedLevels.get(input);
    if (known) return known;
    const range = Object.freeze(parseLevelText(input));
    if (parsedLevels.size >= PARSED_LEVELS_LIMIT) parsedLevels.clear();
    parsedLevels.set(input, range);
    return range;
  }
  return parseLevelText(input);
}

/** Level texts parsed so far (valid ones only: a bad text is rare, and its error is built afresh each time). */
const parsedLevels = new Map<string, Readonly<LevelRange>>();
const PARSED_LEVELS_LIMIT = 4096;

function parseLevelText(input: unknown): LevelRange {
  if (typeof input !== "string" || input.trim() === "") {
    throw invalid(`${describeInput(input)} is not a JE level: give a level such as 4, "2-3" or "4(a)"`);
  }
  const withoutSubLevels = input.replace(/[\u2010-\u2015]/g, "-").replace(SUB_LEVEL, " ").trim();
  if (!/^\d+(?:[\s\-/;,]+\d+)*$/.test(withoutSubLevels)) {
    throw invalid(`${describeInput(input)} is not a JE level: give a level such as 4, "2-3" or "4(a)"`);
  }
  const levels = withoutSubLevels.split(/[\s\-/;,]+/).map((n) => Number.parseInt(n, 10));
  for (let i = 0; i < levels.length; i++) {
    if (levels[i]! < 1) throw invalid(`${describeInput(input)} is not a JE level: levels start at 1`);
    if (i > 0 && levels[i]! < levels[i - 1]!) {
      throw invalid(`${describeInput(input)} is not a JE level: the levels of a range must ascend`);
    }
  }
  return { min: levels[0]!, max: levels[levels.length - 1]! };
}

/** The weighted score of one factor at one level. */
export function factorScore(scheme: JeScheme, factor: unknown, level: unknown): number {
  const f = findFactor(scheme, factor);
  const range = parseJeLevel(level);
  if (range.min !== range.max) {
    throw invalid(`${describeInput(level)} is a range of levels; give one level`);
  }
  return levelScore(f, range.min, level);
}

function levelScore(f: JeFactorDefinition, level: number, asTyped: unknown): number {
  const score = f.levelScores[level - 1];
  if (score === undefined) {
    throw invalid(
      `${describeInput(asTyped)} is not a level of factor ${f.number} (${f.name}): it has levels 1–${f.levelScores.length}`,
    );
  }
  return score;
}

/** Score range of one factor over a level range. */
export function factorScoreRange(scheme: JeScheme, factor: unknown, level: unknown): ScoreRange {
  const f = findFactor(scheme, factor);
  const range = parseJeLevel(level);
  return { min: levelScore(f, range.min, level), max: levelScore(f, range.max, level) };
}

/**
 * The JE score of sixteen factor levels, in factor order. Single levels give a single score (min = max);
 * ranges give the lowest and highest total.
 */
export function jeScore(scheme: JeScheme, levels: readonly unknown[]): ScoreRange {
  if (levels.length !== scheme.factors.length) {
    throw invalid(`a JE score needs ${scheme.factors.length} factor levels, one per factor; ${levels.length} given`);
  }
  let min = 0;
  let max = 0;
  for (let i = 0; i < levels.length; i++) {
    const f = scheme.factors[i]!;
    const level = levels[i];
    // Whole levels (most cells) need no parse and no range object.
    if (typeof level === "number" && Number.isInteger(level) && level >= 1) {
      const score = levelScore(f, level, level);
      min += score;
      max += score;
      continue;
    }
    let range: LevelRange;
    try {
      range = parseJeLevel(level);
    } catch (e) {
      throw invalid(`factor ${f.number} (${f.name}): ${(e as Error).message}`);
    }
    min += levelScore(f, range.min, level);
    max += levelScore(f, range.max, level);
  }
  return { min, max };
}

/** The fast path for whole levels (the JE calculator and the bench): no parsing, same checks. */
export function jeScoreOfLevels(scheme: JeScheme, levels: ArrayLike<number>): number {
  if (levels.length !== scheme.factors.length) {
    throw invalid(`a JE score needs ${scheme.factors.length} factor levels, one per factor; ${levels.length} given`);
  }
  let total = 0;
  for (let i = 0; i < levels.length; i++) {
    const f = scheme.factors[i]!;
    const level = levels[i]!;
    const score = Number.isInteger(level) ? f.levelScores[level - 1] : undefined;
    if (score === undefined) levelScore(f, Number.NaN, level);
    total += score!;
  }
  return total;
}

function checkScore(scheme: JeScheme, score: unknown): number {
  if (typeof score !== "number" || !Number.isFinite(score)) {
    throw invalid(`${describeInput(score)} is not a JE score: give a whole number from 0 to ${scheme.maxBandedScore}`);
  }
  if (!Number.isInteger(score)) {
    throw invalid(`${describeInput(score)} is not a JE score: JE scores are whole numbers`);
  }
  if (score < 0) throw outOfRange(`JE score ${score} is below 0: it has no band`);
  if (score > scheme.maxBandedScore) {
    throw outOfRange(
      `JE score ${score} is above ${scheme.maxBandedScore}, the top of band ${BANDS[BANDS.length - 1]}: it has no band`,
    );
  }
  return score;
}

/** JE score → Agenda for Change band. A score outside the banded range has no band and is refused, never rounded. */
export function jeScoreToBand(scheme: JeScheme, score: unknown): Band {
  return scheme.bandByScore[checkScore(scheme, score)]!;
}

/** The bands a score range spans (a national profile's 550–599 → 8a to 8b). */
export function jeBandRange(scheme: JeScheme, range: ScoreRange): BandRange {
  return { bandMin: jeScoreToBand(scheme, range.min), bandMax: jeScoreToBand(scheme, range.max) };
}

/** A band's JE score limits. */
export function bandScoreRange(scheme: JeScheme, band: Band): ScoreRange {
  const t = scheme.thresholdByBand.get(band);
  if (!t) throw notFound(`band ${band} has no JE score range in this scheme`);
  return { min: t.minScore, max: t.maxScore };
}

export interface BandPosition {
  score: number;
  band: Band;
  bandMin: number;
  bandMax: number;
  /** How far the score sits above its band's lower boundary (0 at the boundary). */
  pointsAboveMin: number;
  /** How far the score sits below its band's upper boundary (0 at the boundary). */
  pointsBelowMax: number;
  /** The next band up and the points needed to reach it; null at the top band. */
  nextBand: Band | null;
  pointsToNextBand: number | null;
}

/** Where a score sits in its band: "how many points to the next band?" */
export function bandPosition(scheme: JeScheme, score: unknown): BandPosition {
  const s = checkScore(scheme, score);
  const band = scheme.bandByScore[s]!;
  const t = scheme.thresholdByBand.get(band)!;
  const next = scheme.thresholds[scheme.thresholds.indexOf(t) + 1];
  return {
    score: s,
    band,
    bandMin: t.minScore,
    bandMax: t.maxScore,
    pointsAboveMin: s - t.minScore,
    pointsBelowMax: t.maxScore - s,
    nextBand: next ? next.band : null,
    pointsToNextBand: next ? next.minScore - s : null,
  };
}
