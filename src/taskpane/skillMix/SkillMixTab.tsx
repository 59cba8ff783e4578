/**
 * The Skill mix tab: the Role matrix, the team skills register (with its summary and training needs) and a
 * progression sheet, behind a small second row of tabs. Every part stays mounted, so a typed team survives a look
 * at another part; one write runs at a time across the three.
 */
import { Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { ProgressionSection } from "./ProgressionSection";
import { RoleMatrixSection } from "./RoleMatrixSection";
import { TeamRegisterSection } from "./TeamRegisterSection";
import { useWriteLock } from "./useSkillMixRun";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  parts: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  heading: { margin: 0 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

const PARTS = [
  { value: "register", label: "Team register", heading: "Team skills register" },
  { value: "matrix", label: "Role matrix", heading: "Roles × competences" },
  { value: "progression", label: "Progression", heading: "Progression from role A to role B" },
] as const;
type Part = (typeof PARTS)[number]["value"];

export function SkillMixTab({ catalog, workbook }: { catalog: Catalog; workbook: WorkbookAdapter }) {
  const styles = useStyles();
  const [part, setPart] = useState<Part>("register");
  const lock = useWriteLock();
  const panels: Record<Part, ReactNode> = {
    register: <TeamRegisterSection catalog={catalog} workbook={workbook} lock={lock} />,
    matrix: <RoleMatrixSection catalog={catalog} workbook={workbook} lock={lock} />,
    progression: <ProgressionSection catalog={catalog} workbook={workbook} lock={lock} />,
  };
  return (
    <div className={styles.tab}>
      <TabList
        className={styles.parts}
        size="small"
        selectedValue={part}
        onTabSelect={(_, data) => setPart(data.value as Part)}
        aria-label="Skill mix"
      >
        {PARTS.map((p) => (
          <Tab key={p.value} value={p.value} id={`skill-mix-tab-${p.value}`} aria-controls={`skill-mix-panel-${p.value}`}>
            {p.label}
          </Tab>
        ))}
      </TabList>
      {PARTS.map((p) => (
        <div
          key={p.value}
          id={`skill-mix-panel-${p.value}`}
          role="tabpanel"
          aria-labelledby={`skill-mix-tab-${p.value}`}
          hidden={part !== p.value}
          className={part === p.value ? styles.panel : undefined}
        >
          <Text as="h2" size={400} weight="semibold" className={styles.heading}>
            {p.heading}
          </Text>
          {panels[p.value]}
        </div>
      ))}
    </div>
  );
}
