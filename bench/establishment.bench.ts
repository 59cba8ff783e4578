import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../src/cli/main";
import { ESR_COLUMNS, FUNDED_COLUMNS, generateExtract, toCsv } from "../test/support/esrExtract";

/** The budget for `wfp establishment` on 5,000 positions and 6,000 assignments. */
export const ESTABLISHMENT_BUDGET_MS = 10_000;

/**
 * `wfp establishment` on 5,000 funded positions and a 6,000-assignment ESR extract, JSON and .xlsx: in this process
 * (the work itself), then the built CLI as a user runs it (Node's start and loading the bundle included), which is
 * what the 10 s budget is for.
 */
export async function runEstablishmentBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "wfp-bench-est-"));
  const big = generateExtract(5_000, 6_000);
  const funded = join(dir, "funded.csv");
  const staff = join(dir, "staff.csv");
  writeFileSync(funded, toCsv(FUNDED_COLUMNS, big.funded));
  writeFileSync(staff, toCsv(ESR_COLUMNS, big.staff));
  const out = join(dir, "rec.xlsx");
  const quiet = { out: () => undefined, err: () => undefined };

  let start = performance.now();
  const jsonCode = await runCli(["establishment", "--funded", funded, "--staff", staff, "--as-at", "2026-01-15", "--json"], quiet);
  const jsonMs = performance.now() - start;
  start = performance.now();
  const xlsxCode = await runCli(["establishment", "--funded", funded, "--staff", staff, "--as-at", "2026-01-15", "--out", out], quiet);
  const xlsxMs = performance.now() - start;

  const both = join(dir, "rec-cli.xlsx");
  start = performance.now();
  const cli = spawnSync(process.execPath, [resolve("bin/wfp.cjs"), "establishment", "--funded", funded, "--staff", staff, "--as-at", "2026-01-15", "--out", both, "--json"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const cliMs = performance.now() - start;
  const cliCode = cli.status ?? 1;
  if (cliCode !== 0) console.error(cli.stderr);

  const verdict = (ms: number, code: number) => (code !== 0 ? "FAILED" : ms <= ESTABLISHMENT_BUDGET_MS ? "within budget" : "OVER BUDGET");
  console.log("\nwfp establishment, 5,000 positions × 6,000 assignments (budget 10 s)");
  console.log(`  --json                                     ${jsonMs.toFixed(1).padStart(9)} ms   ${verdict(jsonMs, jsonCode)}`);
  console.log(`  --out rec.xlsx                             ${xlsxMs.toFixed(1).padStart(9)} ms   ${verdict(xlsxMs, xlsxCode)} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);
  console.log(`  wfp establishment --out --json (built CLI) ${cliMs.toFixed(1).padStart(9)} ms   ${verdict(cliMs, cliCode)} (${cliCode === 0 ? (statSync(both).size / 1024).toFixed(0) : "-"} KiB)`);
  if (jsonCode !== 0 || xlsxCode !== 0 || cliCode !== 0 || Math.max(jsonMs, xlsxMs, cliMs) > ESTABLISHMENT_BUDGET_MS) process.exitCode = 1;
}
