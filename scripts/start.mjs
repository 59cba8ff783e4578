// npm start: run the add-in to try it in Excel. Ctrl+C stops it.
//
// Windows and macOS, where desktop Excel can sideload: the webpack dev server on https://localhost:3000/ (rebuilds
// on save) and manifest.xml registered with desktop Excel, unregistered again on exit.
// Elsewhere (Linux): builds dist/ if it is missing or older than its sources, serves it on https://localhost:3000/
// with a self-signed certificate, and says how to upload the manifest to Excel on the web.
//
// Microsoft's office-addin-debugging does the desktop part in the Office templates, but it does not install from
// the npm registry alone (a native dependency downloads binaries), so this script does the few steps itself.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { createServer } from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const PORT = 3000;
const DEV_URL = `https://localhost:${PORT}/`;
const WEBPACK = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
// A production URL left in the environment would build a manifest that does not point at this server.
const env = { ...process.env, WFP_PUBLIC_URL: "" };

if (process.platform === "win32" || process.platform === "darwin") await startDesktop();
else await startWeb();

/**
 * Runs node with these arguments on this terminal; Ctrl+C ends it first. Resolves to its exit code, or to null
 * when a signal ended it.
 */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: "inherit" });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(signal ? null : code);
    });
  });
}

async function startDesktop() {
  // Desktop Excel only loads https://localhost from a certificate the machine trusts; office-addin-dev-certs makes
  // one and asks before trusting its CA, a step worth leaving to the developer.
  const certs = path.join(os.homedir(), ".office-addin-dev-certs");
  if (existsSync(path.join(certs, "localhost.crt")) && existsSync(path.join(certs, "localhost.key"))) {
    env.WFP_HTTPS_CERT = path.join(certs, "localhost.crt");
    env.WFP_HTTPS_KEY = path.join(certs, "localhost.key");
    if (existsSync(path.join(certs, "ca.crt"))) env.WFP_HTTPS_CA = path.join(certs, "ca.crt");
  } else {
    console.warn(
      "No trusted localhost certificate: desktop Excel will refuse the add-in's pages. Once per machine, run\n" +
        "  npx office-addin-dev-certs install\nand start again. Going on with a self-signed certificate.\n",
    );
  }
  const manifest = path.join(ROOT, "manifest.xml");
  const id = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(readFileSync(manifest, "utf8"))?.[1];
  if (!id) throw new Error("manifest.xml has no <Id>");
  const unregister = register(manifest, id);
  console.log(
    "Registered manifest.xml with desktop Excel. Start (or restart) Excel: the Workforce Planner button is on the\n" +
      "Home tab; if not, Insert → My Add-ins → Developer Add-ins → Workforce Planner.\n",
  );
  const code = await run([WEBPACK, "serve", "--mode", "development"]);
  unregister();
  process.exit(code ?? 0);
}

/** Sideloads the manifest the way Office documents for each platform; returns the undo. */
function register(manifest, id) {
  if (process.platform === "darwin") {
    const wef = path.join(os.homedir(), "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    const copy = path.join(wef, `${id}.manifest.xml`);
    mkdirSync(wef, { recursive: true });
    copyFileSync(manifest, copy);
    return () => rmSync(copy, { force: true });
  }
  const key = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
  const reg = (...args) => spawnSync("reg", args, { stdio: "ignore" }).status === 0;
  if (!reg("add", key, "/v", id, "/t", "REG_SZ", "/d", manifest, "/f")) throw new Error(`could not write ${key}`);
  return () => reg("delete", key, "/v", id, "/f");
}

async function startWeb() {
  if (needsBuild()) {
    console.log("Building dist/ ...");
    const code = await run([WEBPACK, "--mode", "production"]);
    if (code !== 0) process.exit(code ?? 130); // 130: stopped by Ctrl+C
    // webpack leaves files whose content did not change untouched: mark the build as newer than its sources.
    const now = new Date();
    utimesSync(path.join(DIST, "taskpane.html"), now, now);
  }
  const tls = certificate();
  if (!tls) {
    // No openssl to make a certificate with: the dev server makes its own and serves the same files.
    console.log("openssl not found: serving with the webpack dev server instead.");
    printWebSteps(path.join(ROOT, "manifest.xml"));
    process.exit((await run([WEBPACK, "serve", "--mode", "development"])) ?? 0);
  }
  const server = createServer(tls, serveDist);
  server.on("error", (err) => {
    console.error(err.code === "EADDRINUSE" ? `Port ${PORT} is in use: is the add-in already being served?` : err);
    process.exit(1);
  });
  // Loopback only by default; WFP_HOST=0.0.0.0 when the browser is on another machine or outside a container.
  server.listen(PORT, process.env.WFP_HOST || "localhost", () => {
    console.log(`\nServing dist/ on ${DEV_URL} (self-signed certificate). Ctrl+C stops it.`);
    printWebSteps(path.join(DIST, "manifest.xml"));
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    console.log("\nStopped.");
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function printWebSteps(manifest) {
  console.log(`
Manifest: ${manifest}   (also ${DEV_URL}manifest.xml)

Desktop Excel cannot be sideloaded from ${process.platform}; use Excel on the web, in a browser on this machine:
  1. Open ${DEV_URL}taskpane.html and accept the certificate warning (Advanced → Proceed).
     Excel loads the add-in from this address and cannot show that warning itself.
  2. Open a workbook in Excel on the web (https://www.office.com → Excel).
  3. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in
     (older ribbons: Insert → Add-ins → Office Add-ins → MY ADD-INS → Upload My Add-in).
  4. Browse to the manifest above and Upload. "Workforce Planner" appears on the Home tab, and the
     worksheet functions answer as =WFP.<NAME>(...).
  Excel on the web keeps the upload in the browser's storage: upload again after clearing it.

No Excel at hand? Look at the task pane on an in-memory demo workbook:
  ${DEV_URL}taskpane.html?workbook=memory
`);
}

/** True when dist/ is missing, was built for another URL, or is older than anything it is built from. */
function needsBuild() {
  const built = path.join(DIST, "taskpane.html");
  const manifest = path.join(DIST, "manifest.xml");
  if (!existsSync(built) || !existsSync(manifest)) return true;
  if (!readFileSync(manifest, "utf8").includes(DEV_URL)) return true;
  const inputs = ["src", "assets", "manifest.xml", "webpack.config.js", "package.json", "tsconfig.json"];
  const newest = Math.max(...inputs.map((p) => newestMtime(path.join(ROOT, p))));
  return newest > statSync(built).mtimeMs;
}

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/**
 * A self-signed certificate for localhost, made with openssl and kept in node_modules/.cache for 30 days, so the
 * browser's "accept the risk" is not needed on every start. Null when openssl is not installed.
 */
function certificate() {
  const dir = path.join(ROOT, "node_modules", ".cache", "wfp-start");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  const fresh = existsSync(cert) && Date.now() - statSync(cert).mtimeMs < 29 * 24 * 3600 * 1000;
  if (!fresh) {
    mkdirSync(dir, { recursive: true });
    const made = spawnSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
        "-keyout", key, "-out", cert],
      { stdio: "pipe" },
    );
    if (made.error?.code === "ENOENT") return null;
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function serveDist(req, res) {
  // Office fetches functions.json and the icons from its own origin; no-store so a rebuild shows on reload.
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Content-Type-Options", "nosniff");
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", DEV_URL).pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (pathname === "/") {
    res.writeHead(302, { Location: "/taskpane.html" }).end();
    return;
  }
  const file = path.join(DIST, pathname);
  // path.join normalises "..", so anything outside dist/ was an attempt to leave it.
  if (!file.startsWith(DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
    return;
  }
  const body = readFileSync(file);
  res.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "Content-Length": body.length,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
