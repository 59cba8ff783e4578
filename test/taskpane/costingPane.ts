// What the Costing tab's tests share: opening a part of the tab, its fields, adding a post, reading a table back.
import { screen, within } from "@testing-library/react";
import { parseRange } from "../../src/sheets/plan";
import { newWorkbook, renderApp } from "./renderApp";

export type User = ReturnType<typeof renderApp>["user"];
export type Workbook = ReturnType<typeof newWorkbook>;

export async function openPart(user: User, part: "Post cost" | "Plan" | "Compare" | "Pay tables") {
  await user.click(screen.getByRole("tab", { name: "Costing" }));
  await user.click(screen.getByRole("tab", { name: part }));
  return screen.getByRole("tabpanel", { name: part });
}

export const combo = (panel: HTMLElement, name: string) => within(panel).getByRole("combobox", { name });
export const box = (panel: HTMLElement, name: string) => within(panel).getByRole("textbox", { name });

/** The message under a field: what aria-describedby points at. */
export function describedBy(control: HTMLElement): string {
  return (control.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}

export async function rows(workbook: Workbook, table = "Staffing_Plan") {
  const t = (await workbook.readTable(table))!;
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

export async function addPost(user: User, panel: HTMLElement, post: { name: string; role?: string; band?: string; point?: string; wte?: string; zone?: string; status?: string }) {
  await user.type(box(panel, "Post name"), post.name);
  if (post.role) {
    const role = combo(panel, "Role");
    await user.clear(role);
    // Pasted: a role title is long, and each typed key filters the list of roles again (slow in jsdom). Typing
    // over a chosen title is a test of its own.
    await user.click(role);
    await user.paste(post.role);
    await user.keyboard("{Escape}");
  }
  if (post.band) await user.selectOptions(combo(panel, "Band"), post.band);
  if (post.point) await user.selectOptions(combo(panel, "Pay point"), post.point);
  if (post.wte !== undefined) {
    await user.clear(box(panel, "WTE"));
    await user.type(box(panel, "WTE"), post.wte);
  }
  if (post.zone) await user.selectOptions(combo(panel, "HCAS zone"), post.zone);
  if (post.status) await user.selectOptions(combo(panel, "Status"), post.status);
  await user.click(within(panel).getByRole("button", { name: "Add post" }));
}

/**
 * A staffing plan of one post built by the pane, then notes the user typed two rows below its table: the set-up of
 * every test where the plan must grow into the user's cells.
 */
export async function planWithUserNotesBelow() {
  const { user, workbook } = renderApp();
  const wb = workbook as Workbook;
  const panel = await openPart(user, "Plan");
  await addPost(user, panel, { name: "A" });
  await user.click(within(panel).getByRole("button", { name: "Build staffing plan" }));
  await within(panel).findByText("Staffing plan built");
  const below = parseRange(wb.getTable("Staffing_Plan")!.address).bottom + 2;
  wb.userTypes("Staffing plan", `A${below}`, "my own notes");
  return { user, wb, panel, below };
}

