/**
 * The Skill mix tab: the Role matrix, the team skills register (with its summary and training needs) and a
 * progression sheet, behind a small second row of tabs. One write runs at a time across the three (a shared lock).
 */
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { SubTabs } from "../app/SubTabs";
import { useWriteLock } from "../writing/writeLock";
import { ProgressionSection } from "./ProgressionSection";
import { RoleMatrixSection } from "./RoleMatrixSection";
import { TeamRegisterSection } from "./TeamRegisterSection";

export function SkillMixTab({ catalog, workbook }: { catalog: Catalog; workbook: WorkbookAdapter }) {
  const lock = useWriteLock();
  return (
    <SubTabs
      label="Skill mix"
      idPrefix="skill-mix"
      parts={[
        {
          value: "register",
          label: "Team register",
          heading: "Team skills register",
          panel: <TeamRegisterSection catalog={catalog} workbook={workbook} lock={lock} />,
        },
        { value: "matrix", label: "Role matrix", heading: "Roles × competences", panel: <RoleMatrixSection catalog={catalog} workbook={workbook} lock={lock} /> },
        {
          value: "progression",
          label: "Progression",
          heading: "Progression from role A to role B",
          panel: <ProgressionSection catalog={catalog} workbook={workbook} lock={lock} />,
        },
      ]}
    />
  );
}
