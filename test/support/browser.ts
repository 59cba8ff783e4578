/**
 * Helpers for browser tests of the built task pane: the run's one production build (sharedBuild) served from memory
 * on 127.0.0.1, and Debian's chromium driven by playwright-core with office.js answered from
 * node_modules/@microsoft/office-js/dist instead of Microsoft's CDN. Every other request that would leave 127.0.0.1
 * fails in the browser and is recorded, so a test can check that the task pane sends nothing over the network.
 * One chromium, one context and one tab per test worker; each test loads the task pane afresh in that tab.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Locator, Page, Request } from "playwright-core";
import { afterEach, beforeAll, expect } from "vitest";
import { sharedBuild } from "./sharedBuild";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// Required, not imported: playwright-core is CommonJS whose entry re-exports its 3.6 MB bundle, and an ESM import of
// it has Node's CommonJS export lexer read that whole bundle in every test worker (~0.8 s of CPU each) before
// require() compiles it anyway.
const { chromium } = createRequire(import.meta.url)("playwright-core") as typeof import("playwright-core");

/** `npm test` (scripts/test.mjs) finds the browser on the PATH, installing it where missing, and sets this. */
export const CHROMIUM = process.env.WFP_CHROMIUM ?? findOnPath("chromium", "chromium-browser") ?? "/usr/bin/chromium";

function findOnPath(...names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of names) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` read-only on 127.0.0.1 at a free port, from memory (each file read once). Everything but the page
 * itself may be cached by the browser: the folder is one build that does not change while it is served, so a page
 * opened again takes its scripts from the browser's cache rather than over the wire again.
 */
export async function serveFolder(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const files = new Map<string, Buffer | null>();
  const read = (file: string): Buffer | null => {
    if (!files.has(file)) files.set(file, existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null);
    return files.get(file)!;
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    // A browser asks each origin for /favicon.ico; the add-in has none (Office shows the manifest's icons), and the
    // 404 would be a console error in the first page of every worker's tab.
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const body = file.startsWith(root + path.sep) ? read(file) : null;
    if (body === null) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const ext = path.extname(file);
    res
      .writeHead(200, {
        "content-type": TYPES[ext] ?? "application/octet-stream",
        "cache-control": ext === ".html" ? "no-cache" : "max-age=3600, immutable",
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the test server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export interface BrowserSession {
  readonly context: BrowserContext;
  /** Requests that would have left 127.0.0.1 (other than office.js from the CDN) since the session opened. */
  readonly offsiteRequests: string[];
}

/**
 * One chromium per test worker, launched on first use and closed by playwright when the worker exits (the suite
 * opens the task pane dozens of times; a browser takes a second or so to start).
 *
 * Nothing leaves the machine: the browser resolves no host name but 127.0.0.1 (`--host-resolver-rules`), so a
 * request anywhere else fails in the browser itself, and the session records it (offsiteRequests). office.js alone
 * is answered, from node_modules, by intercepting just the CDN's address (see tabOfThisWorker). Playwright's own
 * request routing is not used: it pauses every request of the page on its way through Node and turns the browser's
 * cache off, which made each page load seconds slower.
 */
let workerBrowser: Promise<Browser> | undefined;

function browserOfThisWorker(): Promise<Browser> {
  workerBrowser ??= chromium
    .launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      ],
    })
    .then((browser) => {
      // A crashed browser is launched again for the next test rather than failing every later one.
      browser.on("disconnected", () => {
        workerBrowser = undefined;
        workerTab = undefined;
      });
      return browser;
    });
  return workerBrowser;
}

/** The browser tab the worker's tests take turns in, and whether office.js is answered for the page now in it. */
interface WorkerTab {
  readonly context: BrowserContext;
  readonly page: Page;
  officeJs: boolean;
  /** The motion the tab's pages are opened with now (see Motion). */
  motion: Motion;
}

/**
 * "reduced": the page is told the user prefers reduced motion (prefers-reduced-motion: reduce), and Fluent's motions
 * (tab indicators, collapses, message bars appearing) end at once instead of playing for a few hundred ms of frames
 * each: what a test asserts is the state the motions end in, which is the same, at a fraction of chromium's work.
 * "full": the motions play as for most users; at least one test keeps them (taskpane.test.ts's keyboard journey),
 * so content that only shows once its motion has run is still seen to show.
 */
export type Motion = "reduced" | "full";

let workerTab: Promise<WorkerTab> | undefined;

const VIEWPORT = { width: 360, height: 900 };

/**
 * One browser context and one tab per worker, which each test navigates to the task pane afresh: a new document is
 * a new JavaScript realm (a new in-memory workbook, React tree and office.js), as a fresh tab would be, but the tab's
 * renderer process, the browser's cache of the build and the compiled scripts carry over, so the task pane opens in
 * under a second instead of three. The add-in keeps nothing in the browser (no storage, cookies or service worker)
 * that one test could leave for the next.
 */
function tabOfThisWorker(): Promise<WorkerTab> {
  workerTab ??= (async () => {
    const context = await (await browserOfThisWorker()).newContext({ viewport: VIEWPORT, reducedMotion: "reduce" });
    const page = await context.newPage();
    const tab: WorkerTab = { context, page, officeJs: true, motion: "reduced" };
    // office.js from node_modules for the CDN's address, or refused as when the CDN is unreachable. Only these
    // requests stop on their way (Fetch domain with one URL pattern); the page's own go straight to the server.
    const cdp = await context.newCDPSession(page);
    cdp.on("Fetch.requestPaused", ({ requestId, request }) => {
      const file = path.resolve(OFFICE_DIST, new URL(request.url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
      const answer =
        tab.officeJs && file.startsWith(OFFICE_DIST + path.sep) && existsSync(file)
          ? cdp.send("Fetch.fulfillRequest", {
              requestId,
              responseCode: 200,
              // office.js loads its other files as CORS scripts.
              responseHeaders: [
                { name: "content-type", value: TYPES[path.extname(file)] ?? "text/javascript" },
                { name: "access-control-allow-origin", value: "*" },
              ],
              body: officeFile(file).toString("base64"),
            })
          : cdp.send("Fetch.failRequest", { requestId, errorReason: "BlockedByClient" });
      // The page may have gone (the next test navigated) before the answer: nothing to answer then.
      answer.catch(() => undefined);
    });
    await cdp.send("Fetch.enable", { patterns: [{ urlPattern: `${OFFICE_CDN}*`, requestStage: "Request" }] });
    return tab;
  })();
  return workerTab;
}

const officeFiles = new Map<string, Buffer>();
function officeFile(file: string): Buffer {
  let body = officeFiles.get(file);
  if (!body) officeFiles.set(file, (body = readFileSync(file)));
  return body;
}

/** A request that would leave the machine: http(s) or ws(s) to anywhere but 127.0.0.1, other than office.js's CDN. */
function leavesTheMachine(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return /^(https?|wss?):$/.test(protocol) && hostname !== "127.0.0.1" && !url.startsWith(OFFICE_CDN);
}

/**
 * office.js (its o15apptofilemappingtable.js) adds a hidden iframe to Microsoft's telemetry service 3 s after it
 * loads. taskpane.html's `frame-src 'none'` refuses it, which Chromium reports as a console error: that refusal is
 * the Content-Security-Policy doing its job (no telemetry), not the page being blocked.
 */
const OFFICE_TELEMETRY_REFUSAL = /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive: "frame-src 'none'"/;

export interface PageErrors {
  /** Console errors and uncaught exceptions, as text, except office.js's refused telemetry frame. */
  readonly errors: string[];
  /** Uncaught exceptions with their stacks, to tell whose code threw. */
  readonly exceptions: Error[];
  /** The CSP's refusals of office.js's telemetry frame. */
  readonly refusedTelemetry: string[];
}

export function collectPageErrors(page: Page): PageErrors {
  const found: PageErrors = { errors: [], exceptions: [], refusedTelemetry: [] };
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (OFFICE_TELEMETRY_REFUSAL.test(msg.text())) found.refusedTelemetry.push(msg.text());
    else found.errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => {
    found.exceptions.push(error);
    found.errors.push(`uncaught: ${error.message}`);
  });
  return found;
}

export interface OpenedPane {
  readonly session: BrowserSession;
  readonly page: Page;
  readonly found: PageErrors;
}

export interface TaskPaneInChromium {
  /**
   * The task pane freshly loaded from taskpane.html with `query` ("?workbook=memory") in the worker's chromium tab,
   * 360 x 900, its console errors and offsite requests collected from the start. `officeJs`: answer the CDN's
   * office.js from node_modules (true) or refuse it, as when the CDN is unreachable. `beforeLoad` watches the page
   * before it loads (its requests, say); what it adds to the page is removed after the test. `motion`: Fluent's
   * motions cut short ("reduced", the default) or played ("full"), see Motion.
   */
  open(query: string, options?: { officeJs?: boolean; motion?: Motion; beforeLoad?: (page: Page) => void }): Promise<OpenedPane>;
}

/**
 * A test file's set-up: the run's one production build (sharedBuild), served once per worker, and the task pane
 * opened afresh for each test in the worker's chromium tab. Fails (never skips) when chromium is missing:
 * `npm test` installs it.
 */
export function taskPaneInChromium(buildTimeout = 900_000): TaskPaneInChromium {
  let release: (() => Promise<void>) | undefined;
  // The browser starts while the build may still be under way.
  beforeAll(async () => {
    await Promise.all([serverOfThisWorker(), tabOfThisWorker()]);
  }, buildTimeout);
  afterEach(async () => {
    await release?.();
    release = undefined;
  });
  return {
    async open(query, { officeJs = true, motion = "reduced", beforeLoad } = {}) {
      if (!existsSync(CHROMIUM)) {
        throw new Error(`chromium is not at ${CHROMIUM}: run the tests with \`npm test\`, which installs it, or set WFP_CHROMIUM`);
      }
      const [server, tab] = await Promise.all([serverOfThisWorker(), tabOfThisWorker()]);
      const { context, page } = tab;
      tab.officeJs = officeJs;
      if (tab.motion !== motion) {
        await page.emulateMedia({ reducedMotion: motion === "reduced" ? "reduce" : "no-preference" });
        tab.motion = motion;
      }
      const size = page.viewportSize();
      if (size?.width !== VIEWPORT.width || size.height !== VIEWPORT.height) await page.setViewportSize(VIEWPORT);
      const offsiteRequests: string[] = [];
      const onRequest = (request: Request) => {
        if (leavesTheMachine(request.url())) offsiteRequests.push(request.url());
      };
      context.on("request", onRequest);
      const found = collectPageErrors(page);
      beforeLoad?.(page);
      release = async () => {
        // The test's page is unloaded when it ends (its timers and work stop there), so nothing of it reaches the
        // next test's listeners, and what it stored for the origin goes with it (office.js may keep logs in
        // localStorage), as with a fresh profile. A tab that cannot go on (crashed, closed) is replaced.
        await page
          .evaluate(() => {
            localStorage.clear();
            sessionStorage.clear();
          })
          .catch(() => undefined); // not on the add-in's origin (an error page): nothing of it to clear
        try {
          await context.clearCookies();
          await page.goto("about:blank");
        } catch {
          workerTab = undefined;
          await context.close().catch(() => undefined);
        }
        await page.removeAllListeners();
        context.off("request", onRequest);
      };
      await page.goto(`${server.origin}/taskpane.html${query}`);
      return { session: { context, offsiteRequests }, page, found };
    },
  };
}

/** The run's build, served for this worker's test files: one server per worker, whatever file asks first. */
let workerServer: Promise<StaticServer> | undefined;

function serverOfThisWorker(): Promise<StaticServer> {
  workerServer ??= sharedBuild().then((build) => serveFolder(build.dir));
  return workerServer;
}

export const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement);

/** Resolves when `locator` is visible, watched in the page itself (no polling over the wire). */
export const waitVisible = (locator: Locator, timeout = 20_000): Promise<void> => locator.waitFor({ state: "visible", timeout });

/** The whole page from its top, once Fluent's motions (Web Animations) have finished, into `file`. */
export async function screenshot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}

/**
 * Opens a top tab by name: from the tab row, or from the "More" list when the row at this width has no room for it
 * (src/taskpane/app/TabRow.tsx). Returns the tab's panel.
 */
export async function openTab(page: Page, name: string): Promise<Locator> {
  const tab = page.getByRole("tab", { name, exact: true });
  await waitVisible(page.getByRole("tab", { name: "Roles", exact: true }));
  if (await tab.isVisible()) await tab.click();
  else {
    await page.getByRole("button", { name: /more tabs/ }).click();
    await page.getByRole("list", { name: "More tabs" }).getByRole("button", { name, exact: true }).click();
  }
  await expect.poll(() => tab.getAttribute("aria-selected")).toBe("true");
  return page.getByRole("tabpanel", { name, exact: true });
}
