import { invalid } from "../domain";

/** What a byte signature says a file is, for files people save as .csv/.txt by mistake. */
const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a zip archive (an Excel .xlsx or Word .docx file?)" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Office document (.xls or .doc)" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/**
 * The text of a file's bytes: UTF-8 with or without a byte-order mark, UTF-16 by its byte-order mark, and
 * Windows-1252 (what Excel's "CSV" saves on Windows) for anything that is not valid UTF-8. A file that is not
 * text (a zip, an image, NUL bytes) is refused with what it looks like, never with its bytes.
 */
export function decodeText(bytes: Uint8Array, source: string): DecodedText {
  const refuse = (why: string) => invalid(`${source} ${why}`);
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw refuse("is UTF-32 text, which is not supported: save it as UTF-8");
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3)), encoding: "utf-8" };
    } catch {
      throw refuse("starts with a UTF-8 byte-order mark but is not valid UTF-8: save it again as UTF-8");
    }
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    if (bytes.length % 2 !== 0) throw refuse(`is marked ${encoding.toUpperCase()} but has an odd number of bytes (cut short?)`);
    const text = new TextDecoder(encoding).decode(bytes.subarray(2));
    if (text.includes("\u0000")) throw refuse(`is marked ${encoding.toUpperCase()} but holds binary data`);
    return { text, encoding };
  }
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) throw refuse(`is not a text file: it looks like ${signature.what}; save it as CSV (UTF-8) or text`);
  const sample = bytes.subarray(0, 64 * 1024);
  const nul = sample.indexOf(0);
  if (nul >= 0) {
    // Text in UTF-16 without a mark has a NUL beside every ASCII character; anything else with NULs is binary.
    let oddNuls = 0;
    let evenNuls = 0;
    for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenNuls++ : oddNuls++);
    const half = sample.length / 2;
    if (oddNuls > half * 0.7 || evenNuls > half * 0.7) {
      throw refuse("looks like UTF-16 text without a byte-order mark: save it as UTF-8 (or 'Unicode text' with its mark)");
    }
    throw refuse("is not a text file (it holds binary data): give a CSV or text file");
  }
  let controls = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  if (controls > 8 && controls > sample.length / 100) throw refuse("is not a text file (it holds binary data): give a CSV or text file");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Windows-1252's 0x80–0x9F (€, ‚, ƒ, „, …, ’, “, ”, –, —, ™, …); undefined bytes stay as their C1 code points. */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
];

/**
 * Windows-1252 by hand: Node's TextDecoder("windows-1252") decodes as ISO-8859-1 (so € and ’ become control
 * characters), while browsers follow the WHATWG table; this gives the same text in both.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return out;
}
