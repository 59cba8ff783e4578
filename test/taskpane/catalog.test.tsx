import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../src/domain";
import { parseRoleProfileText } from "../../src/domain/import/roleProfileText";
import { importedRole } from "../../src/domain/import/toRole";
import type { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { CATALOG_COMPETENCES_TABLE, CATALOG_ROLES_TABLE, CATALOG_SHEET } from "../../src/sheets/catalogSheet";
import { columnLetter, parseRange } from "../../src/sheets/plan";
import { addRolesToWorkbookCatalog, exportWorkbookCatalogJson, readWorkbookCatalog } from "../../src/workbook/catalog";
import { textToPdf } from "../support/pdfWriter";
import { NATIONAL_PROFILES_FILE, SEED_FILES, readSeed } from "../support/seeds";
import { catalog, newWorkbook, openTopTab, renderApp } from "./renderApp";

type User = ReturnType<typeof renderApp>["user"];

/** The Peer Support Worker's profile with a competence the catalog lacks and a row under a principle no one has. */
function profileText(): { text: string; widgetsLine: number } {
  const lines = readSeed(SEED_FILES["reconnect-peer-support-worker"])
    .replace("Support individuals who are distressed\tSupport individuals who are distressed", "Support individuals who are distressed\tRun a drop-in cafe")
    .split("\n");
  const at = lines.findIndex((l) => l.startsWith("4. Service Improvement\t"));
  lines.splice(at, 0, "Widgets and Gadgets\tMake widgets\tAssemble widgets");
  return { text: lines.join("\n"), widgetsLine: at + 1 };
}


async function setInput(user: User, field: HTMLElement, value: string) {
  await user.clear(field);
  await user.type(field, value);
}

const tableCell = (workbook: MemoryWorkbook, table: string, header: string, bodyRow: number) => {
  const t = workbook.getTable(table)!;
  const r = parseRange(t.address);
  return workbook.cell(t.sheet, `${columnLetter(r.left + t.headers.indexOf(header))}${r.top + 1 + bodyRow}`);
};

/** A workbook a colleague left: one role of theirs, a locality competence on a built-in role, and a row with a bad level. */
async function colleaguesWorkbook(): Promise<MemoryWorkbook> {
  const workbook = newWorkbook();
  const knownTitles = catalog.competences.flatMap((c) => [c.title, ...c.aliases]);
  const { role } = importedRole(
    parseRoleProfileText(readSeed(SEED_FILES["reconnect-senior-engagement-worker"]), { knownTitles }),
    { competenceIndex: catalog.competenceIndex, principles: catalog.principles },
    { id: "night-engagement-worker", title: "Night Engagement Worker" },
  );
  await addRolesToWorkbookCatalog(workbook, catalog, [role as Role], []);
  workbook.userAddsTableRow(CATALOG_ROLES_TABLE, ["too-senior", "Too Senior", "", "Other service", 12, "Courts"]);
  workbook.userAddsTableRow(CATALOG_COMPETENCES_TABLE, [
    "reconnect-service-manager", "Locality-specific", "B. Health Intervention", "Work with local courts", "Support individuals who are distressed", "",
  ]);
  return workbook;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Catalog tab: importing a role profile", () => {
  it("reads pasted text, shows the role and each problem with its line, adds it; it shows as the workbook's in both tabs", async () => {
    const { user, workbook } = renderApp();
    const wb = workbook as MemoryWorkbook;
    const panel = await openTopTab(user, "Catalog");
    const { text, widgetsLine } = profileText();
    await user.click(within(panel).getByRole("textbox", { name: "Role profile text" }));
    await user.paste(text);
    await user.click(within(panel).getByRole("button", { name: "Read the profile" }));

    const read = within(panel).getByRole("region", { name: "The role as read" });
    expect(within(read).getByRole("heading", { name: "RECONNECT Peer Support Worker" })).toBeTruthy();
    expect(read.textContent).toContain("Career framework level 3");
    expect(within(read).getByRole("list", { name: "New competences" }).textContent).toBe("Run a drop-in cafe");
    const problems = within(panel).getByRole("list", { name: "Problems" });
    expect(within(problems).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      `Line ${widgetsLine}: unrecognised underpinning principle 'Widgets and Gadgets'; row not read — “Widgets and Gadgets\tMake widgets\tAssemble widgets”`,
    ]);
    expect(panel.textContent).toContain("1 problem to check");

    // The document's role is the built-in one's id and title: the pane says so, and the user gives it its own.
    expect(panel.textContent).toContain("This workbook will use this role instead of the built-in “RECONNECT Peer Support Worker”");
    await setInput(user, within(panel).getByRole("textbox", { name: "Role id" }), "Cafe Worker");
    expect(panel.textContent).toContain("A Role id is lower-case words joined by hyphens");
    expect((within(panel).getByRole("button", { name: "Add to the Catalog sheet" }) as HTMLButtonElement).disabled).toBe(true);
    await setInput(user, within(panel).getByRole("textbox", { name: "Role id" }), "cafe-peer-worker");
    expect(panel.textContent).toContain("is already the title of the built-in role reconnect-peer-support-worker");
    await setInput(user, within(panel).getByRole("textbox", { name: "Title" }), "Cafe Peer Worker");

    await user.click(within(panel).getByRole("button", { name: "Add to the Catalog sheet" }));
    await within(panel).findByText(`Created sheet “${CATALOG_SHEET}”`);
    expect(panel.textContent).toContain("Added the role “cafe-peer-worker”.");
    expect(panel.textContent).not.toContain("The Catalog sheet already has this Role id");
    expect((await wb.readTable(CATALOG_ROLES_TABLE))!.rows.map((r) => [r[0], r[1]])).toEqual([["cafe-peer-worker", "Cafe Peer Worker"]]);

    // Read back at once: listed as the workbook's, and the Roles tab has it too.
    const fromWorkbook = await within(panel).findByRole("list", { name: "From this workbook (1)" });
    expect(fromWorkbook.textContent).toContain("Cafe Peer Worker · cafe-peer-worker · level 3");
    const roles = await openTopTab(user, "Roles");
    expect(within(roles).getByRole("heading", { name: "Roles (5 of 5)" })).toBeTruthy();
    const radio = within(roles).getByRole("radio", { name: /Cafe Peer Worker/ });
    expect(radio.closest(".fui-Radio")?.textContent).toContain("From this workbook's Catalog sheet");
    await user.click(radio);
    expect(within(roles).getByRole("heading", { name: "Cafe Peer Worker" })).toBeTruthy();

    // Read again, the same id is the workbook's now: adding replaces it, and says so first.
    await openTopTab(user, "Catalog");
    await user.click(within(panel).getByRole("button", { name: "Read the profile" }));
    await setInput(user, within(panel).getByRole("textbox", { name: "Role id" }), "cafe-peer-worker");
    await setInput(user, within(panel).getByRole("textbox", { name: "Title" }), "Cafe Peer Worker (nights)");
    expect(panel.textContent).toContain("The Catalog sheet already has this Role id (“Cafe Peer Worker”).");
    await user.click(within(panel).getByRole("button", { name: "Replace in the Catalog sheet" }));
    await within(panel).findByText("Replaced “cafe-peer-worker”; the locality-specific competences this workbook added to it stay.");
    expect((await wb.readTable(CATALOG_ROLES_TABLE))!.rows.map((r) => r[1])).toEqual(["Cafe Peer Worker (nights)"]);
  });

  it("writes a title that looks like a formula as text", async () => {
    const { user, workbook } = renderApp();
    const panel = await openTopTab(user, "Catalog");
    await user.click(within(panel).getByRole("textbox", { name: "Role profile text" }));
    await user.paste(readSeed(SEED_FILES["reconnect-peer-support-worker"]));
    await user.click(within(panel).getByRole("button", { name: "Read the profile" }));
    expect(panel.textContent).toContain("Read with no problems.");
    await setInput(user, within(panel).getByRole("textbox", { name: "Role id" }), "night-peer-worker");
    await setInput(user, within(panel).getByRole("textbox", { name: "Title" }), "=Night Peer Worker+1");
    await user.click(within(panel).getByRole("button", { name: "Add to the Catalog sheet" }));
    await within(panel).findByText(`Created sheet “${CATALOG_SHEET}”`);
    const cell = tableCell(workbook as MemoryWorkbook, CATALOG_ROLES_TABLE, "Title", 0);
    expect(cell.formula).toBeNull();
    expect(cell.value).toBe("=Night Peer Worker+1");
  });

  it("reads a PDF (pdf.js, loaded when needed) and a .txt into the text box", async () => {
    const { user } = renderApp();
    const panel = await openTopTab(user, "Catalog");
    const chooser = within(panel).getByLabelText("Or choose a file (.txt or .pdf)");
    const seed = readSeed(SEED_FILES["reconnect-service-manager"]);
    const pdf = new File([new Uint8Array(textToPdf(seed))], "service-manager.pdf", { type: "application/pdf" });
    await user.upload(chooser, pdf);
    const read = await within(panel).findByRole("region", { name: "The role as read" }, { timeout: 20_000 });
    expect(within(read).getByRole("heading", { name: "RECONNECT Service Manager" })).toBeTruthy();
    expect(panel.textContent).toContain("Read with no problems.");
    const box = within(panel).getByRole("textbox", { name: "Role profile text" }) as HTMLTextAreaElement;
    expect(box.value).toContain("Named Role\tService Manager");

    await user.upload(chooser, new File([readSeed(SEED_FILES["reconnect-peer-support-worker"])], "peer.txt", { type: "text/plain" }));
    await waitFor(() => expect(within(panel).getByRole("heading", { name: "RECONNECT Peer Support Worker" })).toBeTruthy());
    expect(box.value).toBe(readSeed(SEED_FILES["reconnect-peer-support-worker"]));
  }, 30_000);

  it("says so when the text is no role profile", async () => {
    const { user } = renderApp();
    const panel = await openTopTab(user, "Catalog");
    await user.type(within(panel).getByRole("textbox", { name: "Role profile text" }), "Minutes of the team meeting");
    await user.click(within(panel).getByRole("button", { name: "Read the profile" }));
    expect(panel.textContent).toContain("Not a role profile");
    expect(panel.textContent).toContain("it has no 'Named Role' row and no competence tables");
    expect(within(panel).queryByRole("button", { name: "Add to the Catalog sheet" })).toBeNull();
  });
});

describe("Catalog tab: a national job profile document, and a Word file", () => {
  it("reads a national job profile document as wfp import does: each profile scored from its levels", async () => {
    const { user } = renderApp();
    const panel = await openTopTab(user, "Catalog");
    const chooser = within(panel).getByLabelText("Or choose a file (.txt or .pdf)");
    await user.upload(chooser, new File([readSeed(NATIONAL_PROFILES_FILE)], "national-profiles.txt", { type: "text/plain" }));
    const read = await within(panel).findByRole("region", { name: "National job profiles as read" });
    expect(panel.textContent).not.toContain("Not a role profile");
    const profiles = within(read).getAllByRole("listitem").map((li) => li.textContent);
    expect(profiles).toHaveLength(3);
    expect(profiles[0]).toContain("Document: 550–599, band 8a/b. Levels give 550–599, band 8a–8b.");
    expect(profiles[1]).toContain("Levels give 590–665, band 8b–8c.");
    expect(read.textContent).not.toContain("do not give the document’s range");
  });

  it("chooses a file with a pane button, not the browser's unstyled one, and names the file chosen", async () => {
    const { user } = renderApp();
    const panel = await openTopTab(user, "Catalog");
    const chooser = within(panel).getByLabelText("Or choose a file (.txt or .pdf)") as HTMLInputElement;
    const clicked = vi.fn();
    const onClick = (e: Event) => {
      e.preventDefault();
      clicked();
    };
    chooser.addEventListener("click", onClick);
    const buttons = within(panel).getAllByRole("button", { name: "Choose a file…" });
    expect(buttons.length).toBeGreaterThan(0);
    expect(chooser.tabIndex).toBe(-1);
    await user.click(buttons.find((b) => b.closest("section")?.contains(chooser))!);
    expect(clicked).toHaveBeenCalledTimes(1);
    chooser.removeEventListener("click", onClick);
    await user.upload(chooser, new File([readSeed(SEED_FILES["reconnect-peer-support-worker"])], "peer.txt", { type: "text/plain" }));
    expect(within(chooser.parentElement!).getByText("peer.txt")).toBeTruthy();
  });

  it("says a Word file is not supported and to save it as PDF or text", async () => {
    const { user } = renderApp();
    const panel = await openTopTab(user, "Catalog");
    const chooser = within(panel).getByLabelText("Or choose a file (.txt or .pdf)");
    // A .docx is a zip: "PK\x03\x04" and then the parts.
    const docx = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])], "profile.docx", {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    // user.upload honours accept; a user picks "All files" to choose a .docx.
    fireEvent.change(chooser, { target: { files: [docx] } });
    await within(panel).findByText("profile.docx could not be read");
    expect(panel.textContent).toContain("Word files are not supported — save it as PDF or text (.txt) and choose that.");
    expect(panel.textContent).not.toContain("Named Role");
  });
});

describe("Catalog tab: a workbook with a Catalog sheet", () => {
  it("shows its roles at start-up, marks where each comes from, and lists the rows to fix", async () => {
    const workbook = await colleaguesWorkbook();
    const { user } = renderApp(workbook);
    const roles = screen.getByRole("tabpanel", { name: "Roles" });
    const night = await within(roles).findByRole("radio", { name: /Night Engagement Worker/ });
    expect(night.closest(".fui-Radio")?.textContent).toContain("From this workbook's Catalog sheet");
    const manager = within(roles).getByRole("radio", { name: /RECONNECT Service Manager/ });
    expect(manager.closest(".fui-Radio")?.textContent).toContain("Built-in, with this workbook's locality-specific competences");
    expect(within(roles).getByRole("radio", { name: /RECONNECT Peer Support Worker/ }).closest(".fui-Radio")?.textContent).not.toContain("workbook");
    await user.click(manager);
    expect(within(roles).getByRole("region", { name: "Locality-specific competences" }).textContent).toContain("Locality-specific competences (1)");

    const panel = await openTopTab(user, "Catalog");
    expect(panel.textContent).toContain(`Read from the sheet “${CATALOG_SHEET}”.`);
    const badRow = parseRange(workbook.getTable(CATALOG_ROLES_TABLE)!.address).bottom;
    const problems = within(panel).getByRole("list", { name: "Catalog sheet problems" });
    expect(problems.textContent).toBe(`Catalog_Roles row ${badRow}: The Career level 12 is not a Career Framework level (1 to 9): this row is left out`);
    expect(within(panel).getByRole("list", { name: "Built-in, with this workbook's locality-specific competences (1)" }).textContent).toContain(
      "RECONNECT Service Manager · reconnect-service-manager · level 7 · 1 locality-specific",
    );
  });

  it("follows the sheet: an edit shows when the pane gets focus back, or when asked to read again", async () => {
    const workbook = await colleaguesWorkbook();
    const { user } = renderApp(workbook);
    const panel = await openTopTab(user, "Catalog");
    await within(panel).findByRole("list", { name: "Catalog sheet problems" });

    // The user fixes the level in Excel and comes back to the pane.
    const t = workbook.getTable(CATALOG_ROLES_TABLE)!;
    const r = parseRange(t.address);
    workbook.userTypes(CATALOG_SHEET, `${columnLetter(r.left + t.headers.indexOf("Career level"))}${r.bottom}`, 8);
    fireEvent.focus(window);
    await waitFor(() => expect(within(panel).queryByRole("list", { name: "Catalog sheet problems" })).toBeNull());
    expect(within(panel).getByRole("list", { name: "From this workbook (2)" }).textContent).toContain("Too Senior · too-senior · level 8");

    // Renamed in Excel; the button reads it again.
    workbook.userTypes(CATALOG_SHEET, `${columnLetter(r.left + t.headers.indexOf("Title"))}${r.bottom}`, "Court Lead");
    await user.click(within(panel).getByRole("button", { name: "Read the Catalog sheet again" }));
    await waitFor(() => expect(within(panel).getByRole("list", { name: "From this workbook (2)" }).textContent).toContain("Court Lead"));
  });

  it("makes an empty, documented Catalog sheet for a user who wants to type into it", async () => {
    const { user, workbook } = renderApp();
    const panel = await openTopTab(user, "Catalog");
    await user.click(await within(panel).findByRole("button", { name: "Make an empty Catalog sheet" }));
    await within(panel).findByText(`Created sheet “${CATALOG_SHEET}”`);
    expect((workbook as MemoryWorkbook).getTable(CATALOG_ROLES_TABLE)).not.toBeNull();
    await within(panel).findByText(`Read from the sheet “${CATALOG_SHEET}”.`, { exact: false });
    expect(within(panel).queryByRole("button", { name: "Make an empty Catalog sheet" })).toBeNull();
  });
});

describe("Catalog tab: JSON", () => {
  it("exports the workbook catalog as a download, and another workbook imports it", async () => {
    const workbook = await colleaguesWorkbook();
    const saved: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return "blob:catalog";
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe("workbook-catalog.json");
    });
    const first = renderApp(workbook);
    const panel = await openTopTab(first.user, "Catalog");
    await within(panel).findByRole("list", { name: "From this workbook (1)" });
    await first.user.click(within(panel).getByRole("button", { name: "Export as JSON" }));
    await within(panel).findByText(/Saved workbook-catalog\.json with 2 roles\./);
    expect(click).toHaveBeenCalledTimes(1);
    const json = await saved[0]!.text();
    expect(json).toBe(await exportWorkbookCatalogJson(workbook, catalog));
    expect((within(panel).getByRole("textbox", { name: "Exported JSON" }) as HTMLTextAreaElement).value).toBe(json);
    first.unmount();

    const other = newWorkbook();
    const second = renderApp(other);
    const target = await openTopTab(second.user, "Catalog");
    await second.user.upload(within(target).getByLabelText("Import a catalog JSON file"), new File([json], "workbook-catalog.json", { type: "application/json" }));
    await within(target).findByText("workbook-catalog.json: 1 role, 1 locality-specific competence on built-in roles.");
    await second.user.click(within(target).getByRole("button", { name: "Add to the Catalog sheet" }));
    await within(target).findByText(`Created sheet “${CATALOG_SHEET}”`);
    expect(target.textContent).toContain("Added the role “night-engagement-worker”.");
    expect(target.textContent).toContain("Added 1 locality-specific competence.");
    const [a, b] = await Promise.all([readWorkbookCatalog(workbook, catalog), readWorkbookCatalog(other, catalog)]);
    expect(b.entries).toEqual(a.entries);
    await within(target).findByRole("list", { name: "From this workbook (1)" });
  });

  it("refuses a file that is no catalog, says where, and writes nothing", async () => {
    const { user, workbook } = renderApp();
    const panel = await openTopTab(user, "Catalog");
    const bad = JSON.stringify({ version: 2, roles: [{ id: "x" }], competences: [] });
    await user.upload(within(panel).getByLabelText("Import a catalog JSON file"), new File([bad], "old.json", { type: "application/json" }));
    const list = await within(panel).findByRole("list", { name: "Catalog file problems" });
    expect(list.textContent).toContain("version: this reads catalog files of version 1");
    expect(panel.textContent).toContain("old.json is not a catalog this can read");
    expect(panel.textContent).toContain("Nothing was written.");
    expect((workbook as MemoryWorkbook).sheetNames()).toEqual(["Sheet1"]);
  });
});
