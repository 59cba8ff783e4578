/**
 * The first screen: waits for start-up to pick a workbook (environment.ts), then shows the planner, or the
 * needs-Excel page when there is no workbook. If Office answers late and says Excel, the planner replaces that page.
 */
import { FluentProvider, Spinner, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useState } from "react";
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
}

export function Startup({ catalog, startup }: StartupProps) {
  const styles = useStyles();
  const [decided, setDecided] = useState<StartupResult | null>(null);
  useEffect(() => {
    let live = true;
    startup.then(
      (result) => {
        if (!live) return;
        setDecided(result);
        if (result.kind === "needs-excel" && result.lateExcel) {
          void result.lateExcel.then((workbook) => {
            if (live) setDecided({ kind: "excel", workbook });
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
  return <App catalog={catalog} workbook={decided.workbook} demo={decided.kind === "memory"} />;
}
