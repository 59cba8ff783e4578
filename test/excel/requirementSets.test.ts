/**
 * The requirement sets: every Office.js member the adapter uses is listed beside it (src/excel/officeApiMembers.ts)
 * with the set @types/office-js tags it with; manifest.xml declares the highest; the functions' CustomFunctions
 * members, read from their code, are within the CustomFunctionsRuntime the manifest declares; and the Office fake
 * refuses a member above the set it offers.
 * https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook, WorkbookStore } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/excel/officeAdapter";
import { compareVersions, OFFICE_API_MEMBERS, REQUIRED_EXCEL_API } from "../../src/excel/officeApiMembers";
import { FakeExcel } from "../support/fakeExcel";
import { FIXED_NOW, rolePlan } from "./plans";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (p: string): string => readFileSync(path.join(ROOT, p), "utf8");

/** The version the manifest declares for a requirement set. */
function declared(set: string): string {
  const m = new RegExp(`<Set Name="${set}" MinVersion="([\\d.]+)"`).exec(read("manifest.xml"));
  if (!m?.[1]) throw new Error(`manifest.xml declares no ${set}`);
  return m[1];
}

/** The "[Api set: X n]" tag of Namespace.Class.member in a .d.ts (the doc comment just above the member). */
function taggedSet(dts: string, namespace: string, cls: string, member: string): string | null {
  const ns = dts.indexOf(`declare namespace ${namespace} {`);
  const start = dts.indexOf(`\n    class ${cls} `, ns);
  const startEnum = dts.indexOf(`\n    enum ${cls} `, ns);
  const from = start >= 0 ? start : startEnum;
  if (ns < 0 || from < 0) return null;
  const end = dts.indexOf("\n    }", from);
  const body = dts.slice(from, end);
  const at = new RegExp(`\\n        (readonly )?${member}\\??[(:<= ]`).exec(body);
  if (!at) return null;
  const tags = [...body.slice(0, at.index).matchAll(/\[Api set: (\w+ [\d.]+)\]/g)];
  return tags[tags.length - 1]?.[1] ?? null;
}

describe("Office.js members and the manifest", () => {
  const dts = read("node_modules/@types/office-js/index.d.ts");

  it("lists each member the adapter uses with the set @types/office-js gives it", () => {
    for (const m of OFFICE_API_MEMBERS) {
      const [namespace = "", cls = "", member = ""] = m.member.split(".");
      expect(taggedSet(dts, namespace, cls, member), m.member).toBe(`${m.set} ${m.version}`);
    }
  });

  it("declares in manifest.xml exactly the highest ExcelApi the members need", () => {
    expect(REQUIRED_EXCEL_API).toBe("1.13");
    expect(declared("ExcelApi")).toBe(REQUIRED_EXCEL_API);
  });

  it("declares the CustomFunctionsRuntime that the functions' code needs", () => {
    const cfDts = read("node_modules/@types/custom-functions-runtime/index.d.ts");
    const code = readdirSync(path.join(ROOT, "src/functions"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => read(`src/functions/${f}`))
      .join("\n");
    const used = new Set<string>();
    for (const m of code.matchAll(/CustomFunctions\.(\w+)(?:\.(\w+))?/g)) used.add(m[2] ? `${m[1]}.${m[2]}` : `${m[1]}`);
    for (const m of code.matchAll(/\bErrorCode\.(\w+)/g)) used.add(`ErrorCode.${m[1]}`);
    expect([...used]).toEqual(expect.arrayContaining(["Error", "ErrorCode.invalidValue", "ErrorCode.notAvailable"]));
    let highest = "1.1";
    for (const u of used) {
      const [cls = "", member] = u.split(".");
      // A class's own tag (CustomFunctions.Error) sits in the comment above the class.
      const set = member
        ? taggedSet(cfDts, "CustomFunctions", cls, member)
        : (/\[Api set: (CustomFunctionsRuntime [\d.]+)\][^[]*?\n    class Error /s.exec(cfDts)?.[1] ?? null);
      expect(set, u).toMatch(/^CustomFunctionsRuntime /);
      const v = (set ?? "").split(" ")[1] ?? "";
      if (compareVersions(v, highest) > 0) highest = v;
    }
    expect(highest).toBe("1.3");
    expect(compareVersions(declared("CustomFunctionsRuntime"), highest)).toBeGreaterThanOrEqual(0);
  });

  it("the fake refuses a member above the set it offers, and the adapter stops before writing on an older Excel", async () => {
    const store = new WorkbookStore();
    new MemoryWorkbook({ store, sheets: ["Sheet1"] });
    const fake = new FakeExcel(store, { excelApi: "1.11" });
    const undo = fake.install();
    try {
      // Told the host supports 1.13 (a lie), the adapter's calls meet the fake's 1.11: custom properties (1.12) fail.
      const lying = new OfficeWorkbookAdapter({ now: () => FIXED_NOW, isSetSupported: () => true });
      await expect(lying.writeSheetPlan(rolePlan())).rejects.toMatchObject({ code: "excel", message: expect.stringContaining("ExcelApi 1.12") });
      // Asked honestly, it refuses before touching the workbook.
      const honest = new OfficeWorkbookAdapter({ now: () => FIXED_NOW, isSetSupported: (_n, v) => compareVersions(v, "1.11") <= 0 });
      const before = fake.syncs;
      await expect(honest.writeSheetPlan(rolePlan())).rejects.toMatchObject({ code: "unsupported" });
      expect(fake.syncs).toBe(before);
    } finally {
      undo();
    }
  });
});
