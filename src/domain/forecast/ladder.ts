import type { Band } from "../band";
import { invalid, notFound } from "../errors";
import type { PayData, PayPointName } from "../pay";
import { type Day, edate } from "./dates";

/** Where a post stands on its band's pay points over time. */
export interface Ladder {
  /** The band whose pay points are paid (band 1 is paid at band 2). */
  payBand: Band;
  /** How many points the band has (1–3). */
  points: number;
  /** Index (0-based) of the point held before the first step. */
  first: number;
  /** The days the post moves up one point: the anniversaries of starting in the band, in order. */
  steps: readonly Day[];
}

export interface LadderInput {
  band: Band;
  point?: PayPointName;
  startInBand?: Day;
  startDate?: Day;
}

/** The years from each point to the next, from the catalog's progression. */
export function yearsToNext(data: PayData, band: Band): readonly number[] {
  const payBand = band === "1" ? "2" : band;
  const progression = data.progression.find((p) => p.band === payBand);
  if (!progression) throw notFound(`no pay progression for band ${band}`);
  return progression.yearsToNext;
}

/**
 * A row with a start date in band is on the point its whole years in band give and moves on each anniversary
 * (band 5: entry, intermediate after 2 years, top after 2 more). A row without one stays on its point; a joiner
 * (a start date, no point given) starts at entry and steps on the anniversaries of the start date. No point and
 * no dates: top, the usual budgeting basis.
 */
export function ladderOf(data: PayData, input: LadderInput): Ladder {
  const payBand: Band = input.band === "1" ? "2" : input.band;
  const gaps = yearsToNext(data, input.band);
  const points = gaps.length + 1;
  const from = input.startInBand ?? (input.point === undefined ? input.startDate : undefined);
  if (from !== undefined) {
    let months = 0;
    const steps = gaps.map((years) => edate(from, (months += years * 12)));
    return { payBand, points, first: 0, steps };
  }
  const point = input.point ?? "top";
  const first = point === "entry" ? 0 : point === "top" ? points - 1 : points === 3 ? 1 : -1;
  if (first < 0) throw invalid(`band ${input.band} has no intermediate point`);
  return { payBand, points, first, steps: [] };
}

/** The point index (0-based) held on a day. */
export function pointOn(ladder: Ladder, day: Day): number {
  let index = ladder.first;
  for (const step of ladder.steps) if (day >= step) index++;
  return Math.min(index, ladder.points - 1);
}
