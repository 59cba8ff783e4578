/** The words for what an addition did to the Catalog sheet's rows. Pure, like describeWrite.ts. */
import type { RowsMerge } from "../../catalog/workbookCatalog";

const q = (text: string): string => `“${text}”`;
const list = (ids: readonly string[]): string => ids.map(q).join(", ");

export function describeMerge(merge: Pick<RowsMerge, "added" | "replaced" | "skipped" | "localityAdded">): string[] {
  const lines: string[] = [];
  if (merge.added.length > 0) lines.push(`Added ${merge.added.length === 1 ? "the role" : "the roles"} ${list(merge.added)}.`);
  if (merge.replaced.length > 0) {
    lines.push(`Replaced ${list(merge.replaced)}; the locality-specific competences this workbook added to ${merge.replaced.length === 1 ? "it" : "them"} stay.`);
  }
  for (const s of merge.skipped) lines.push(`Left ${q(s.roleId)} as it was: ${s.reason}.`);
  if (merge.localityAdded > 0) lines.push(`Added ${merge.localityAdded} locality-specific competence${merge.localityAdded === 1 ? "" : "s"}.`);
  if (lines.length === 0) lines.push("Nothing new: the Catalog sheet already has all of it.");
  return lines;
}
