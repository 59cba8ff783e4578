import { spawn } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutput } from "../../src/cli/safeWrite";
import { wfp } from "../support/cli";

const root = mkdtempSync(join(tmpdir(), "wfp-safe-write-"));
let count = 0;
const folder = (): string => {
  const dir = join(root, String(count++));
  mkdirSync(dir);
  return dir;
};
const TEAM = "Post,Role,Band,Point,WTE\nA,RECONNECT Peer Support Worker,3,entry,1\nB,RECONNECT Service Manager,8a,top,1\n";
const PREVIOUS = Buffer.from("the user's previous workbook \u0000\u0001\u00ff bytes");
const enospc = (): Error => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

describe("checkOutput and its write", () => {
  it("leaves the previous file byte for byte, and no partial file, when the write fails midway", async () => {
    const dir = folder();
    const target = join(dir, "plan.xlsx");
    writeFileSync(target, PREVIOUS);
    const output = checkOutput(target, { force: true, inputs: [] });
    await expect(
      output.write((tmp) => {
        writeFileSync(tmp, "half a workbook");
        throw enospc();
      }),
    ).rejects.toThrow(`cannot write ${target}: the disk is full (ENOSPC); the previous file is unchanged`);
    expect(readFileSync(target)).toEqual(PREVIOUS);
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });
  it("leaves nothing under the user's name when a first write fails", async () => {
    const dir = folder();
    const output = checkOutput(join(dir, "new.xlsx"), { force: false, inputs: [] });
    await expect(output.write(() => Promise.reject(enospc()))).rejects.toThrow("nothing was written");
    expect(readdirSync(dir)).toEqual([]);
  });
  it("replaces the target only by rename, keeping its permissions", async () => {
    const dir = folder();
    const target = join(dir, "plan.xlsx");
    writeFileSync(target, PREVIOUS, { mode: 0o640 });
    await checkOutput(target, { force: true, inputs: [] }).write((tmp) => writeFileSync(tmp, "new"));
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });
  it("refuses an input file however it is spelled, even through a hard link, --force or not", () => {
    const dir = folder();
    const team = join(dir, "team.xlsx");
    writeFileSync(team, TEAM);
    linkSync(team, join(dir, "linked.xlsx"));
    for (const force of [false, true]) {
      expect(() => checkOutput(join(dir, "..", String(count - 1), "team.xlsx"), { force, inputs: [team] })).toThrow("is the input file");
      expect(() => checkOutput(join(dir, "linked.xlsx"), { force, inputs: [team] })).toThrow("is the input file");
    }
    expect(() => checkOutput(dir, { force: true, inputs: [] })).toThrow("is a folder: give a file name");
  });
});

describe("wfp commands that write", () => {
  it("refuse to replace an existing --out without --force, and replace it with --force", async () => {
    const dir = folder();
    const team = join(dir, "team.csv");
    writeFileSync(team, TEAM);
    const out = join(dir, "plan.xlsx");
    writeFileSync(out, PREVIOUS);
    for (const command of ["plan", "workbook", "matrix"]) {
      expect(await wfp(command, "--out", out)).toEqual({ code: 1, stdout: "", stderr: `wfp: ${out} already exists: give --force to replace it, or choose another name\n` });
      expect(readFileSync(out)).toEqual(PREVIOUS);
    }
    const forced = await wfp("plan", "--out", out, "--team", team, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir).sort()).toEqual(["plan.xlsx", "team.csv"]);
  });
  it("refuse an --out that is an input file, --force or not, and leave it as it was", async () => {
    const dir = folder();
    const team = join(dir, "team.csv");
    writeFileSync(team, TEAM);
    for (const extra of [[], ["--force"]]) {
      expect(await wfp("plan", "--out", team, "--team", team, ...extra)).toEqual({
        code: 1,
        stdout: "",
        stderr: `wfp: --out ${team} is the input file ${team}: writing there would destroy it; choose another name\n`,
      });
      expect((await wfp("workbook", "--out", join(dir, ".", "team.csv"), "--skills", team, ...extra)).code).toBe(1);
      expect((await wfp("matrix", "--out", team, "--team", team, ...extra)).code).toBe(1);
    }
    expect(readFileSync(team, "utf8")).toBe(TEAM);
  });
  it("refuse an --out that is not an .xlsx name (exit 2) and an --out in a folder that does not exist (exit 1)", async () => {
    const dir = folder();
    expect((await wfp("plan", "--out", join(dir, "plan.csv"))).code).toBe(2);
    const missing = join(dir, "no such folder", "plan.xlsx");
    expect(await wfp("plan", "--out", missing)).toEqual({
      code: 1,
      stdout: "",
      stderr: `wfp: cannot write ${missing}: the folder does not exist (ENOENT); nothing was written\n`,
    });
  });
});

/** Runs the built `wfp`, interrupts it with `signal` while its temporary file is being written, and waits. */
async function interruptWhileWriting(args: string[], dir: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; sawPartial: boolean }> {
  const child = spawn(process.execPath, [join(__dirname, "../../bin/wfp.cjs"), ...args], { cwd: dir });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let sawPartial = false;
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const poll = setInterval(() => {
    if (!sawPartial && readdirSync(dir).some((f) => f.endsWith(".wfp-partial"))) {
      sawPartial = true;
      child.kill(signal);
    }
  }, 2);
  const code = await exited;
  clearInterval(poll);
  return { code, stderr, sawPartial };
}

describe("an interrupted wfp", () => {
  const bigTeam = ["Post,Role,Band,Point,WTE", ...Array.from({ length: 1000 }, (_, i) => `P${i},RECONNECT Peer Support Worker,${3 + (i % 5)},entry,1`)].join("\n");
  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("leaves the previous file byte for byte and no partial file on %s", async (signal) => {
    const dir = folder();
    writeFileSync(join(dir, "team.csv"), bigTeam);
    writeFileSync(join(dir, "plan.xlsx"), PREVIOUS);
    const result = await interruptWhileWriting(["plan", "--out", "plan.xlsx", "--force", "--team", "team.csv"], dir, signal);
    expect(result.sawPartial).toBe(true);
    // As a process killed by the signal reports it: 128 + the signal's number.
    expect(result.code).toBe({ SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }[signal]);
    expect(result.stderr).toBe(`wfp: stopped by ${signal}; nothing was written\n`);
    expect(readFileSync(join(dir, "plan.xlsx"))).toEqual(PREVIOUS);
    expect(readdirSync(dir).sort()).toEqual(["plan.xlsx", "team.csv"]);
    expect(existsSync(join(dir, "plan.xlsx"))).toBe(true);
  }, 120_000);
});
