// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "./renderApp";

const radios = () => screen.getAllByRole("radio").map((r) => r.closest(".fui-Radio")?.textContent ?? "");
const roleNames = () => screen.queryAllByRole("radio").map((r) => r.getAttribute("value"));

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
    expect(details.textContent).toContain("14 core · 29 role-specific");
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
