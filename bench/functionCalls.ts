/**
 * The custom-function calls both benches time (issue 11's cases), with the arguments Excel would pass (ranges as 2-D
 * arrays): the body of a function of `f`, the WFP functions by id as CustomFunctions.associate registers them. The
 * browser bench runs it in Chromium over the built functions.js, the functions bench in Node over
 * src/functions/functions.ts, so the same call carries the same name in both and a regression shows in either.
 * Returns [name, call] pairs.
 */
export const FUNCTION_CALLS = `
  const levels = [["5 (a) (b)", 6, 5, 4, "2-3 (a)(b)", 7, 4, "4 (a) (c)", "4(a)", 1, "1-3", 5, "1/ 2(b); (d)/ 3 (c)", "3(a)", "2-3(b)", "2-3"]];
  const titles = [];
  for (const [id] of f.ROLES()) for (const [title] of f.COMPETENCES(id)) if (!titles.includes(title)) titles.push(title);
  const held = titles.slice(0, 40).map((t) => [t]);
  const required = titles.slice(20, 40).map((t) => [t]);
  const psw = "reconnect-peer-support-worker";
  return [
    ["JESCORE(16 document levels)", () => f.JESCORE(levels, "max")],
    ["ROLECOVERAGE(role, 40 held)", () => f.ROLECOVERAGE(psw, held)],
    ["GAPS(role, 40 held)", () => f.GAPS(psw, held)],
    ["COVERAGE(20 required, 40 held)", () => f.COVERAGE(required, held)],
    ["OVERLAP(role, role)", () => f.OVERLAP("reconnect-senior-engagement-worker", psw)],
    ["COMPETENCES(role)", () => f.COMPETENCES(psw)],
    ["POSTCOST(6, 0.8, top, 2025/26, outer London)", () => f.POSTCOST("6", 0.8, "top", "2025/26", "outer-london")],
  ];
`;

/** The bar for each of FUNCTION_CALLS (issue 11): 10,000 calls in at most this many milliseconds. */
export const CALLS_MS_BAR = 25;
