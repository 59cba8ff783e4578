import { defaultCatalog } from "../src/catalog";
import * as impl from "../src/functions/implementations";
import { measure, report } from "./measure";

/** Each WFP function as Excel calls it (argument checks included), over the embedded catalog. */
export function runFunctionsBench(): void {
  const c = defaultCatalog();
  const levels = [["5 (a) (b)", 6, 5, 4, "2-3 (a)(b)", 7, 4, "4 (a) (c)", "4(a)", 1, "1-3", 5, "1/ 2(b); (d)/ 3 (c)", "3(a)", "2-3(b)", "2-3"]];
  const psw = "reconnect-peer-support-worker";
  const held = impl.competencesOf(c, psw, null).slice(3).map((r) => [r[0]]);
  // The cases: 40 held titles from across the roles, 20 of them required.
  const titles = [...new Set(c.roles.flatMap((r) => impl.competencesOf(c, r.id, null).map((row) => row[0]!)))];
  const held40 = titles.slice(0, 40).map((t) => [t]);
  const required20 = titles.slice(20, 40).map((t) => [t]);
  const N = 200_000;
  report("WFP custom functions (per call, no I/O)", [
    measure("JEBAND(598)", N, (i) => impl.jeBandOf(c, 100 + (i % 600))),
    measure("JESCORE(16 document levels)", N, () => impl.jeScoreOf(c, levels, "max")),
    measure("FACTORSCORE(2, 7)", N, () => impl.factorScoreOf(c, 2, 7)),
    measure("BANDMIN(\"8a\")", N, () => impl.bandMinOf(c, "8a")),
    measure("BANDMAX(\"Band 8a\")", N, () => impl.bandMaxOf(c, "Band 8a")),
    measure("BANDGAP(598)", N, () => impl.bandGapOf(c, 598)),
    measure("ROLES()", N, () => impl.rolesOf(c, null)),
    measure("ROLELEVEL(title)", N, () => impl.roleLevelOf(c, "RECONNECT Peer Support Worker")),
    measure("COMPETENCES(role)", N / 10, () => impl.competencesOf(c, psw, null)),
    measure("COVERAGE(3 required, 2 held)", N / 10, () => impl.coverageOf(c, [["Manage budgets"], ["Lead your team"], ["Chair meetings"]], [["manage-budgets"], ["Chair meetings"]])),
    measure("ROLECOVERAGE(role, 40 held)", N / 10, () => impl.roleCoverageOf(c, psw, held)),
    measure("GAPS(role, 40 held)", N / 10, () => impl.gapsOf(c, psw, held)),
    measure("ROLECOVERAGE(role, 40 held titles)", N / 10, () => impl.roleCoverageOf(c, psw, held40)),
    measure("GAPS(role, 40 held titles)", N / 10, () => impl.gapsOf(c, psw, held40)),
    measure("COVERAGE(20 required, 40 held)", N / 10, () => impl.coverageOf(c, required20, held40)),
    measure("OVERLAP(role, role)", N / 10, () => impl.overlapOf(c, "reconnect-senior-engagement-worker", psw)),
    measure("POSTCOST(6, 0.8, top, 2025/26, outer London)", N / 10, () =>
      impl.postCostTotalOf(c, { band: "6", wte: 0.8, point: "top", year: "2025/26", hcasZone: "outer-london" }),
    ),
  ]);
}
