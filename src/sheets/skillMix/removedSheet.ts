import { type SkillRegister, cellText } from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import { type PlanCell, type SheetPlan, columnLetter } from "../plan";
import { SKILL_MIX_KEYS, SKILL_MIX_TABLES } from "./names";
import { heatmap, personCells, personColumns, statusColumns } from "./teamSkillsSheet";

/**
 * People who were on the register and are not on the team any more, with every status they had: a rebuild never
 * drops what the user recorded. Someone who comes back gets their statuses back from here.
 */
export function removedSheet(removed: SkillRegister): SheetPlan {
  const layout = new SheetLayout();
  layout.line("Left the team", STYLE.title);
  layout.line(
    removed.people.length === 0
      ? "Nobody has left the register."
      : "No longer in the staffing plan (or the list the register was built from). Their statuses are kept here; delete a row when it is no longer needed.",
    STYLE.subtitle,
  );
  layout.gap();
  const rows: PlanCell[][] = removed.people.map((person, p) => [...personCells(person), ...removed.cells[p]!.map(cellText)]);
  const header = layout.table(SKILL_MIX_TABLES.removed, [...personColumns, ...statusColumns(removed)], rows, { carriesWorkbookRows: true, style: "TableStyleLight1" });
  const first = personColumns.length + 1;
  const last = personColumns.length + removed.competences.length;
  return {
    key: SKILL_MIX_KEYS.removed,
    name: "Left the team",
    blocks: layout.blocks,
    tabColor: "#768692",
    freezeRows: header,
    conditionalFormats:
      removed.competences.length > 0 && rows.length > 0
        ? heatmap(`${columnLetter(first)}${header + 1}:${columnLetter(last)}${header + rows.length}`)
        : [],
  };
}
