// jsdom's getComputedStyle, answered quickly for the three properties Testing Library and user-event read.
//
// Why: `getByRole(…, { name })` reads `display` and `visibility` of every candidate element and of each of its
// ancestors (dom-accessibility-api's name computation, Testing Library's isInaccessible), and user-event reads
// `pointer-events` up the tree before each click. jsdom answers each call by matching every rule of every style
// sheet, its default one included, against the element and resolving every declaration that matches. Fluent UI's
// Griffel writes one rule per class (thousands; the one window a worker keeps gathers those of every file it runs),
// so more than half of the task pane tests' time went there.
//
// How, giving the same answers: the computed value of `display`, `visibility` or `pointer-events` depends only on
// the declarations of that property (none is a longhand of a shorthand), the element's inline style and, for the
// two inherited ones, the parent's value. So this runs jsdom's cascade, step for step (its default style sheet,
// its selector engine and rule pre-filter, its specificity library and order, !important, inline style, inheritance
// and CSS-wide keywords; jsdom 29, lib/jsdom/living/css/helpers/computed-style.js), over only the rules that declare
// one of the three: a few dozen. Answers are kept exactly as long as jsdom keeps its own cache: jsdom replaces that
// cache on any change to the tree, an attribute, a text or a style sheet, and when it does these go too. Any other
// property (Floating UI's `position`, `overflow`…) is jsdom's full computation, made when first read.
//
// It reads jsdom's internals (the document's style cache, style sheet list and selector engine); if they change
// shape the set-up throws, naming this file, rather than answer differently. WFP_CHECK_FAST_STYLE=1 compares every
// answer with jsdom's full computation and throws on any difference: run the task pane tests so after updating
// jsdom or Fluent UI.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const FAST_PROPERTIES = ["display", "visibility", "pointer-events"] as const;
type FastProperty = (typeof FAST_PROPERTIES)[number];
type Answers = Record<FastProperty, string>;
/** jsdom's definitions of the three (lib/generated/css-property-definitions.js). */
const DEFINITION: Record<FastProperty, { initial: string; inherited: boolean }> = {
  display: { initial: "inline", inherited: false },
  visibility: { initial: "visible", inherited: true },
  "pointer-events": { initial: "auto", inherited: true },
};
/** The names a script reads them by: `style.display`, `style.pointerEvents`, `style["pointer-events"]`. */
const FAST_KEYS: Record<string, FastProperty> = {
  display: "display",
  visibility: "visibility",
  pointerEvents: "pointer-events",
  "pointer-events": "pointer-events",
};
const GLOBAL_KEYWORDS = new Set(["initial", "inherit", "unset", "revert", "revert-layer"]);

// The parts of jsdom's implementation objects this reads (jsdom 29: lib/jsdom/living/css/helpers/computed-style.js).
type Declaration = { getPropertyValue(p: string): string; getPropertyPriority(p: string): string };
type Subjects = { id: string | null; className: string | null; tag: string | null }[];
type RuleImpl = {
  type: number;
  selectorText?: string;
  style?: Declaration;
  _selectorSubjects?: Subjects;
  media?: { _list: string[] };
  cssRules?: { _list: RuleImpl[] };
  styleSheet?: SheetImpl | null;
};
type SheetImpl = { cssRules: { _list: RuleImpl[] } };
type ElementImpl = {
  _localName: string;
  style: Declaration;
  classList: { contains(c: string): boolean };
  getAttributeNS(ns: null, name: string): string | null;
};
type DomSelector = {
  extractSubjects(selector: string, isXml: boolean): Subjects;
  check(selector: string, element: ElementImpl): { ast: unknown; match: boolean; pseudoElement: unknown };
};
type DocumentImpl = {
  _styleCache: WeakMap<object, unknown>;
  styleSheets: { _list: SheetImpl[] };
  contentType: string;
  _getDOMSelector(): DomSelector;
};
type Specificity = { value: unknown };
type SpecificityLib = {
  calculate(ast: unknown): Specificity[];
  max(...s: Specificity[]): Specificity;
  compare(a: unknown, b: unknown): number;
};

const STYLE_RULE = 1;
const IMPORT_RULE = 3;
const MEDIA_RULE = 4;

const declares = (rule: RuleImpl) => FAST_PROPERTIES.some((p) => rule.style!.getPropertyValue(p) !== "");

/** What jsdom's cascade reads of a rule list for the three: style rules declaring one, and every @media/@import. */
function narrowRules(rules: readonly RuleImpl[]): RuleImpl[] {
  return rules.filter((r) => r.type === MEDIA_RULE || r.type === IMPORT_RULE || (r.type === STYLE_RULE && declares(r)));
}

/** jsdom's evaluateMediaList (MediaList-impl.js): no media, "all" or "screen". */
const mediaApplies = (media: readonly string[]) => media.length === 0 || media.some((m) => m === "all" || m === "screen");

function implOf<T>(wrapper: object, symbol: symbol): T {
  return (wrapper as Record<symbol, unknown>)[symbol] as T;
}

export function installFastComputedStyle(win: Window & typeof globalThis): void {
  const full = win.getComputedStyle.bind(win);
  const implSymbol = Object.getOwnPropertySymbols(win.document).find((s) => s.description === "impl");
  const docImpl = implSymbol && implOf<DocumentImpl>(win.document, implSymbol);
  const jsdomRequire = createRequire(createRequire(import.meta.url).resolve("jsdom"));
  const specificity = (jsdomRequire("@bramus/specificity") as { default: SpecificityLib }).default;
  if (
    !implSymbol ||
    !(docImpl?._styleCache instanceof WeakMap) ||
    !Array.isArray(docImpl.styleSheets?._list) ||
    typeof docImpl._getDOMSelector !== "function" ||
    typeof specificity?.calculate !== "function"
  ) {
    throw new Error(
      "test/support/fastComputedStyle.ts: jsdom no longer has the style cache, style sheet list and selector " +
        "engine it relies on (jsdom updated?). Adapt it to the new jsdom, or remove its installation.",
    );
  }
  const check = process.env.WFP_CHECK_FAST_STYLE === "1";
  const domSelector = docImpl._getDOMSelector();
  const isXml = docImpl.contentType !== "text/html";

  // jsdom's default style sheet (html { display: block } …), read and parsed as jsdom does, narrowed once.
  const defaultSheet = new win.CSSStyleSheet();
  defaultSheet.replaceSync(readFileSync(join(dirname(jsdomRequire.resolve("jsdom")), "jsdom/browser/default-stylesheet.css"), "utf8"));
  const defaultRules = narrowRules(implOf<SheetImpl>(defaultSheet, implSymbol).cssRules._list);

  // Per document style sheet: the rule list last seen (a copy) and its narrowed form, so that a change elsewhere in
  // the document does not re-filter thousands of unchanged rules.
  const narrowed = new WeakMap<SheetImpl, { rules: RuleImpl[]; narrow: RuleImpl[] }>();
  function narrowSheet(sheet: SheetImpl): RuleImpl[] {
    const rules = sheet.cssRules._list;
    const seen = narrowed.get(sheet);
    if (seen && seen.rules.length === rules.length && seen.rules.every((r, i) => r === rules[i])) return seen.narrow;
    const entry = { rules: rules.slice(), narrow: narrowRules(rules) };
    narrowed.set(sheet, entry);
    return entry.narrow;
  }

  const specificities = new WeakMap<RuleImpl, Specificity["value"]>();

  /** jsdom's ruleMightMatchElement: the rightmost id, class or tag of some selector of the list is the element's. */
  function mightMatch(rule: RuleImpl, element: ElementImpl): boolean {
    rule._selectorSubjects ??= domSelector.extractSubjects(rule.selectorText!, isXml);
    const subjects = rule._selectorSubjects;
    if (subjects.length === 0) return true;
    const id = element.getAttributeNS(null, "id");
    const tag = element._localName.toLowerCase();
    return subjects.some(
      (k) => !((k.id && k.id !== id) || (k.className && !element.classList.contains(k.className)) || (k.tag && k.tag.toLowerCase() !== tag)),
    );
  }

  /** jsdom's cascade (applyStyleSheetRules, handleProperty, handlePropertyForInlineStyle) for the three. */
  function specified(elementImpl: ElementImpl): Answers {
    const value: Answers = { display: "", visibility: "", "pointer-events": "" };
    const important: Record<FastProperty, boolean> = { display: false, visibility: false, "pointer-events": false };
    const won = new Map<FastProperty, Specificity["value"]>();
    const apply = (rule: RuleImpl) => {
      if (!mightMatch(rule, elementImpl)) return;
      const { ast, match, pseudoElement } = domSelector.check(rule.selectorText!, elementImpl);
      if (!match || pseudoElement) return;
      for (const p of FAST_PROPERTIES) {
        const v = rule.style!.getPropertyValue(p);
        if (v === "") continue;
        if (rule.style!.getPropertyPriority(p)) {
          value[p] = v;
          important[p] = true;
        } else if (!important[p]) {
          let s = specificities.get(rule);
          if (s === undefined) specificities.set(rule, (s = specificity.max(...specificity.calculate(ast)).value));
          if (!won.has(p) || specificity.compare(s, won.get(p)) >= 0) {
            won.set(p, s);
            value[p] = v;
          }
        }
      }
    };
    const walk = (rules: readonly RuleImpl[]) => {
      for (const rule of rules) {
        if (rule.type === STYLE_RULE) apply(rule);
        else if (rule.type === MEDIA_RULE && mediaApplies(rule.media!._list)) rule.cssRules!._list.filter((r) => r.type === STYLE_RULE).forEach(apply);
        else if (rule.type === IMPORT_RULE && rule.styleSheet && mediaApplies(rule.media!._list)) {
          rule.styleSheet.cssRules._list.forEach(apply);
        }
      }
    };
    walk(defaultRules);
    for (const sheet of docImpl!.styleSheets._list) walk(narrowSheet(sheet));
    for (const p of FAST_PROPERTIES) {
      const inline = elementImpl.style.getPropertyValue(p);
      if (inline !== "" && (!important[p] || elementImpl.style.getPropertyPriority(p))) value[p] = inline;
    }
    return value;
  }

  // Valid while jsdom's own cache is the one we saw: jsdom replaces it on any change that can change a style.
  let seenCache = docImpl._styleCache;
  let answers = new WeakMap<Element, Answers>();

  /** jsdom's computed value (getComputedValue, replaceEmptyValueAndKeywords, replaceGlobalKeywords). */
  function answersFor(element: Element): Answers {
    if (docImpl!._styleCache !== seenCache) {
      seenCache = docImpl!._styleCache;
      answers = new WeakMap();
    }
    const known = answers.get(element);
    if (known) return known;
    const found = specified(implOf<ElementImpl>(element, implSymbol!));
    const parent = element.parentElement;
    for (const p of FAST_PROPERTIES) {
      const { initial, inherited } = DEFINITION[p];
      let v = found[p];
      if (v === "") v = inherited && parent ? answersFor(parent)[p] : initial;
      else if (v === "initial") v = initial;
      else if (v === "inherit") v = parent ? answersFor(parent)[p] : initial;
      else if (v === "unset") v = inherited && parent ? answersFor(parent)[p] : initial;
      // jsdom leaves "revert" and "revert-layer" as they are.
      found[p] = v;
    }
    answers.set(element, found);
    return found;
  }

  function compareWithFull(element: Element, found: Answers): void {
    const style = full(element);
    for (const p of FAST_PROPERTIES) {
      if (style.getPropertyValue(p) !== found[p]) {
        throw new Error(
          `fastComputedStyle: ${p} of <${element.localName} class="${element.className}"> is ` +
            `"${style.getPropertyValue(p)}" in jsdom but "${found[p]}" here`,
        );
      }
    }
  }

  // What `instanceof` sees: jsdom's computed styles are CSSStyleProperties (a CSSStyleDeclaration).
  const declarationPrototype = ((win as unknown as { CSSStyleProperties?: { prototype: object } }).CSSStyleProperties ?? win.CSSStyleDeclaration)
    .prototype;

  function getComputedStyle(element: Element, pseudoElement?: string | null): CSSStyleDeclaration {
    if ((pseudoElement !== undefined && pseudoElement !== null && pseudoElement !== "") || !(element instanceof win.Element)) {
      return full(element, pseudoElement);
    }
    const found = answersFor(element);
    if (check) compareWithFull(element, found);
    let whole: CSSStyleDeclaration | undefined;
    const wholeStyle = () => (whole ??= full(element));
    const getPropertyValue = (property: string) => {
      // CSS property names: ASCII case-insensitive, custom properties ("--x") aside, which are none of the three.
      const name = property.toLowerCase() as FastProperty;
      return FAST_PROPERTIES.includes(name) ? found[name] : wholeStyle().getPropertyValue(property);
    };
    return new Proxy(Object.create(declarationPrototype) as CSSStyleDeclaration, {
      get(_target, key) {
        if (typeof key === "string" && Object.hasOwn(FAST_KEYS, key)) return found[FAST_KEYS[key]!];
        if (key === "getPropertyValue") return getPropertyValue;
        const style = wholeStyle();
        const value: unknown = Reflect.get(style, key, style);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(style) : value;
      },
      has: (_target, key) => Reflect.has(wholeStyle(), key),
      ownKeys: () => Reflect.ownKeys(wholeStyle()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(wholeStyle(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
      set: () => false,
    });
  }

  win.getComputedStyle = getComputedStyle as typeof win.getComputedStyle;
}
