import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/input";

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
const utf16 = (text: string, endian: "le" | "be", bom = true): Uint8Array => {
  const le = Buffer.from(text, "utf16le");
  const body = endian === "le" ? le : Buffer.from(le).swap16();
  return Uint8Array.from([...(bom ? (endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]) : []), ...body]);
};

describe("decodeText", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeText(new Uint8Array(Buffer.from("Post,Café\n")), "a.csv")).toEqual({ text: "Post,Café\n", encoding: "utf-8" });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], [...Buffer.from("Café")]), "a.csv")).toEqual({ text: "Café", encoding: "utf-8" });
  });
  it("reads Windows-1252 (Excel's CSV on Windows) when the bytes are not UTF-8: Café stays Café", () => {
    expect(decodeText(bytes("Post,Caf", [0xe9], " \u0080 n", [0x92], "t\n"), "a.csv")).toEqual({ text: "Post,Café € n’t\n", encoding: "windows-1252" });
  });
  it("reads UTF-16 by its byte-order mark, either byte order", () => {
    expect(decodeText(utf16("Band,Post\n5,Café\n", "le"), "a.csv")).toEqual({ text: "Band,Post\n5,Café\n", encoding: "utf-16le" });
    expect(decodeText(utf16("Band,Post\n5,Café\n", "be"), "a.csv")).toEqual({ text: "Band,Post\n5,Café\n", encoding: "utf-16be" });
  });
  it.each([
    ["UTF-16 without a mark", utf16("Band,Post\n5,A\n", "le", false), "a.csv looks like UTF-16 text without a byte-order mark"],
    ["UTF-32", bytes([0xff, 0xfe, 0, 0], [0x41, 0, 0, 0]), "a.csv is UTF-32 text, which is not supported"],
    ["an .xlsx", bytes([0x50, 0x4b, 0x03, 0x04], "\u0014\u0000xl/workbook.xml"), "a.csv is not a text file: it looks like a zip archive"],
    ["a PNG", bytes([0x89], "PNG\r\n\u001a\n\u0000\u0000"), "a.csv is not a text file: it looks like a PNG image"],
    ["a PDF", bytes("%PDF-1.7\n"), "a.csv is not a text file: it looks like a PDF"],
    ["random binary", bytes([1, 2, 3, 0, 0xff, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17]), "a.csv is not a text file (it holds binary data)"],
    ["a bad UTF-8 file that says it is UTF-8", bytes([0xef, 0xbb, 0xbf], "Caf", [0xe9]), "a.csv starts with a UTF-8 byte-order mark but is not valid UTF-8"],
    ["cut-short UTF-16", utf16("Band", "le").subarray(0, 5), "a.csv is marked UTF-16LE but has an odd number of bytes"],
  ])("refuses %s, saying why and never echoing its bytes", (_what, data, message) => {
    let error: Error | undefined;
    try {
      decodeText(data, "a.csv");
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toContain(message);
    expect(error?.message).not.toMatch(/[\u0000-\u0008\u000e-\u001f\ufffd]/);
  });
});
