// Shared set-up of the task pane's component tests (jsdom): the stand-ins jsdom lacks, and the app rendered over a
// MemoryWorkbook with a user-event driver.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultCatalog } from "../../src/catalog";
import type { WorkbookAdapter } from "../../src/excel/adapter";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { App } from "../../src/taskpane/app/App";
import { loadEverything } from "../../src/taskpane/app/lazyTabs";
import { TABS } from "../../src/taskpane/app/tabs";

// The jsdom stand-ins, Testing Library's settings and its clean-up are in test/support/jsdomSetup.ts (run before
// every file of the jsdom project).

export const catalog = defaultCatalog();

// The pane loads its tabs on demand; the tests see it as it is once idle, every chunk loaded.
await loadEverything(TABS);

export function newWorkbook(): MemoryWorkbook {
  return new MemoryWorkbook({ sheets: ["Sheet1"], now: () => new Date("2025-04-01T10:00:00Z") });
}

export function renderApp(workbook: WorkbookAdapter = newWorkbook()) {
  // No pause between keystrokes: these tests are about what the pane does, not typing speed.
  const user = userEvent.setup({ delay: null });
  const view = render(<App catalog={catalog} workbook={workbook} demo />);
  return { user, workbook, ...view };
}

/**
 * Opens a top tab by name: from the tab row, or from the "More" list when the row has no room for it (jsdom has no
 * layout, so Fluent's Overflow may move any tab but the chosen ones there). Returns the tab's panel.
 */
export async function openTopTab(user: ReturnType<typeof userEvent.setup>, name: string): Promise<HTMLElement> {
  const tab = screen.queryByRole("tab", { name });
  if (tab) await user.click(tab);
  else {
    await user.click(screen.getByRole("button", { name: /more tabs/ }));
    await user.click(within(screen.getByRole("list", { name: "More tabs" })).getByRole("button", { name }));
  }
  return screen.getByRole("tabpanel", { name });
}
