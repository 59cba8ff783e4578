import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wfp } from "../support/cli";

const CORPUS = join(__dirname, "..", "fixtures", "hostile");
const files = readdirSync(CORPUS).filter((f) => f !== "README.md").sort();
const out = mkdtempSync(join(tmpdir(), "wfp-hostile-"));
let n = 0;
const fresh = (): string => join(out, `out-${n++}.xlsx`);

/** Every way a `wfp` command reads a file the user names. */
const COMMANDS: readonly ((path: string) => string[])[] = [
  (p) => ["plan", "--out", fresh(), "--team", p],
  (p) => ["workbook", "--out", fresh(), "--team", p],
  (p) => ["workbook", "--out", fresh(), "--skills", p],
  (p) => ["workbook", "--out", fresh(), "--catalog", p],
  (p) => ["matrix", "--out", fresh(), "--team", p],
  (p) => ["forecast", "--team", p, "--years", "1"],
  (p) => ["establishment", "--funded", p, "--staff", p],
  (p) => ["import", p],
];

describe("the hostile-input corpus", () => {
  it("has a README line for every file", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(join(CORPUS, "README.md"), "utf8");
    for (const f of files) expect(readme, f).toContain(`| ${f} |`);
    expect(files.length).toBeGreaterThanOrEqual(30);
  });
  it.each(files)("no wfp command prints 'internal error' for %s; each refusal is one line", async (file) => {
    for (const command of COMMANDS) {
      const argv = command(join(CORPUS, file));
      const { code, stderr } = await wfp(...argv);
      const where = `${argv.join(" ")} → ${code}: ${stderr}`;
      expect(stderr, where).not.toMatch(/internal error/);
      expect([0, 1, 2], where).toContain(code);
      if (code !== 0) expect(stderr.trim().split("\n").filter((l) => !l.startsWith("wfp: note:")), where).toHaveLength(1);
      // Never echo binary: no NULs or other control characters in what wfp says.
      expect(stderr, where).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
    }
  }, 120_000);
  it.each([
    ["duplicate-headers.csv", "line 1: the header has 'WTE' and 'WTE', two columns of one name"],
    ["impossible-date.csv", "line 2, column 'Start date in band': '2025-02-30' is not a date on the calendar"],
    ["band3-intermediate.csv", "line 2, column 'Point': band 3 has 2 pay points (entry, top): there is no intermediate point"],
    ["utf16le-no-bom.csv", "looks like UTF-16 text without a byte-order mark"],
    ["binary.csv", "is not a text file"],
    ["unterminated-quote.csv", "line 2: a quoted cell is never closed"],
  ])("refuses %s with exit 1, naming where", async (file, message) => {
    const result = await wfp("plan", "--out", fresh(), "--team", join(CORPUS, file));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });
  it.each(["utf16le-bom.csv", "utf16be-bom.csv", "cp1252.csv", "contracted-wte.csv", "contracted-hours.csv"])("reads %s", async (file) => {
    expect((await wfp("plan", "--out", fresh(), "--team", join(CORPUS, file))).code).toBe(0);
  });
});
