/** The task pane: header, and a row of tabs (Roles, JE calculator, Reference, Costing…). Talks to Excel only through `workbook`. */
import {
  FluentProvider,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { useWorkbookCatalog } from "../catalog/useWorkbookCatalog";
import { CatalogTab } from "../catalog/CatalogTab";
import { CostingTab } from "../costing/CostingTab";
import { JeCalculatorTab } from "../je/JeCalculatorTab";
import { ReferenceTab } from "../reference/ReferenceTab";
import { RolesTab } from "../roles/RolesTab";
import { SkillMixTab } from "../skillMix/SkillMixTab";
import { AppHeader } from "./AppHeader";
import { usePageStyles } from "./pageStyles";

const useStyles = makeStyles({
  app: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  // The tabs wrap onto a second row rather than widen the pane beyond its ~360 px.
  tabs: { flexWrap: "wrap", padding: `0 ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

const TABS = [
  { value: "roles", label: "Roles" },
  { value: "costing", label: "Costing" },
  { value: "skillMix", label: "Skill mix" },
  { value: "je", label: "JE calculator" },
  { value: "catalog", label: "Catalog" },
  { value: "reference", label: "Reference" },
] as const;
type TabValue = (typeof TABS)[number]["value"];

export interface AppProps {
  readonly catalog: Catalog;
  readonly workbook: WorkbookAdapter;
  /** The workbook is the in-memory demo one. */
  readonly demo: boolean;
}

export function App({ catalog, workbook, demo }: AppProps) {
  usePageStyles();
  const styles = useStyles();
  const [tab, setTab] = useState<TabValue>("roles");
  // Costing and skill mix work with the workbook's own roles too (its Catalog sheet), not only the built-in ones.
  const withWorkbookRoles = useWorkbookCatalog(workbook, catalog).state.view.catalog;
  const panels: Record<TabValue, ReactNode> = {
    roles: <RolesTab catalog={catalog} workbook={workbook} />,
    je: <JeCalculatorTab catalog={catalog} workbook={workbook} />,
    reference: <ReferenceTab catalog={catalog} workbook={workbook} />,
    costing: <CostingTab catalog={withWorkbookRoles} workbook={workbook} />,
    catalog: <CatalogTab catalog={catalog} workbook={workbook} />,
    skillMix: <SkillMixTab catalog={withWorkbookRoles} workbook={workbook} />,
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.app}>
        <AppHeader demo={demo} />
        <TabList
          className={styles.tabs}
          // Small tabs, so more of them fit on a row of the pane.
          size="small"
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabValue)}
          aria-label="Workforce Planner"
        >
          {TABS.map((t) => (
            <Tab key={t.value} value={t.value} id={`tab-${t.value}`} aria-controls={`panel-${t.value}`}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        {/* Every panel stays mounted, so levels chosen in the calculator survive a look at the Roles tab. */}
        <main>
          {TABS.map((t) => (
            <div
              key={t.value}
              id={`panel-${t.value}`}
              role="tabpanel"
              aria-labelledby={`tab-${t.value}`}
              hidden={tab !== t.value}
              className={styles.panel}
            >
              {panels[t.value]}
            </div>
          ))}
        </main>
      </div>
    </FluentProvider>
  );
}
