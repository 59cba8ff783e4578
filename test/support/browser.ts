/**
 * Helpers for browser tests of the built task pane: a production build into a temporary folder, a small static
 * server on 127.0.0.1, and Debian's chromium driven by playwright-core with office.js answered from
 * node_modules/@microsoft/office-js/dist instead of Microsoft's CDN. Every other request that leaves 127.0.0.1 is
 * refused and recorded, so a test can check that the task pane sends nothing over the network.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { sharedBuild } from "./sharedBuild";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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

/** Serves `dir` read-only on 127.0.0.1 at a free port. */
export async function serveFolder(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
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
  /** Requests refused because they left 127.0.0.1 (other than office.js from the CDN). */
  readonly offsiteRequests: string[];
  close(): Promise<void>;
}

/**
 * One chromium per test worker, launched on first use and closed by playwright when the worker exits. Each session
 * is a new browser context of it: its own cookies, storage and cache, as a fresh profile would be, without the
 * second or so a browser takes to start (the suite opens dozens of sessions).
 */
let workerBrowser: Promise<Browser> | undefined;

function browserOfThisWorker(): Promise<Browser> {
  workerBrowser ??= chromium
    .launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
    .then((browser) => {
      // A crashed browser is launched again for the next session rather than failing every later test.
      browser.on("disconnected", () => (workerBrowser = undefined));
      return browser;
    });
  return workerBrowser;
}

/**
 * A fresh browser session (context) in Debian's chromium, headless. Fails (never skips) when chromium is missing:
 * `npm test` installs it. `officeJs`: answer the CDN's office.js from node_modules (true) or refuse it, as when the
 * CDN is unreachable.
 */
export async function launchBrowser(options: { officeJs: boolean }): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium is not at ${CHROMIUM}: run the tests with \`npm test\`, which installs it, or set WFP_CHROMIUM`);
  }
  const context = await (await browserOfThisWorker()).newContext({ viewport: { width: 360, height: 900 } });
  const offsiteRequests: string[] = [];
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    async (route) => {
      const url = route.request().url();
      if (options.officeJs && url.startsWith(OFFICE_CDN)) {
        const file = path.resolve(OFFICE_DIST, new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
        if (file.startsWith(OFFICE_DIST + path.sep) && existsSync(file)) {
          await route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? "text/javascript", body: readFileSync(file) });
          return;
        }
      }
      if (!url.startsWith(OFFICE_CDN)) offsiteRequests.push(url);
      await route.abort("blockedbyclient");
    },
  );
  return {
    context,
    offsiteRequests,
    close: () => context.close(),
  };
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
   * A fresh chromium on taskpane.html with `query` ("?workbook=memory"), its console errors collected from the
   * start. `beforeLoad` watches the page before it loads (its requests, say). Closed after the test.
   */
  open(query: string, options?: { officeJs?: boolean; beforeLoad?: (page: Page) => void }): Promise<OpenedPane>;
}

/**
 * A test file's set-up: the run's one production build (sharedBuild) served for the file's tests, and a browser
 * session per test, closed after each so a failed test leaves no chromium behind.
 */
export function taskPaneInChromium(buildTimeout = 900_000): TaskPaneInChromium {
  let server: StaticServer | undefined;
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    server = await serveFolder((await sharedBuild()).dir);
  }, buildTimeout);
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    async open(query, { officeJs = true, beforeLoad } = {}) {
      if (!server) throw new Error("the add-in is not served: call taskPaneInChromium() at the top of the test file");
      session = await launchBrowser({ officeJs });
      const page = await session.context.newPage();
      const found = collectPageErrors(page);
      beforeLoad?.(page);
      await page.goto(`${server.origin}/taskpane.html${query}`);
      return { session, page, found };
    },
  };
}

export const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement);

export const waitVisible = (locator: Locator, timeout = 20_000): Promise<void> =>
  expect.poll(() => locator.isVisible(), { timeout }).toBe(true);

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
