import { invalid } from "../../domain";

/** A whole number as typed on the command line; "abc" or "5x" is refused rather than read as NaN or 5. */
export function parseScoreArgument(text: string): number {
  if (!/^[+-]?\d+(\.\d+)?$/.test(text.trim())) {
    throw invalid(`'${text}' is not a JE score: give a whole number from 0 to 765`);
  }
  return Number(text);
}

/** Levels typed as separate words ("5 6 2-3 …") or as one quoted list ("5,6,2-3,…"). */
export function splitLevelArguments(args: readonly string[]): (string | number)[] {
  const words = args.length === 1 ? args[0]!.split(/[,\s]+/).filter((w) => w !== "") : [...args];
  return words.map((w) => (/^\d+$/.test(w) ? Number(w) : w));
}
