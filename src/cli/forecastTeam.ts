import { type ForecastPost, invalid, normalizeText, parseIsoDay, parsePlannedPost } from "../domain";
import { parseCsv } from "./teamCsv";

/** Column names people use for each field of a forecast post, compared without case, spaces or punctuation. */
const COLUMNS = {
  post: ["post", "post name", "post id"],
  role: ["role"],
  costCentre: ["cost centre", "cost center", "cost code"],
  band: ["band"],
  point: ["point", "pay point"],
  wte: ["wte", "fte"],
  hcasZone: ["hcas zone", "hcas", "high cost area zone"],
  status: ["status", "in post / vacant", "in post or vacant"],
  startInBand: ["start date in band", "start in band"],
  startDate: ["start date", "start", "joining date"],
  endDate: ["end date", "leaving date", "last day"],
} as const;
type Field = keyof typeof COLUMNS;

/**
 * Reads a team CSV for a forecast: the staffing-plan columns plus `Cost centre`, `Start date` (first day in post)
 * and `End date` (last day in post). A blank Point stays blank, so a joiner starts at entry.
 */
export function readForecastTeam(text: string, source: string): ForecastPost[] {
  const { headers, rows } = parseCsv(text, source);
  const columnFor = (field: Field): string | undefined => headers.find((h) => COLUMNS[field].some((name) => normalizeText(name) === normalizeText(h)));
  for (const required of ["post", "band"] as const) {
    if (!columnFor(required)) throw invalid(`${source} has no '${required}' column; its columns are: ${headers.join(", ")}`);
  }
  const seen = new Map<string, number>();
  return rows.map(({ line, fields }) => {
    const get = (field: Field): string => {
      const column = columnFor(field);
      return column === undefined ? "" : (fields[column] ?? "");
    };
    const where = `${source} line ${line}`;
    const planned = parsePlannedPost(
      { post: get("post"), role: get("role"), band: get("band"), point: get("point"), wte: get("wte"), hcasZone: get("hcasZone"), status: get("status"), startInBand: get("startInBand") },
      where,
    );
    const date = (field: "startDate" | "endDate", what: string): string | undefined => {
      const value = get(field);
      if (value === "") return undefined;
      try {
        parseIsoDay(value, what);
      } catch (e) {
        throw invalid(`${where}: ${(e as Error).message}`);
      }
      return value;
    };
    const startDate = date("startDate", "a start date");
    const endDate = date("endDate", "an end date");
    if (startDate && endDate && endDate < startDate) throw invalid(`${where}: the end date ${endDate} is before the start date ${startDate}`);
    const key = planned.post.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) throw invalid(`${where}: post '${planned.post}' is already on line ${first}; each post needs its own name`);
    seen.set(key, line);
    const { point, ...rest } = planned;
    return {
      ...rest,
      costCentre: get("costCentre"),
      ...(get("point") !== "" ? { point } : {}),
      ...(startDate ? { startDate } : {}),
      ...(endDate ? { endDate } : {}),
    };
  });
}
