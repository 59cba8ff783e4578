import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Permission errors for real. Root passes every permission check, so under root (as tests usually run here) a
 * "permission" test would really test a missing file. These run the built `wfp` as the unprivileged user
 * `nobody` (setpriv) over files root owns; not as root, they take the permission away with chmod instead.
 */
const BIN = join(__dirname, "../../bin/wfp.cjs");
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const TEAM = "Post,Role,Band,Point,WTE\nA,RECONNECT Peer Support Worker,3,entry,1\n";
const PREVIOUS = Buffer.from("the user's previous workbook \u0000\u0001\u00ff bytes");

const root = mkdtempSync(join(tmpdir(), "wfp-permissions-"));
// Searchable and readable by everyone, writable by its owner only (root, or us until chmod takes it away).
chmodSync(root, 0o755);
const taken: string[] = [];

/** A folder `nobody` (or, not as root, we) may read but not write. */
function readOnlyFolder(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "team.csv"), TEAM);
  writeFileSync(join(dir, "plan.xlsx"), PREVIOUS);
  chmodSync(dir, AS_ROOT ? 0o755 : 0o555);
  if (!AS_ROOT) taken.push(dir);
  return dir;
}

/** Takes every permission on `path` from everyone but root. */
function noAccess(path: string): string {
  chmodSync(path, AS_ROOT ? 0o700 : 0o000);
  if (!AS_ROOT) taken.push(path);
  return path;
}

afterAll(() => {
  // Give back what was taken, so the temporary folder can be removed.
  for (const path of taken) chmodSync(path, 0o755);
});

/** Node with `args`, as a user the permissions apply to. */
function nodeUnprivileged(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const [command, ...rest] = AS_ROOT
    ? ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", process.execPath, ...args]
    : [process.execPath, ...args];
  const r = spawnSync(command!, rest, { cwd, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The built wfp as a user the permissions apply to. */
const wfpUnprivileged = (args: string[], cwd: string) => nodeUnprivileged([BIN, ...args], cwd);

describe("permission errors (EACCES), as a user the permissions apply to", () => {
  it("runs wfp as that user, who may read the project but not write where root owns", () => {
    expect(nodeUnprivileged(["-e", "process.stdout.write(String(process.getuid()))"], root).stdout).toBe(String(AS_ROOT ? NOBODY : process.getuid?.()));
    expect(wfpUnprivileged(["band", "598"], root)).toEqual({ code: 0, stdout: "8b\n", stderr: "" });
  });

  it("refuses to write into a read-only folder in one line naming the file, and leaves the previous file byte for byte", () => {
    const dir = readOnlyFolder("replace");
    const target = join(dir, "plan.xlsx");
    const result = wfpUnprivileged(["plan", "--out", target, "--force", "--team", join(dir, "team.csv")], root);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `wfp: cannot write ${target}: permission denied (EACCES); the previous file is unchanged\n`,
    });
    expect(readFileSync(target)).toEqual(PREVIOUS);
    expect(readdirSync(dir).sort()).toEqual(["plan.xlsx", "team.csv"]);
  });

  it("says nothing was written when there was no previous file", () => {
    const dir = readOnlyFolder("new");
    const target = join(dir, "matrix.xlsx");
    const result = wfpUnprivileged(["matrix", "--out", target], root);
    expect(result).toEqual({ code: 1, stdout: "", stderr: `wfp: cannot write ${target}: permission denied (EACCES); nothing was written\n` });
    expect(readdirSync(dir).sort()).toEqual(["plan.xlsx", "team.csv"]);
  });

  it("refuses an input it may not read, naming it, before writing anything", () => {
    const dir = readOnlyFolder("unreadable");
    const team = noAccess(join(dir, "team.csv"));
    const out = join(root, "never.xlsx");
    const result = wfpUnprivileged(["plan", "--out", out, "--team", team], root);
    expect(result).toEqual({ code: 1, stdout: "", stderr: `wfp: cannot read ${team}: EACCES\n` });
    expect(readdirSync(root)).not.toContain("never.xlsx");
  });

  it("refuses an --out in a folder it may not search: it cannot check what is there", () => {
    const dir = readOnlyFolder("closed");
    noAccess(dir);
    const target = join(dir, "plan.xlsx");
    const result = wfpUnprivileged(["plan", "--out", target, "--force"], root);
    expect(result).toEqual({ code: 1, stdout: "", stderr: `wfp: cannot check ${target}: permission denied (EACCES)\n` });
    chmodSync(dir, 0o755);
    expect(readFileSync(target)).toEqual(PREVIOUS);
  });
});
