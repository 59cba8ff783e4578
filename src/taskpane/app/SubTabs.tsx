/**
 * A tab's second row of small tabs (Costing, Skill mix), each part under its heading. Every part stays mounted, so
 * a half-filled form survives a look at another part; only the shown one is laid out.
 */
import { Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactNode, useState } from "react";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  parts: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
    // Costing's four parts are 11 px wider than a 320 px pane at the small tab's own padding: narrower padding keeps
    // them on one row down to 320 px, and below that a second row is better than a pane that scrolls sideways.
    flexWrap: "wrap",
    "@media (max-width: 359px)": {
      "& .fui-Tab": { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
    },
  },
  heading: { margin: 0 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface SubTab {
  readonly value: string;
  readonly label: string;
  readonly heading: string;
  readonly panel: ReactNode;
}

/** `label` names the row for screen readers; `idPrefix` keeps the tabs' and panels' ids apart ("costing-tab-plan"). */
export function SubTabs({ label, idPrefix, parts }: { label: string; idPrefix: string; parts: readonly SubTab[] }) {
  const styles = useStyles();
  const [part, setPart] = useState(parts[0]?.value);
  return (
    <div className={styles.tab}>
      <TabList className={styles.parts} size="small" selectedValue={part} onTabSelect={(_, data) => setPart(data.value as string)} aria-label={label}>
        {parts.map((p) => (
          <Tab key={p.value} value={p.value} id={`${idPrefix}-tab-${p.value}`} aria-controls={`${idPrefix}-panel-${p.value}`}>
            {p.label}
          </Tab>
        ))}
      </TabList>
      {parts.map((p) => (
        <div
          key={p.value}
          id={`${idPrefix}-panel-${p.value}`}
          role="tabpanel"
          aria-labelledby={`${idPrefix}-tab-${p.value}`}
          hidden={part !== p.value}
          className={part === p.value ? styles.panel : undefined}
        >
          <Text as="h2" size={400} weight="semibold" className={styles.heading}>
            {p.heading}
          </Text>
          {p.panel}
        </div>
      ))}
    </div>
  );
}
