// `npm run bench`: each section prints its own table. Speed is measured here, not by timed tests.
import { runCostingBench } from "./costing.bench";
import { runFunctionsBench } from "./functions.bench";
import { runJeBench } from "./je.bench";
import { runSkillMixBench } from "./skillMix.bench";

async function main(): Promise<void> {
  runJeBench();
  runFunctionsBench();
  await runCostingBench();
  await runSkillMixBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
