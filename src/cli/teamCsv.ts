import Papa from "papaparse";
import { type PlannedPost, invalid, normalizeText, parsePlannedPost } from "../domain";

/** Column names people use for each field, compared without case, spaces or punctuation. */
const POST_COLUMNS: Record<keyof PlannedPost, readonly string[]> = {
  post: ["post", "post name", "post id"],
  role: ["role"],
  band: ["band"],
  point: ["point", "pay point"],
  wte: ["wte", "fte"],
  hcasZone: ["hcas zone", "hcas", "high cost area zone"],
  status: ["status", "in post / vacant", "in post or vacant"],
  startInBand: ["start date in band", "start in band", "start date"],
};

/** Parses CSV text into rows of fields by header; a leading byte-order mark and CRLF are fine. */
export function parseCsv(text: string, source: string): { headers: string[]; rows: { line: number; fields: Record<string, string> }[] } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const bad = result.errors.find((e) => e.type !== "Delimiter");
  if (bad) throw invalid(`${source} line ${(bad.row ?? 0) + 1}: ${bad.message}`);
  const [header, ...body] = result.data;
  if (!header || header.length === 0) throw invalid(`${source} is empty: it needs a header row`);
  const headers = header.map((h) => h.trim());
  return {
    headers,
    rows: body.map((cells, i) => ({
      line: i + 2,
      fields: Object.fromEntries(headers.map((h, c) => [h, (cells[c] ?? "").trim()])),
    })),
  };
}

/** Reads a team CSV (post, role, band, point, WTE, HCAS zone, status, start date in band) into planned posts. */
export function readTeamCsv(text: string, source: string): PlannedPost[] {
  const { headers, rows } = parseCsv(text, source);
  const columnFor = (field: keyof PlannedPost): string | undefined =>
    headers.find((h) => POST_COLUMNS[field].some((name) => normalizeText(name) === normalizeText(h)));
  for (const required of ["post", "band"] as const) {
    if (!columnFor(required)) throw invalid(`${source} has no '${required}' column; its columns are: ${headers.join(", ")}`);
  }
  const seen = new Map<string, number>();
  return rows.map(({ line, fields }) => {
    const get = (field: keyof PlannedPost) => {
      const column = columnFor(field);
      return column === undefined ? "" : fields[column];
    };
    const post = parsePlannedPost(
      Object.fromEntries((Object.keys(POST_COLUMNS) as (keyof PlannedPost)[]).map((f) => [f, get(f)])),
      `${source} line ${line}`,
    );
    const key = post.post.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) throw invalid(`${source} line ${line}: post '${post.post}' is already on line ${first}; each post needs its own name`);
    seen.set(key, line);
    return post;
  });
}
