import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { readTeamCsv } from "../../src/input";

const pay = defaultCatalog().pay;
import { wfp } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "wfp-plan-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("team CSV", () => {
  it("reads posts by header, whatever the case, order, BOM and line ends", () => {
    const { posts } = readTeamCsv(
      "\uFEFFBand,POST,wte,Role,HCAS Zone,Status,Pay point,Start date in band\r\n8a,Manager,1,Lead,Inner London,In post,top,2019-04-01\r\n5,\"Practitioner, nights\",0.8,,,vacant,,\r\n",
      "team.csv",
      pay,
    );
    expect(posts).toEqual([
      { post: "Manager", role: "Lead", band: "8a", point: "top", wte: 1, hcasZone: "inner-london", status: "In post", startInBand: "2019-04-01" },
      { post: "Practitioner, nights", role: "", band: "5", point: "top", wte: 0.8, hcasZone: "none", status: "Vacant" },
    ]);
  });
  it("reads WTE from 'Contracted WTE' or 'Contracted hours' (÷ 37.5) and a band from 'Pay band' or 'Grade'", () => {
    const wte = readTeamCsv("Post,Grade,Contracted WTE\nA,5,0.6\n", "team.csv", pay);
    expect(wte.posts[0]).toMatchObject({ band: "5", wte: 0.6 });
    expect(wte.warnings).toEqual([]);
    const hours = readTeamCsv("Post,Pay band,Contracted hours\nA,6,30\nB,6,37.5\n", "team.csv", pay);
    expect(hours.posts.map((p) => p.wte)).toEqual([0.8, 1]);
  });
  it("reads a numbered point as the band's nth point, as wfp cost does (band 3's point 2 is its top)", () => {
    const { posts } = readTeamCsv("Post,Band,Point\nA,5,2\nB,3,2\nC,3,1\nD,8a,3\nE,2,top\n", "team.csv", pay);
    expect(posts.map((p) => p.point)).toEqual(["intermediate", "top", "entry", "top", "top"]);
  });
  it("names the columns it does not use, once", () => {
    const { warnings } = readTeamCsv("Post,Band,Cost code,Notes,Memo\nA,5,X1,,\nB,5,X2,n,\n", "team.csv", pay);
    expect(warnings).toEqual(["team.csv: columns 'Notes', 'Memo' are not used"]);
  });
  it("reads the forecast's columns too: cost centre, first and last days in post", () => {
    const { posts, warnings } = readTeamCsv("Post,Band,Cost centre,Start date,End date\nA,5,CC*1,2026-05-14,2027-01-31\nB,6,,,\n", "team.csv", pay);
    expect(warnings).toEqual([]);
    expect(posts[0]).toMatchObject({ post: "A", costCentre: "CC*1", startDate: "2026-05-14", endDate: "2027-01-31" });
    expect(Object.keys(posts[1]!)).not.toContain("costCentre");
    expect(() => readTeamCsv("Post,Band,Start date,End date\nA,5,2026-05-14,2026-05-13\n", "team.csv", pay)).toThrow(
      "team.csv line 2, column 'End date': the end date 2026-05-13 is before the start date 2026-05-14",
    );
  });
  it.each([
    ["Post,Band,WTE\nA,5,2\n", "team.csv line 2, column 'WTE': '2' is not a WTE from 0 to 1.5"],
    ["Post,Band,WTE\nA,5,-1\n", "team.csv line 2, column 'WTE': '-1' is not a WTE from 0 to 1.5"],
    ["Post,Band\nA,5\nB,8e\n", "team.csv line 3, column 'Band': '8e' is not an Agenda for Change band (1–7, 8a–8d or 9)"],
    ["Post,Band\nA,5\na,6\n", "team.csv line 3, column 'Post': post 'a' is already on line 2; each post needs its own name"],
    ["Post,Band,Status\nA,5,gone\n", "team.csv line 2, column 'Status': 'gone' is not a status: give \"In post\" or \"Vacant\""],
    ["Name,Role\nA,5\n", "team.csv has no 'Post' column (line 1); its columns are: Name, Role"],
    ["Post,Band,Start date in band\nA,5,2025-02-30\n", "team.csv line 2, column 'Start date in band': '2025-02-30' is not a date on the calendar"],
    ["Post,Band,Start date in band\nA,5,April 2020\n", "team.csv line 2, column 'Start date in band': 'April 2020' is not a date: give it as yyyy-mm-dd"],
    ["Post,Band,Point\nA,3,intermediate\n", "team.csv line 2, column 'Point': band 3 has 2 pay points (entry, top): there is no intermediate point"],
    ["Post,Pay band,Pay point\nA,2,2\n", "team.csv line 2, column 'Pay point': band 2 has one pay point: there is no point 2"],
    ["Post,Band,WTE,WTE\nA,5,1,1\n", "team.csv line 1: the header has 'WTE' and 'WTE', two columns of one name; keep one"],
    ["Post,Band,Grade\nA,5,6\n", "team.csv line 1: 'Band' and 'Grade' both give the Band; keep one of them"],
    ["Post,Band,FTE,Contracted hours\nA,5,1,37.5\n", "team.csv line 1: 'FTE' and 'Contracted hours' both give the WTE; keep one of them"],
    ['Post,Band\n"A\nB",5\nC,x\n', "team.csv line 4, column 'Band': 'x' is not an Agenda for Change band"],
    ["Post,Band\n\n\nC,5,,7\n", "team.csv line 4: 4 cells but the header on line 1 names 2 columns"],
    ['Post,Band\nC,"5\n', "team.csv line 2: a quoted cell is never closed"],
  ])("refuses %j naming the line", (csv, message) => {
    expect(() => readTeamCsv(csv, "team.csv", pay)).toThrow(message);
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
    plan.getColumn(21).eachCell((c) => roleList.push(c.value));
    expect(roleList).toContain("Custom role");
    expect(roleList).toContain("RECONNECT Peer Support Worker");
  });
  it("reads a Windows-1252 team file (Café stays Café), says once which columns it ignores, and refuses binary", async () => {
    const path = join(dir, "cp1252.csv");
    writeFileSync(path, Buffer.concat([Buffer.from("Post,Band,Contracted WTE,Notes\nCaf"), Buffer.from([0xe9]), Buffer.from(" lead,6,0.5,x\nB,5,1,y\n")]));
    const out = join(dir, "cp1252.xlsx");
    const result = await wfp("plan", "--out", out, "--team", path);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`wfp: note: ${path}: column 'Notes' is not used\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const plan = workbook.getWorksheet("Staffing plan")!;
    const values: unknown[] = [];
    plan.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain("Café lead");
    expect(values).toContain(0.5);
    const png = join(dir, "team.png.csv");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(await wfp("plan", "--out", join(dir, "y.xlsx"), "--team", png)).toEqual({
      code: 1,
      stdout: "",
      stderr: `wfp: ${png} is not a text file: it looks like a PNG image; save it as CSV (UTF-8) or text\n`,
    });
  });
  it("refuses a missing --out, a bad team file and an unknown year", async () => {
    expect((await wfp("plan")).code).toBe(2);
    const bad = await wfp("plan", "--out", join(dir, "x.xlsx"), "--team", file("bad.csv", "Post,Band\nA,12\n"));
    expect(bad).toEqual({ code: 1, stdout: "", stderr: `wfp: ${join(dir, "bad.csv")} line 2, column 'Band': '12' is not an Agenda for Change band (1–7, 8a–8d or 9)\n` });
    expect((await wfp("plan", "--out", join(dir, "x.xlsx"), "--year", "2010/11")).stderr).toMatch(/no pay scale for 2010\/11; years available: 2024\/25, 2025\/26, 2026\/27/);
    expect((await wfp("plan", "--out", join(dir, "x.xlsx"), "--team", join(dir, "missing.csv"))).stderr).toMatch(/cannot read .*missing\.csv: ENOENT/);
  });
});
