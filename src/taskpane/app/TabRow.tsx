/**
 * The pane's row of tabs on one line at any pane width: the tabs that fit, and a "More" menu with the rest (Fluent's
 * Overflow, which measures the row). The chosen tab keeps its place in the row (higher priority), so the user
 * always sees where they are. In a navigation landmark, so the row is found and nothing sits outside a landmark.
 */
import {
  Button,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { useState } from "react";
import type { TabDefinition } from "./tabs";

const useStyles = makeStyles({
  nav: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `0 ${tokens.spacingHorizontalS}` },
  // One row: what does not fit goes to the menu, never to a second row.
  row: { display: "flex", alignItems: "center", minWidth: 0 },
  tabs: { flexWrap: "nowrap", minWidth: 0, flexGrow: 1, overflow: "hidden" },
  more: { position: "relative", flexShrink: 0 },
  list: {
    position: "absolute",
    right: 0,
    top: "100%",
    zIndex: 2,
    margin: 0,
    padding: tokens.spacingVerticalXS,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusMedium,
  },
});

interface TabRowProps {
  readonly tabs: readonly TabDefinition[];
  readonly selected: string;
  readonly onSelect: (id: string) => void;
}

export function TabRow({ tabs, selected, onSelect }: TabRowProps) {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label="Workforce Planner tabs">
      <Overflow minimumVisible={2}>
        {/* The "More" button sits beside the tab list, not in it: a tab list holds tabs only. */}
        <div className={styles.row}>
          <TabList
            className={styles.tabs}
            // Small tabs, so more of them fit on a row of the pane.
            size="small"
            selectedValue={selected}
            onTabSelect={(_, data) => onSelect(String(data.value))}
            aria-label="Workforce Planner"
          >
            {tabs.map((t) => (
              <OverflowItem key={t.id} id={t.id} priority={t.id === selected ? 2 : 1}>
                <Tab value={t.id} id={`tab-${t.id}`} aria-controls={`panel-${t.id}`}>
                  {t.label}
                </Tab>
              </OverflowItem>
            ))}
          </TabList>
          <MoreTabs tabs={tabs} onSelect={onSelect} />
        </div>
      </Overflow>
    </nav>
  );
}

/**
 * "More (n)": the tabs the row has no room for, as a list of buttons under it (a disclosure: a plain list keeps the
 * first view's script small — a Fluent Menu brings its positioning engine along).
 */
function MoreTabs({ tabs, onSelect }: Omit<TabRowProps, "selected">) {
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  const [open, setOpen] = useState(false);
  if (!isOverflowing) return null;
  return (
    <div className={styles.more}>
      <Button
        ref={ref}
        size="small"
        appearance="transparent"
        aria-expanded={open}
        aria-label={`${overflowCount} more tabs`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
      >
        {`More (${overflowCount})`}
      </Button>
      {open ? (
        <ul className={styles.list} aria-label="More tabs">
          {tabs.map((t) => (
            <HiddenTab
              key={t.id}
              tab={t}
              onSelect={(id) => {
                setOpen(false);
                onSelect(id);
              }}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A button for a tab the row has no room for. */
function HiddenTab({ tab, onSelect }: { tab: TabDefinition; onSelect: (id: string) => void }) {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return (
    <li>
      <Button appearance="subtle" onClick={() => onSelect(tab.id)}>
        {tab.label}
      </Button>
    </li>
  );
}
