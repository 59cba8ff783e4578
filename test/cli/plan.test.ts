import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTeamCsv } from "../../src/cli/teamCsv";
import { wfp } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "wfp-plan-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("team CSV", () => {
  it("reads posts by header, whatever the case, order, BOM and line ends", () => {
    const posts = readTeamCsv(
      "\uFEFFBand,POST,wte,Role,HCAS Zone,Status,Pay point,Start date in band\r\n8a,Manager,1,Lead,Inner London,In post,top,2019-04-01\r\n5,\"Practitioner, nights\",0.8,,,vacant,,\r\n",
      "team.csv",
    );
    expect(posts).toEqual([
      { post: "Manager", role: "Lead", band: "8a", point: "top", wte: 1, hcasZone: "inner-london", status: "In post", startInBand: "2019-04-01" },
      { post: "Practitioner, nights", role: "", band: "5", point: "top", wte: 0.8, hcasZone: "none", status: "Vacant" },
    ]);
  });
  it.each([
    ["Post,Band,WTE\nA,5,2\n", "team.csv line 2: '2' is not a WTE from 0 to 1.5"],
    ["Post,Band,WTE\nA,5,-1\n", "team.csv line 2: '-1' is not a WTE from 0 to 1.5"],
    ["Post,Band\nA,5\nB,8e\n", "team.csv line 3: '8e' is not an Agenda for Change band (1–7, 8a–8d or 9)"],
    ["Post,Band\nA,5\na,6\n", "team.csv line 3: post 'a' is already on line 2; each post needs its own name"],
    ["Post,Band,Status\nA,5,gone\n", "team.csv line 2: 'gone' is not a status: give \"In post\" or \"Vacant\""],
    ["Name,Grade\nA,5\n", "team.csv has no 'post' column; its columns are: Name, Grade"],
    ["Post,Band,Start date in band\nA,5,01/04/2020\n", "team.csv line 2: '01/04/2020' is not a date: give it as yyyy-mm-dd"],
  ])("refuses %j naming the line", (csv, message) => {
    expect(() => readTeamCsv(csv, "team.csv")).toThrow(message);
  });
});

describe("wfp plan", () => {
  it("writes the plan workbook from a team CSV", async () => {
    const team = file("team.csv", "Post,Role,Band,Point,WTE,HCAS zone,Status\nManager,RECONNECT Service Manager,8a,top,1,none,In post\nWorker,Custom role,3,entry,0.5,fringe,Vacant\n");
    const out = join(dir, "plan.xlsx");
    const result = await wfp("plan", "--out", out, "--team", team, "--year", "2024/25", "--vacancy", "0.05");
    expect(result).toEqual({ code: 0, stdout: `Wrote ${out}: 2 posts, costed for 2024/25 (employer pension).\n`, stderr: "" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Staffing plan", "Plan summary", "Pay scales", "On-costs"]);
    const plan = workbook.getWorksheet("Staffing plan")!;
    expect(plan.getTable("Staffing_Plan")).toBeTruthy();
    const roleList: unknown[] = [];
    plan.getColumn(18).eachCell((c) => roleList.push(c.value));
    expect(roleList).toContain("Custom role");
    expect(roleList).toContain("RECONNECT Peer Support Worker");
  });
  it("refuses a missing --out, a bad team file and an unknown year", async () => {
    expect((await wfp("plan")).code).toBe(2);
    const bad = await wfp("plan", "--out", join(dir, "x.xlsx"), "--team", file("bad.csv", "Post,Band\nA,12\n"));
    expect(bad).toEqual({ code: 1, stdout: "", stderr: `wfp: ${join(dir, "bad.csv")} line 2: '12' is not an Agenda for Change band (1–7, 8a–8d or 9)\n` });
    expect((await wfp("plan", "--out", join(dir, "x.xlsx"), "--year", "2010/11")).stderr).toMatch(/no pay scale for 2010\/11; years available: 2024\/25, 2025\/26, 2026\/27/);
    expect((await wfp("plan", "--out", join(dir, "x.xlsx"), "--team", join(dir, "missing.csv"))).stderr).toMatch(/cannot read .*missing\.csv: ENOENT/);
  });
});
