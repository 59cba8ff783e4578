import { MAX_SHEET_NAME } from "./plan";

/** Long service names people abbreviate anyway, so sheet names stay readable within Excel's 31 characters. */
const ABBREVIATIONS: readonly [RegExp, string][] = [[/\bLiaison and Diversion\b/g, "L&D"]];

/** A sheet name from a title: Excel's forbidden characters replaced, shortened at a word to 31 characters. */
export function sheetNameFor(title: string): string {
  let name = title;
  for (const [pattern, short] of ABBREVIATIONS) name = name.replace(pattern, short);
  name = name.replace(/[[\]:*?/\\]/g, "-").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "");
  if (name.length <= MAX_SHEET_NAME) return name || "Sheet";
  const cut = name.slice(0, MAX_SHEET_NAME);
  const space = cut.lastIndexOf(" ");
  return (space > 10 ? cut.slice(0, space) : cut).trim();
}

/** A workbook-unique table name for one thing: "Competences" + "reconnect-peer-support-worker". */
export function tableNameFor(prefix: string, id: string): string {
  const suffix = id.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return `${prefix}_${suffix}`.slice(0, 250);
}
