import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { textFromPositionedItems } from "../domain/import/pdfLayout";
import { positionedTextItems } from "../domain/import/pdfTextItems";

/** pdf.js measures text in the 14 standard fonts from its own font files; without them widths are guesses. */
function standardFontDataUrl(): string {
  const packageJson = createRequire(__filename).resolve("pdfjs-dist/package.json");
  return `${join(dirname(packageJson), "standard_fonts")}/`;
}

/** The text of a PDF, through pdf.js (its Node build), with table rows rebuilt as tab-separated cells. */
export async function readPdfText(data: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, disableFontFace: true, standardFontDataUrl: standardFontDataUrl() }).promise;
  const items = await positionedTextItems(document);
  await document.destroy();
  return textFromPositionedItems(items);
}
