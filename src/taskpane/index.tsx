// The task pane's entry: decide which workbook to work on (environment.ts) and mount the React app.
import { createRoot } from "react-dom/client";
import { defaultCatalog } from "../catalog";
import { Startup } from "./app/Startup";
import { chooseWorkbook, pageEnvironment } from "./environment";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(<Startup catalog={defaultCatalog()} startup={chooseWorkbook(pageEnvironment())} />);
}
