import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { textToPdf } from "../support/pdfWriter";
import { SEED_FILES, readSeed } from "../support/seeds";
import { wfp } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "wfp-import-"));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe("wfp import", () => {
  it("prints the role in the shape of wfp role --json, and its problems", async () => {
    const path = file("psw.txt", readSeed(SEED_FILES["reconnect-peer-support-worker"]));
    const imported = await wfp("import", path, "--json");
    expect(imported.code).toBe(0);
    const { role, problems } = JSON.parse(imported.stdout);
    expect(problems).toEqual([]);
    const catalogRole = JSON.parse((await wfp("role", "reconnect-peer-support-worker", "--json")).stdout);
    expect(Object.keys(role).sort()).toEqual(Object.keys(catalogRole).sort());
    expect(role.competences).toEqual(catalogRole.competences);
    expect(role.careerFrameworkLevel).toBe(3);
  });

  it("reads a PDF of a role profile", async () => {
    const path = file("ld.pdf", textToPdf(readSeed(SEED_FILES["liaison-diversion-service-manager"])));
    const { code, stdout } = await wfp("import", path, "--json", "--id", "my-ld-manager");
    expect(code).toBe(0);
    const { role, problems } = JSON.parse(stdout);
    expect(problems).toEqual([]);
    expect(role.id).toBe("my-ld-manager");
    expect(role.competences).toHaveLength(57);
  }, 30_000);

  it("lists line-numbered problems for a damaged profile and summarises in text", async () => {
    const text = readSeed(SEED_FILES["reconnect-peer-support-worker"]).replace(
      "Support individuals who are distressed\tSupport individuals who are distressed",
      "Mystery principle\tSupport individuals who are distressed\tSupport individuals who are distressed\textra\tcells",
    );
    const { code, stdout } = await wfp("import", file("damaged.txt", text));
    expect(code).toBe(0);
    expect(stdout).toMatch(/RECONNECT Peer Support Worker \(reconnect-peer-support-worker\): RECONNECT \/ Enhanced RECONNECT, Career Framework level 3/);
    expect(stdout).toMatch(/problem\(s\) to check:\n\s+line \d+: /);
  });

  it("exits non-zero for a file that is no role profile", async () => {
    const result = await wfp("import", file("notes.txt", "Shopping list\nmilk\neggs\n"));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/not a Skills for Health role profile/);
    const missing = await wfp("import", join(dir, "missing.txt"));
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read .*missing\.txt: ENOENT/) });
    expect((await wfp("import")).code).toBe(2);
  });

  it("exits non-zero for a truncated profile without its level, with the problems in JSON", async () => {
    const doc = readSeed(SEED_FILES["reconnect-peer-support-worker"]);
    const result = await wfp("import", file("cut.txt", doc.slice(0, doc.indexOf("Career Framework Level\tLevel 3"))), "--json");
    expect(result.code).toBe(1);
    const { role, problems } = JSON.parse(result.stdout);
    expect(role).toBeNull();
    expect(problems.map((p: { reason: string }) => p.reason).join(" ")).toMatch(/no Career Framework Level/);
  });
});

describe("wfp import of national job profiles", () => {
  it("scores each profile and flags one whose levels do not add up to its stated range", async () => {
    const { NATIONAL_PROFILES_FILE } = await import("../support/seeds");
    const good = await wfp("import", file("profiles.txt", readSeed(NATIONAL_PROFILES_FILE)), "--json");
    expect(good.code).toBe(0);
    const parsed = JSON.parse(good.stdout);
    expect(parsed.problems).toEqual([]);
    expect(parsed.profiles.map((p: { score: unknown; matchesDocument: boolean }) => [p.score, p.matchesDocument])).toEqual([
      [{ min: 550, max: 599 }, true],
      [{ min: 590, max: 665 }, true],
      [{ min: 641, max: 748 }, true],
    ]);
    const altered = readSeed(NATIONAL_PROFILES_FILE).replace(/\t6\t156\n/, "\t7\t196\n");
    const flagged = await wfp("import", file("altered.txt", altered));
    expect(flagged.code).toBe(0);
    expect(flagged.stdout).toMatch(/document 550–599 \(band 8a\/b\); computed 590–639, band 8b–8c {2}← MISMATCH/);
  });
});
