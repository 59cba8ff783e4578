import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { wfp } from "../support/cli";

const PM_8A_8B = ["5 (a) (b)", "6", "5", "4", "2-3 (a)(b)", "7", "4", "4 (a) (c)", "4(a)", "1", "1-3", "5", "1/ 2(b); (d)/ 3 (c)", "3(a)", "2-3(b)", "2-3"];

describe("wfp band", () => {
  it("prints the band of a score", async () => {
    expect(await wfp("band", "598")).toEqual({ code: 0, stdout: "8b\n", stderr: "" });
    expect((await wfp("band", "721")).stdout).toBe("9\n");
  });
  it("prints the band's position as JSON", async () => {
    const { stdout } = await wfp("band", "598", "--json");
    expect(JSON.parse(stdout)).toMatchObject({ band: "8b", bandMin: 585, bandMax: 629, pointsToNextBand: 32 });
  });
  it.each([
    [["band", "abc"], 1, "wfp: 'abc' is not a JE score: give a whole number from 0 to 765\n"],
    [["band", "766"], 1, "wfp: JE score 766 is above 765, the top of band 9: it has no band\n"],
    [["band", "598.5"], 1, "wfp: '598.5' is not a JE score: JE scores are whole numbers\n"],
    [["band"], 2, "wfp: usage: wfp band <score> [--json]       the Agenda for Change band of a JE score\n"],
  ])("refuses %j with one line on stderr", async (argv, code, stderr) => {
    expect(await wfp(...argv)).toEqual({ code, stdout: "", stderr });
  });
});

describe("wfp je", () => {
  it("prints the score range and band range of a national profile's levels", async () => {
    expect((await wfp("je", ...PM_8A_8B)).stdout).toBe("550–599  band 8a–8b\n");
  });
  it("takes the levels as one list too, and prints JSON", async () => {
    const { stdout } = await wfp("je", "--json", "5,6,5,4,2,7,4,4,4,1,1,5,1,3,2,2");
    expect(JSON.parse(stdout)).toEqual({ min: 550, max: 550, bandMin: "8a", bandMax: "8a" });
  });
  it("gives no band to a total above 765 rather than rounding it", async () => {
    const { stdout } = await wfp("je", "--json", "6", "8", "5", "5", "5", "8", "6", "6", "6", "7", "6", "6", "5", "5", "4", "5");
    expect(JSON.parse(stdout)).toEqual({ min: 1000, max: 1000, bandMin: null, bandMax: null });
  });
  it.each([
    [["je", "1", "2", "3"], "wfp: a JE score needs 16 factor levels, one per factor; 3 given\n"],
    [["je", ...PM_8A_8B.slice(0, 15)], "wfp: a JE score needs 16 factor levels, one per factor; 15 given\n"],
    [["je", "9", ...PM_8A_8B.slice(1)], "wfp: '9' is not a level of factor 1 (Communication & relationship skills): it has levels 1–6\n"],
    [["je", "abc", ...PM_8A_8B.slice(1)], "wfp: factor 1 (Communication & relationship skills): 'abc' is not a JE level: give a level such as 4, \"2-3\" or \"4(a)\"\n"],
  ])("refuses %j", async (argv, stderr) => {
    expect(await wfp(...argv)).toEqual({ code: 1, stdout: "", stderr });
  });
});

describe("wfp roles and wfp role", () => {
  it("lists roles and national profiles", async () => {
    const { stdout } = await wfp("roles", "--json");
    const rows = JSON.parse(stdout) as { id: string; kind: string }[];
    expect(rows.map((r) => `${r.kind}:${r.id}`)).toEqual([
      "role:reconnect-service-manager",
      "role:liaison-diversion-service-manager",
      "role:reconnect-senior-engagement-worker",
      "role:reconnect-peer-support-worker",
      "national-profile:professional-manager-clinical-8a-8b",
      "national-profile:professional-manager-clinical-8b-8c",
      "national-profile:professional-manager-clinical-8c-9",
    ]);
    expect((await wfp("roles")).stdout).toMatch(/reconnect-peer-support-worker\s+level 3/);
  });

  it("shows one role as JSON with its competences resolved", async () => {
    const { code, stdout } = await wfp("role", "liaison-diversion-service-manager", "--json");
    expect(code).toBe(0);
    const role = JSON.parse(stdout);
    expect(role).toMatchObject({
      id: "liaison-diversion-service-manager",
      title: "Liaison and Diversion Operational/Service Manager",
      service: "liaison-diversion",
      careerFrameworkLevel: 7,
    });
    expect(role.competences).toHaveLength(57);
    expect(role.competences.find((c: { title: string }) => c.title === "Lead your team")).toEqual({
      id: "lead-your-team",
      title: "Lead your team",
      aliases: [],
      section: "specific",
      principle: "Management and Administration",
      principleCode: "H",
      function: "Provide leadership",
      code: "CFAM&LBA3",
      titleInDocument: "Lead your team",
    });
    const investigate = role.competences.find((c: { id: string }) => c.id.startsWith("investigate-work-related"));
    expect(investigate.aliases).toHaveLength(1);
    expect(investigate.code).toBe("");
  });

  it("finds a role by title and shows a national profile", async () => {
    expect((await wfp("role", "RECONNECT Peer Support Worker")).stdout).toMatch(/^RECONNECT Peer Support Worker \(reconnect-peer-support-worker\)/);
    const profile = JSON.parse((await wfp("role", "professional-manager-clinical-8b-8c", "--json")).stdout);
    expect(profile).toMatchObject({ score: { min: 590, max: 665 }, band: { min: "8b", max: "8c" }, matchesDocument: true });
  });

  it("refuses an unknown role and an unknown command", async () => {
    expect(await wfp("role", "astronaut")).toEqual({
      code: 1,
      stdout: "",
      stderr: "wfp: 'astronaut' is not a role or national profile in the catalog; 'wfp roles' lists them\n",
    });
    const unknown = await wfp("fly");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^wfp: unknown command 'fly'/);
    expect((await wfp("band", "598", "--colour")).code).toBe(2);
  });
});

describe("the wfp binary", () => {
  const root = join(__dirname, "..", "..");
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { cwd: root });
  });
  it("runs as a process with exit codes and one-line errors", () => {
    const ok = spawnSync(process.execPath, [join(root, "bin", "wfp.cjs"), "band", "598"], { encoding: "utf8" });
    expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, "8b\n", ""]);
    const bad = spawnSync(process.execPath, [join(root, "bin", "wfp.cjs"), "role", "nobody"], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
