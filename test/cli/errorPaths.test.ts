import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as catalogModule from "../../src/catalog";
import { checkOutput } from "../../src/cli/safeWrite";
import { qualifyStructuredReferences } from "../../src/cli/xlsx/structuredReferences";
import { xlsxBuffer } from "../../src/cli/xlsx/writeWorkbook";
import { ZipWriter } from "../../src/cli/xlsx/zip";
import { HELP } from "../../src/cli/main";
import { textToPdf } from "../support/pdfWriter";
import { NATIONAL_PROFILES_FILE, SEED_FILES, readSeed } from "../support/seeds";
import { wfp } from "../support/cli";

/**
 * Every error path in src/cli, one row each: where it is (a fragment of the code at the throw, exit or refusal),
 * what brings it about, the exit code and the one line it says. The first test reads src/cli and fails for a
 * throw, exit or refusal that has no row here (and for a row whose code is gone), so a new error path comes with
 * its test. A row runs `wfp` (in-process, or the built bin/wfp.cjs where the process itself is the point), calls
 * the module whose guard it is, or names the test file that drives it (the signals, Excel's limits, permissions).
 *
 * | where | when | exit | says |
 * | --- | --- | --- | --- |
 * (the table is ERROR_PATHS below; `npx vitest run test/cli/errorPaths.test.ts` names each row as it runs)
 */

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "bin/wfp.cjs");
const dir = mkdtempSync(join(tmpdir(), "wfp-error-paths-"));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const TEAM = file("team.csv", "Post,Role,Band,Point,WTE\nA,RECONNECT Peer Support Worker,3,entry,1\n");
const EXISTING = file("existing.xlsx", "the user's workbook");
const FOLDER_XLSX = join(dir, "folder.xlsx");
mkdirSync(FOLDER_XLSX);
const FUNDED = join(ROOT, "test/fixtures/establishment/funded.csv");
const STAFF = join(ROOT, "test/fixtures/establishment/staff.csv");
const HOSTILE = (name: string): string => join(ROOT, "test/fixtures/hostile", name);
const out = (name: string): string => join(dir, name);
const PROFILE = readSeed(SEED_FILES["reconnect-peer-support-worker"]);

type Outcome = { code: number | null; stdout: string; stderr: string };

/** The built `wfp` in a child process, for what only a process shows (its exit code from the last guard). */
function spawnWfp(args: string[], nodeOptions: string[] = []): Outcome {
  const r = spawnSync(process.execPath, [...nodeOptions, BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface ErrorPath {
  /** The file under src/cli. */
  at: string;
  /** Text found in the code at the error path: its line, or for a bare `return 2;` the two lines before it too. */
  source: string;
  /** What brings it about. */
  when: string;
  /** 1 refused, 2 called wrongly, 3 a bug; 128 + n for a signal. */
  exit: number;
  /** The line on stderr (a fragment), or the error a module call throws. */
  says: string | RegExp;
  /** Runs wfp; the outcome must be `exit` with `says` as its one line on stderr. */
  run?: () => Promise<Outcome> | Outcome;
  /** Calls the module whose guard it is; it must throw (or reject with) `says`. */
  call?: () => unknown;
  /** Driven by another test file, which must contain `mentions`. */
  testedIn?: { file: string; mentions: string };
  /** What stdout holds (empty unless said). */
  stdout?: string;
}

const ERROR_PATHS: ErrorPath[] = [
  // src/cli/main.ts: the dispatcher.
  { at: "main.ts", source: "return name === undefined ? 2", when: "no command", exit: 2, says: "", stdout: HELP, run: () => wfp() },
  { at: "main.ts", source: "unknown command", when: "a command that does not exist", exit: 2, says: "wfp: unknown command 'nonsense'; commands: band, je", run: () => wfp("nonsense") },
  { at: "main.ts", source: "To specify a positional argument", when: "an option the command does not have", exit: 2, says: "wfp: Unknown option '--colour'; usage: wfp cost", run: () => wfp("cost", "--colour", "red") },
  { at: "main.ts", source: "To specify a positional argument", when: "an option without its value", exit: 2, says: "wfp: Option '--band <value>' argument missing; usage: wfp cost", run: () => wfp("cost", "--band") },
  { at: "main.ts", source: "is given twice", when: "an option given twice", exit: 2, says: "wfp: --band is given twice; give it once; usage: wfp cost", run: () => wfp("cost", "--band", "6", "--band", "7") },
  { at: "main.ts", source: "e instanceof UsageError", when: "a command called wrongly (any UsageError)", exit: 2, says: "wfp: usage: wfp band <score>", run: () => wfp("band") },
  { at: "main.ts", source: "e instanceof DomainError", when: "input the domain refuses (any DomainError)", exit: 1, says: "wfp: '42' is not an Agenda for Change band (1–7, 8a–8d or 9)", run: () => wfp("cost", "--band", "42") },
  { at: "main.ts", source: "the catalog is not valid", when: "a --catalog of the wrong shape", exit: 1, says: "wfp: the catalog is not valid: version: this reads catalog files of version 1", run: () => wfp("workbook", "--out", out("catalog.xlsx"), "--catalog", HOSTILE("catalog-wrong-shape.json")) },
  {
    at: "main.ts",
    source: "internal error",
    when: "a bug (an unexpected exception)",
    exit: 3,
    says: "wfp: internal error: Cannot read properties of undefined (reading 'pay') (set WFP_DEBUG=1 for details)",
    run: async () => {
      vi.spyOn(catalogModule, "defaultCatalog").mockImplementation(() => {
        throw new TypeError("Cannot read properties of undefined (reading 'pay')");
      });
      return wfp("band", "500");
    },
  },
  // src/cli/wfp.ts: the process.
  { at: "wfp.ts", source: "stopped by", when: "SIGINT, SIGTERM or SIGHUP while writing", exit: 130, says: "stopped by", testedIn: { file: "test/cli/safeWrite.test.ts", mentions: "wfp: stopped by ${signal}; nothing was written" } },
  { at: "wfp.ts", source: "process.exitCode = code", when: "any refusal, as the process's exit code", exit: 1, says: "wfp: cannot read missing.csv: ENOENT", run: () => spawnWfp(["plan", "--out", "p.xlsx", "--team", "missing.csv"]) },
  {
    at: "wfp.ts",
    source: "process.exitCode = 3",
    when: "an error runCli does not catch (stdout itself failing)",
    exit: 3,
    says: "wfp: internal error: stdout is gone",
    run: () => spawnWfp(["--help"], ["--require", file("broken-stdout.cjs", 'process.stdout.write = () => { throw new Error("stdout is gone"); };\n')]),
  },
  // src/cli/safeWrite.ts: writes that cannot lose a file.
  { at: "safeWrite.ts", source: "cannot check ${path}", when: "an --out under a file, not a folder", exit: 1, says: `wfp: cannot check ${join(TEAM, "plan.xlsx")}: a part of the path is not a folder (ENOTDIR)`, run: () => wfp("plan", "--out", join(TEAM, "plan.xlsx")) },
  { at: "safeWrite.ts", source: "cannot check ${path}", when: "an --out in a folder the user may not search", exit: 1, says: "cannot check", testedIn: { file: "test/cli/permissions.test.ts", mentions: "cannot check" } },
  { at: "safeWrite.ts", source: "is a folder: give a file name", when: "an --out that is a folder", exit: 1, says: `wfp: --out ${FOLDER_XLSX} is a folder: give a file name`, run: () => wfp("plan", "--out", FOLDER_XLSX, "--force") },
  { at: "safeWrite.ts", source: "already exists: give --force", when: "an --out that exists, without --force", exit: 1, says: `wfp: ${EXISTING} already exists: give --force to replace it, or choose another name`, run: () => wfp("plan", "--out", EXISTING) },
  { at: "safeWrite.ts", source: "is the input file", when: "an --out that is one of the inputs", exit: 1, says: `wfp: --out ${TEAM} is the input file ${TEAM}: writing there would destroy it`, run: () => wfp("plan", "--out", TEAM, "--team", TEAM, "--force") },
  {
    at: "safeWrite.ts",
    source: "throw e;",
    when: "a write that fails without a system error (passed on as it is)",
    exit: 3,
    says: "boom",
    call: async () => {
      const target = out("never.xlsx");
      await checkOutput(target, { force: false, inputs: [] })
        .write(() => {
          throw new TypeError("boom");
        })
        .finally(() => expect(readdirSync(dir).filter((f) => f.includes("never.xlsx"))).toEqual([]));
    },
  },
  { at: "safeWrite.ts", source: "cannot write ${shownPath}", when: "an --out in a folder that does not exist", exit: 1, says: `wfp: cannot write ${join(dir, "nowhere", "p.xlsx")}: the folder does not exist (ENOENT); nothing was written`, run: () => wfp("plan", "--out", join(dir, "nowhere", "p.xlsx")) },
  { at: "safeWrite.ts", source: "cannot write ${shownPath}", when: "an --out in a folder the user may not write (EACCES)", exit: 1, says: "permission denied (EACCES)", testedIn: { file: "test/cli/permissions.test.ts", mentions: "permission denied (EACCES); the previous file is unchanged" } },
  { at: "safeWrite.ts", source: "--out is required", when: "a workbook command without --out", exit: 2, says: "wfp: --out is required; usage: wfp plan", run: () => wfp("plan") },
  { at: "safeWrite.ts", source: "must end in .xlsx", when: "an --out not named .xlsx", exit: 2, says: "the workbook's name must end in .xlsx; usage: wfp matrix", run: () => wfp("matrix", "--out", out("matrix.csv")) },
  // src/cli/files.ts: reading inputs.
  { at: "files.ts", source: "cannot read ${path}", when: "an input that does not exist", exit: 1, says: `wfp: cannot read ${join(dir, "absent.csv")}: ENOENT`, run: () => wfp("forecast", "--team", join(dir, "absent.csv")) },
  { at: "files.ts", source: "cannot read ${path}", when: "an input that is a folder", exit: 1, says: `wfp: cannot read ${dir}: EISDIR`, run: () => wfp("establishment", "--funded", dir, "--staff", STAFF) },
  { at: "files.ts", source: "cannot read ${path}", when: "an input the user may not read (EACCES)", exit: 1, says: "EACCES", testedIn: { file: "test/cli/permissions.test.ts", mentions: "EACCES" } },
  // src/cli/xlsx: the .xlsx writer.
  { at: "xlsx/limits.ts", source: "rows; an Excel worksheet holds at most", when: "a sheet longer than Excel's 1,048,576 rows", exit: 1, says: "rows", testedIn: { file: "test/cli/xlsxLimits.test.ts", mentions: "an Excel worksheet holds at most 1,048,576" } },
  { at: "xlsx/limits.ts", source: "columns; an Excel worksheet holds at most", when: "a sheet wider than Excel's 16,384 columns", exit: 1, says: "columns", testedIn: { file: "test/cli/xlsxLimits.test.ts", mentions: "an Excel worksheet holds at most 16,384 (A to XFD)" } },
  { at: "xlsx/limits.ts", source: "people; the Team skills sheet holds at most", when: "a skills CSV with more people than rows", exit: 1, says: "people", testedIn: { file: "test/cli/xlsxLimits.test.ts", mentions: "team.csv has 1,048,566 people" } },
  { at: "xlsx/limits.ts", source: "competences; the Team skills sheet holds at most", when: "a skills CSV with more competences than columns", exit: 1, says: "competences", testedIn: { file: "test/cli/xlsxLimits.test.ts", mentions: "has 16,375 competences" } },
  { at: "xlsx/writeWorkbook.ts", source: "is not valid", when: "a sheet plan that breaks the plan rules (a bug in a builder)", exit: 3, says: "the plan for 'Empty' is not valid: blocks: a plan writes at least one block", call: () => xlsxBuffer([{ key: "empty", name: "Empty", blocks: [] }]) },
  {
    at: "xlsx/zip.ts",
    source: "one entry at a time",
    when: "two zip entries written at once (a bug in the writer)",
    exit: 3,
    says: "zip: one entry at a time",
    call: async () => {
      const zip = new ZipWriter(new Writable({ write: (_c, _e, done) => done() }));
      const first = zip.entry("a.xml", ["<a/>"]);
      try {
        await zip.entry("b.xml", ["<b/>"]);
      } finally {
        await first;
      }
    },
  },
  {
    at: "xlsx/zip.ts",
    source: "would pass 4 GiB",
    when: "a workbook part past what a zip without ZIP64 holds (shown with a 1,000-byte limit)",
    exit: 1,
    says: "the workbook is too big to write: its part xl/worksheets/sheet1.xml would pass 4 GiB",
    call: () => new ZipWriter(new Writable({ write: (_c, _e, done) => done() }), 1000).entry("xl/worksheets/sheet1.xml", ["<row/>".repeat(500)]),
  },
  { at: "xlsx/structuredReferences.ts", source: "unbalanced brackets", when: "a formula with a bracket never closed (a bug in a builder)", exit: 3, says: "unbalanced brackets in formula: =[@Band+1", call: () => qualifyStructuredReferences("=[@Band+1", "Plan") },
  // src/cli/commands: each command's own checks.
  { at: "commands/arguments.ts", source: "is not a JE score", when: "a score that is not a number", exit: 1, says: "wfp: 'abc' is not a JE score: give a whole number from 0 to 765", run: () => wfp("band", "abc") },
  { at: "commands/band.ts", source: "bandUsage", when: "band without a score", exit: 2, says: "wfp: usage: wfp band <score>", run: () => wfp("band", "500", "600") },
  { at: "commands/cost.ts", source: "unexpected '${args[0]}'", when: "cost with a stray word", exit: 2, says: "wfp: unexpected '6'; usage: wfp cost", run: () => wfp("cost", "6") },
  { at: "commands/cost.ts", source: "--band is required", when: "cost without --band", exit: 2, says: "wfp: --band is required; usage: wfp cost", run: () => wfp("cost", "--wte", "1") },
  { at: "commands/cost.ts", source: "is not a WTE", when: "a WTE that is not a number", exit: 1, says: "wfp: 'most' is not a WTE: give a number such as 1 or 0.8", run: () => wfp("cost", "--band", "6", "--wte", "most") },
  { at: "commands/establishment.ts", source: "no pay scale for ${year}", when: "establishment for a year with no pay scale", exit: 1, says: "wfp: no pay scale for 2031/32; years available: ", run: () => wfp("establishment", "--funded", FUNDED, "--staff", STAFF, "--year", "2031/32") },
  { at: "commands/establishment.ts", source: "--as-at needs a date", when: "an empty --as-at", exit: 1, says: "wfp: --as-at needs a date, e.g. 2026-01-15", run: () => wfp("establishment", "--funded", FUNDED, "--staff", STAFF, "--as-at", "") },
  { at: "commands/establishment.ts", source: "unexpected '${args[0]}'", when: "establishment with a stray word", exit: 2, says: "wfp: unexpected 'now'; usage: wfp establishment", run: () => wfp("establishment", "now", "--funded", FUNDED, "--staff", STAFF) },
  { at: "commands/establishment.ts", source: "--funded and --staff are required", when: "establishment without --staff", exit: 2, says: "wfp: --funded and --staff are required", run: () => wfp("establishment", "--funded", FUNDED) },
  { at: "commands/forecast.ts", source: "is not year=percent", when: "an --award that is not year=percent", exit: 1, says: "wfp: --award 'lots' is not year=percent, such as 2027/28=2.5", run: () => wfp("forecast", "--team", TEAM, "--award", "lots") },
  { at: "commands/forecast.ts", source: "is not a whole number of years", when: "--years 0", exit: 1, says: "wfp: --years '0' is not a whole number of years from 1 to", run: () => wfp("forecast", "--team", TEAM, "--years", "0") },
  { at: "commands/forecast.ts", source: "is not a vacancy factor", when: "a forecast --vacancy of 100%", exit: 1, says: "wfp: '1' is not a vacancy factor: give a fraction such as 0.03", run: () => wfp("forecast", "--team", TEAM, "--vacancy", "1") },
  { at: "commands/forecast.ts", source: "is not monthly or calendar", when: "an unknown --proration", exit: 1, says: "wfp: --proration 'weekly' is not monthly or calendar", run: () => wfp("forecast", "--team", TEAM, "--proration", "weekly") },
  { at: "commands/forecast.ts", source: "unexpected '${args[0]}'", when: "forecast with a stray word", exit: 2, says: "wfp: unexpected 'soon'; usage: wfp forecast", run: () => wfp("forecast", "soon", "--team", TEAM) },
  { at: "commands/forecast.ts", source: "--team is required", when: "forecast without --team", exit: 2, says: "wfp: --team is required; usage: wfp forecast", run: () => wfp("forecast") },
  { at: "commands/import.ts", source: "is empty", when: "an empty file", exit: 1, says: `wfp: ${join(dir, "empty.txt")} is empty`, run: () => wfp("import", file("empty.txt", "")) },
  { at: "commands/import.ts", source: "Word files are not supported", when: "a Word file", exit: 1, says: `wfp: ${HOSTILE("profile.docx")}: Word files are not supported — save as PDF or text`, run: () => wfp("import", HOSTILE("profile.docx")) },
  { at: "commands/import.ts", source: "looks like a Word or Excel file (a zip)", when: "a zip named .pdf", exit: 1, says: "zipped.pdf is not a PDF: it looks like a Word or Excel file (a zip)", run: () => wfp("import", file("zipped.pdf", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))) },
  { at: "commands/import.ts", source: "decodeText(bytes, path);", when: "an image named .pdf", exit: 1, says: "png-renamed.pdf is not a text file: it looks like a PNG image", run: () => wfp("import", HOSTILE("png-renamed.pdf")) },
  { at: "commands/import.ts", source: "it has no PDF header", when: "text named .pdf", exit: 1, says: "text-renamed.pdf is not a PDF: it has no PDF header (is it a text file renamed .pdf?)", run: () => wfp("import", HOSTILE("text-renamed.pdf")) },
  { at: "commands/import.ts", source: "is not a readable PDF", when: "a PDF cut short", exit: 1, says: "truncated.pdf is not a readable PDF (damaged or cut short?): ", run: () => wfp("import", HOSTILE("truncated.pdf")) },
  { at: "commands/import.ts", source: "has no text to read", when: "a PDF without text (a scan)", exit: 1, says: "blank.pdf has no text to read (a scanned image?): save it with its text, or as text", run: () => wfp("import", file("blank.pdf", textToPdf(""))) },
  { at: "commands/import.ts", source: "importUsage", when: "import without a file", exit: 2, says: "wfp: usage: wfp import", run: () => wfp("import") },
  {
    at: "commands/import.ts",
    source: "could not be read as a role",
    when: "a role profile whose Career Framework level is not 1–9",
    exit: 1,
    says: "level12.txt could not be read as a role: Career Framework Level is not a level 1–9",
    run: () => wfp("import", file("level12.txt", PROFILE.replace("Career Framework Level\tLevel 3", "Career Framework Level\tLevel 12"))),
  },
  { at: "commands/import.ts", source: "is not a complete role profile", when: "a role profile with its lines shuffled", exit: 1, says: "shuffled-profile.txt is not a complete role profile: it has no ", run: () => wfp("import", HOSTILE("shuffled-profile.txt")) },
  {
    at: "commands/import.ts",
    source: "a national profile could not be scored",
    when: "a national job profile with a level its factor lacks",
    exit: 1,
    says: "wfp: a national profile could not be scored: factor 2: factor 2 has levels 1–8",
    run: () => wfp("import", file("profiles.txt", readSeed(NATIONAL_PROFILES_FILE).replace(/\t6\t156\n/, "\t99\t156\n"))),
  },
  { at: "commands/je.ts", source: "jeUsage", when: "je without levels", exit: 2, says: "wfp: usage: wfp je <16 levels>", run: () => wfp("je") },
  { at: "commands/matrix.ts", source: "--roles needs at least one role id", when: "an empty --roles", exit: 2, says: "wfp: --roles needs at least one role id; usage: wfp matrix", run: () => wfp("matrix", "--out", out("m1.xlsx"), "--roles", " , ") },
  { at: "commands/matrix.ts", source: "--progression takes two role ids", when: "--progression with one role", exit: 2, says: "wfp: --progression takes two role ids: from,to", run: () => wfp("matrix", "--out", out("m2.xlsx"), "--progression", "reconnect-peer-support-worker") },
  { at: "commands/matrix.ts", source: "unexpected '${args[0]}'", when: "matrix with a stray word", exit: 2, says: "wfp: unexpected 'all'; usage: wfp matrix", run: () => wfp("matrix", "all", "--out", out("m3.xlsx")) },
  { at: "commands/plan.ts", source: "no pay scale for ${year}", when: "a plan for a year with no pay scale", exit: 1, says: "wfp: no pay scale for 2031/32; years available: ", run: () => wfp("plan", "--out", out("p1.xlsx"), "--year", "2031/32") },
  { at: "commands/plan.ts", source: "is not a vacancy factor", when: "a plan --vacancy that is not a fraction", exit: 1, says: "wfp: 'some' is not a vacancy factor: give a fraction such as 0.03", run: () => wfp("plan", "--out", out("p2.xlsx"), "--vacancy", "some") },
  { at: "commands/plan.ts", source: "unexpected '${args[0]}'", when: "plan with a stray word", exit: 2, says: "wfp: unexpected 'team.csv'; usage: wfp plan", run: () => wfp("plan", "team.csv", "--out", out("p3.xlsx")) },
  { at: "commands/roles.ts", source: "rolesUsage", when: "roles with a word after it", exit: 2, says: "wfp: usage: wfp roles", run: () => wfp("roles", "nurse") },
  { at: "commands/roles.ts", source: "roleUsage", when: "role without an id", exit: 2, says: "wfp: usage: wfp role <id or title>", run: () => wfp("role") },
  { at: "commands/roles.ts", source: "is not a role or national profile", when: "a role the catalog does not have", exit: 1, says: "wfp: 'astronaut' is not a role or national profile in the catalog; 'wfp roles' lists them", run: () => wfp("role", "astronaut") },
  { at: "commands/workbook.ts", source: "unexpected '${args[0]}'", when: "workbook with a stray word", exit: 2, says: "wfp: unexpected 'everything'; usage: wfp workbook", run: () => wfp("workbook", "everything", "--out", out("w1.xlsx")) },
];

/** Every throw, exit and exit code in src/cli, with the text that says which refusal it is. */
function errorSites(): { at: string; line: number; text: string }[] {
  const sites: { at: string; line: number; text: string }[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        const at = relative(join(ROOT, "src/cli"), path);
        const lines = readFileSync(path, "utf8").split("\n");
        lines.forEach((line, i) => {
          const code = line.trim();
          if (code.startsWith("//") || code.startsWith("*")) return;
          const exitCode = at === "main.ts" && /\breturn (?:[^;]*\? )?[123]\b/.test(code);
          if (/\bthrow\b/.test(code) || exitCode || /process\.exit(Code)?\b/.test(code)) {
            // A line that says something (a message) is matched by itself; a bare `return 2;` or `throw e;` by the
            // two lines before it too, which say which refusal it ends.
            const context = /[`"']/.test(code) ? [code] : lines.slice(Math.max(0, i - 2), i + 1).map((l) => l.trim());
            sites.push({ at, line: i + 1, text: context.join("\n") });
          }
        });
      }
    }
  };
  walk(join(ROOT, "src/cli"));
  return sites;
}

describe("every error path in src/cli has a test", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("lists every throw, exit and exit code in src/cli, and nothing that is gone", () => {
    const sites = errorSites();
    expect(sites.length).toBeGreaterThan(60);
    const unlisted = sites.filter((s) => !ERROR_PATHS.some((p) => p.at === s.at && s.text.includes(p.source)));
    expect(unlisted.map((s) => `src/cli/${s.at}:${s.line}: ${s.text.split("\n").at(-1)}`)).toEqual([]);
    // A row may also name a refusal that is a call rather than a throw (decodeText refusing binary input).
    const stale = ERROR_PATHS.filter((p) => !existsSync(join(ROOT, "src/cli", p.at)) || !readFileSync(join(ROOT, "src/cli", p.at), "utf8").includes(p.source));
    expect(stale.map((p) => `${p.at}: ${p.source}`)).toEqual([]);
    // Each row is driven one way.
    for (const p of ERROR_PATHS) expect([p.run, p.call, p.testedIn].filter(Boolean), `${p.at}: ${p.when}`).toHaveLength(1);
  });

  it.each(ERROR_PATHS.filter((p) => p.run).map((p) => [`${p.at}: ${p.when}`, p] as const))("%s", async (_name, path) => {
    const { code, stdout, stderr } = await path.run!();
    expect(code, stderr).toBe(path.exit);
    expect(stdout).toBe(path.stdout ?? "");
    if (path.says === "") {
      expect(stderr).toBe("");
      return;
    }
    // One line, whatever it says; the stack only when asked for (WFP_DEBUG=1).
    const lines = stderr.trimEnd().split("\n").filter((l) => !l.startsWith("wfp: note:"));
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toContain(path.says as string);
    expect(stderr).not.toMatch(/\n\s+at /);
    if (path.exit !== 3) expect(stderr).not.toContain("internal error");
  }, 60_000);

  it.each(ERROR_PATHS.filter((p) => p.call).map((p) => [`${p.at}: ${p.when}`, p] as const))("%s", async (_name, path) => {
    await expect((async () => path.call!())()).rejects.toThrow(path.says);
  });

  it.each(ERROR_PATHS.filter((p) => p.testedIn).map((p) => [`${p.at}: ${p.when}`, p] as const))("%s: tested in its own file", (_name, path) => {
    const where = join(ROOT, path.testedIn!.file);
    expect(existsSync(where), path.testedIn!.file).toBe(true);
    expect(readFileSync(where, "utf8")).toContain(path.testedIn!.mentions);
  });
});
