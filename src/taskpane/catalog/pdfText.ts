/**
 * The text of a PDF in the task pane, table rows rebuilt as tab-separated cells (the same rebuilding as the CLI's,
 * src/domain/import/pdfLayout.ts).
 *
 * pdf.js is large (about 1 MB minified with its parser), so it is imported only when the user picks a PDF: webpack
 * makes it separate chunks, loaded from the add-in's own origin like every other script, so the page's
 * Content-Security-Policy (script-src 'self' and the Office CDN) lets them in and webpack needs no configuration.
 *
 * No Web Worker: importing pdf.js's worker module on this thread sets `globalThis.pdfjsWorker`, and pdf.js then
 * runs its parser here instead of starting a Worker from a URL (which would need the worker file copied next to the
 * page and a worker-src in the CSP). A role profile is a few pages, read in well under a second, so the pane does
 * not notice the work.
 */
import { textFromPositionedItems } from "../../domain/import/pdfLayout";
import { positionedTextItems } from "../../domain/import/pdfTextItems";

/** The API of pdf.min.mjs, which ships without types of its own: the same build as pdf.mjs, minified. */
type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<PdfJs> | undefined;

/** pdf.js, loaded once. The legacy build: it runs in the older WebViews some Office hosts still use. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // The worker module first: pdf.js looks for it when it opens the first document.
    await import(/* webpackChunkName: "pdfjs-worker" */ "pdfjs-dist/legacy/build/pdf.worker.min.mjs");
    // The minified build (as shipped): the production build's minifier has little left to do on it.
    return import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/legacy/build/pdf.min.mjs") as Promise<PdfJs>;
  })();
  // A failed load (a network hiccup fetching a chunk) may be retried with the next file.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

export async function readPdfText(data: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfJs();
  // isEvalSupported: false, so pdf.js never tries `new Function` (the page's CSP refuses eval, and would log it);
  // disableFontFace: text is all we want, so no fonts are installed into the page.
  // verbosity ERRORS: pdf.js's warnings (such as "Setting up fake worker") are for its developers, not the console.
  const document = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: pdfjs.VerbosityLevel.ERRORS })
    .promise;
  try {
    return textFromPositionedItems(await positionedTextItems(document));
  } finally {
    await document.destroy();
  }
}
