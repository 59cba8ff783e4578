/**
 * Every text item of an open pdf.js document, as PositionedText for textFromPositionedItems: the CLI (pdf.js's Node
 * build) and the task pane (its browser build) both read PDFs this way. Typed by shape, so this module does not
 * import pdf.js and either build's document fits.
 */
import type { PositionedText } from "./pdfLayout";

/** A text item (with its string, transform and width) or marked content, which holds no text. */
type PdfContentItem = { readonly str: string; readonly transform: readonly unknown[]; readonly width: number } | { readonly type: string };

export interface PdfTextDocument {
  readonly numPages: number;
  getPage(page: number): Promise<{ getTextContent(): Promise<{ readonly items: readonly PdfContentItem[] }> }>;
}

export async function positionedTextItems(pdf: PdfTextDocument): Promise<PositionedText[]> {
  const items: PositionedText[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const item of content.items) {
      if (!("str" in item)) continue;
      items.push({ page, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, text: item.str });
    }
  }
  return items;
}
