import { type ProgressionGap, needMark } from "../../domain";
import { STYLE, SheetLayout } from "../layout";
import type { PlanCell, SheetPlan } from "../plan";
import { SKILL_MIX_KEYS, SKILL_MIX_TABLES } from "./names";

/**
 * Role A → role B: what B requires that A does not, grouped by underpinning principle, with B's indicative
 * learning and development. From the catalog: it changes only when the roles do.
 */
export function progressionSheet(gap: ProgressionGap): SheetPlan {
  const { from, to } = gap;
  const layout = new SheetLayout();
  layout.line(`Progression: ${from.title} → ${to.title}`, STYLE.title);
  layout.line(`Career Framework level ${from.careerFrameworkLevel} → ${to.careerFrameworkLevel}`, STYLE.subtitle);
  layout.gap();
  layout.keyValues([
    [`Competences ${to.title} requires`, gap.toRequired],
    [`Already required of ${from.title}`, gap.carried],
    ["Share already required", gap.toRequired === 0 ? "" : gap.carried / gap.toRequired, "0%"],
    ["Competences to gain", gap.toGain],
  ]);
  layout.gap();
  layout.line("Competences to gain, by underpinning principle", STYLE.heading);
  const rows: PlanCell[][] = gap.groups.flatMap((g) =>
    g.toGain.map((step) => [`${g.principle.code}. ${g.principle.name}`, step.function, step.competence.title, step.competence.code ?? "", needMark(step.sections)]),
  );
  const header = layout.table(
    SKILL_MIX_TABLES.progression(from.id, to.id),
    [
      { header: "Principle", width: 34 },
      { header: "Function", width: 40 },
      { header: "Competence", width: 70 },
      { header: "NOS code", width: 12 },
      { header: `In the ${to.title} profile`, width: 18 },
    ],
    rows,
  );
  layout.gap();
  layout.line(`Learning and development for ${to.title}`, STYLE.heading);
  layout.table(SKILL_MIX_TABLES.progressionLearning(from.id, to.id), [{ header: "Type" }, { header: "Learning" }], [
    ...gap.learning.formal.map((l) => ["Formal", l]),
    ...gap.learning.informal.map((l) => ["Informal", l]),
  ]);
  return {
    key: SKILL_MIX_KEYS.progression(from.id, to.id),
    name: "Progression",
    blocks: layout.blocks,
    tabColor: "#41B6E6",
    print: { landscape: true, fitToWidth: true, repeatRows: { first: header, last: header } },
  };
}
