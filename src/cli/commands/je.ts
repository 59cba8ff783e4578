import type { Catalog } from "../../catalog";
import { type Band, type JeScheme, type ScoreRange, jeScore, jeScoreToBand } from "../../domain";
import { type CliIo, UsageError, printJson } from "../io";
import { splitLevelArguments } from "./arguments";

export const jeUsage = "wfp je <16 levels> [--json]      JE score (range) and band (range) of 16 factor levels";

/** The band of a score, or null where the score has no band (above 765): a total is not rounded into band 9. */
function bandOrNull(scheme: JeScheme, score: number): Band | null {
  return score >= 0 && score <= scheme.maxBandedScore ? jeScoreToBand(scheme, score) : null;
}

export interface JeResult extends ScoreRange {
  bandMin: Band | null;
  bandMax: Band | null;
}

export function evaluateLevels(scheme: JeScheme, levels: readonly unknown[]): JeResult {
  const range = jeScore(scheme, levels);
  return { ...range, bandMin: bandOrNull(scheme, range.min), bandMax: bandOrNull(scheme, range.max) };
}

const span = (a: string, b: string): string => (a === b ? a : `${a}–${b}`);

/** `wfp je 5 6 5 4 2-3 7 …` → `550–599  band 8a–8b`. */
export function jeCommand(catalog: Catalog, args: readonly string[], json: boolean, io: CliIo): void {
  if (args.length === 0) throw new UsageError(`usage: ${jeUsage}`);
  const result = evaluateLevels(catalog.jeScheme, splitLevelArguments(args));
  if (json) {
    printJson(io, result);
    return;
  }
  const score = span(String(result.min), String(result.max));
  const band =
    result.bandMin && result.bandMax
      ? `band ${span(result.bandMin, result.bandMax)}`
      : `no band above ${catalog.jeScheme.maxBandedScore}${result.bandMin ? ` (lowest score: band ${result.bandMin})` : ""}`;
  io.out(`${score}  ${band}\n`);
}
