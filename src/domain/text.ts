/**
 * The key two titles are compared by: lower case, accents and punctuation dropped, "&" read as "and",
 * spaces removed. "Health care" and "healthcare", "work-related" and "work related" share a key.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]/g, "");
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
