// jsdom's `labels` of a form control, answered for every control of the document from one walk of it.
//
// Why: the accessible name of every candidate control of a `getByRole(…, { name })` starts from its `labels`, and
// jsdom finds them, for each control asked, by walking the whole document and asking each <label> for its `control`:
// one more walk of the document per label with a `for`. jsdom's NodeList is live, so it runs that query again after
// every change to the document: a page of fields cost a walk of the page per label per field per change.
//
// How, giving the same answers: a connected control's labels are the document's <label>s, in tree order, whose
// `control` is that control (jsdom's getLabelsForLabelable); a label's control is the first element of the document
// whose id is its `for` (if that element is labelable), or, without `for`, its first labelable descendant (jsdom's
// HTMLLabelElement.control). Both depend only on the connected tree and its `for` and `id` attributes, and jsdom
// replaces its style cache on every change to a connected node (insertion, removal, attribute, text): one walk per
// cache gathers every label's control, and the lists hold while that cache is the one seen. The answer is a frozen
// array rather than a live NodeList: its readers (dom-accessibility-api, Testing Library's ByLabelText, user-event)
// take `Array.from` of it or read `length` and indices. A control outside the document or in a shadow tree, or one
// whose live list jsdom already made over another root, is asked of jsdom as before. WFP_CHECK_FAST_STYLE=1
// compares every answer with jsdom's own list and throws on any difference (see fastComputedStyle.ts).
import { join } from "node:path";
import { implOf, jsdomInternals, perDocumentVersion } from "./jsdomInternals";

type NodeImpl = {
  nodeType: number;
  _localName: string;
  _namespaceURI: string | null;
  getAttributeNS(ns: null, name: string): string | null;
  hasAttributeNS(ns: null, name: string): boolean;
  getRootNode(options: object): NodeImpl;
  _labels?: { _element?: NodeImpl } | null;
};
type DocumentImpl = NodeImpl;
type SymbolTree = { treeIterator(root: NodeImpl): Iterable<NodeImpl> };

const ELEMENT_NODE = 1;
const HTML_NS = "http://www.w3.org/1999/xhtml";

const LABELABLE = [
  "HTMLInputElement",
  "HTMLSelectElement",
  "HTMLTextAreaElement",
  "HTMLButtonElement",
  "HTMLMeterElement",
  "HTMLOutputElement",
  "HTMLProgressElement",
] as const;

const NO_LABELS: readonly HTMLLabelElement[] = Object.freeze([]);

export function installFastLabels(win: Window & typeof globalThis): void {
  const { implSymbol, documentImpl: docImpl, require: jsdomRequire, lib } = jsdomInternals<DocumentImpl>(win, "test/support/fastLabels.ts");
  const { domSymbolTree } = jsdomRequire(join(lib, "jsdom/living/helpers/internal-constants.js")) as { domSymbolTree?: SymbolTree };
  const { isLabelable } = jsdomRequire(join(lib, "jsdom/living/helpers/form-controls.js")) as { isLabelable?: (node: NodeImpl) => boolean };
  const { wrapperForImpl } = jsdomRequire(join(lib, "generated/idl/utils.js")) as { wrapperForImpl?: (impl: NodeImpl) => unknown };
  if (
    typeof domSymbolTree?.treeIterator !== "function" ||
    typeof isLabelable !== "function" ||
    typeof wrapperForImpl !== "function"
  ) {
    throw new Error("test/support/fastLabels.ts: jsdom's document, tree or form helpers are no longer what it relies on (jsdom updated?).");
  }
  const check = process.env.WFP_CHECK_FAST_STYLE === "1";

  /** Every control of the document with its labels, in tree order: jsdom's getLabelsForLabelable, for all at once. */
  function labelsByControl(): Map<NodeImpl, readonly HTMLLabelElement[]> {
    const firstById = new Map<string, NodeImpl>();
    const labels: NodeImpl[] = [];
    for (const node of domSymbolTree!.treeIterator(docImpl)) {
      if (node.nodeType !== ELEMENT_NODE) continue;
      const id = node.getAttributeNS(null, "id");
      if (id !== null && !firstById.has(id)) firstById.set(id, node);
      if (node._localName === "label" && node._namespaceURI === HTML_NS) labels.push(node);
    }
    const byControl = new Map<NodeImpl, HTMLLabelElement[]>();
    for (const label of labels) {
      let control: NodeImpl | null = null;
      if (label.hasAttributeNS(null, "for")) {
        const target = firstById.get(label.getAttributeNS(null, "for")!);
        control = target && isLabelable!(target) ? target : null;
      } else {
        for (const descendant of domSymbolTree!.treeIterator(label)) {
          if (isLabelable!(descendant)) {
            control = descendant;
            break;
          }
        }
      }
      if (!control) continue;
      let list = byControl.get(control);
      if (!list) byControl.set(control, (list = []));
      list.push(wrapperForImpl!(label) as HTMLLabelElement);
    }
    for (const list of byControl.values()) Object.freeze(list);
    return byControl;
  }

  const currentIndex = perDocumentVersion(docImpl, labelsByControl);

  for (const name of LABELABLE) {
    const prototype = (win as unknown as Record<string, { prototype: object } | undefined>)[name]?.prototype;
    const descriptor = prototype && Object.getOwnPropertyDescriptor(prototype, "labels");
    const labelsOf = descriptor?.get;
    if (!prototype || !labelsOf) throw new Error(`test/support/fastLabels.ts: jsdom's ${name} has no labels getter.`);
    Object.defineProperty(prototype, "labels", {
      ...descriptor,
      get(this: Element) {
        const impl = implOf<NodeImpl>(this, implSymbol);
        if (
          !this.isConnected ||
          !isLabelable!(impl) ||
          (impl._labels && impl._labels._element !== docImpl) ||
          impl.getRootNode({}) !== docImpl
        ) {
          return labelsOf.call(this);
        }
        const labels = currentIndex().get(impl) ?? NO_LABELS;
        if (check) {
          const fresh = [...(labelsOf.call(this) as NodeListOf<HTMLLabelElement>)];
          if (fresh.length !== labels.length || fresh.some((l, i) => l !== labels[i])) {
            throw new Error(`fastLabels: the labels of <${this.localName} id="${this.id}"> differ from jsdom's`);
          }
        }
        return labels;
      },
    });
  }
}
