import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, chmodSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { invalid } from "../domain";
import { UsageError } from "./io";

/**
 * Writes that cannot lose a file. Every file `wfp` writes goes to a temporary file beside the target, is flushed
 * to disk, then renamed over the target (a rename within one folder is atomic): an interrupted or failed write
 * leaves the previous file exactly as it was and nothing partial under the user's name. An existing target is
 * replaced only when asked (--force); a target that is one of the command's input files is always refused.
 */

/** Temporary files being written now, removed if the process is interrupted (see removePartialWrites). */
const partialWrites = new Set<string>();

/** Removes every temporary file still being written; for the SIGINT/SIGTERM handlers. Never throws. */
export function removePartialWrites(): void {
  for (const path of partialWrites) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone (renamed into place, or never created): nothing to remove.
    }
    partialWrites.delete(path);
  }
}

const errnoText = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "not permitted",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EROFS: "the disk is read-only",
    ENOENT: "the folder does not exist",
    ENOTDIR: "a part of the path is not a folder",
    EISDIR: "it is a folder",
    EXDEV: "the temporary file is on another disk",
  };
  return err.code ? `${reasons[err.code] ?? "the system refused"} (${err.code})` : err.message;
};

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw invalid(`cannot check ${path}: ${errnoText(e)}`);
  }
}

export interface OutputOptions {
  /** Replace an existing file. */
  readonly force: boolean;
  /** The command's input files: the output may be none of them (same file by device and inode). */
  readonly inputs: readonly (string | undefined)[];
  /** The flag that named the output, for messages. */
  readonly flag?: string;
}

/** A checked output path: checked before any work is done, written at the end. */
export interface Output {
  readonly path: string;
  /** Runs `write` on a temporary path beside the target, flushes it and renames it over the target. */
  write(write: (temporaryPath: string) => Promise<void> | void): Promise<void>;
}

/**
 * Checks an output path before the command does any work: refuses a folder, an existing file without --force,
 * and any of the command's input files (by device and inode, so another spelling or a hard link is caught).
 */
export function checkOutput(path: string, options: OutputOptions): Output {
  const flag = options.flag ?? "--out";
  const target = resolve(path);
  refuseInputs(path, options.inputs, flag);
  const existing = statOrNull(target);
  if (existing?.isDirectory()) throw invalid(`${flag} ${path} is a folder: give a file name`);
  if (existing && !options.force) throw invalid(`${path} already exists: give --force to replace it, or choose another name`);
  return {
    path,
    write: (write) => writeAtomically(target, path, existing, write),
  };
}

/** Refuses an output that is one of the inputs: the same file by device and inode (another spelling, a hard link). */
function refuseInputs(path: string, inputs: readonly (string | undefined)[], flag: string): void {
  const existing = statOrNull(resolve(path));
  if (!existing) return;
  for (const input of inputs) {
    if (input === undefined) continue;
    const s = statOrNull(resolve(input));
    if (s && s.dev === existing.dev && s.ino === existing.ino) {
      throw invalid(`${flag} ${path} is the input file ${input}: writing there would destroy it; choose another name`);
    }
  }
}

async function writeAtomically(target: string, shownPath: string, existing: Stats | null, write: (temporaryPath: string) => Promise<void> | void): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.wfp-partial`);
  partialWrites.add(temporary);
  try {
    await write(temporary);
    const fd = openSync(temporary, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The replacement keeps the permissions of the file it replaces.
    if (existing) chmodSync(temporary, existing.mode & 0o7777);
    renameSync(temporary, target);
    partialWrites.delete(temporary);
  } catch (e) {
    partialWrites.delete(temporary);
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already gone.
    }
    if (typeof (e as NodeJS.ErrnoException).code !== "string") throw e;
    throw invalid(`cannot write ${shownPath}: ${errnoText(e)}; ${existing ? "the previous file is unchanged" : "nothing was written"}`);
  }
  syncFolder(dirname(target));
}

/** Flushes the folder entry of the rename too, where the system allows (not on Windows); failure is harmless. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Folders cannot be opened for fsync everywhere; the file itself is already on disk.
  }
}

/** The --out of a command that writes a workbook: required, an .xlsx name, checked as checkOutput does. */
export function xlsxOutput(flags: { out?: string; force?: boolean }, usage: string, inputs: readonly (string | undefined)[]): Output {
  if (!flags.out) throw new UsageError(`--out is required; usage: ${usage}`);
  refuseInputs(flags.out, inputs, "--out");
  if (!/\.xlsx$/i.test(flags.out)) throw new UsageError(`--out ${flags.out}: the workbook's name must end in .xlsx; usage: ${usage}`);
  return checkOutput(flags.out, { force: flags.force === true, inputs });
}
