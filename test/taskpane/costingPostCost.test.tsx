import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "./renderApp";
import { openPart, combo, box, describedBy } from "./costingPane";

describe("Costing: post cost", () => {
  it("shows every line of the domain's cost, to the penny, with the sources' statuses", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    await user.selectOptions(combo(panel, "Band"), "6");
    await user.selectOptions(combo(panel, "Pay point"), "top");
    await user.clear(box(panel, "WTE"));
    await user.type(box(panel, "WTE"), "0.8");
    await user.selectOptions(combo(panel, "Year"), "2025/26");
    await user.selectOptions(combo(panel, "HCAS zone"), "outer-london");

    const status = within(panel).getByRole("status");
    expect(status.textContent).toContain("Total £53,611.34 a year");
    expect(status.textContent).toContain("Band 6, top point, 0.8 WTE, 2025/26");
    const table = within(panel).getByRole("table");
    const line = (name: string) => within(table).getByRole("rowheader", { name: new RegExp(`^${name}`) }).closest("tr")!.lastElementChild!.textContent;
    expect(line("Basic pay")).toBe("£37,264.00");
    expect(line("HCAS")).toBe("£4,752.80");
    expect(line("Employer NI")).toBe("£5,552.52");
    expect(line("Pension")).toBe("£6,042.02");
    expect(line("Apprenticeship levy")).toBe("£0.00");
    expect(line("Total")).toBe("£53,611.34");
    expect(table.textContent).toContain("£46,580.00 full-time × 0.8 WTE");
    expect(table.textContent).toContain("15% of basic + HCAS above £5,000.00");
    // Each line's source beside it, with its status. 15% of £46,580 is above the maximum: the cap applies and the
    // line says so, and the 2025/26 minimum (only indicative) plays no part, so there is no "Indicative" banner.
    const hcas = within(table).getByRole("rowheader", { name: /^HCAS/ });
    expect(hcas.textContent).toContain("15% of full-time pay is £6,987.00, above the maximum: capped at £5,941.00 × 0.8 WTE");
    expect(hcas.textContent).toContain("secondary");
    expect(hcas.textContent).not.toContain("minima");
    expect(within(table).getByRole("rowheader", { name: /^Basic pay/ }).textContent).toContain("secondaryAgenda for Change 2025/26 pay points");
    expect(panel.textContent).not.toContain("Indicative, for guidance only");

    await user.click(within(panel).getByRole("checkbox", { name: "Include the apprenticeship levy" }));
    expect(line("Apprenticeship levy")).toBe("£210.08");
    await user.selectOptions(combo(panel, "Pension basis"), "full");
    expect(table.textContent).toContain("23.78% of basic + HCAS");
  });

  it("explains a bad WTE beside the field and a point the band lacks beside the point", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    const wte = box(panel, "WTE");
    await user.clear(wte);
    await user.type(wte, "2");
    expect(wte.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(wte)).toContain("WTE 2 is above 1.5: one post is at most 1.5 WTE");
    expect(within(panel).getByRole("status").textContent).toBe("No cost yet: see the WTE above.");
    expect(within(panel).queryByRole("table")).toBeNull();

    await user.clear(wte);
    await user.type(wte, "1");
    await user.selectOptions(combo(panel, "Band"), "2");
    expect(describedBy(combo(panel, "Pay point"))).toContain("Band 2 has one pay point");
    expect(combo(panel, "Pay point").getAttribute("aria-invalid")).not.toBe("true");
  });

  it("offers only the pay points the band has: no Intermediate for band 4, one point for band 2, said as such", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    const points = () => within(combo(panel, "Pay point")).getAllByRole("option").map((o) => o.textContent);
    await user.selectOptions(combo(panel, "Band"), "4");
    expect(points()).toEqual(["Entry", "Top"]);
    await user.selectOptions(combo(panel, "Band"), "5");
    expect(points()).toEqual(["Entry", "Intermediate", "Top"]);
    await user.selectOptions(combo(panel, "Band"), "2");
    expect(points()).toEqual(["Top (the only point)"]);
    expect(describedBy(combo(panel, "Pay point"))).toContain("Band 2 has one pay point");
  });

  it("shows the Indicative banner only when an indicative figure sets the cost: the HCAS minimum, when it applies", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    await user.selectOptions(combo(panel, "Year"), "2025/26");
    await user.selectOptions(combo(panel, "HCAS zone"), "inner-london");
    await user.selectOptions(combo(panel, "Band"), "6");
    expect(panel.textContent).not.toContain("Indicative, for guidance only");
    expect(panel.textContent).toContain("above the maximum: capped at £8,465.00");
    await user.selectOptions(combo(panel, "Band"), "2");
    expect(panel.textContent).toContain("below the minimum: raised to £5,415.00");
    expect(panel.textContent).toContain("Indicative, for guidance only2025/26 minima not found");
  });

  it("says band 1 is paid at band 2, and marks an indicative year", async () => {
    const { user } = renderApp();
    const panel = await openPart(user, "Post cost");
    await user.selectOptions(combo(panel, "Band"), "1");
    expect(panel.textContent).toContain("Band 1 closed to new entrants on 1 December 2018");
    const year = combo(panel, "Year");
    expect(within(year).getAllByRole("option").map((o) => o.textContent)).toEqual(["2024/25", "2025/26", "2026/27 (indicative)"]);
    expect((year as HTMLSelectElement).value).toBe("2025/26");
  });
});
