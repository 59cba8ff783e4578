import type { Writable } from "node:stream";
import * as zlib from "node:zlib";
import { invalid } from "../../domain";

/** The most a zip without ZIP64 records for a size or an offset: 4 GiB − 1 bytes. */
export const ZIP32_LIMIT = 0xffffffff;

/**
 * A zip archive written as it goes (APPNOTE.TXT 6.3.x): each entry's bytes are deflated straight to the output,
 * with a data descriptor after them carrying the CRC and sizes, so no entry is ever held whole in memory. One
 * entry at a time; the central directory is written by `finish`. No ZIP64: an entry or archive past 4 GiB is
 * refused (a workbook Excel can open is far smaller).
 */
export class ZipWriter {
  private readonly entries: { name: Buffer; crc: number; compressed: number; size: number; offset: number }[] = [];
  private offset = 0;
  private open = false;

  /** `limit`: ZIP32_LIMIT; smaller only in tests, to reach the refusal without writing 4 GiB. */
  constructor(
    private readonly out: Writable,
    private readonly limit = ZIP32_LIMIT,
  ) {}

  /** Writes one entry from text chunks (UTF-8), deflated. */
  async entry(name: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
    if (this.open) throw new Error("zip: one entry at a time");
    this.open = true;
    const nameBytes = Buffer.from(name, "utf8");
    const offset = this.offset;
    // Flag bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8.
    await this.write(localHeader(nameBytes));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    // Level 4: measured on a 165 MB register, 2.3× faster than the default 6 for a file 1% larger.
    const deflate = zlib.createDeflateRaw({ level: 4, memLevel: 9 });
    const pumped = (async () => {
      for await (const piece of deflate as AsyncIterable<Buffer>) {
        compressed += piece.length;
        await this.write(piece);
      }
    })();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      const data = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      crc = crc32(data, crc);
      size += data.length;
      if (!deflate.write(data)) await new Promise<void>((resolve) => deflate.once("drain", resolve));
    };
    try {
      for await (const chunk of chunks) {
        if (chunk.length === 0) continue;
        const bytes = Buffer.from(chunk, "utf8");
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (pendingBytes >= 1 << 16) await flush();
      }
      await flush();
    } finally {
      deflate.end();
      await pumped;
    }
    if (size > this.limit || compressed > this.limit || this.offset > this.limit) {
      // Too much input, not a bug: refused (exit 1) like any workbook too big for Excel.
      throw invalid(`the workbook is too big to write: its part ${name} would pass 4 GiB, more than an .xlsx written without ZIP64 can hold; write fewer rows`);
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset });
    this.open = false;
  }

  /** Writes the central directory and ends the output stream, once everything is flushed. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4); // made by: version 2.0, MS-DOS attributes
      header.writeUInt16LE(20, 6); // needed to extract: 2.0 (deflate)
      header.writeUInt16LE(0x0808, 8);
      header.writeUInt16LE(8, 10); // deflate
      header.writeUInt16LE(DOS_TIME, 12);
      header.writeUInt16LE(DOS_DATE, 14);
      header.writeUInt32LE(e.crc, 16);
      header.writeUInt32LE(e.compressed, 20);
      header.writeUInt32LE(e.size, 24);
      header.writeUInt16LE(e.name.length, 28);
      header.writeUInt32LE(e.offset, 42);
      await this.write(header);
      await this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    await new Promise<void>((resolve, reject) => {
      this.out.once("error", reject);
      this.out.end(() => resolve());
    });
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.out.write(bytes)) {
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          this.out.off("drain", done);
          this.out.off("error", done);
          if (error) reject(error);
          else resolve();
        };
        this.out.once("drain", done);
        this.out.once("error", done);
      });
    }
  }
}

// 1980-01-01 00:00: a fixed time keeps the same plans writing the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function localHeader(name: Buffer): Buffer {
  const header = Buffer.alloc(30 + name.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0808, 6);
  header.writeUInt16LE(8, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  // CRC and sizes are zero here and given in the data descriptor.
  header.writeUInt16LE(name.length, 26);
  name.copy(header, 30);
  return header;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 as zip uses it; Node's own (zlib.crc32, Node ≥ 20.15) when there is one. */
export function crc32(data: Buffer, previous = 0): number {
  const native = (zlib as unknown as { crc32?: (data: Buffer, value?: number) => number }).crc32;
  if (native) return native(data, previous);
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
