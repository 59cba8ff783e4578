import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { defaultCatalog } from "../src/catalog";
import { runCli } from "../src/cli/main";
import { SKILL_STATUSES, cellText } from "../src/domain";
import { bigRegister } from "../test/support/skillTeam";

/**
 * The .xlsx writer at scale: `wfp matrix --team` and `wfp workbook --skills` for 2,000 and 10,000 people × 150
 * competences, against exceljs writing the same grid raw (values, one list validation, one conditional format).
 * Each case runs in a child process of its own, so its peak RSS (process.resourceUsage().maxRSS) is its alone.
 */
const COMPETENCES = 150;

interface CaseResult {
  /** Wall-clock time. */
  readonly ms: number;
  /** User + system CPU time: what the case costs, whatever else the machine is doing. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly bytes: number;
}

const CASES = {
  "exceljs raw (in memory) 2,000": { people: 2_000, run: (csv: string, out: string) => exceljsRaw(csv, out, false) },
  "exceljs raw (streaming) 2,000": { people: 2_000, run: (csv: string, out: string) => exceljsRaw(csv, out, true) },
  "wfp matrix --team 2,000": cli(2_000, (csv, out) => ["matrix", "--team", csv, "--out", out]),
  "wfp workbook --skills 2,000": cli(2_000, (csv, out) => ["workbook", "--skills", csv, "--out", out]),
  "wfp matrix --team 10,000": cli(10_000, (csv, out) => ["matrix", "--team", csv, "--out", out]),
  "wfp workbook --skills 10,000": cli(10_000, (csv, out) => ["workbook", "--skills", csv, "--out", out]),
} as const;

/** A `wfp` case: run by the built command line when there is one, else in-process in a child. */
function cli(people: number, argv: (csv: string, out: string) => string[]) {
  return { people, argv, run: (csv: string, out: string) => wfp(...argv(csv, out)) };
}
type CaseName = keyof typeof CASES;

/** The budgets of issues 10 and 11: peak RSS per size, and time against exceljs raw. */
const RSS_BUDGET_MB: Record<number, number> = { 2_000: 600, 10_000: 1_500 };
const TIME_BUDGET_VS_EXCELJS = 2;

async function wfp(...argv: string[]): Promise<void> {
  let err = "";
  const code = await runCli(argv, { out: () => undefined, err: (t) => (err += t) });
  if (code !== 0) throw new Error(`wfp ${argv[0]} exited ${code}: ${err}`);
}

/** The team skills CSV a large service would give: name, role, band, WTE and a status per competence. */
function skillsCsv(people: number): string {
  const rebuild = bigRegister(defaultCatalog(), people, COMPETENCES);
  const { register } = rebuild;
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [["Name", "Role", "Band", "WTE", ...register.competences.map((c) => c.title)].map(quote).join(",")];
  register.people.forEach((p, i) => {
    lines.push([p.name, p.role, p.band ?? "", String(p.wte), ...register.cells[i]!.map((c) => cellText(c) ?? "")].map(quote).join(","));
  });
  return `${lines.join("\n")}\n`;
}

/** exceljs writing the CSV's grid as it stands: the floor any writer of this register is measured against. */
async function exceljsRaw(csvPath: string, out: string, streaming: boolean): Promise<void> {
  const { readFileSync } = await import("node:fs");
  const rows = readFileSync(csvPath, "utf8").trimEnd().split("\n").map((l) => l.split(","));
  const width = rows[0]!.length;
  const statusRange = `E2:${columnName(width)}${rows.length}`;
  const validation = { type: "list", allowBlank: true, showErrorMessage: true, formulae: [`"${SKILL_STATUSES.join(",")}"`] };
  const rule = { ref: statusRange, rules: [{ type: "cellIs", operator: "equal", formulae: ['"Competent"'], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } }, priority: 1 }] };
  const toCell = (v: string, c: number) => (c === 2 || c === 3 ? Number(v) || v : v === "" ? null : v);
  if (streaming) {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
    const sheet = book.addWorksheet("Team skills");
    for (const row of rows) sheet.addRow(row.map(toCell)).commit();
    (sheet as unknown as { dataValidations: { add(r: string, v: unknown): void } }).dataValidations.add(statusRange, validation);
    sheet.addConditionalFormatting(rule as unknown as ExcelJS.ConditionalFormattingOptions);
    sheet.commit();
    await book.commit();
  } else {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Team skills");
    for (const row of rows) sheet.addRow(row.map(toCell));
    (sheet as unknown as { dataValidations: { add(r: string, v: unknown): void } }).dataValidations.add(statusRange, validation);
    sheet.addConditionalFormatting(rule as unknown as ExcelJS.ConditionalFormattingOptions);
    await book.xlsx.writeFile(out);
  }
}

function columnName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const CLI = "build/cli/wfp.cjs";
const TIME = "/usr/bin/time";

/** The built `wfp` as a user runs it, under GNU time for its peak RSS; the time includes starting Node. */
function timeCli(argv: readonly string[], out: string): CaseResult {
  const start = process.hrtime.bigint();
  const result = spawnSync(TIME, ["-v", process.execPath, CLI, ...argv], { encoding: "utf8", maxBuffer: 1 << 24 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`wfp ${argv[0]} exited ${result.status}: ${result.stderr.split("\n")[0]}`);
  const field = (label: string) => new RegExp(`${label}: ([\\d.]+)`).exec(result.stderr)?.[1];
  const kb = field("Maximum resident set size \\(kbytes\\)");
  if (!kb) throw new Error("GNU time gave no maximum resident set size");
  const cpuMs = (Number(field("User time \\(seconds\\)")) + Number(field("System time \\(seconds\\)"))) * 1000;
  return { ms, cpuMs, maxRssMb: Number(kb) / 1024, bytes: statSync(out).size };
}

/** A case run by this bench's own bundle in a child process, which reports its own time and peak RSS. */
function timeInChild(script: string, name: string, csv: string, out: string): CaseResult {
  const stdout = execFileSync(process.execPath, [script, "--xlsx-case", name, csv, out], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as CaseResult;
}

/** In the child: runs one case and prints its time, peak RSS and file size as JSON. */
export async function runXlsxCase(name: string, csv: string, out: string): Promise<void> {
  const c = CASES[name as CaseName];
  if (!c) throw new Error(`no bench case '${name}'`);
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await c.run(csv, out);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const result: CaseResult = { ms, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: statSync(out).size };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function runXlsxWriterBench(script: string, only?: string): void {
  const dir = mkdtempSync(join(tmpdir(), "wfp-bench-xlsx-"));
  try {
    const csvs = new Map<number, string>();
    const csvFor = (people: number) => {
      let path = csvs.get(people);
      if (!path) {
        path = join(dir, `skills-${people}.csv`);
        writeFileSync(path, skillsCsv(people));
        csvs.set(people, path);
      }
      return path;
    };
    console.log(`\n.xlsx writer: a team skills register × ${COMPETENCES} competences, each case in its own process`);
    console.log("  (times are CPU time, user + system, which a busy machine does not inflate; ratios compare CPU times)");
    const results = new Map<CaseName, CaseResult>();
    for (const [name, c] of Object.entries(CASES) as [CaseName, (typeof CASES)[CaseName]][]) {
      if (only && !name.includes(only)) continue;
      const out = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
      let result: CaseResult;
      try {
        result = "argv" in c && existsSync(CLI) && existsSync(TIME) ? timeCli(c.argv(csvFor(c.people), out), out) : timeInChild(script, name, csvFor(c.people), out);
      } catch (e) {
        console.log(`  ${name.padEnd(34)} failed: ${(e as Error).message.split("\n")[0]}`);
        continue;
      }
      results.set(name, result);
      rmSync(out, { force: true });
      const rssBudget = name.startsWith("wfp") ? RSS_BUDGET_MB[c.people] : undefined;
      const raw = results.get("exceljs raw (in memory) 2,000");
      const stream = results.get("exceljs raw (streaming) 2,000");
      const against = (base: CaseResult | undefined, label: string) => {
        if (!base || !name.startsWith("wfp") || c.people !== 2_000) return "";
        const ratio = result.cpuMs / base.cpuMs;
        return `${ratio.toFixed(2)}× ${label} (${ratio <= TIME_BUDGET_VS_EXCELJS ? "within" : "OVER"} ${TIME_BUDGET_VS_EXCELJS}×)`;
      };
      const flags = [
        rssBudget ? `RSS ${result.maxRssMb <= rssBudget ? "within" : "OVER"} ${rssBudget} MB` : "",
        against(raw, "exceljs in memory"),
        against(stream, "exceljs streaming"),
      ].filter((f) => f !== "");
      console.log(
        `  ${name.padEnd(30)} ${result.cpuMs.toFixed(0).padStart(6)} ms CPU ${result.ms.toFixed(0).padStart(6)} ms wall ${result.maxRssMb.toFixed(0).padStart(5)} MB peak RSS ${(result.bytes / 1e6).toFixed(1).padStart(5)} MB file  ${flags.join("; ")}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
