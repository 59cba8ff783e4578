/**
 * The Establishment tab over a memory workbook: an ESR extract opened in the workbook and selected there is read
 * through the one input reader, its column mapping shown, then built into the sheets; an empty or bad selection
 * says what is wrong and where, and builds nothing.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { WorkbookAdapter } from "../../src/excel/adapter";
import { ESTABLISHMENT_TABLES } from "../../src/sheets/establishment";
import { EstablishmentTab } from "../../src/taskpane/establishment/EstablishmentTab";
import { buildStaffingPlan } from "../../src/workbook/costing";
import { PLAN_COST_CENTRE } from "../../src/workbook/establishment";
import { FUNDED_HEADERS, SMALL_FUNDED, SMALL_STAFF, STAFF_HEADERS, csvOf } from "../support/establishmentCase";
import { catalog, newWorkbook } from "./renderApp";

function renderTab(workbook: WorkbookAdapter) {
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <EstablishmentTab catalog={catalog} workbook={workbook} />
    </FluentProvider>,
  );
  return user;
}

/** The extract as Excel holds it once opened: typed input, so FTEs are numbers and dates date serials. */
function openExtract(workbook: ReturnType<typeof newWorkbook>, rows: readonly (readonly string[])[] = SMALL_STAFF) {
  workbook.userAddsSheet("ESR extract");
  workbook.userTypes("ESR extract", "B3", [[...STAFF_HEADERS], ...rows.map((r) => [...r])]);
}

async function chooseSelection(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("radio", { name: "The range selected in the workbook" }));
  await user.click(screen.getByRole("button", { name: "Use the selected range" }));
}

describe("Establishment tab: staff in post from the selected range", () => {
  it("reads the selection (whole columns) through the input reader, shows the mapping, and builds from it", async () => {
    const workbook = newWorkbook();
    openExtract(workbook);
    workbook.userSelects("ESR extract", "B:M");
    const user = renderTab(workbook);
    await user.click(screen.getByRole("textbox", { name: "Positions" }));
    await user.paste(csvOf(FUNDED_HEADERS, SMALL_FUNDED));
    await chooseSelection(user);

    const mapping = await screen.findByRole("list", { name: "Selected range: columns read" });
    expect(within(mapping).getByText('"Full Name": a name, never read')).toBeTruthy();
    // Only the part holding values is read, and it is said where.
    expect(screen.getByText(/Selected range \('ESR extract'!B3:M13\): 10 rows/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Build or refresh establishment" }));
    await screen.findByText("Establishment built");
    const staff = (await workbook.readTable(ESTABLISHMENT_TABLES.staff))!;
    expect(staff.rows.map((r) => r[0])).toEqual(SMALL_STAFF.map((r) => r[0]));
    expect(JSON.stringify(staff.rows)).not.toMatch(/Example/);
    const figures = screen.getByRole("region", { name: "Establishment figures" });
    expect(figures.textContent).toContain("In post WTE5.10");
    expect(figures.textContent).toContain("Match rate84.3%");
  });

  it("says what is wrong with a selection, where, and builds nothing", async () => {
    const workbook = newWorkbook();
    const bad = SMALL_STAFF.map((r, i) => (i === 4 ? [...r.slice(0, 7), "lots", ...r.slice(8)] : r));
    openExtract(workbook, bad);
    workbook.userSelects("Sheet1", "C5:F9");
    const user = renderTab(workbook);
    await chooseSelection(user);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The selected range Sheet1!C5:F9 is empty: select the ESR extract's header row and the rows under it.",
    );
    const build = screen.getByRole("button", { name: "Build or refresh establishment" });
    expect(build.getAttribute("aria-disabled")).toBe("true");

    // The bad FTE is named by its worksheet row and column, as a CSV's would be by its line.
    workbook.userSelects("ESR extract", "B3:M13");
    await user.click(screen.getByRole("button", { name: "Use the selected range" }));
    expect((await screen.findByText(/row 8, column 'FTE'/)).textContent).toMatch(/^the selected range 'ESR extract'!B3:M13 row 8, column 'FTE': /);
    expect(build.getAttribute("aria-disabled")).toBe("true");
    expect(workbook.sheetNames()).toEqual(["Sheet1", "ESR extract"]);
  });

  it("can't select on a sheet that isn't there", () => {
    const workbook = newWorkbook();
    expect(() => workbook.userSelects("ESR extract", "A1:B2")).toThrow(/ESR extract/);
    expect(() => workbook.userSelects("Sheet1", "not a range")).toThrow();
  });
});

describe("Establishment tab: funded establishment from the staffing plan", () => {
  it("says how the plan's columns are read, takes each post's cost centre, and names the posts put in the fixed one", async () => {
    const workbook = newWorkbook();
    await buildStaffingPlan(workbook, catalog, {
      posts: [
        { post: "P1", role: "Liaison practitioner", band: "6", point: "top", wte: 1, hcasZone: "none", status: "In post", costCentre: "C410" },
        { post: "P2", role: "Liaison practitioner", band: "6", point: "top", wte: 1, hcasZone: "none", status: "Vacant" },
      ],
      parameters: { year: "2025/26", pensionBasis: "employer", includeLevy: false, vacancyFactor: 0 },
    });
    const user = renderTab(workbook);
    await user.click(screen.getByRole("radio", { name: "The staffing plan in this workbook" }));
    const mapping = screen.getByRole("list", { name: "Staffing plan: columns read" });
    expect(within(mapping).getByText(`"Cost centre": the cost centre; where it is blank, the cost centre "${PLAN_COST_CENTRE}"`)).toBeTruthy();
    await user.click(screen.getByRole("textbox", { name: "ESR extract" }));
    await user.paste(csvOf(STAFF_HEADERS, SMALL_STAFF.slice(0, 1)));
    await user.click(screen.getByRole("button", { name: "Build or refresh establishment" }));
    await screen.findByText("Establishment built");
    expect(screen.getByText(`No cost centre on the staffing plan, so in "${PLAN_COST_CENTRE}": P2. Type theirs in Cost centre on the Establishment sheet.`)).toBeTruthy();
    const positions = (await workbook.readTable(ESTABLISHMENT_TABLES.establishment))!;
    const at = positions.headers.indexOf("Cost centre");
    expect(positions.rows.map((r) => [r[0], r[at]])).toEqual([["P1", "C410"], ["P2", PLAN_COST_CENTRE]]);
  });
});
