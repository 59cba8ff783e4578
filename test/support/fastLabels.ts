// jsdom's `labels` of a form control, kept until the document changes.
//
// Why: the accessible name of every candidate control of a `getByRole(…, { name })` starts from its `labels`, and
// jsdom finds them by walking every <label> of the document and, for each with a `for`, the whole document for the
// element with that id: a field's name cost a walk of the page per label.
//
// Same answers: a connected control's labels depend only on the connected tree and its `for` and `id` attributes.
// jsdom replaces its style cache on every change to a connected node (insertion, removal, attribute, text), so a list
// found while that cache stays the same is still the list jsdom would find. Controls outside the document are asked
// afresh every time. WFP_CHECK_FAST_STYLE=1 compares every kept list with a fresh one (see fastComputedStyle.ts).

type DocumentImpl = { _styleCache: WeakMap<object, unknown> };

const LABELABLE = [
  "HTMLInputElement",
  "HTMLSelectElement",
  "HTMLTextAreaElement",
  "HTMLButtonElement",
  "HTMLMeterElement",
  "HTMLOutputElement",
  "HTMLProgressElement",
] as const;

export function installFastLabels(win: Window & typeof globalThis): void {
  const implSymbol = Object.getOwnPropertySymbols(win.document).find((s) => s.description === "impl");
  const docImpl = implSymbol && ((win.document as unknown as Record<symbol, DocumentImpl>)[implSymbol] as DocumentImpl);
  if (!(docImpl?._styleCache instanceof WeakMap)) {
    throw new Error("test/support/fastLabels.ts: jsdom's document no longer has the style cache it relies on (jsdom updated?).");
  }
  const check = process.env.WFP_CHECK_FAST_STYLE === "1";
  let seenCache = docImpl._styleCache;
  let kept = new WeakMap<Element, NodeListOf<HTMLLabelElement>>();

  for (const name of LABELABLE) {
    const prototype = (win as unknown as Record<string, { prototype: object } | undefined>)[name]?.prototype;
    const descriptor = prototype && Object.getOwnPropertyDescriptor(prototype, "labels");
    const labelsOf = descriptor?.get;
    if (!prototype || !labelsOf) throw new Error(`test/support/fastLabels.ts: jsdom's ${name} has no labels getter.`);
    Object.defineProperty(prototype, "labels", {
      ...descriptor,
      get(this: Element) {
        if (!this.isConnected) return labelsOf.call(this);
        if (docImpl._styleCache !== seenCache) {
          seenCache = docImpl._styleCache;
          kept = new WeakMap();
        }
        let labels = kept.get(this);
        if (!labels) kept.set(this, (labels = labelsOf.call(this) as NodeListOf<HTMLLabelElement>));
        else if (check) {
          const fresh = [...(labelsOf.call(this) as NodeListOf<HTMLLabelElement>)];
          if (fresh.length !== labels.length || fresh.some((l, i) => l !== labels![i])) {
            throw new Error(`fastLabels: the labels of <${this.localName} id="${this.id}"> changed without jsdom noticing`);
          }
        }
        return labels;
      },
    });
  }
}
