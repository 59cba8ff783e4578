/** Times `calls` calls of `fn` (after a warm-up) and reports calls per second. */
export interface Measurement {
  name: string;
  calls: number;
  /** Wall-clock time. */
  ms: number;
  /** CPU time of this process (user + system) over the same calls: on a shared machine, less of other work in it. */
  cpuMs: number;
  callsPerSecond: number;
}

/** CPU time of this process so far, in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function measure(name: string, calls: number, fn: (i: number) => unknown): Measurement {
  let sink: unknown;
  for (let i = 0; i < Math.min(calls, 10_000); i++) sink = fn(i);
  const cpuStart = cpuMs();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) sink = fn(i);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = cpuMs() - cpuStart;
  if (sink === Symbol.for("never")) console.log(sink);
  return { name, calls, ms, cpuMs: cpu, callsPerSecond: Math.round((calls / ms) * 1000) };
}

export function report(title: string, rows: readonly Measurement[]): void {
  console.log(`\n${title}`);
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(44)} ${r.calls.toLocaleString("en-GB").padStart(10)} calls  ${r.ms.toFixed(1).padStart(8)} ms (cpu ${r.cpuMs.toFixed(1).padStart(7)} ms)  ${r.callsPerSecond.toLocaleString("en-GB").padStart(12)} calls/s`,
    );
  }
}
