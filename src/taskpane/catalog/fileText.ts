/** A file the user chose, as text: a PDF through pdf.js (loaded only then), anything else as UTF-8 text. */

/** Reads a PDF's bytes to text; the browser's pdf.js by default (pdfText.ts). */
export type PdfReader = (data: Uint8Array) => Promise<string>;

/** By name, or by the bytes every PDF starts with (a PDF saved without its extension). */
export function isPdf(name: string, bytes: Uint8Array): boolean {
  return /\.pdf$/i.test(name) || String.fromCharCode(...bytes.subarray(0, 5)) === "%PDF-";
}

/** A Word document (.docx is a zip, .doc an OLE file): its bytes are no text the readers can use. */
export function isWordFile(name: string, bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  return /\.docx?$/i.test(name) || (/\.(txt|text)$/i.test(name) === false && (head === "PK\u0003\u0004" || head === "\u00d0\u00cf\u0011\u00e0"));
}

export async function fileText(file: File, readPdf?: PdfReader): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isWordFile(file.name, bytes)) throw new Error("Word files are not supported — save it as PDF or text (.txt) and choose that.");
  if (isPdf(file.name, bytes)) {
    const read = readPdf ?? (await import(/* webpackChunkName: "pdf-text" */ "./pdfText")).readPdfText;
    return read(bytes);
  }
  return new TextDecoder("utf-8").decode(bytes);
}
