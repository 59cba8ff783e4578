// What the task pane tests' jsdom stand-ins (fastComputedStyle.ts, fastLabels.ts) read of jsdom's implementation,
// found in one place: a jsdom update that moves any of it fails here, at set-up, with one message.
import { createRequire } from "node:module";
import { dirname } from "node:path";

export interface JsdomInternals<DocumentImpl> {
  /** The key under which a jsdom wrapper (a DOM node, a style sheet) keeps its implementation object. */
  readonly implSymbol: symbol;
  /** The document's implementation object. */
  readonly documentImpl: DocumentImpl;
  /** `require` as jsdom's own code resolves: its dependencies, and its files by path under `lib`. */
  readonly require: NodeJS.Require;
  /** jsdom's lib folder. */
  readonly lib: string;
}

type WithStyleCache = { _styleCache?: unknown };

export function jsdomInternals<DocumentImpl>(win: Window & typeof globalThis, user: string): JsdomInternals<DocumentImpl> {
  const implSymbol = Object.getOwnPropertySymbols(win.document).find((s) => s.description === "impl");
  const documentImpl = implSymbol && implOf<DocumentImpl & WithStyleCache>(win.document, implSymbol);
  if (!implSymbol || !(documentImpl?._styleCache instanceof WeakMap)) {
    throw new Error(`${user}: jsdom's document no longer keeps its implementation and style cache as it relies on (jsdom updated?).`);
  }
  const jsdomRequire = createRequire(createRequire(import.meta.url).resolve("jsdom"));
  return { implSymbol, documentImpl, require: jsdomRequire, lib: dirname(jsdomRequire.resolve("jsdom")) };
}

export function implOf<T>(wrapper: object, implSymbol: symbol): T {
  return (wrapper as Record<symbol, unknown>)[implSymbol] as T;
}

/**
 * `compute()`'s answer, kept while the document stays as it was: jsdom replaces its style cache on every change to
 * a connected node (insertion, removal, attribute, text) and to a style sheet, so the cache object stands for the
 * document's version.
 */
export function perDocumentVersion<T>(documentImpl: object, compute: () => T): () => T {
  let seen: unknown;
  let answer: T;
  return () => {
    const version = (documentImpl as { _styleCache: unknown })._styleCache;
    if (version !== seen) {
      answer = compute();
      seen = version;
    }
    return answer;
  };
}
