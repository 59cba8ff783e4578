// jsdom's getComputedStyle, answered quickly for the properties Testing Library, user-event, Floating UI and
// Tabster read.
//
// Why: `getByRole(…, { name })` reads `display` and `visibility` of every candidate element and of each of its
// ancestors (dom-accessibility-api's name computation, Testing Library's isInaccessible), user-event reads
// `pointer-events` up the tree before each click, Floating UI (Fluent's popovers, menus, comboboxes, tooltips) reads
// `position`, `overflow…`, `transform` and the other containing-block properties of every ancestor of what it
// places, and Tabster reads `transform` up the tree of each of its focus-trap inputs. jsdom answers each call by
// matching every rule of every style sheet, its default one included, against the element and resolving every
// declaration that matches (and, to resolve colours, doing the same for every ancestor). Fluent UI's Griffel writes
// one rule per class (thousands; the one window a worker keeps gathers those of every file it runs), so most of the
// task pane tests' time went there.
//
// How, giving the same answers: the computed value of each property below depends only on the declarations of that
// very property (jsdom stores none of them by expanding a shorthand, and none expands into another: checked at
// set-up), the element's inline style and, for an inherited one or a CSS-wide keyword, the parent's value. So this
// runs jsdom's cascade, step for step (its default style sheet, its selector engine and rule pre-filter, its
// specificity library and order, !important, inline style, inheritance and CSS-wide keywords; jsdom 29,
// lib/jsdom/living/css/helpers/computed-style.js and CSSStyleDeclaration-impl.js's getComputedValue), over only the
// rules that declare one of them, looked up as a browser does by the id, classes and tag of the element. Answers are
// kept exactly as long as jsdom keeps its own cache: jsdom replaces that cache on any change to the tree, an
// attribute, a text or a style sheet, and when it does these go too. Any other property (`margin-left`, `color`…)
// is jsdom's full computation, made when first read.
//
// It reads jsdom's internals (the document's style cache, style sheet list, selector engine and property
// definitions); if they change shape the set-up throws, naming this file, rather than answer differently.
// WFP_CHECK_FAST_STYLE=1 compares every answer with jsdom's full computation and throws on any difference: run the
// task pane tests so after updating jsdom or Fluent UI.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { implOf, jsdomInternals, perDocumentVersion } from "./jsdomInternals";

const FAST_PROPERTIES = [
  "display",
  "visibility",
  "pointer-events",
  "position",
  "direction",
  "overflow",
  "overflow-x",
  "overflow-y",
  "transform",
  "translate",
  "scale",
  "rotate",
  "perspective",
  "filter",
  "backdrop-filter",
  "will-change",
  "contain",
  "scrollbar-gutter",
  "width",
  "height",
] as const;
type FastProperty = (typeof FAST_PROPERTIES)[number];
type Answers = Record<FastProperty, string>;
/** jsdom's definition of a property (lib/generated/css-property-definitions.js). */
type Definition = { initial?: string; inherited?: string; longhands?: string[]; styleDeclaration?: string[] };
const GLOBAL_KEYWORDS = new Set(["initial", "inherit", "unset", "revert", "revert-layer"]);

// The parts of jsdom's implementation objects this reads (jsdom 29: lib/jsdom/living/css/helpers/computed-style.js).
type Declaration = { length: number; item(i: number): string; getPropertyValue(p: string): string; getPropertyPriority(p: string): string };
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

/** `.name` or `#name` alone (no escapes, combinators, pseudo-classes or lists): it matches when the element has it. */
const SINGLE_CLASS_OR_ID = /^[.#]-?[A-Za-z_][A-Za-z0-9_-]*$/;

const STYLE_RULE = 1;
const IMPORT_RULE = 3;
const MEDIA_RULE = 4;

/** A style rule declaring some of the properties, where jsdom's cascade meets it. */
type Entry = {
  /** Its place in jsdom's order: default style sheet, then the document's sheets, each rule list in order. */
  order: number;
  rule: RuleImpl;
  /** The @media or @import rule it sits in, whose media list jsdom evaluates when it cascades. */
  within: RuleImpl | null;
  declared: FastProperty[];
  /** Its selector is a lone class or id (SINGLE_CLASS_OR_ID). */
  lone: boolean;
  /** What the element must have for some selector of the list to match, if that could be told (see `needs`). */
  needs: Need[] | undefined;
};
/** One selector's rightmost compound: its tag, and the attributes it requires to be present. */
type Need = { tag: string | undefined; attributes: string[] };
type CssTreeNode = { type: string; name?: string | { name?: string }; children?: { toArray(): CssTreeNode[] } };

/** jsdom's evaluateMediaList (MediaList-impl.js): no media, "all" or "screen". */
const mediaApplies = (media: readonly string[]) => media.length === 0 || media.some((m) => m === "all" || m === "screen");

export function installFastComputedStyle(win: Window & typeof globalThis): void {
  const full = win.getComputedStyle.bind(win);
  const { implSymbol, documentImpl: docImpl, require: jsdomRequire, lib } = jsdomInternals<DocumentImpl>(win, "test/support/fastComputedStyle.ts");
  const specificity = (jsdomRequire("@bramus/specificity") as { default: SpecificityLib }).default;
  const definitions = jsdomRequire(join(lib, "generated/css-property-definitions.js")) as Map<string, Definition>;
  const metadata = jsdomRequire(join(lib, "generated/css-property-metadata.js")) as Map<string, { functionTypes?: Record<string, unknown> }>;
  if (
    !Array.isArray(docImpl.styleSheets?._list) ||
    typeof docImpl._getDOMSelector !== "function" ||
    typeof specificity?.calculate !== "function" ||
    !(definitions instanceof Map) ||
    !(metadata instanceof Map)
  ) {
    throw new Error(
      "test/support/fastComputedStyle.ts: jsdom no longer has the style cache, style sheet list, selector engine " +
        "and property definitions it relies on (jsdom updated?). Adapt it to the new jsdom, or remove its installation.",
    );
  }
  const check = process.env.WFP_CHECK_FAST_STYLE === "1";
  const domSelector = docImpl._getDOMSelector();
  const isXml = docImpl.contentType !== "text/html";

  // What jsdom knows of each property: initial value, inheritance, and whether it is a shorthand (whose computed
  // value jsdom leaves empty when nothing declares it). A colour would need jsdom's colour resolution (what its
  // getComputedValue calls isColor): refused here.
  const DEFINITION = {} as Record<FastProperty, { initial: string; inherited: boolean; shorthand: boolean }>;
  /** The names a script reads them by: `style.display`, `style.pointerEvents`, `style["pointer-events"]`. */
  const FAST_KEYS = new Map<string, FastProperty>();
  for (const p of FAST_PROPERTIES) {
    const d = definitions.get(p);
    const functionTypes = metadata.get(p)?.functionTypes ?? {};
    if (!d?.initial || !d.styleDeclaration?.includes(p) || functionTypes.color || functionTypes.paint) {
      throw new Error(`test/support/fastComputedStyle.ts: jsdom's definition of ${p} is not what it relies on (jsdom updated?).`);
    }
    DEFINITION[p] = { initial: d.initial, inherited: d.inherited === "yes", shorthand: Boolean(d.longhands) };
    for (const key of d.styleDeclaration) FAST_KEYS.set(key, p);
  }
  // Each declaration of one of them stores that property alone, and nothing else stores it: what the cascade of one
  // property by its own name relies on. Checked on jsdom's own declarations, for every shorthand that names one.
  const probe = win.document.createElement("div").style;
  for (const [name, d] of definitions) {
    const related = FAST_PROPERTIES.filter((p) => p === name || d.longhands?.includes(p) || definitions.get(p)?.longhands?.includes(name));
    if (related.length === 0 || !d.initial) continue;
    probe.cssText = "";
    probe.setProperty(name, d.initial);
    const stored = [...probe];
    if (stored.some((p) => p !== name && (FAST_PROPERTIES as readonly string[]).includes(p)) || (probe.length > 0 && !stored.includes(name))) {
      throw new Error(`test/support/fastComputedStyle.ts: jsdom now stores "${name}: ${d.initial}" as ${stored.join(", ")} (jsdom updated?).`);
    }
  }

  const cssTree = jsdomRequire("css-tree") as { parse(text: string, options: object): CssTreeNode };
  /**
   * What each selector of a rule's list needs of the element: the tag and attribute selectors of its rightmost
   * compound (not inside :not() or another pseudo-class), a necessary condition for a match, so a rule whose list has
   * no selector an element meets is not handed to the selector engine. "never" when every selector ends in a
   * pseudo-element (jsdom's cascade skips those: computed-style.js matches()); undefined when not sure.
   */
  function needs(selectorText: string): Need[] | "never" | undefined {
    let list: CssTreeNode;
    try {
      list = cssTree.parse(selectorText, { context: "selectorList" });
    } catch {
      return undefined;
    }
    const result: Need[] = [];
    let pseudoElements = 0;
    for (const selector of list.children?.toArray() ?? []) {
      const nodes = selector.children?.toArray() ?? [];
      let start = nodes.length;
      while (start > 0 && nodes[start - 1]!.type !== "Combinator") start--;
      const compound = nodes.slice(start);
      if (compound.some((n) => n.type === "PseudoElementSelector")) {
        pseudoElements++;
        // A list mixing both: the selector engine decides.
        result.push({ tag: undefined, attributes: [] });
        continue;
      }
      const need: Need = { tag: undefined, attributes: [] };
      for (const n of compound) {
        const name = typeof n.name === "string" ? n.name : n.name?.name;
        if (n.type === "TypeSelector" && name && /^[a-z][a-z0-9-]*$/i.test(name)) need.tag = name.toLowerCase();
        // Only a plain lower-case name (no namespace, no escapes): jsdom's HTML attribute names are lower case.
        else if (n.type === "AttributeSelector" && name && /^[a-z][a-z0-9_-]*$/.test(name)) need.attributes.push(name);
      }
      result.push(need);
    }
    if (result.length === 0) return undefined;
    return pseudoElements === result.length ? "never" : result;
  }
  type AttributeImpl = { _localName: string };
  function meetsSome(needsOf: Need[], element: ElementImpl & { _attributeList?: AttributeImpl[] }): boolean {
    const tag = element._localName.toLowerCase();
    const attributes = element._attributeList ?? [];
    return needsOf.some(
      (need) =>
        (need.tag === undefined || need.tag === tag) &&
        need.attributes.every((a) => attributes.some((attribute) => attribute._localName.toLowerCase() === a)),
    );
  }

  const declaredBy = new WeakMap<RuleImpl, FastProperty[]>();
  function declared(rule: RuleImpl): FastProperty[] {
    let found = declaredBy.get(rule);
    if (!found) declaredBy.set(rule, (found = FAST_PROPERTIES.filter((p) => rule.style!.getPropertyValue(p) !== "")));
    return found;
  }

  // jsdom's default style sheet (html { display: block } …), read and parsed as jsdom does.
  const defaultSheet = new win.CSSStyleSheet();
  defaultSheet.replaceSync(readFileSync(join(lib, "jsdom/browser/default-stylesheet.css"), "utf8"));
  const defaultRules = implOf<SheetImpl>(defaultSheet, implSymbol).cssRules._list;

  type Visited = { rules: RuleImpl[]; within: (RuleImpl | null)[] };
  /**
   * Calls `visit` for every rule jsdom's cascade visits (applyStyleSheetRules, handleSheet), in its order: style
   * rules, and those inside @media and @import rules; stops when `visit` returns false.
   */
  function eachVisited(visit: (rule: RuleImpl, within: RuleImpl | null) => boolean): boolean {
    const walk = (rules: readonly RuleImpl[]) => {
      for (const rule of rules) {
        if (rule.type === STYLE_RULE) {
          if (!visit(rule, null)) return false;
        } else if (rule.type === MEDIA_RULE) {
          for (const inner of rule.cssRules!._list) if (inner.type === STYLE_RULE && !visit(inner, rule)) return false;
        } else if (rule.type === IMPORT_RULE && rule.styleSheet) {
          for (const inner of rule.styleSheet.cssRules._list) if (!visit(inner, rule)) return false;
        }
      }
      return true;
    };
    return walk(defaultRules) && docImpl.styleSheets._list.every((sheet) => walk(sheet.cssRules._list));
  }

  /** The rules declaring one of the properties, by the id, class or tag an element must have for them to apply. */
  type Index = { seen: Visited; byKey: Map<string, Entry[]>; anyElement: Entry[] };
  let index: Index = { seen: { rules: [], within: [] }, byKey: new Map(), anyElement: [] };

  function buildIndex(): Index {
    const seen: Visited = { rules: [], within: [] };
    eachVisited((rule, within) => {
      seen.rules.push(rule);
      seen.within.push(within);
      return true;
    });
    const byKey = new Map<string, Entry[]>();
    const anyElement: Entry[] = [];
    seen.rules.forEach((rule, order) => {
      const within = seen.within[order]!;
      if (rule.type !== STYLE_RULE) return;
      const props = declared(rule);
      if (props.length === 0) return;
      const lone = SINGLE_CLASS_OR_ID.test(rule.selectorText!);
      const need = lone ? undefined : needs(rule.selectorText!);
      if (need === "never") return;
      const entry: Entry = { order, rule, within, declared: props, lone, needs: need };
      rule._selectorSubjects ??= domSelector.extractSubjects(rule.selectorText!, isXml);
      const keys = rule._selectorSubjects.map((k) =>
        k.id ? `#${k.id}` : k.className ? `.${k.className}` : k.tag ? `<${k.tag.toLowerCase()}` : undefined,
      );
      if (keys.length === 0 || keys.includes(undefined)) anyElement.push(entry);
      else {
        for (const key of new Set(keys as string[])) {
          let list = byKey.get(key);
          if (!list) byKey.set(key, (list = []));
          list.push(entry);
        }
      }
    });
    return { seen, byKey, anyElement };
  }

  /**
   * The index for the style sheets as they are now: rebuilt when a rule jsdom visits was added, removed or moved.
   * Checked once per document version (perDocumentVersion; a style sheet change is one too).
   */
  const currentIndex = perDocumentVersion(docImpl, (): Index => {
    const { rules, within } = index.seen;
    let i = 0;
    const same = eachVisited((rule, container) => rule === rules[i] && container === within[i++]) && i === rules.length;
    if (!same) index = buildIndex();
    return index;
  });

  const specificities = new WeakMap<RuleImpl, Specificity["value"]>();

  /** jsdom's ruleMightMatchElement: the rightmost id, class or tag of some selector of the list is the element's. */
  function mightMatch(rule: RuleImpl, element: ElementImpl): boolean {
    const subjects = rule._selectorSubjects!;
    if (subjects.length === 0) return true;
    const id = element.getAttributeNS(null, "id");
    const tag = element._localName.toLowerCase();
    return subjects.some(
      (k) => !((k.id && k.id !== id) || (k.className && !element.classList.contains(k.className)) || (k.tag && k.tag.toLowerCase() !== tag)),
    );
  }

  /** The index's rules that may apply to the element, in jsdom's cascade order. */
  function candidates(rules: Index, element: ElementImpl): Entry[] {
    const lists: Entry[][] = [rules.anyElement];
    const add = (key: string) => {
      const list = rules.byKey.get(key);
      if (list) lists.push(list);
    };
    const id = element.getAttributeNS(null, "id");
    if (id) add(`#${id}`);
    for (const c of new Set((element.getAttributeNS(null, "class") ?? "").split(/[\t\n\f\r ]+/))) if (c) add(`.${c}`);
    add(`<${element._localName.toLowerCase()}`);
    const all = lists.length === 1 ? lists[0]! : [...new Set(lists.flat())].sort((a, b) => a.order - b.order);
    return all;
  }

  /** jsdom's cascade (applyStyleSheetRules, handleProperty, handlePropertyForInlineStyle) for the properties. */
  function specified(elementImpl: ElementImpl): Answers {
    const value = Object.fromEntries(FAST_PROPERTIES.map((p) => [p, ""])) as Answers;
    const important = new Set<FastProperty>();
    const won = new Map<FastProperty, Specificity["value"]>();
    for (const { rule, within, declared: props, lone, needs: needsOf } of candidates(currentIndex(), elementImpl)) {
      if (within && !mediaApplies(within.media!._list)) continue;
      if (!mightMatch(rule, elementImpl)) continue;
      if (needsOf && !meetsSome(needsOf, elementImpl)) continue;
      // A lone class or id selector matches whatever jsdom's pre-filter lets through: once its specificity is
      // known (from its first check), the selector engine has nothing to add.
      let ast: unknown;
      if (!(lone && specificities.has(rule))) {
        const checked = domSelector.check(rule.selectorText!, elementImpl);
        if (!checked.match || checked.pseudoElement) continue;
        ast = checked.ast;
      }
      for (const p of props) {
        const v = rule.style!.getPropertyValue(p);
        if (rule.style!.getPropertyPriority(p)) {
          value[p] = v;
          important.add(p);
        } else if (!important.has(p)) {
          let s = specificities.get(rule);
          if (s === undefined) specificities.set(rule, (s = specificity.max(...specificity.calculate(ast)).value));
          if (!won.has(p) || specificity.compare(s, won.get(p)) >= 0) {
            won.set(p, s);
            value[p] = v;
          }
        }
      }
    }
    const inline = elementImpl.style;
    for (let i = 0; i < inline.length; i++) {
      const p = inline.item(i) as FastProperty;
      if (!Object.hasOwn(DEFINITION, p)) continue;
      if (!important.has(p) || inline.getPropertyPriority(p)) value[p] = inline.getPropertyValue(p);
    }
    return value;
  }

  // Each element's answers, valid while the document stays as it was.
  const answersNow = perDocumentVersion(docImpl, () => new WeakMap<Element, Answers>());

  /**
   * jsdom's computed value (CSSStyleDeclaration-impl.js getComputedValue; computed-style.js
   * replaceEmptyValueAndKeywords, getInheritedPropertyValue, replaceGlobalKeywords). For none of these properties
   * does jsdom change a specified value further (no colour; a shorthand keeps its text).
   */
  function answersFor(element: Element): Answers {
    const answers = answersNow();
    const known = answers.get(element);
    if (known) return known;
    const found = specified(implOf<ElementImpl>(element, implSymbol));
    const parent = element.parentElement;
    // getInheritedPropertyValue: the parent's computed value, or the initial one if that is empty (a shorthand).
    const fromParent = (p: FastProperty) => (parent && answersFor(parent)[p]) || DEFINITION[p].initial;
    for (const p of FAST_PROPERTIES) {
      const { initial, inherited, shorthand } = DEFINITION[p];
      let v = found[p];
      if (v === "") v = shorthand ? "" : inherited ? fromParent(p) : initial;
      else if (v === "initial") v = initial;
      else if (v === "inherit") v = fromParent(p);
      else if (v === "unset") v = inherited ? fromParent(p) : initial;
      // jsdom leaves "revert" and "revert-layer" as they are.
      found[p] = v;
    }
    answers.set(element, found);
    return found;
  }

  function compareWithFull(element: Element, found: Answers): void {
    const style = full(element);
    for (const [key, p] of FAST_KEYS) {
      const jsdom = (style as unknown as Record<string, string>)[key];
      if (style.getPropertyValue(p) !== found[p] || jsdom !== found[p]) {
        throw new Error(
          `fastComputedStyle: ${key} of <${element.localName} class="${element.className}"> is ` +
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
    // jsdom's getPropertyValue takes the property's own name, exactly (no case folding, no camelCase).
    const getPropertyValue = (property: string) =>
      Object.hasOwn(DEFINITION, property) ? found[property as FastProperty] : wholeStyle().getPropertyValue(property);
    return new Proxy(Object.create(declarationPrototype) as CSSStyleDeclaration, {
      get(_target, key) {
        const fast = typeof key === "string" ? FAST_KEYS.get(key) : undefined;
        if (fast) return found[fast];
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
