import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultCatalog } from "../src/catalog";
import * as wfp from "../src/functions/functions";
import * as impl from "../src/functions/implementations";
import { CALLS_MS_BAR, FUNCTION_CALLS } from "./functionCalls";
import { cpuMs, measure, report } from "./measure";

type Registry = Record<string, (...args: unknown[]) => unknown>;

/**
 * The WFP functions by the ids Excel knows them by, as custom-functions-metadata-plugin associates them: each
 * `@customfunction ID` with the function declared under its JSDoc.
 */
function registry(): Registry {
  const source = readFileSync(path.join(process.cwd(), "src/functions/functions.ts"), "utf8");
  const exports = wfp as unknown as Registry;
  const f: Registry = {};
  for (const [, id, name] of source.matchAll(/@customfunction\s+(\w+)[\s\S]*?export function (\w+)/g)) {
    if (typeof exports[name!] !== "function") throw new Error(`functions.ts declares ${id} as ${name}, which it does not export`);
    f[id!] = exports[name!]!;
  }
  return f;
}

const CALLS = 10_000;
const RUNS = 5;

/** 10,000 calls after as many to warm up, 5 times: the median and fastest CPU time, and the median wall time. */
function timeCalls(name: string, call: () => unknown): string {
  let sink: unknown;
  for (let i = 0; i < CALLS; i++) sink = call();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const cpuStart = cpuMs();
    const start = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) sink = call();
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push(cpuMs() - cpuStart);
  }
  if (sink === undefined) throw new Error(`${name} returned nothing`);
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  const median = cpu[Math.floor(RUNS / 2)]!;
  return `  ${name.padEnd(46)} ${median.toFixed(1).padStart(8)} ms cpu  (fastest ${cpu[0]!.toFixed(1)} ms; wall ${wall[Math.floor(RUNS / 2)]!.toFixed(1)} ms; bar ≤ ${CALLS_MS_BAR} ms: ${median <= CALLS_MS_BAR ? "meets" : "MISSES"})`;
}

/** Each WFP function as Excel calls it (argument checks included), over the embedded catalog. */
export function runFunctionsBench(): void {
  const f = registry();
  // The browser bench's calls (functionCalls.ts), here through src/functions/functions.ts.
  const cases = new Function("f", FUNCTION_CALLS)(f) as [string, () => unknown][];
  console.log(`\nCustom functions in Node (functions.ts as Excel calls it): ${CALLS.toLocaleString("en-GB")} calls, median of ${RUNS}`);
  for (const [name, call] of cases) console.log(timeCalls(name, call));

  // Excel passes a new array with new strings in every call, and a sheet asks about many lists: the same calls over
  // copies of the held list (equal texts, other strings), and over different lists of 40. 50 of each, few enough to
  // stay in the processor's cache as the arguments Excel has just handed over would be.
  const c = defaultCatalog();
  const psw = "reconnect-peer-support-worker";
  const titles = [...new Set(c.roles.flatMap((r) => impl.competencesOf(c, r.id, null).map((row) => row[0]!)))];
  const POOL = 50;
  const copies = (range: string[][]) => Array.from({ length: POOL }, () => JSON.parse(JSON.stringify(range)) as string[][]);
  const held = copies(titles.slice(0, 40).map((t) => [t]));
  const required = copies(titles.slice(20, 40).map((t) => [t]));
  const twice = [...titles, ...titles];
  const lists = Array.from({ length: POOL }, (_, i) => JSON.parse(JSON.stringify(twice.slice(i, i + 40).map((t) => [t]))) as string[][]);
  let k = 0;
  console.log(`\n  … with a new copy of the ranges each call, and with a different list each call`);
  for (const [name, call] of [
    ["ROLECOVERAGE(role, 40 held), new copies", () => f.ROLECOVERAGE!(psw, held[k++ % POOL])],
    ["GAPS(role, 40 held), new copies", () => f.GAPS!(psw, held[k++ % POOL])],
    ["COVERAGE(20 required, 40 held), new copies", () => f.COVERAGE!(required[k % POOL], held[k++ % POOL])],
    ["ROLECOVERAGE(role, 40 held), different lists", () => f.ROLECOVERAGE!(psw, lists[k++ % POOL])],
    ["GAPS(role, 40 held), different lists", () => f.GAPS!(psw, lists[k++ % POOL])],
    ["COVERAGE(20 required, 40 held), different lists", () => f.COVERAGE!(lists[(k + 25) % POOL]!.slice(0, 20), lists[k++ % POOL])],
  ] as const) {
    console.log(timeCalls(name, call));
  }

  // The rest, per call.
  const levels = [["5 (a) (b)", 6, 5, 4, "2-3 (a)(b)", 7, 4, "4 (a) (c)", "4(a)", 1, "1-3", 5, "1/ 2(b); (d)/ 3 (c)", "3(a)", "2-3(b)", "2-3"]];
  const own = impl.competencesOf(c, psw, null).slice(3).map((r) => [r[0]]);
  const N = 200_000;
  report("WFP custom functions (per call, no I/O)", [
    measure("JEBAND(598)", N, (i) => impl.jeBandOf(c, 100 + (i % 600))),
    measure("JESCORE(16 document levels), min", N, () => impl.jeScoreOf(c, levels, null)),
    measure("FACTORSCORE(2, 7)", N, () => impl.factorScoreOf(c, 2, 7)),
    measure("BANDMIN(\"8a\")", N, () => impl.bandMinOf(c, "8a")),
    measure("BANDMAX(\"Band 8a\")", N, () => impl.bandMaxOf(c, "Band 8a")),
    measure("BANDGAP(598)", N, () => impl.bandGapOf(c, 598)),
    measure("ROLES()", N, () => impl.rolesOf(c, null)),
    measure("ROLELEVEL(title)", N, () => impl.roleLevelOf(c, "RECONNECT Peer Support Worker")),
    measure("COVERAGE(3 required, 2 held)", N / 10, () => impl.coverageOf(c, [["Manage budgets"], ["Lead your team"], ["Chair meetings"]], [["manage-budgets"], ["Chair meetings"]])),
    measure("ROLECOVERAGE(role, 40 of its own 43)", N / 10, () => impl.roleCoverageOf(c, psw, own)),
    measure("GAPS(role, 40 of its own 43)", N / 10, () => impl.gapsOf(c, psw, own)),
    measure("COSTBREAKDOWN(6, 0.8, top, 2025/26, outer London)", N / 10, () =>
      impl.costBreakdownOf(c, { band: "6", wte: 0.8, point: "top", year: "2025/26", hcasZone: "outer-london" }),
    ),
  ]);
}
