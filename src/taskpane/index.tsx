// The task pane's entry: decide which workbook to work on (environment.ts) and mount the React app.
import { createRoot } from "react-dom/client";
import { defaultCatalog } from "../catalog/embedded";
import { Startup } from "./app/Startup";
import { loadTab } from "./app/lazyTabs";
import { TABS } from "./app/tabs";
import { chooseWorkbook, pageEnvironment, preloadWorkbookCode } from "./environment";

const container = document.getElementById("container");
if (container) {
  // The first tab's chunk and the workbook's code download while Office starts up, not after.
  const environment = pageEnvironment();
  preloadWorkbookCode(environment);
  void loadTab(TABS[0]!).catch(() => undefined);
  createRoot(container).render(<Startup catalog={defaultCatalog()} startup={chooseWorkbook(environment)} />);
}
