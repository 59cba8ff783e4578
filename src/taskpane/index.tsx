// Placeholder: the React task pane is mounted here (issue 3).
import { createRoot } from "react-dom/client";

const container = document.getElementById("container");
if (container) createRoot(container).render(<p>Workforce Planner</p>);
