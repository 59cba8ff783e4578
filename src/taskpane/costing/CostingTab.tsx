/**
 * The Costing tab: cost one post, build a staffing plan, compare two scenarios, insert the pay reference tables.
 * Four parts behind a small second row of tabs; every part stays mounted, so a half-filled form survives a look
 * at another.
 */
import { Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { CompareSection } from "./CompareSection";
import { PayTablesSection } from "./PayTablesSection";
import { PostCostCalculator } from "./PostCostCalculator";
import { StaffingPlanSection } from "./StaffingPlanSection";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  parts: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  heading: { margin: 0 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

const PARTS = [
  { value: "post", label: "Post cost", heading: "Cost one post" },
  { value: "plan", label: "Plan", heading: "Build a staffing plan" },
  { value: "compare", label: "Compare", heading: "Compare scenarios" },
  { value: "pay", label: "Pay tables", heading: "Pay scales and on-costs" },
] as const;
type Part = (typeof PARTS)[number]["value"];

export function CostingTab({ catalog, workbook }: { catalog: Catalog; workbook: WorkbookAdapter }) {
  const styles = useStyles();
  const [part, setPart] = useState<Part>("post");
  const panels: Record<Part, ReactNode> = {
    post: <PostCostCalculator catalog={catalog} />,
    plan: <StaffingPlanSection catalog={catalog} workbook={workbook} />,
    compare: <CompareSection catalog={catalog} workbook={workbook} />,
    pay: <PayTablesSection catalog={catalog} workbook={workbook} />,
  };
  return (
    <div className={styles.tab}>
      <TabList
        className={styles.parts}
        size="small"
        selectedValue={part}
        onTabSelect={(_, data) => setPart(data.value as Part)}
        aria-label="Costing"
      >
        {PARTS.map((p) => (
          <Tab key={p.value} value={p.value} id={`costing-tab-${p.value}`} aria-controls={`costing-panel-${p.value}`}>
            {p.label}
          </Tab>
        ))}
      </TabList>
      {PARTS.map((p) => (
        <div
          key={p.value}
          id={`costing-panel-${p.value}`}
          role="tabpanel"
          aria-labelledby={`costing-tab-${p.value}`}
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
