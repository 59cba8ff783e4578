/** Where a command writes; the real process in `wfp`, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** A mistake in how the command was called (unknown command, missing argument): exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
