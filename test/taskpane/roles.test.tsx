import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "./renderApp";

const radios = () => screen.getAllByRole("radio").map((r) => r.closest(".fui-Radio")?.textContent ?? "");
/** The roles listed (national profiles are their own group, their values prefixed "profile:"). */
const roleNames = () =>
  screen
    .queryAllByRole("radio")
    .map((r) => r.getAttribute("value"))
    .filter((v) => !v?.startsWith("profile:"));
const profileNames = () =>
  screen
    .queryAllByRole("radio")
    .map((r) => r.getAttribute("value"))
    .filter((v) => v?.startsWith("profile:"));

describe("Roles tab: filtering and search", () => {
  it("lists every role, then filters by service and by career framework level", async () => {
    const { user } = renderApp();
    expect(roleNames()).toHaveLength(4);
    expect(screen.getByRole("heading", { name: "Roles (4 of 4)" })).toBeTruthy();

    await user.selectOptions(screen.getByRole("combobox", { name: "Service" }), "reconnect");
    expect(roleNames()).toEqual(["reconnect-service-manager", "reconnect-senior-engagement-worker", "reconnect-peer-support-worker"]);

    await user.selectOptions(screen.getByRole("combobox", { name: "Career framework level" }), "7");
    expect(roleNames()).toEqual(["reconnect-service-manager"]);

    await user.selectOptions(screen.getByRole("combobox", { name: "Service" }), "liaison-diversion");
    expect(roleNames()).toEqual(["liaison-diversion-service-manager"]);

    await user.selectOptions(screen.getByRole("combobox", { name: "Career framework level" }), "4");
    expect(roleNames()).toEqual([]);
    expect(screen.getByText("No roles match these filters.")).toBeTruthy();
  });

  it("searches role titles, ignoring case and punctuation", async () => {
    const { user } = renderApp();
    await user.type(screen.getByRole("searchbox", { name: "Search role or competence" }), "PEER support");
    expect(roleNames()).toEqual(["reconnect-peer-support-worker"]);
    expect(radios().join()).not.toContain("Competence match");

    await user.clear(screen.getByRole("searchbox"));
    await user.type(screen.getByRole("searchbox"), "service manager");
    expect(roleNames()).toEqual(["reconnect-service-manager", "liaison-diversion-service-manager"]);
  });

  it("searches competence titles and shows which competence matched", async () => {
    const { user } = renderApp();
    await user.type(screen.getByRole("searchbox", { name: "Search role or competence" }), "protection of people");
    expect(roleNames()).toEqual(["reconnect-senior-engagement-worker", "reconnect-peer-support-worker"]);
    const peer = screen.getByRole("radio", { name: /RECONNECT Peer Support Worker/ });
    expect(peer.closest(".fui-Radio")?.textContent).toContain(
      "Competence match: Support the safeguarding and protection of people from vulnerable groups",
    );

    // Several matches: the first two are named, the rest counted.
    await user.clear(screen.getByRole("searchbox"));
    await user.type(screen.getByRole("searchbox"), "risk");
    const senior = screen.getByRole("radio", { name: /RECONNECT Senior Engagement Worker/ });
    expect(senior.closest(".fui-Radio")?.textContent).toContain(
      "Competence match: Make sure your own actions reduce risks to health and safety; Manage hostility and risks with non-cooperative individuals, families and carers and 3 more",
    );

    // The other filters still apply to a search.
    await user.selectOptions(screen.getByRole("combobox", { name: "Career framework level" }), "3");
    expect(roleNames()).toEqual(["reconnect-peer-support-worker"]);
  });
});

describe("Roles tab: a role's details", () => {
  it("shows service, level, competence counts and the competences by section and principle", async () => {
    const { user } = renderApp();
    expect(screen.queryByRole("button", { name: "Insert role profile" })).toBeNull();
    await user.click(screen.getByRole("radio", { name: /RECONNECT Peer Support Worker/ }));

    const details = screen.getByRole("region", { name: "RECONNECT Peer Support Worker" });
    expect(details.textContent).toContain("RECONNECT / Enhanced RECONNECT");
    expect(details.textContent).toContain("Career framework level 3: Senior healthcare support worker");
    expect(details.textContent).toContain("14 core · 29 role-specific (43 in all)");
    expect(within(details).getByRole("heading", { name: "Core competences (14)" })).toBeTruthy();
    expect(within(details).getByRole("heading", { name: "Role-specific competences (29)" })).toBeTruthy();

    // Principles start collapsed; opening one lists its competences.
    const core = within(details).getByRole("region", { name: "Core competences" });
    const communication = within(core).getByRole("button", { name: "1. Communication (1)" });
    expect(communication.getAttribute("aria-expanded")).toBe("false");
    await user.click(communication);
    expect(communication.getAttribute("aria-expanded")).toBe("true");
    await waitFor(() => expect(within(core).getByRole("listitem").textContent).toMatch(/^Communicate effectively/));
  });
});

describe("Roles tab: national job profiles", () => {
  it("finds the three Professional Manager national profiles, each with its JE range and band, and shows its levels", async () => {
    const { user } = renderApp();
    await user.type(screen.getByRole("searchbox", { name: "Search role or competence" }), "Professional Manager");
    expect(screen.getByRole("heading", { name: "Roles (0 of 4)" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "National job profiles (3 of 3)" })).toBeTruthy();
    expect(profileNames()).toEqual([
      "profile:professional-manager-clinical-8a-8b",
      "profile:professional-manager-clinical-8b-8c",
      "profile:professional-manager-clinical-8c-9",
    ]);
    const first = screen.getByRole("radio", { name: /JE 550–599/ });
    expect(first.closest(".fui-Radio")?.textContent).toContain("National profile · JE 550–599 · band 8a–8b");

    await user.click(first);
    const details = screen.getByRole("region", { name: /Professional Manager .*8a\/b/ });
    expect(details.textContent).toContain("the levels give the same range");
    const levels = within(details).getByRole("table", { name: "JE levels" });
    const row13 = within(levels).getByRole("row", { name: /^13\./ });
    expect(row13.textContent).toContain("1/ 2(b); (d)/ 3 (c)");
    expect(within(levels).getAllByRole("row")).toHaveLength(17);
  });

  it("leaves national profiles out when a service or level filter is set, and says why", async () => {
    const { user } = renderApp();
    expect(profileNames()).toHaveLength(3);
    await user.selectOptions(screen.getByRole("combobox", { name: "Service" }), "reconnect");
    expect(profileNames()).toHaveLength(0);
    expect(screen.getByText(/National profiles have no service or career framework level/)).toBeTruthy();
  });
});

describe("Roles tab: competence counts agree with Progression", () => {
  it("counts a competence the document lists in both sections once, as Progression does (59, not 60)", async () => {
    const { user } = renderApp();
    const senior = screen.getByRole("radio", { name: /RECONNECT Senior Engagement Worker/ });
    expect(senior.closest(".fui-Radio")?.textContent).toContain("59 competences");
    await user.click(senior);
    const details = screen.getByRole("region", { name: "RECONNECT Senior Engagement Worker" });
    expect(details.textContent).toContain("20 core · 40 role-specific (59 in all: 1 is listed in two sections)");

    await user.click(screen.getByRole("tab", { name: "Skill mix" }));
    await user.click(screen.getByRole("tab", { name: "Progression" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "To role (B)" }), "reconnect-senior-engagement-worker");
    expect(screen.getByText(/Role B requires 59;/)).toBeTruthy();
  });
});
