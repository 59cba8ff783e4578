/**
 * The run's one production build of the add-in, into `<runDir>/build`: made by whoever asks first, awaited by the
 * others. Test files run in parallel worker processes, and the run's global set-up may start the build before any
 * of them, so the build is guarded by a lock (an atomic mkdir) and announced by a marker file (its log).
 *
 * It is built with WFP_PUBLIC_URL set, as a release is: the build test checks the rewritten manifest, and the
 * browser tests serve the same files from 127.0.0.1 (the public URL appears only in manifest.xml).
 * Never the repo's dist/: someone may be serving it, and a stale one would pass for a broken build.
 * No vitest import here: the global set-up (outside any worker) uses it too.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

/** The manifest's base URL in the shared build. No trailing slash on purpose: the build must add it. */
export const BUILD_PUBLIC_URL = "https://wfp.example.test/planner";

export interface SharedBuild {
  /** The folder the build was written to. */
  readonly dir: string;
  /** What webpack printed (the size report among it). */
  readonly log: string;
}

// Generous: a 2-core machine under load has taken over ten minutes for a build that takes 30 s alone.
export const BUILD_TIMEOUT_MS = 900_000;

async function runWebpack(out: string): Promise<string> {
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const run = await promisify(execFile)(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    env: { ...process.env, WFP_PUBLIC_URL: BUILD_PUBLIC_URL },
    maxBuffer: 16 * 1024 * 1024,
  });
  return run.stdout + run.stderr;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The build in `runDir`: made here if nobody has started it, otherwise awaited until its marker appears. */
export async function buildOnce(runDir: string): Promise<SharedBuild> {
  const dir = path.join(runDir, "build");
  const lock = path.join(runDir, "build.lock");
  const done = path.join(runDir, "build.log");
  const failed = path.join(runDir, "build.failed");
  let builder = false;
  try {
    mkdirSync(lock);
    builder = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (builder) {
    try {
      const log = await runWebpack(dir);
      writeFileSync(done, log);
      return { dir, log };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      writeFileSync(failed, message);
      throw new Error(`the shared production build failed: ${message}`);
    }
  }
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(failed)) throw new Error(`the shared production build failed: ${readFileSync(failed, "utf8")}`);
    if (existsSync(done)) return { dir, log: readFileSync(done, "utf8") };
    await sleep(250);
  }
  throw new Error(`waited ${BUILD_TIMEOUT_MS / 1000} s for another test file's production build`);
}
