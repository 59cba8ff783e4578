/**
 * The task pane: header, and a row of tabs (tabs.ts). Talks to Excel only through `workbook`. Each tab's code loads
 * on demand (lazyTabs.tsx): the first tab's at once, the others when the pane is idle.
 *
 * Given a way to open the workbook rather than the workbook, the pane shows the first tab at once and opens the
 * workbook (its code is a chunk) once that first view has been painted; until it has arrived the first tab works
 * on an OpeningWorkbook, whose calls wait for it, and the other tabs show a spinner.
 */
import { FluentProvider, Spinner, Text, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { AppHeader } from "./AppHeader";
import { TabContent, loadTab, loadTabs, whenIdle } from "./lazyTabs";
import { OpeningWorkbook } from "./openingWorkbook";
import { TabRow } from "./TabRow";
import { TABS } from "./tabs";

const useStyles = makeStyles({
  app: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

export interface AppProps {
  readonly catalog: Catalog;
  /** The workbook, or how to open it (Startup's `open`). Read once, when the pane mounts. */
  readonly workbook: WorkbookAdapter | (() => Promise<WorkbookAdapter>);
  /** The workbook is the in-memory demo one. */
  readonly demo: boolean;
}

const FIRST_TAB = TABS[0]!.id;

/** Runs `task` after the next frame has been painted (a frame callback runs just before the paint). */
function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}

type WorkbookState = { readonly ready: true } | { readonly ready: false; readonly failed: string | null };

/** The workbook the tabs get, and whether it has arrived: opened after the first tab has shown. */
function useWorkbook(given: AppProps["workbook"]): { workbook: WorkbookAdapter; state: WorkbookState } {
  const [opening] = useState(() => {
    if (typeof given !== "function") return { workbook: given, open: null };
    let open: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => {
      open = resolve;
    });
    return { workbook: new OpeningWorkbook(asked.then(given)), open };
  });
  const [state, setState] = useState<WorkbookState>(() => (opening.open ? { ready: false, failed: null } : { ready: true }));
  useEffect(() => {
    const { workbook, open } = opening;
    if (!open || !(workbook instanceof OpeningWorkbook)) return;
    let live = true;
    void loadTab(TABS[0]!)
      .catch(() => undefined)
      .then(() => afterPaint(open));
    workbook.ready.then(
      () => live && setState({ ready: true }),
      (error: unknown) => live && setState({ ready: false, failed: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [opening]);
  return { workbook: opening.workbook, state };
}

export function App({ catalog, workbook: given, demo }: AppProps) {
  const styles = useStyles();
  const { workbook, state } = useWorkbook(given);
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
        <AppHeader demo={demo} opening={!state.ready} />
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
              {!opened.has(t.id) ? null : state.ready || t.id === FIRST_TAB ? (
                <TabContent tab={t} catalog={catalog} workbook={workbook} />
              ) : state.failed === null ? (
                <Spinner size="small" label="Opening the workbook…" />
              ) : (
                <Text as="p" role="alert">{`The workbook could not be opened (${state.failed}). Close and reopen the add-in.`}</Text>
              )}
            </div>
          ))}
        </main>
      </div>
    </FluentProvider>
  );
}
