// Entry point of the `wfp` binary (bundled to build/cli/wfp.cjs by scripts/build-cli.mjs).
import { runCli } from "./main";
import { removePartialWrites } from "./safeWrite";

// Ctrl-C or a kill mid-write: the file being written is a temporary beside the target, so removing it leaves the
// user's previous file exactly as it was. Exit as a signal-killed process would (128 + signal number).
for (const [signal, number] of [
  ["SIGINT", 2],
  ["SIGTERM", 15],
  ["SIGHUP", 1],
] as const) {
  process.on(signal, () => {
    removePartialWrites();
    process.stderr.write(`wfp: stopped by ${signal}; nothing was written\n`);
    process.exit(128 + number);
  });
}

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runCli reports every error itself; this is the last guard, one line too.
    removePartialWrites();
    process.stderr.write(`wfp: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
