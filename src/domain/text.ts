/**
 * The key two titles are compared by: lower case, accents and punctuation dropped, "&" read as "and",
 * spaces removed. "Health care" and "healthcare", "work-related" and "work related" share a key.
 */
export function normalizeText(text: string): string {
  let key = normalized.get(text);
  if (key === undefined) {
    key = computeKey(text);
    // Bounded: a workbook's titles repeat across thousands of calls; an unbounded cache would grow with input.
    if (normalized.size >= 20_000) normalized.clear();
    normalized.set(text, key);
  }
  return key;
}

const normalized = new Map<string, string>();

function computeKey(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]/g, "");
}

/**
 * The key text is grouped by wherever a sheet counts it with SUMIFS/COUNTIFS: case ignored (as those functions
 * ignore it), every other character kept, so a group holds exactly the rows its formula counts.
 */
export function caseFoldKey(text: string): string {
  return text.toLowerCase();
}

/** A stable, readable id from a title: "Manage budgets" → "manage-budgets". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
