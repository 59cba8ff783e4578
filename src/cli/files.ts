import { readFileSync } from "node:fs";
import { invalid } from "../domain";
import { decodeText } from "../input";

/** A file's bytes, or a refusal naming the file and why it cannot be read (ENOENT, EACCES, EISDIR). */
export function readInputBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw invalid(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A text file in any encoding the input reader knows; binary files are refused without echoing them. */
export function readInputText(path: string): string {
  return decodeText(readInputBytes(path), path).text;
}
