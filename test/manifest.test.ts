// manifest.xml checked offline. `office-addin-manifest validate` posts the manifest to an online service, which is
// out of reach here, and no package ships the XSDs, so this file checks what that service would: the element
// order and namespaces of the Office schemas (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd),
// every resid defined, the shared runtime wired to one page, URLs on one origin, and the icons it names.
// What only a build can show (the files in dist/, the production URL) is in build.test.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { OfficeAddinManifest } from "office-addin-manifest";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** Parses strictly: xmldom lets some errors pass with a report, so any report fails. */
function parseXml(text: string): XmlElement {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, "text/xml");
  const root = doc.documentElement;
  if (!root) throw new Error("no root element");
  return root;
}

const kids = (el: XmlElement): XmlElement[] => Array.from(el.children);
const nameOf = (el: XmlElement): string => el.localName ?? "";
const xsiType = (el: XmlElement) => el.getAttributeNS(NS.xsi, "type");

function only(el: XmlElement, name: string): XmlElement {
  const found = kids(el).filter((c) => nameOf(c) === name);
  if (found.length !== 1) throw new Error(`<${nameOf(el)}> has ${found.length} <${name}>, expected 1`);
  return found[0]!;
}

/** Follows a path of child names, each of which must occur once. */
function at(el: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(only, el);
}

function all(el: XmlElement): XmlElement[] {
  return [el, ...kids(el).flatMap(all)];
}

// The xs:sequence of each complex type the manifest uses, from the schemas named above, with base types'
// sequences before their extensions'. A suffix gives the occurrence: none = exactly one, ? = optional,
// + = one or more, * = any number.
const OFFICE_APP = [
  "Id", "AlternateId?", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl?",
  "HighResolutionIconUrl?", "SupportUrl?", "AppDomains?", "Hosts?",
  // TaskPaneApp's extension of OfficeApp
  "Requirements?", "DefaultSettings", "Permissions", "Dictionary?", "VersionOverrides?",
];
const SEQUENCES: Record<string, string[]> = {
  OfficeApp: OFFICE_APP,
  "OfficeApp/Hosts": ["Host+"],
  "OfficeApp/Requirements": ["Sets?", "Methods?"],
  "Requirements/Sets": ["Set+"],
  DefaultSettings: ["SourceLocation"],
  VersionOverrides: [
    "Description?", "Requirements?", "Hosts?", "Resources?", "WebApplicationInfo?", "EquivalentAddins?",
    "VersionOverrides?",
  ],
  "VersionOverrides/Hosts": ["Host+"],
  // Host, then the Workbook extension. Runtimes is newer than the XSD in Microsoft's docs repo; its place is
  // from the current schema as published in [MS-OWEMXML].
  "Hosts/Host": ["Runtimes?", "AllFormFactors?", "DesktopFormFactor?"],
  // "Currently, you can only define one Runtime element" (Runtimes element reference)
  Runtimes: ["Runtime"],
  AllFormFactors: ["ExtensionPoint?"],
  "AllFormFactors/ExtensionPoint": ["Script", "Page", "Metadata?", "Namespace?"],
  Script: ["SourceLocation"],
  Page: ["SourceLocation"],
  Metadata: ["SourceLocation"],
  DesktopFormFactor: ["GetStarted?", "FunctionFile?", "ExtensionPoint+"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  "DesktopFormFactor/ExtensionPoint": ["OfficeTab*", "CustomTab*"],
  OfficeTab: ["Group+"],
  Group: ["Label", "Icon", "Control+"],
  Icon: ["Image+"],
  // UIControl, UIControlWithIcon, then Button
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId?", "SourceLocation", "Title?"],
  Resources: ["Images?", "Urls?", "ShortStrings?", "LongStrings?"],
  Images: ["Image+"],
  Urls: ["Url+"],
  ShortStrings: ["String+"],
  LongStrings: ["String+"],
};

/** The element's children against an xs:sequence, as a message, or null when they fit. */
function sequenceError(el: XmlElement, sequence: string[]): string | null {
  const names = kids(el).map((c) => nameOf(c));
  let i = 0;
  for (const item of sequence) {
    const name = item.replace(/[?+*]$/, "");
    const suffix = item.slice(name.length);
    let count = 0;
    while (names[i] === name && (count === 0 || suffix === "+" || suffix === "*")) {
      i++;
      count++;
    }
    if (count === 0 && (suffix === "" || suffix === "+")) {
      return `<${nameOf(el)}> lacks <${name}> where it has ${names[i] ? `<${names[i]}>` : "nothing"}`;
    }
  }
  return i < names.length ? `<${nameOf(el)}> has <${names[i]}> out of the schema's order or unknown to it` : null;
}

function sequenceFor(el: XmlElement): string[] | undefined {
  const parent = el.parentNode as XmlElement | null;
  return SEQUENCES[`${parent ? nameOf(parent) : ""}/${nameOf(el)}`] ?? SEQUENCES[nameOf(el)];
}

/** Every element with children, checked against its sequence; an element with children but no sequence fails. */
function orderErrors(root: XmlElement): string[] {
  return all(root)
    .filter((el) => kids(el).length > 0)
    .map((el) => {
      const sequence = sequenceFor(el);
      return sequence ? sequenceError(el, sequence) : `no sequence known for <${nameOf(el)}>`;
    })
    .filter((e): e is string => e !== null);
}

// Where a resid points, by the element that carries it.
const RESID_KIND: Record<string, string> = {
  Image: "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

/** Resource id -> { kind (Images, Urls, ShortStrings, LongStrings), value }. */
function resources(root: XmlElement): Map<string, { kind: string; value: string }> {
  const out = new Map<string, { kind: string; value: string }>();
  for (const group of kids(at(root, "VersionOverrides", "Resources"))) {
    for (const item of kids(group)) {
      const id = item.getAttribute("id") ?? "";
      if (out.has(id)) throw new Error(`resource id ${id} defined twice`);
      out.set(id, { kind: nameOf(group), value: item.getAttribute("DefaultValue") ?? "" });
    }
  }
  return out;
}

function residErrors(root: XmlElement): string[] {
  const defined = resources(root);
  const used = new Set<string>();
  const errors: string[] = [];
  for (const el of all(root).filter((e) => e.hasAttribute("resid"))) {
    const resid = el.getAttribute("resid")!;
    used.add(resid);
    const want = RESID_KIND[nameOf(el)];
    const found = defined.get(resid);
    // The schema's resid type is a string of at most 32 characters.
    if (resid.length > 32) errors.push(`resid ${resid} is longer than 32 characters`);
    if (!want) errors.push(`<${nameOf(el)} resid> is not an element this test knows`);
    else if (!found) errors.push(`<${nameOf(el)} resid="${resid}"> is not defined in Resources`);
    else if (found.kind !== want) errors.push(`<${nameOf(el)} resid="${resid}"> names ${found.kind}, not ${want}`);
  }
  for (const id of defined.keys()) if (!used.has(id)) errors.push(`resource ${id} is never used`);
  return errors;
}

/** The resids that must be one page for the shared runtime, by where they occur. */
function sharedRuntimeResids(root: XmlElement): Record<string, string | null> {
  const host = at(root, "VersionOverrides", "Hosts", "Host");
  const desktop = at(host, "DesktopFormFactor");
  const buttons = all(desktop).filter((e) => e.localName === "Action" && xsiType(e) === "ShowTaskpane");
  return {
    Runtime: at(host, "Runtimes", "Runtime").getAttribute("resid"),
    "CustomFunctions Page": at(host, "AllFormFactors", "ExtensionPoint", "Page", "SourceLocation").getAttribute("resid"),
    FunctionFile: at(desktop, "FunctionFile").getAttribute("resid"),
    ...Object.fromEntries(buttons.map((b, i) => [`ShowTaskpane ${i + 1}`, at(b, "SourceLocation").getAttribute("resid")])),
  };
}

/** Every URL in the manifest: attribute values and element text that start with a scheme, namespaces aside. */
function urls(root: XmlElement): string[] {
  return all(root).flatMap((el) => [
    ...Array.from(el.attributes).filter((a) => !/^xmlns(:|$)/.test(a.name)).map((a) => a.value),
    ...(kids(el).length === 0 ? [el.textContent ?? ""] : []),
  ]).filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim()));
}

/** Width, height and RGBA pixels of an 8-bit RGBA, non-interlaced PNG (what make-icons writes). */
function readPng(file: string): { width: number; height: number; rgba: Buffer } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let width = 0, height = 0;
  const idat: Buffer[] = [];
  for (let pos = 8; pos < png.length; ) {
    const length = png.readUInt32BE(pos);
    const type = png.toString("ascii", pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]], `${file}: 8-bit RGBA, not interlaced`).toEqual([8, 6, 0]);
    }
    if (type === "IDAT") idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter!];
      if (predictor === undefined) throw new Error(`${file}: unknown PNG filter ${filter}`);
      rgba[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

const source = readFileSync(MANIFEST, "utf8");
const root = parseXml(source);
const tmp = mkdtempSync(path.join(tmpdir(), "wfp-manifest-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("manifest.xml", () => {
  it("is well-formed XML to both office-addin-manifest's reader and a strict DOM parser", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.manifestType).toBe("xml");
    expect(nameOf(root)).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(NS.app);
  });

  it("fails those parsers when it is not well-formed (the check above can fail)", async () => {
    const broken = path.join(tmp, "broken.xml");
    writeFileSync(broken, source.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>R&W</Permissions>"));
    await expect(OfficeAddinManifest.readManifestFile(broken)).rejects.toThrow(/parse/i);
    expect(() => parseXml(source.replace("</Hosts>", "</Host>"))).toThrow();
  });

  it("says what the add-in is, as office-addin-manifest reads it", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(info.version).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(info.displayName).toBe("Workforce Planner");
    expect(info.providerName).toBeTruthy();
    expect(info.description!.length).toBeLessThanOrEqual(250);
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}taskpane.html`);
  });

  it("has its elements in the order, and under the parents, the Office schemas require", () => {
    expect(orderErrors(root)).toEqual([]);
    expect(kids(root).map((c) => nameOf(c))).toEqual([
      "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides",
    ]);
  });

  it("has an order check that catches elements out of order, missing or misplaced", () => {
    const swapped = source.replace(/(<Version>.*<\/Version>)(\s*)(<ProviderName>.*<\/ProviderName>)/, "$3$2$1");
    expect(orderErrors(parseXml(swapped))).toEqual([expect.stringContaining("<OfficeApp> lacks <Version>")]);
    const noPermissions = source.replace("<Permissions>ReadWriteDocument</Permissions>", "");
    expect(orderErrors(parseXml(noPermissions))).toEqual([expect.stringContaining("lacks <Permissions>")]);
    const runtimesLast = source.replace(/(<Runtimes>[\s\S]*?<\/Runtimes>)([\s\S]*?<\/DesktopFormFactor>)/, "$2$1");
    expect(orderErrors(parseXml(runtimesLast))).toEqual([expect.stringContaining("<Runtimes> out of the schema's order")]);
  });

  it("puts each element in its schema's namespace", () => {
    const versionOverrides = at(root, "VersionOverrides");
    const wrong = all(root).filter((el) => {
      const inOverrides = all(versionOverrides).includes(el);
      const basicType = ["Images", "Urls", "ShortStrings", "LongStrings", "Image", "Url", "String"].includes(nameOf(el));
      const expected = !inOverrides ? NS.app : basicType ? NS.bt : NS.ov;
      return el.namespaceURI !== expected;
    });
    expect(wrong.map((el) => el.tagName)).toEqual([]);
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
  });

  it("targets Excel and requires the API sets the add-in uses", () => {
    expect(xsiType(at(root, "VersionOverrides", "Hosts", "Host"))).toBe("Workbook");
    const sets = at(root, "Requirements", "Sets");
    const minVersion = (name: string) => {
      const set = kids(sets).find((s) => s.getAttribute("Name") === name);
      expect(set, `Set ${name}`).toBeDefined();
      const version = set!.getAttribute("MinVersion") ?? sets.getAttribute("DefaultMinVersion") ?? "1.1";
      const [major, minor] = version.split(".").map(Number);
      return major! * 1000 + minor!; // 1.12 > 1.9, as versions go
    };
    expect(minVersion("SharedRuntime")).toBeGreaterThanOrEqual(1001);
    expect(minVersion("CustomFunctionsRuntime")).toBeGreaterThanOrEqual(1001);
    // 1.13: worksheet custom properties (1.12) and Table.resize (1.13), which the Excel adapter uses.
    expect(minVersion("ExcelApi")).toBeGreaterThanOrEqual(1013);
  });

  it("defines every resid it references, with the right kind of resource, and uses every resource", () => {
    expect(residErrors(root)).toEqual([]);
  });

  it("has a resid check that catches an undefined or wrong-kind resid", () => {
    const undefinedResid = source.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>');
    expect(residErrors(parseXml(undefinedResid))).toEqual(
      expect.arrayContaining([expect.stringContaining('resid="Group.Missing"> is not defined')]),
    );
    const wrongKind = source.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Group.Label"/>');
    expect(residErrors(parseXml(wrongKind))).toEqual([expect.stringContaining("names ShortStrings, not Urls")]);
  });

  it("runs the task pane, the functions and the ribbon button in one shared runtime", () => {
    const resids = sharedRuntimeResids(root);
    expect(Object.keys(resids)).toEqual(["Runtime", "CustomFunctions Page", "FunctionFile", "ShowTaskpane 1"]);
    expect(new Set(Object.values(resids)).size).toBe(1);
    const host = at(root, "VersionOverrides", "Hosts", "Host");
    expect(at(host, "Runtimes", "Runtime").getAttribute("lifetime")).toBe("long");
    // ... and that page is the task pane itself, the page the manifest opens by default.
    const page = resources(root).get(resids.Runtime!)!.value;
    expect(page).toBe(at(root, "DefaultSettings", "SourceLocation").getAttribute("DefaultValue"));
    expect(page).toBe(`${DEV_URL}taskpane.html`);
  });

  it("has a shared-runtime check that catches a FunctionFile on another page", () => {
    const split = source
      .replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Commands.Url"/>')
      .replace("<bt:Urls>", `<bt:Urls><bt:Url id="Commands.Url" DefaultValue="${DEV_URL}commands.html"/>`);
    expect(new Set(Object.values(sharedRuntimeResids(parseXml(split)))).size).toBe(2);
  });

  it("names its custom functions' script, metadata and namespace WFP", () => {
    const point = at(root, "VersionOverrides", "Hosts", "Host", "AllFormFactors", "ExtensionPoint");
    expect(xsiType(point)).toBe("CustomFunctions");
    const value = (el: XmlElement) => resources(root).get(el.getAttribute("resid")!)?.value;
    expect(value(at(point, "Script", "SourceLocation"))).toBe(`${DEV_URL}functions.js`);
    expect(value(at(point, "Metadata", "SourceLocation"))).toBe(`${DEV_URL}functions.json`);
    expect(value(at(point, "Namespace"))).toBe("WFP");
  });

  it("puts a Workforce Planner button that opens the task pane on the Home tab", () => {
    const surface = at(root, "VersionOverrides", "Hosts", "Host", "DesktopFormFactor", "ExtensionPoint");
    expect(xsiType(surface)).toBe("PrimaryCommandSurface");
    const tab = at(surface, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const control = at(tab, "Group", "Control");
    expect(xsiType(control)).toBe("Button");
    expect(resources(root).get(at(control, "Label").getAttribute("resid")!)?.value).toBe("Workforce Planner");
    const action = at(control, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(at(action, "TaskpaneId").textContent).toBeTruthy();
  });

  it("keeps strings within the schema's lengths", () => {
    for (const [id, { kind, value }] of resources(root)) {
      const max = kind === "ShortStrings" ? 125 : kind === "LongStrings" ? 250 : 2048;
      expect(value.length, id).toBeGreaterThan(0);
      expect(value.length, id).toBeLessThanOrEqual(max);
    }
    expect(at(root, "DisplayName").getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
  });

  it("has every URL on https://localhost:3000/, the one origin a production build rewrites", () => {
    const found = urls(root);
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((u) => !u.startsWith(DEV_URL))).toEqual([]);
    // Every occurrence in the text is one of those URLs (none hides in a comment or an odd place).
    expect(source.split(DEV_URL).length - 1).toBe(found.length);
  });

  it("names icons that exist at the sizes it claims", () => {
    const file = (url: string) => path.join(ROOT, url.slice(DEV_URL.length));
    const images = resources(root);
    const sized: Array<[string, number]> = [
      [at(root, "IconUrl").getAttribute("DefaultValue")!, 32],
      [at(root, "HighResolutionIconUrl").getAttribute("DefaultValue")!, 64],
      ...all(root)
        .filter((el) => nameOf(el) === "Image" && el.hasAttribute("size"))
        .map((el): [string, number] => [images.get(el.getAttribute("resid")!)!.value, Number(el.getAttribute("size"))]),
    ];
    for (const [url, size] of sized) {
      const { width, height } = readPng(file(url));
      expect([width, height], url).toEqual([size, size]);
    }
    // Office requires the 16, 32 and 80 px ribbon icons.
    const iconLists = all(root).filter((el) => nameOf(el) === "Icon");
    for (const list of iconLists) {
      expect(kids(list).map((img) => img.getAttribute("size"))).toEqual(expect.arrayContaining(["16", "32", "80"]));
    }
  });

  it("ships the icons scripts/make-icons.mjs draws, pixel for pixel", () => {
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "make-icons.mjs"), "--out", tmp], { stdio: "pipe" });
    for (const size of [16, 32, 64, 80, 128]) {
      const committed = readPng(path.join(ROOT, "assets", `icon-${size}.png`));
      const drawn = readPng(path.join(tmp, `icon-${size}.png`));
      expect([committed.width, committed.height]).toEqual([size, size]);
      expect(committed.rgba.equals(drawn.rgba), `assets/icon-${size}.png differs: run node scripts/make-icons.mjs`).toBe(true);
    }
  });
});
