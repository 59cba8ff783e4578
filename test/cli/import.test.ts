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

describe("wfp import of documents it cannot use", () => {
  /** A deterministic shuffle (a small LCG), so the scrambled profile is the same on every run. */
  const shuffled = (lines: string[], seed: number): string[] => {
    const out = [...lines];
    let s = seed;
    for (let i = out.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  it.each([1, 2, 3, 4, 5])("exits non-zero for a shuffled role profile (seed %i), listing what is missing", async (seed) => {
    const doc = readSeed(SEED_FILES["reconnect-senior-engagement-worker"]);
    const result = await wfp("import", file(`shuffled-${seed}.txt`, shuffled(doc.split("\n"), seed).join("\n")));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/is not a complete role profile: it has no|could not be read as a role|not a Skills for Health role profile/);
  });
  it("exits non-zero for a profile whose core competences section is cut out, naming it", async () => {
    const doc = readSeed(SEED_FILES["reconnect-peer-support-worker"]);
    const core = doc.indexOf("\nCommon/Core Competences for all Level 3 Roles:\n");
    const specific = doc.indexOf("\nRole Specific Competences\n");
    expect(core).toBeGreaterThan(0);
    expect(specific).toBeGreaterThan(core);
    const result = await wfp("import", file("no-core.txt", doc.slice(0, core) + doc.slice(specific)), "--json");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a complete role profile: it has no core competences section/);
    expect(JSON.parse(result.stdout)).toMatchObject({ role: null, missing: ["core competences section"] });
  });
  it.each([
    ["empty.pdf", Buffer.alloc(0), "empty.pdf is empty"],
    ["image.pdf", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), "image.pdf is not a text file: it looks like a PNG image"],
    ["profile.docx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), "profile.docx: Word files are not supported — save as PDF or text"],
    ["notes.pdf", Buffer.from("just some words\n"), "notes.pdf is not a PDF: it has no PDF header"],
  ])("says plainly that %s cannot be read", async (name, content, message) => {
    const result = await wfp("import", file(name, content));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/internal error|[\u0000-\u0008]/);
  });
  it("says a truncated PDF is damaged, in one line", async () => {
    const pdf = textToPdf(readSeed(SEED_FILES["reconnect-peer-support-worker"]));
    const result = await wfp("import", file("cut.pdf", pdf.subarray(0, Math.floor(pdf.length / 3))));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cut\.pdf (is not a readable PDF \(damaged or cut short\?\)|has no text to read|is not a complete role profile|could not be read as a role)/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  }, 30_000);
});
