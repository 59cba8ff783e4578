// `npm run bench`: each section prints its own table. Speed is measured here, not by timed tests.
import { runCostingBench } from "./costing.bench";
import { runFunctionsBench } from "./functions.bench";
import { runJeBench } from "./je.bench";
import { runSkillMixBench } from "./skillMix.bench";
import { runXlsxCase, runXlsxWriterBench } from "./xlsxWriter.bench";

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
  runJeBench();
  runFunctionsBench();
  await runCostingBench();
  await runSkillMixBench();
  runXlsxWriterBench(process.argv[1]!);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
