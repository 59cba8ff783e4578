import { defaultCatalog } from "../src/catalog";
import { jeScore, jeScoreOfLevels, jeScoreToBand } from "../src/domain";
import { measure, report } from "./measure";

const scheme = defaultCatalog().jeScheme;
const N = 1_000_000;
// A spread of real inputs, so the measurement is not of one cached branch.
const levelSets = Array.from({ length: 256 }, (_, k) => scheme.factors.map((f, i) => 1 + ((k + i) % f.levelScores.length)));
const textLevels = [["5 (a) (b)", "6", "5", "4", "2-3 (a)(b)", "7", "4", "4 (a) (c)", "4(a)", "1", "1-3", "5", "1/ 2(b); (d)/ 3 (c)", "3(a)", "2-3(b)", "2-3"]];

export function runJeBench(): void {
  report("JE scheme (domain)", [
    measure("JE score → band", N, (i) => jeScoreToBand(scheme, i % 766)),
    measure("16 whole levels → score", N, (i) => jeScoreOfLevels(scheme, levelSets[i & 255]!)),
    measure("16 levels → score range (via parser)", N, (i) => jeScore(scheme, levelSets[i & 255]!)),
    measure("16 document levels (\"2-3 (a)(b)\") → range", N, () => jeScore(scheme, textLevels[0]!)),
  ]);
}
