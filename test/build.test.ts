// The run's one production build (test/support/sharedBuild.ts), made with WFP_PUBLIC_URL set, rather than a dist/
// left by `npm run build`: a stale dist/ would pass for a broken build, the repo's dist/ is not touched while
// someone else serves it, and the case that matters for release (a production URL) is the one built every run.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { OfficeAddinManifest } from "office-addin-manifest";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_PUBLIC_URL, sharedBuild } from "./support/sharedBuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const DEV_URL = "https://localhost:3000/";
const PUBLIC_URL = BUILD_PUBLIC_URL;
const PUBLIC_BASE = `${PUBLIC_URL}/`;

let out = "";
let log = "";
const dist = (...parts: string[]) => path.join(out, ...parts);
const read = (...parts: string[]) => readFileSync(dist(...parts), "utf8");

beforeAll(async () => {
  ({ dir: out, log } = await sharedBuild());
}, 900_000);

/** The https URLs in a manifest's attributes (manifest.test.ts checks that all its URLs are such). */
function manifestUrls(xml: string): string[] {
  return [...xml.matchAll(/="(https:\/\/[^"]*)"/g)].map((m) => m[1]!);
}

describe("production build with WFP_PUBLIC_URL", () => {
  it("rewrites every dev URL in manifest.xml, and changes nothing else", () => {
    const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const built = read("manifest.xml");
    expect(built).not.toContain("localhost");
    expect(built).toBe(source.split(DEV_URL).join(PUBLIC_BASE));
    expect(manifestUrls(built).length).toBe(manifestUrls(source).length);
  });

  it("writes a manifest office-addin-manifest reads, pointing at the built task pane", async () => {
    const info = await OfficeAddinManifest.readManifestFile(dist("manifest.xml"));
    expect(info.defaultSettings?.sourceLocation).toBe(`${PUBLIC_BASE}taskpane.html`);
    expect(info.iconUrl?.startsWith(PUBLIC_BASE)).toBe(true);
  });

  it("builds every file the manifest names", () => {
    const urls = manifestUrls(read("manifest.xml"));
    expect(urls.length).toBeGreaterThan(5);
    const files = [...new Set(urls.map((u) => u.slice(PUBLIC_BASE.length)))];
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "assets/icon-16.png"]));
    expect(files.filter((f) => !existsSync(dist(f)))).toEqual([]);
  });

  it("makes one taskpane.html that loads office.js from the CDN, then all three bundles, functions.js first", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    // Inline scripts would be refused by the page's Content-Security-Policy.
    expect(scripts.map((s) => s[2]!.trim()).filter(Boolean)).toEqual([]);
    const srcs = scripts.map((s) => /\bsrc="?([^"\s>]+)/.exec(s[1]!)?.[1]);
    expect(srcs[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    // functions.js carries the webpack runtime and the modules the task pane shares with it (dependOn).
    expect(srcs.slice(1).map((s) => s?.replace(/\.[0-9a-f]{8}\.js$/, ".js"))).toEqual([
      "functions.js",
      "taskpane.js",
      "commands.js",
    ]);
    for (const src of srcs.slice(1)) expect(existsSync(dist(src!)), src).toBe(true);
    expect(html).toMatch(/<div id="?container"?>/);
  });

  it("keeps the Content-Security-Policy: scripts from self and the Office CDN, connections to self only", () => {
    const html = read("taskpane.html");
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
    const directives = new Map(
      csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(" ")]),
    );
    expect(directives.get("script-src")).toBe("'self' https://appsforoffice.microsoft.com");
    expect(directives.get("connect-src")).toBe("'self'");
    expect(directives.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(directives.get("img-src")).toBe("'self' data:");
    expect(directives.get("object-src")).toBe("'none'");
    expect(directives.get("frame-src")).toBe("'none'");
    // Nothing may need eval: the CSP refuses it, so the production bundle must not use it either.
    expect(csp).not.toContain("unsafe-eval");
  });

  it("generates functions.json: functions with an id, a name and a description, for the WFP namespace", () => {
    const metadata = JSON.parse(read("functions.json")) as {
      functions: Array<{ id?: unknown; name?: unknown; description?: unknown }>;
    };
    expect(metadata.functions.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const fn of metadata.functions) {
      for (const key of ["id", "name", "description"] as const) {
        expect(typeof fn[key] === "string" && fn[key].length > 0, `${String(fn.id)}.${key}`).toBe(true);
      }
      const id = fn.id as string;
      // Excel puts the manifest's namespace in front (WFP.PING): a WFP prefix here would show as WFP.WFP.PING.
      expect(id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(id.startsWith("WFP.")).toBe(false);
      ids.add(id);
    }
    expect(ids.size).toBe(metadata.functions.length);
    const manifest = new DOMParser().parseFromString(read("manifest.xml"), "text/xml");
    const namespace = Array.from(manifest.getElementsByTagName("bt:String")).find(
      (s) => s.getAttribute("id") === "Functions.Namespace",
    );
    expect(namespace?.getAttribute("DefaultValue")).toBe("WFP");
  });

  it("keeps functions.js at its stable name, associating every function in functions.json", () => {
    const js = read("functions.js");
    const { functions } = JSON.parse(read("functions.json")) as { functions: Array<{ id: string }> };
    for (const { id } of functions) expect(js).toContain(`CustomFunctions.associate("${id}",`);
  });

  it("runs the first view from the entries alone: the Roles tab is in taskpane.js, the workbook's code in chunks", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]!).filter((src) => !src.startsWith("https://"));
    expect(scripts.map((s) => path.basename(s).replace(/\.[0-9a-f]{8}\.js$/, ".js"))).toEqual(["functions.js", "taskpane.js", "commands.js"]);
    // Nothing to fetch before the first view but the entries, so nothing to preload.
    expect(html).not.toMatch(/\brel="?preload\b/);
    const taskpane = path.basename(scripts[1]!);
    const sources = (JSON.parse(read(`${taskpane}.map`)) as { sources: string[] }).sources;
    expect(sources).toContainEqual(expect.stringMatching(/src\/taskpane\/roles\/RolesTab\.tsx$/));
    expect(sources).not.toContainEqual(expect.stringMatching(/src\/excel\/(memoryWorkbook|officeAdapter)\.ts$/));
    expect(existsSync(dist(taskpane))).toBe(true);
  });

  it("copies the icons and reports the task pane bundle's gzip size", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(readFileSync(dist("assets", `icon-${size}.png`))).toEqual(
        readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)),
      );
    }
    const taskpane = /<script\b[^>]*\bsrc="?(taskpane\.[0-9a-f]{8}\.js)/.exec(read("taskpane.html"))?.[1];
    expect(taskpane).toBeDefined();
    const gzipKib = (gzipSync(readFileSync(dist(taskpane!)), { level: 9 }).length / 1024).toFixed(1);
    expect(log).toMatch(new RegExp(`${taskpane!.replace(/\./g, "\\.")}\\s+[\\d.]+ KiB\\s+gzip\\s+${gzipKib} KiB`));
    expect(log).toMatch(/total\s+[\d.]+ KiB\s+gzip\s+[\d.]+ KiB/);
  });
});

describe("WFP_PUBLIC_URL", () => {
  const config = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => unknown;
  const withUrl = (url: string) => () => {
    const saved = process.env.WFP_PUBLIC_URL;
    process.env.WFP_PUBLIC_URL = url;
    try {
      return config({}, { mode: "production" });
    } finally {
      if (saved === undefined) delete process.env.WFP_PUBLIC_URL;
      else process.env.WFP_PUBLIC_URL = saved;
    }
  };

  it("must be an https URL without query or fragment, or the build stops", () => {
    expect(withUrl("http://wfp.example.test/")).toThrow(/must be https/);
    expect(withUrl("wfp.example.test")).toThrow(/not a URL/);
    expect(withUrl("https://wfp.example.test/?v=1")).toThrow(/query or fragment/);
    expect(withUrl("https://wfp.example.test/planner/")).not.toThrow();
  });
});
