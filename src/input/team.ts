import { type PayData, type PlannedPost, defaultYear, payPointOf, payScaleFor } from "../domain";
import { bandCell, dateCell, hcasZoneCell, hoursAsWteCell, payPointCell, postStatusCell, textCell, wteCell } from "./cells";
import { type ColumnSpecs, type ReadTable, column, readColumns } from "./columns";
import { parseCsv } from "./csv";
import { decodeText } from "./decode";

/** The columns of a team CSV (one row per post), with the names people give them. */
export function teamColumns(pay: PayData, year: string) {
  const fullTimeHours = payScaleFor(pay, year).hoursPerWeek;
  return {
    post: column("Post", { synonyms: ["Post name", "Post id", "Position", "Position title"], read: textCell, required: true }),
    role: column("Role", { synonyms: ["Job title", "Role title"], read: textCell, blank: "" }),
    band: column("Band", { synonyms: ["Pay band", "Grade", "AfC band", "Agenda for Change band"], read: bandCell, required: true }),
    point: column<PlannedPost["point"] | 1 | 2 | 3>("Point", { synonyms: ["Pay point", "Spine point"], read: payPointCell, blank: "top" }),
    wte: column("WTE", {
      synonyms: ["FTE", "Contracted WTE", "Contracted FTE", "Whole time equivalent", "Full time equivalent"],
      read: wteCell,
      also: [{ names: ["Contracted hours", "Hours", "Hours per week", "Weekly hours"], read: hoursAsWteCell(fullTimeHours) }],
      blank: 1,
    }),
    hcasZone: column("HCAS zone", { synonyms: ["HCAS", "High cost area zone", "High cost area"], read: hcasZoneCell, blank: "none" as const }),
    status: column("Status", { synonyms: ["In post / vacant", "In post or vacant"], read: postStatusCell, blank: "In post" as const }),
    startInBand: column("Start date in band", { synonyms: ["Start in band", "Date started in band"], read: dateCell, blank: "" }),
    // For a forecast: where the post is charged, and its first and last days in post (inclusive).
    costCentre: column("Cost centre", { synonyms: ["Cost center", "Cost code", "Cost centre code"], read: textCell, blank: "" }),
    startDate: column("Start date", { synonyms: ["Joining date", "Date joined", "Start"], read: dateCell, blank: "" }),
    endDate: column("End date", { synonyms: ["Leaving date", "Last day", "Last day in post"], read: dateCell, blank: "" }),
  } satisfies ColumnSpecs;
}

export interface TeamRead {
  readonly posts: PlannedPost[];
  /** Said once to the user: columns not used. */
  readonly warnings: readonly string[];
}

/**
 * Reads a team CSV into planned posts. Points are checked against the band in `year`'s pay scale (default: the
 * default costing year), so band 3 "intermediate" is refused, with band 3's points listed.
 */
export function readTeamCsv(text: string, source: string, pay: PayData, options: { year?: string } = {}): TeamRead {
  const year = options.year ?? defaultYear(pay);
  const table = readColumns(parseCsv(text, source), teamColumns(pay, year));
  const checkPost = uniquePostNames(table);
  const posts = table.rows.map((row): PlannedPost => {
    const v = row.values;
    let point: PlannedPost["point"];
    try {
      point = payPointOf(pay, v.band, v.point, year);
    } catch (e) {
      throw table.error(row, table.headerOf.point === undefined ? "band" : "point", (e as Error).message);
    }
    checkPost(row, v.post);
    checkDates(table, row, v);
    return {
      post: v.post,
      role: v.role,
      band: v.band,
      point,
      wte: v.wte,
      hcasZone: v.hcasZone,
      status: v.status,
      ...(v.startInBand === "" ? {} : { startInBand: v.startInBand }),
      ...(v.costCentre === "" ? {} : { costCentre: v.costCentre }),
      ...(v.startDate === "" ? {} : { startDate: v.startDate }),
      ...(v.endDate === "" ? {} : { endDate: v.endDate }),
    };
  });
  return { posts, warnings: table.warnings };
}

/** readTeamCsv over a file's bytes (any supported encoding). */
export function readTeamFile(bytes: Uint8Array, source: string, pay: PayData, options: { year?: string } = {}): TeamRead {
  return readTeamCsv(decodeText(bytes, source).text, source, pay, options);
}

/** A row whose end date (last day in post) is before its start date is refused, naming the line. */
export function checkDates(
  table: Pick<ReadTable<ColumnSpecs>, "error">,
  row: { readonly line: number },
  v: { readonly startDate: string; readonly endDate: string },
): void {
  if (v.startDate !== "" && v.endDate !== "" && v.endDate < v.startDate) {
    throw table.error(row, "endDate", `the end date ${v.endDate} is before the start date ${v.startDate}`);
  }
}

/**
 * A check that each row's post name is new in the file (case aside): a repeated name is refused naming the line
 * that had it first. One per read, shared by every reader of team files.
 */
export function uniquePostNames(table: Pick<ReadTable<ColumnSpecs>, "error">): (row: { readonly line: number }, post: string) => void {
  const seen = new Map<string, number>();
  return (row, post) => {
    const key = post.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) throw table.error(row, "post", `post '${post}' is already on line ${first}; each post needs its own name`);
    seen.set(key, row.line);
  };
}

