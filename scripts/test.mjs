#!/usr/bin/env node
// `npm test`: everything the test suite needs, then the suite.
//
// The suite drives two programs from the operating system besides Node: Chromium (the task pane's browser tests,
// through playwright-core, which must not download a browser of its own) and LibreOffice Calc (it recalculates the
// workbooks the add-in's sheet plans make, proving their native formulas compute what the domain computes).
// Where either is missing this installs it with apt (as root, or through sudo), saying what and why; where it cannot,
// it stops at once with one message naming the packages and the command, rather than minutes of failing tests.
//
//   npm test                      every test
//   npm test -- test/domain       vitest's own arguments pass through
//   WFP_CHROMIUM=/path/to/chrome  a browser of your own (anything playwright-core can drive as Chromium)
//   WFP_SOFFICE=/path/to/soffice  a LibreOffice of your own
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The first of `names` on the PATH, as an absolute path, or null. */
function onPath(...names) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** What the suite needs from the system: where each is now, and the Debian package that brings it. */
const REQUIREMENTS = [
  {
    what: "Chromium",
    why: "the task pane's browser tests",
    env: "WFP_CHROMIUM",
    find: () => onPath("chromium", "chromium-browser"),
    apt: "chromium",
  },
  {
    what: "LibreOffice Calc",
    why: "recalculating the workbooks the add-in writes",
    env: "WFP_SOFFICE",
    find: () => onPath("soffice", "libreoffice"),
    apt: "libreoffice-calc-nogui",
  },
];

function locate(requirement) {
  const given = process.env[requirement.env];
  if (given) {
    if (!existsSync(given)) fail(`${requirement.env}=${given}, but there is no such file.`);
    return given;
  }
  return requirement.find();
}

function fail(message) {
  console.error(`npm test: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

/** apt-get as root, or through sudo without a password prompt; null when neither is possible. */
function aptRunner() {
  if (process.platform !== "linux" || !onPath("apt-get")) return null;
  if (process.getuid?.() === 0) return (args) => run("apt-get", args, { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (onPath("sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0) {
    return (args) => run("sudo", ["-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", ...args]);
  }
  return null;
}

function installMissing() {
  const missing = REQUIREMENTS.filter((r) => !locate(r));
  if (missing.length === 0) return;
  const packages = missing.map((r) => r.apt);
  const command = `sudo apt-get install -y --no-install-recommends ${packages.join(" ")}`;
  const apt = aptRunner();
  if (!apt) {
    fail(
      `${missing.map((r) => `${r.what} (for ${r.why})`).join(" and ")} ${missing.length > 1 ? "are" : "is"} missing, ` +
        `and this machine cannot install ${missing.length > 1 ? "them" : "it"} here (no apt-get, or no root or ` +
        `password-less sudo). Install with: ${command} — or point ${missing.map((r) => r.env).join("/")} at your own.`,
    );
  }
  for (const r of missing) console.log(`npm test: installing ${r.apt} (${r.what}, for ${r.why}).`);
  if (apt(["update", "-qq"]) !== 0) fail(`apt-get update failed; install by hand: ${command}`);
  if (apt(["install", "-y", "-qq", "--no-install-recommends", ...packages]) !== 0) {
    fail(`apt-get could not install ${packages.join(" ")}; install by hand: ${command}`);
  }
  const still = missing.filter((r) => !locate(r));
  if (still.length > 0) fail(`${still.map((r) => r.what).join(" and ")} still not found after installing ${packages.join(" ")}.`);
}

/** A fresh clone on which `npm install` was never run: install exactly what the lock file says. */
function installNodeModules() {
  if (existsSync(path.join(ROOT, "node_modules", ".package-lock.json"))) return;
  console.log("npm test: node_modules is missing; running npm ci (the project's dependencies, as locked).");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  if (run(npm, ["ci", "--no-audit", "--no-fund"], { cwd: ROOT }) !== 0) fail("npm ci failed; see above.");
}

installNodeModules();
installMissing();

const env = { ...process.env };
for (const r of REQUIREMENTS) env[r.env] = locate(r);
// A whole run (no file filter: every argument an option) starts the one production build at once, beside the tests.
const args = process.argv.slice(2);
if (!args.some((a) => !a.startsWith("-"))) env.WFP_EAGER_BUILD = "1";
// vitest's own bin (its package exports do not name it).
const vitest = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");
process.exit(run(process.execPath, [vitest, "run", ...args], { cwd: ROOT, env }));
