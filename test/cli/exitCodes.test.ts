import { afterEach, describe, expect, it, vi } from "vitest";
import * as catalogModule from "../../src/catalog";
import { wfp } from "../support/cli";

/** Exit codes as documented: 0 done, 1 refused input, 2 wrongly called, 3 a bug; always one line on stderr. */
describe("wfp exit codes", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.WFP_DEBUG;
  });
  it("reads a negative number as the option's value and refuses it as input (1), not as an ambiguous argument", async () => {
    expect(await wfp("cost", "--band", "6", "--wte", "-1")).toEqual({ code: 1, stdout: "", stderr: "wfp: WTE -1 is negative: give 0 to 1.5\n" });
    expect(await wfp("plan", "--out", "x.xlsx", "--vacancy", "-0.5")).toEqual({
      code: 1,
      stdout: "",
      stderr: "wfp: '-0.5' is not a vacancy factor: give a fraction such as 0.03\n",
    });
  });
  it.each([
    [["cost", "--band", "6", "--band", "7"], "wfp: --band is given twice; give it once; usage: wfp cost"],
    [["cost", "--band", "6", "--colour", "red"], "wfp: Unknown option '--colour'; usage: wfp cost"],
    [["cost", "--band"], "wfp: Option '--band <value>' argument missing; usage: wfp cost"],
    [["cost", "--levy=yes", "--band", "6"], "wfp: Option '--levy' does not take an argument; usage: wfp cost"],
    [["plan"], "wfp: --out is required; usage: wfp plan"],
    [["nonsense"], "wfp: unknown command 'nonsense'"],
  ])("calls %j a wrongly called command (2), in one line", async (argv, start) => {
    const { code, stdout, stderr } = await wfp(...argv);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr.startsWith(start)).toBe(true);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
  it("reports a bug as one line with exit 3, and the stack only with WFP_DEBUG=1", async () => {
    vi.spyOn(catalogModule, "defaultCatalog").mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'pay')");
    });
    expect(await wfp("band", "500")).toEqual({
      code: 3,
      stdout: "",
      stderr: "wfp: internal error: Cannot read properties of undefined (reading 'pay') (set WFP_DEBUG=1 for details)\n",
    });
    process.env.WFP_DEBUG = "1";
    const debug = await wfp("band", "500");
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/^wfp: internal error: Cannot read properties of undefined \(reading 'pay'\)\nTypeError: .*\n\s+at /);
  });
});
