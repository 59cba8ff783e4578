/**
 * The pane's row of tabs on one line at any pane width: the tabs that fit, and a "More" menu with the rest (Fluent's
 * Overflow, which measures the row). The chosen tab keeps its place in the row (higher priority), so the user
 * always sees where they are. In a navigation landmark, so the row is found and nothing sits outside a landmark.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import type { TabDefinition } from "./tabs";

const useStyles = makeStyles({
  nav: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `0 ${tokens.spacingHorizontalS}` },
  // One row: what does not fit goes to the menu, never to a second row.
  tabs: { flexWrap: "nowrap", minWidth: 0, overflow: "hidden" },
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
          <MoreTabs tabs={tabs} onSelect={onSelect} />
        </TabList>
      </Overflow>
    </nav>
  );
}

function MoreTabs({ tabs, onSelect }: Omit<TabRowProps, "selected">) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} size="small" appearance="transparent" aria-label={`${overflowCount} more tabs`}>
          {`More (${overflowCount})`}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((t) => (
            <HiddenTab key={t.id} tab={t} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** A menu entry for a tab the row has no room for. */
function HiddenTab({ tab, onSelect }: { tab: TabDefinition; onSelect: (id: string) => void }) {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{tab.label}</MenuItem>;
}
