/**
 * The first screen: waits for start-up to pick a workbook (environment.ts), then shows the planner, or the
 * needs-Excel page when there is no workbook. If Office answers late and says Excel, the planner replaces that page.
 * A page that asks for the demo workbook shows the planner at once: there start-up can only end in the planner
 * (Office's answer decides only whose workbook it opens), so the Roles list need not wait for Office.onReady.
 */
import { FluentProvider, Spinner, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useState } from "react";
import type { WorkbookAdapter } from "../../excel/adapter";
import type { Catalog } from "../../catalog";
import type { Startup as StartupResult } from "../environment";
import { App } from "./App";

// Only outside Excel: its message bar is not worth downloading in Excel.
const NeedsExcel = lazy(() => import(/* webpackChunkName: "needs-excel" */ "./NeedsExcel").then((m) => ({ default: m.NeedsExcel })));

const useStyles = makeStyles({
  waiting: { padding: tokens.spacingVerticalXXL },
});

export interface StartupProps {
  readonly catalog: Catalog;
  /** Start-up's decision (chooseWorkbook). */
  readonly startup: Promise<StartupResult>;
  /**
   * The page asks for the demo workbook (`?workbook=memory`): show the planner, marked as the demo, before start-up
   * has decided. It then opens the workbook start-up chose: the demo's, or Excel's when Office says this is Excel
   * after all (the demo badge then goes).
   */
  readonly demoAsked?: boolean;
}

export function Startup({ catalog, startup, demoAsked = false }: StartupProps) {
  const styles = useStyles();
  const [decided, setDecided] = useState<StartupResult | null>(null);
  // The planner shown before the decision opens whatever workbook start-up decides on.
  const [openDecided] = useState(() => () =>
    startup.then((result): Promise<WorkbookAdapter> => (result.kind === "needs-excel" ? new Promise<never>(() => undefined) : result.open())),
  );
  useEffect(() => {
    let live = true;
    startup.then(
      (result) => {
        if (!live) return;
        setDecided(result);
        if (result.kind === "needs-excel" && result.lateExcel) {
          void result.lateExcel.then((workbook) => {
            if (live) setDecided({ kind: "excel", open: async () => workbook });
          });
        }
      },
      () => {
        if (live) setDecided({ kind: "needs-excel", host: null });
      },
    );
    return () => {
      live = false;
    };
  }, [startup]);

  if (decided === null) {
    if (demoAsked) return <App catalog={catalog} workbook={openDecided} demo />;
    return (
      <FluentProvider theme={webLightTheme}>
        <Spinner className={styles.waiting} label="Starting Workforce Planner…" />
      </FluentProvider>
    );
  }
  if (decided.kind === "needs-excel") {
    return (
      <FluentProvider theme={webLightTheme}>
        <Suspense fallback={<Spinner className={styles.waiting} label="Starting Workforce Planner…" />}>
          <NeedsExcel host={decided.host} />
        </Suspense>
      </FluentProvider>
    );
  }
  // Read once when App mounts: an App shown before the decision keeps opening through openDecided.
  return <App catalog={catalog} workbook={demoAsked ? openDecided : decided.open} demo={decided.kind === "memory"} />;
}
