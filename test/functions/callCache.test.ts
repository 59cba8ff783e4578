import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { CallCache } from "../../src/functions/callCache";
import * as impl from "../../src/functions/implementations";

/** A cache over a function that counts its runs and answers with what it was asked. */
function counted() {
  const cache = new CallCache<string>();
  let runs = 0;
  const call = (owner: object, ...args: unknown[]) =>
    cache.get(owner, args, () => {
      runs++;
      return JSON.stringify(args.map((a) => (Object.is(a, -0) ? "-0" : a === undefined ? "undefined" : a)));
    });
  return { call, runs: () => runs };
}

describe("CallCache", () => {
  it("works out each distinct call once per owner", () => {
    const { call, runs } = counted();
    const owner = {};
    expect(call(owner, "6", 0.8, "top")).toBe('["6",0.8,"top"]');
    expect(call(owner, "6", 0.8, "top")).toBe('["6",0.8,"top"]');
    expect(runs()).toBe(1);
    expect(call({}, "6", 0.8, "top")).toBe('["6",0.8,"top"]');
    expect(runs()).toBe(2);
  });

  it("tells apart every cell value a call can differ by", () => {
    const { call, runs } = counted();
    const owner = {};
    const calls: unknown[][] = [[6], ["6"], [null], [undefined], [""], [true], ["true"], [1], [0], ["a", "b"], ["ab"], ["a", null]];
    for (const args of calls) call(owner, ...args);
    for (const args of calls) call(owner, ...args);
    expect(runs()).toBe(calls.length);
  });

  it("does not look up -0 (a Map takes it for 0) nor a range", () => {
    const { call, runs } = counted();
    const owner = {};
    expect(call(owner, 0)).toBe("[0]");
    expect(call(owner, -0)).toBe('["-0"]');
    expect(call(owner, -0)).toBe('["-0"]');
    const range = [["a"]];
    call(owner, range);
    call(owner, range);
    expect(runs()).toBe(5);
  });

  it("keeps no error: a refused call is refused again, with its message", () => {
    const cache = new CallCache<number>();
    let runs = 0;
    const owner = {};
    const refuse = () =>
      cache.get(owner, ["x"], () => {
        runs++;
        throw new Error(`refused ${runs}`);
      });
    expect(refuse).toThrow("refused 1");
    expect(refuse).toThrow("refused 2");
  });
});

describe("cached WFP functions", () => {
  const catalog = defaultCatalog();

  it("COMPETENCES gives each call its own list of the same rows, which no caller can change", () => {
    const first = impl.competencesOf(catalog, "reconnect-peer-support-worker", null);
    const second = impl.competencesOf(catalog, "reconnect-peer-support-worker", null);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    first.pop();
    expect(impl.competencesOf(catalog, "reconnect-peer-support-worker", null)).toEqual(second);
    expect(() => {
      second[0]![0] = "changed";
    }).toThrow(TypeError);
  });

  it("POSTCOST gives the same total from its cache as worked out afresh, per pay data", () => {
    const args = { band: "6", wte: 0.8, point: "top", year: "2025/26", hcasZone: "outer-london" };
    const total = impl.postCostTotalOf(catalog, args);
    expect(impl.postCostTotalOf(catalog, args)).toBe(total);
    expect(impl.postCostTotalOf(catalog, { ...args, band: 6 })).toBe(total);
    expect(impl.postCostTotalOf(catalog, { ...args, wte: 1 })).not.toBe(total);
  });
});

describe("competence ranges read as given", () => {
  const catalog = defaultCatalog();
  const psw = "reconnect-peer-support-worker";
  const titles = impl.competencesOf(catalog, psw, null).map((row) => row[0]!);

  it("answer cells with spaces around, blank and empty cells as their trimmed texts would", () => {
    const trimmed = titles.slice(0, 10).map((t) => [t]);
    const spaced = [...titles.slice(0, 10).map((t) => [`  ${t}\u00a0`]), ["   "], [""], [null], ["\t"]];
    expect(impl.roleCoverageOf(catalog, psw, spaced)).toBe(impl.roleCoverageOf(catalog, psw, trimmed));
    expect(impl.gapsOf(catalog, psw, spaced)).toEqual(impl.gapsOf(catalog, psw, trimmed));
    expect(impl.coverageOf(catalog, [["  Speak Welsh "], ...spaced.slice(0, 3)], [["speak welsh"]])).toBeCloseTo(1 / 4, 12);
    expect(impl.gapsOf(catalog, psw, [[" Own skill "]])[0]).toEqual([titles[0]]);
    expect(() => impl.coverageOf(catalog, [["  "], [null]], trimmed)).toThrow("the required competences are blank");
  });
});
