import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { readForecastTeamCsv } from "../../src/input";
import { wfp } from "../support/cli";

const pay = defaultCatalog().pay;
const dir = mkdtempSync(join(tmpdir(), "wfp-forecast-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("team CSV for a forecast", () => {
  it("reads Cost centre, Start date and End date through the one input reader; a blank point stays blank", () => {
    const { posts } = readForecastTeamCsv("Post,Band,Point,Cost center,Start date,Last day,Start date in band\nA,5,,CC*1,2026-06-10,,\nB,6,top,,,2027-01-31,2020-05-01\n", "team.csv", pay);
    expect(posts).toEqual([
      { post: "A", role: "", costCentre: "CC*1", band: "5", wte: 1, hcasZone: "none", status: "In post", startDate: "2026-06-10" },
      { post: "B", role: "", costCentre: "", band: "6", point: "top", wte: 1, hcasZone: "none", status: "In post", startInBand: "2020-05-01", endDate: "2027-01-31" },
    ]);
  });

  it.each([
    ["Post,Band,End date\nA,5,2027-02-30\n", "team.csv line 2, column 'End date'"],
    ["Post,Band,Start date,End date\nA,5,2026-06-10,2026-05-01\n", "team.csv line 2, column 'End date': the end date 2026-05-01 is before the start date 2026-06-10"],
    ["Post,Band,Point\nA,3,intermediate\n", "team.csv line 2, column 'Point'"],
  ])("refuses %j naming the line and column", (csv, message) => {
    expect(() => readForecastTeamCsv(csv, "team.csv", pay)).toThrow(message);
  });
});

describe("wfp forecast", () => {
  const team = file("team.csv", "Post,Role,Band,WTE,Start date in band,Cost centre\nPractitioner,Liaison,5,1,2024-09-16,CC1\n");

  it("prints each year's lines, drift and award gap, naming an assumed year's award", async () => {
    const { code, stdout } = await wfp("forecast", "--team", team, "--from", "2026/27", "--years", "2", "--funded", "2027/28=1");
    expect(code).toBe(0);
    expect(stdout).toContain("2027/28\tassumed (no award assumed)");
    expect(stdout).toMatch(/2026\/27\tindicative\t33,437\.92\t0\.00\t4,265\.69\t4,808\.37\t0\.00\t42,511\.98\t1,764\.64\t0\.00/);
  });

  it("writes the forecast workbook with --out", async () => {
    const out = join(dir, "forecast.xlsx");
    const { code, stdout } = await wfp("forecast", "--team", team, "--years", "1", "--from", "2026", "--out", out);
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote ${out}.`);
  });

  it.each([
    [["forecast"], 2, "--team is required"],
    [["forecast", "--team", team, "--years", "6"], 1, "--years '6' is not a whole number of years from 1 to 5"],
    [["forecast", "--team", team, "--award", "2027/28:2"], 1, "--award '2027/28:2' is not year=percent"],
    [["forecast", "--team", team, "--from", "2026/27", "--award", "2026/27=2"], 1, "2026/27 has pay points in the catalog"],
    [["forecast", "--team", team, "--proration", "weekly"], 1, "--proration 'weekly' is not monthly or calendar"],
  ])("refuses %j", async (argv, exit, message) => {
    const { code, stderr } = await wfp(...argv);
    expect(code).toBe(exit);
    expect(stderr).toContain(message);
  });
});
