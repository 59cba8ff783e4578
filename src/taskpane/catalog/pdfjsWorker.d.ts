// pdf.js ships types for pdf.mjs only. Its minified twin has the same API (pdfText.ts casts to it); the worker
// module is imported only for its side effect (setting globalThis.pdfjsWorker).
declare module "pdfjs-dist/legacy/build/pdf.worker.min.mjs";
declare module "pdfjs-dist/legacy/build/pdf.min.mjs";
