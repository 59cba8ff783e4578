/** How big a request is, and how ops are split and packed into requests that stay under Excel's limit. */
import type { WriteOp } from "./writeOps";
import { type Rect, rectAddress } from "../sheets/plan";

/** Excel on the web refuses requests over 5 MB; stay well below it, estimate and all. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes of `text` as UTF-8, the encoding requests travel in. */
export function utf8Length(text: string): number {
  // Up to the first non-ASCII character (most requests have none) a character is a byte: the regex finds it
  // several times faster than a loop over every character.
  const first = NON_ASCII.exec(text);
  if (first === null) return text.length;
  let n = first.index;
  for (let i = first.index; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Per-op framing in a request (object paths, method names, ids): generous on purpose. */
export const OP_OVERHEAD_BYTES = 300;

export function estimateOpBytes(op: WriteOp): number {
  return OP_OVERHEAD_BYTES + utf8Length(JSON.stringify(op));
}

/**
 * Splits a rectangle of per-cell data into row bands (and a row into column bands if one row alone
 * is too big) whose ops each stay under `maxBytes`.
 */
export function gridOps<T>(
  rect: Rect,
  grid: readonly (readonly T[])[],
  maxBytes: number,
  make: (address: string, part: T[][]) => WriteOp,
): WriteOp[] {
  const budget = maxBytes - OP_OVERHEAD_BYTES - 200;
  const ops: WriteOp[] = [];
  let start = 0;
  let bytes = 0;
  const flush = (end: number): void => {
    if (end <= start) return;
    const part = grid.slice(start, end).map((r) => [...r]);
    ops.push(make(rectAddress({ top: rect.top + start, left: rect.left, bottom: rect.top + end - 1, right: rect.right }), part));
  };
  grid.forEach((row, i) => {
    const rowBytes = utf8Length(JSON.stringify(row)) + 1;
    if (rowBytes > budget) {
      flush(i);
      ops.push(...rowOps(rect.top + i, rect.left, row, budget, make));
      start = i + 1;
      bytes = 0;
      return;
    }
    if (bytes + rowBytes > budget) {
      flush(i);
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  flush(grid.length);
  return ops;
}

function rowOps<T>(row: number, left: number, cells: readonly T[], budget: number, make: (address: string, part: T[][]) => WriteOp): WriteOp[] {
  const ops: WriteOp[] = [];
  let start = 0;
  let bytes = 0;
  cells.forEach((cell, i) => {
    const b = utf8Length(JSON.stringify(cell)) + 1;
    if (bytes + b > budget && i > start) {
      ops.push(make(rectAddress({ top: row, left: left + start, bottom: row, right: left + i - 1 }), [cells.slice(start, i)]));
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  ops.push(make(rectAddress({ top: row, left: left + start, bottom: row, right: left + cells.length - 1 }), [cells.slice(start)]));
  return ops;
}

/** Groups ops, in order, into requests of at most `maxBytes` estimated bytes each. */
export function packRequests(ops: readonly WriteOp[], maxBytes: number): { requests: WriteOp[][]; bytes: number[] } {
  const requests: WriteOp[][] = [];
  const bytes: number[] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    const b = estimateOpBytes(op);
    if (current.length > 0 && size + b > maxBytes) {
      requests.push(current);
      bytes.push(size);
      current = [];
      size = 0;
    }
    current.push(op);
    size += b;
  }
  if (current.length > 0) {
    requests.push(current);
    bytes.push(size);
  }
  return { requests, bytes };
}
