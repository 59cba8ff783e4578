import { type BandRange, type JeScheme, type ScoreRange, jeBandRange, jeScore } from "./je";
import type { Provenance } from "./provenance";

/** One factor of an NHS national job profile, as the document writes it. */
export interface NationalProfileFactor {
  factor: number;
  descriptor: string;
  /** "5 (a) (b)", "2-3", "1/ 2(b); (d)/ 3 (c)" — parsed by parseJeLevel. */
  levelText: string;
  /** The document's own score text ("15-27", "3-7-12"); kept for display, never used to compute. */
  scoreText: string;
}

export interface NationalProfile {
  id: string;
  title: string;
  jobStatement: readonly string[];
  factors: readonly NationalProfileFactor[];
  /** The JE score range the document states. */
  documentScore: ScoreRange;
  /** The band the document states ("8a/b", "8b-8c"). */
  documentBand: string;
  provenance: Provenance;
}

export interface ProfileEvaluation extends ScoreRange, BandRange {
  /** True when the computed range equals the document's own. */
  matchesDocument: boolean;
}

/** Scores a national profile from its factor levels and checks it against the document's stated range. */
export function evaluateProfile(scheme: JeScheme, profile: NationalProfile): ProfileEvaluation {
  const ordered = [...profile.factors].sort((a, b) => a.factor - b.factor);
  const range = jeScore(
    scheme,
    ordered.map((f) => f.levelText),
  );
  return {
    ...range,
    ...jeBandRange(scheme, range),
    matchesDocument: range.min === profile.documentScore.min && range.max === profile.documentScore.max,
  };
}
