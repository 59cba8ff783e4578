/**
 * The task pane: header, and a row of tabs (tabs.ts). Talks to Excel only through `workbook`. Each tab's code loads
 * on demand (lazyTabs.tsx): the first tab's at once, the others when the pane is idle.
 */
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { AppHeader } from "./AppHeader";
import { TabContent, loadTabs, whenIdle } from "./lazyTabs";
import { TabRow } from "./TabRow";
import { TABS } from "./tabs";

const useStyles = makeStyles({
  app: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

export interface AppProps {
  readonly catalog: Catalog;
  readonly workbook: WorkbookAdapter;
  /** The workbook is the in-memory demo one. */
  readonly demo: boolean;
}

const FIRST_TAB = TABS[0]!.id;

export function App({ catalog, workbook, demo }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<string>(FIRST_TAB);
  // A panel mounts when its tab is first opened and then stays mounted, so levels chosen in the calculator survive
  // a look at the Roles tab.
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([FIRST_TAB]));
  // The other tabs' chunks arrive while the user reads the first one, so opening a tab rarely shows a spinner.
  useEffect(() => whenIdle(() => void loadTabs(TABS).catch(() => undefined)), []);
  const open = (id: string): void => {
    setTab(id);
    setOpened((was) => (was.has(id) ? was : new Set([...was, id])));
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.app}>
        <AppHeader demo={demo} />
        <TabRow tabs={TABS} selected={tab} onSelect={open} />
        <main>
          {TABS.map((t) => (
            <div
              key={t.id}
              id={`panel-${t.id}`}
              role="tabpanel"
              aria-labelledby={`tab-${t.id}`}
              hidden={tab !== t.id}
              className={styles.panel}
            >
              {opened.has(t.id) ? <TabContent tab={t} catalog={catalog} workbook={workbook} /> : null}
            </div>
          ))}
        </main>
      </div>
    </FluentProvider>
  );
}
