import { type PersonTrainingNeeds, type PrincipleDefinition, type Role, cellText } from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import type { PlanCell, SheetPlan } from "../plan";
import { SKILL_MIX_KEYS, SKILL_MIX_TABLES } from "./names";

/** Where a person is now on a competence to gain, in words. */
const nowText = (need: PersonTrainingNeeds["toGain"][number]): string => cellText(need.now) ?? "Not recorded";

/**
 * Training needs from the register's gaps: for each person, every competence they need and do not yet hold, with
 * where they are now; then the learning and development of each of their roles. A snapshot of the register as it
 * was built: rebuild it after statuses change.
 */
export function trainingNeedsSheet(needs: readonly PersonTrainingNeeds[]): SheetPlan {
  const layout = new SheetLayout();
  layout.line("Training needs", STYLE.title);
  layout.line("From the Team skills register as last built: rebuild the register (Skill mix) after statuses change.", STYLE.subtitle);
  layout.gap();
  layout.line("Competences to gain", STYLE.heading);
  // One label string per principle, not one per row: a large team has hundreds of thousands of rows here.
  const principles = new Map<PrincipleDefinition, string>();
  const principleText = (p: PrincipleDefinition | null): string => {
    if (p === null) return "";
    let text = principles.get(p);
    if (text === undefined) principles.set(p, (text = `${p.code}. ${p.name}`));
    return text;
  };
  const rows: PlanCell[][] = [];
  for (const n of needs) {
    const role = n.person.catalogRole?.title ?? n.person.role;
    for (const g of n.toGain) rows.push([n.person.name, role, g.title, principleText(g.principle), nowText(g)]);
  }
  const header = layout.table(
    SKILL_MIX_TABLES.trainingNeeds,
    [
      { header: "Name", width: 22 },
      { header: "Role", width: 30 },
      { header: "Competence to gain", width: 70 },
      { header: "Principle", width: 28 },
      { header: "Now", width: 14 },
    ],
    rows,
  );
  layout.line(needs.length === 0 ? "Nobody has a competence to gain." : `${rows.length} competences to gain across ${needs.length} people.`, STYLE.note);
  layout.gap();
  layout.line("Learning and development of their roles", STYLE.heading);
  const roles = new Map<string, Role>();
  for (const n of needs) if (n.person.catalogRole) roles.set(n.person.catalogRole.id, n.person.catalogRole);
  const learning: PlanCell[][] = [...roles.values()].flatMap((role) => [
    ...role.learning.formal.map((l) => [role.title, "Formal", l]),
    ...role.learning.informal.map((l) => [role.title, "Informal", l]),
  ]);
  layout.table(SKILL_MIX_TABLES.roleLearning, [{ header: "Role" }, { header: "Type" }, { header: "Learning" }], learning);
  if (needs.some((n) => n.learning === null)) layout.line("Roles not in the catalog have no learning listed here.", STYLE.note);
  return {
    key: SKILL_MIX_KEYS.trainingNeeds,
    name: "Training needs",
    blocks: layout.blocks,
    tabColor: "#007F3B",
    print: { fitToWidth: true, repeatRows: { first: header, last: header } },
  };
}
