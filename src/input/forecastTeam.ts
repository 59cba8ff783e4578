import { type ForecastPost, type PayData, type PayPointName, defaultYear, payPointOf } from "../domain";
import { payPointCell } from "./cells";
import { type ColumnSpecs, column, readColumns } from "./columns";
import { parseCsv } from "./csv";
import { decodeText } from "./decode";
import { checkDates, teamColumns, uniquePostNames } from "./team";

/**
 * A team CSV's columns for a forecast: the staffing plan's (with `Cost centre`, `Start date`, first day in post, and
 * `End date`, last day in post). A blank Point stays blank, so a joiner starts at entry.
 */
export function forecastTeamColumns(pay: PayData, year: string) {
  return {
    ...teamColumns(pay, year),
    point: column<PayPointName | 1 | 2 | 3 | "">("Point", { synonyms: ["Pay point", "Spine point"], read: payPointCell, blank: "" }),
  } satisfies ColumnSpecs;
}

export interface ForecastTeamRead {
  readonly posts: ForecastPost[];
  readonly warnings: readonly string[];
}

/** Reads a team CSV for a forecast; a bad cell is refused naming the file line and the column. */
export function readForecastTeamCsv(text: string, source: string, pay: PayData, options: { year?: string } = {}): ForecastTeamRead {
  const year = options.year ?? defaultYear(pay);
  const table = readColumns(parseCsv(text, source), forecastTeamColumns(pay, year));
  const checkPost = uniquePostNames(table);
  const posts = table.rows.map((row): ForecastPost => {
    const v = row.values;
    let point: PayPointName | undefined;
    try {
      point = v.point === "" ? undefined : payPointOf(pay, v.band, v.point, year);
    } catch (e) {
      throw table.error(row, "point", (e as Error).message);
    }
    checkDates(table, row, v);
    checkPost(row, v.post);
    return {
      post: v.post,
      role: v.role,
      costCentre: v.costCentre,
      band: v.band,
      ...(point ? { point } : {}),
      wte: v.wte,
      hcasZone: v.hcasZone,
      status: v.status,
      ...(v.startInBand === "" ? {} : { startInBand: v.startInBand }),
      ...(v.startDate === "" ? {} : { startDate: v.startDate }),
      ...(v.endDate === "" ? {} : { endDate: v.endDate }),
    };
  });
  return { posts, warnings: table.warnings };
}

/** readForecastTeamCsv over a file's bytes (any supported encoding). */
export function readForecastTeamFile(bytes: Uint8Array, source: string, pay: PayData, options: { year?: string } = {}): ForecastTeamRead {
  return readForecastTeamCsv(decodeText(bytes, source).text, source, pay, options);
}
