import { normalizeText } from "../text";

/**
 * Two competences in one cell: the extractor joins the text of two table rows with a space
 * ("Monitor your own work practices Develop your practice through reflection and learning"). Where one
 * title ends cannot be read from the text, so a cell is split only where both halves are known titles.
 */

export function knownTitleKeys(titles: readonly string[] | undefined): ReadonlySet<string> {
  return new Set((titles ?? []).map(normalizeText));
}

/** The two titles the cell is made of, when it is exactly two known titles joined by a space. */
export function splitJoinedTitles(cell: string, known: ReadonlySet<string>): [string, string] | null {
  if (known.size === 0 || known.has(normalizeText(cell))) return null;
  for (let i = cell.indexOf(" "); i >= 0; i = cell.indexOf(" ", i + 1)) {
    const first = cell.slice(0, i).trim();
    const second = cell.slice(i + 1).trim();
    if (known.has(normalizeText(first)) && known.has(normalizeText(second))) return [first, second];
  }
  return null;
}

/**
 * A capitalised word after a lower-case one, with at least two more words after it, looks like a second
 * title starting: NOS titles are sentence case and start with a verb. A capitalised last word
 * ("…use of regulatory Framework") is a quirk of one title, not a second title, so it is not flagged.
 * Only used to report a doubt, never to split.
 */
export function looksLikeJoinedTitles(cell: string): boolean {
  return /[a-z,;)] [A-Z][a-z]+(?: \S+){2,}$/.test(cell);
}
