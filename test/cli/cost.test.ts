import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { postCost } from "../../src/domain";
import { wfp } from "../support/cli";

const pay = defaultCatalog().pay;

describe("wfp cost", () => {
  it("prints every line as numbers with --json, equal to the domain", async () => {
    const { code, stdout, stderr } = await wfp("cost", "--band", "6", "--point", "top", "--wte", "0.8", "--year", "2025/26", "--hcas", "outer-london", "--json");
    expect([code, stderr]).toEqual([0, ""]);
    const c = postCost(pay, { band: 6, point: "top", wte: 0.8, year: "2025/26", hcasZone: "outer-london" });
    expect(JSON.parse(stdout)).toEqual({ basic: c.basic, hcas: c.hcas, employerNI: c.employerNI, pension: c.pension, levy: c.levy, total: c.total });
  });
  it("takes the pension basis and levy", async () => {
    const { stdout } = await wfp("cost", "--band", "8a", "--pension", "full", "--levy", "--json");
    const c = postCost(pay, { band: "8a", pensionBasis: "full", includeLevy: true });
    expect(JSON.parse(stdout).total).toBe(c.total);
    expect(JSON.parse(stdout).levy).toBeGreaterThan(0);
  });
  it("shows the lines rounded to the penny with their sources", async () => {
    const { stdout } = await wfp("cost", "--band", "6", "--wte", "0.8", "--hcas", "outer-london", "--year", "2025/26");
    expect(stdout).toMatch(/Total\s+£53,611\.34/);
    expect(stdout).toMatch(/Employer pension \(employer, 14\.38%\)\s+£6,042\.02/);
    expect(stdout).toMatch(/Sources:\n.*2025\/26, secondary/);
  });
  it("costs band 1 at band 2 and says so on stderr", async () => {
    const { code, stderr, stdout } = await wfp("cost", "--band", "1", "--json");
    expect(code).toBe(0);
    expect(stderr).toMatch(/^wfp: note: Band 1 closed to new entrants on 1 December 2018/);
    expect(JSON.parse(stdout).basic).toBe(24465);
  });
  it.each([
    [["cost", "--band", "6", "--wte", "2"], 1, "wfp: WTE 2 is above 1.5: one post is at most 1.5 WTE\n"],
    [["cost", "--band", "6", "--wte=-0.5"], 1, "wfp: WTE -0.5 is negative: give 0 to 1.5\n"],
    [["cost", "--band", "6", "--wte", "most"], 1, "wfp: 'most' is not a WTE: give a number such as 1 or 0.8\n"],
    [["cost", "--band", "6", "--year", "2019/20"], 1, "wfp: no england pay scale for 2019/20; years available: 2024/25, 2025/26, 2026/27\n"],
    [["cost", "--band", "8e"], 1, "wfp: '8e' is not an Agenda for Change band (1–7, 8a–8d or 9)\n"],
    [["cost", "--band", "6", "--hcas", "leeds"], 1, "wfp: 'leeds' is not a High Cost Area zone: give none, inner-london, outer-london or fringe\n"],
    [["cost", "--band", "6", "--pension", "half"], 1, "wfp: 'half' is not a pension basis: give \"employer\" (local cost) or \"full\"\n"],
    [["cost", "--band", "3", "--point", "intermediate"], 1, "wfp: band 3 has 2 pay points (entry, top): there is no intermediate point\n"],
  ])("refuses %j with one line", async (argv, code, stderr) => {
    expect(await wfp(...argv)).toEqual({ code, stdout: "", stderr });
  });
  it("refuses a missing band and an unknown flag as usage errors", async () => {
    expect((await wfp("cost", "--wte", "1")).code).toBe(2);
    const unknown = await wfp("cost", "--band", "6", "--bonus", "5");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
  });
});
