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

describe("calls over ranges, one after another", () => {
  const catalog = defaultCatalog();
  const psw = "reconnect-peer-support-worker";
  const titles = impl.competencesOf(catalog, psw, null).map((row) => row[0]!);
  const column = (xs: readonly unknown[]) => xs.map((x) => [x]);

  it("read only the cells of the call's own ranges, after a call with longer ones", () => {
    const all = column(titles);
    expect(impl.gapsOf(catalog, psw, all)).toEqual([[""]]);
    expect(impl.gapsOf(catalog, psw, column(titles.slice(2)))).toEqual([[titles[0]], [titles[1]]]);
    expect(impl.roleCoverageOf(catalog, psw, all)).toBe(1);
    expect(impl.roleCoverageOf(catalog, psw, [[titles[0]]])).toBeCloseTo(1 / titles.length, 12);
    expect(impl.coverageOf(catalog, all, all)).toBe(1);
    expect(impl.coverageOf(catalog, [[titles[0]], [titles[1]]], [[titles[1]]])).toBe(0.5);
    expect(impl.coverageOf(catalog, [[titles[0]], [7]], [[7]])).toBe(0.5);
    expect(impl.coverageOf(catalog, titles[2], [titles.slice(0, 3)])).toBe(1);
  });

  it("answer a range changed in place by what it holds now", () => {
    const held = column(titles);
    expect(impl.roleCoverageOf(catalog, psw, held)).toBe(1);
    held[5] = ["Drive a minibus"];
    held[6]![0] = null;
    expect(impl.roleCoverageOf(catalog, psw, held)).toBeCloseTo((titles.length - 2) / titles.length, 12);
    expect(impl.gapsOf(catalog, psw, held)).toEqual([[titles[5]], [titles[6]]]);
    const required = column(titles.slice(0, 4));
    expect(impl.coverageOf(catalog, required, held)).toBe(1);
    required[3]![0] = titles[5];
    expect(impl.coverageOf(catalog, required, held)).toBe(0.75);
  });

  it("GAPS gives each call rows of its own", () => {
    const held = column(titles.slice(3));
    const first = impl.gapsOf(catalog, psw, held);
    first[0]![0] = "changed";
    first.pop();
    expect(impl.gapsOf(catalog, psw, held)).toEqual(titles.slice(0, 3).map((t) => [t]));
  });

  it("OVERLAP and the role arguments give what they gave afresh, and refuse afresh every time", () => {
    const sew = "RECONNECT Senior Engagement Worker";
    const fraction = impl.overlapOf(catalog, psw, sew);
    expect(impl.overlapOf(catalog, psw, sew)).toBe(fraction);
    expect(impl.overlapOf(catalog, sew, psw)).not.toBe(fraction);
    expect(impl.overlapOf(catalog, "reconnect-senior-engagement-worker", psw)).toBe(impl.overlapOf(catalog, sew, psw));
    for (let i = 0; i < 2; i++) {
      expect(() => impl.overlapOf(catalog, psw, "Astronaut")).toThrow("'Astronaut' is not a role in the catalog");
      expect(() => impl.roleCoverageOf(catalog, "  ", [["x"]])).toThrow("the role is blank");
    }
    expect(impl.roleLevelOf(catalog, sew)).toBe(5);
    expect(impl.roleLevelOf(catalog, "reconnect senior engagement worker")).toBe(5);
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
