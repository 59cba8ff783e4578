// `npm run bench`: each section prints its own table. Speed is measured here, not by timed tests.
import { runBrowserBench } from "./browser.bench";
import { runCostingBench } from "./costing.bench";
import { runEstablishmentBench } from "./establishment.bench";
import { runForecastBench } from "./forecast.bench";
import { runFunctionsBench } from "./functions.bench";
import { runJeBench } from "./je.bench";
import { runSkillMixBench } from "./skillMix.bench";
import { runXlsxCase, runXlsxWriterBench } from "./xlsxWriter.bench";

/** `npm run bench` runs every section; `npm run bench -- functions browser` only those named. */
const SECTIONS: Record<string, () => unknown> = {
  je: runJeBench,
  functions: runFunctionsBench,
  costing: runCostingBench,
  establishment: runEstablishmentBench,
  forecast: runForecastBench,
  skillMix: runSkillMixBench,
  xlsx: () => runXlsxWriterBench(process.argv[1]!),
  browser: runBrowserBench,
};

async function main(): Promise<void> {
  // A child of the .xlsx writer bench: one case, measured alone.
  const xlsxCase = process.argv.indexOf("--xlsx-case");
  if (xlsxCase >= 0) {
    const [name, csv, out] = process.argv.slice(xlsxCase + 1);
    await runXlsxCase(name!, csv!, out!);
    return;
  }
  // `npm run bench -- --xlsx [case]` runs the writer's cases alone.
  const xlsxOnly = process.argv.indexOf("--xlsx");
  if (xlsxOnly >= 0) {
    runXlsxWriterBench(process.argv[1]!, process.argv[xlsxOnly + 1]);
    return;
  }
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in SECTIONS));
  if (unknown.length > 0) throw new Error(`no bench section ${unknown.join(", ")}: the sections are ${Object.keys(SECTIONS).join(", ")}`);
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (wanted.length === 0 || wanted.includes(name)) await run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
