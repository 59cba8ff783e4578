// `npm run bench`: each section prints its own table. Speed is measured here, not by timed tests.
import { runFunctionsBench } from "./functions.bench";
import { runJeBench } from "./je.bench";

runJeBench();
runFunctionsBench();
