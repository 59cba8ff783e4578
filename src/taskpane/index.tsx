// The task pane's entry: decide which workbook to work on (environment.ts) and mount the React app.
import { createRoot } from "react-dom/client";
import { defaultCatalog } from "../catalog/embedded";
import { Startup } from "./app/Startup";
import { loadTab } from "./app/lazyTabs";
import { TABS } from "./app/tabs";
import { chooseWorkbook, pageEnvironment, wantsMemoryWorkbook } from "./environment";

const container = document.getElementById("container");
if (container) {
  // The first tab is part of this entry: loading it only marks it loaded, so it renders at once. The workbook's
  // code loads once the first view has shown (App.tsx).
  const environment = pageEnvironment();
  void loadTab(TABS[0]!).catch(() => undefined);
  createRoot(container).render(
    <Startup catalog={defaultCatalog()} startup={chooseWorkbook(environment)} demoAsked={wantsMemoryWorkbook(environment.search)} />,
  );
}
