/**
 * What a formula refers to: tables and their columns (structured references), workbook names and sheets.
 * The formula is tokenized by excel-formula-tokenizer (MIT); the inside of a structured reference, which that
 * tokenizer leaves as text, is read by the grammar Microsoft publishes for it:
 *   [MS-OE376] 3.2.3.1.1 Structure References
 *   https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oe376/bcd72180-31a3-423b-8f83-d224b2286da3
 *   Using structured references with Excel tables (the @ form, escapes with ')
 *   https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
 */
import { tokenize } from "excel-formula-tokenizer";

export type SpecialItem = "#All" | "#Data" | "#Headers" | "#Totals" | "#This Row";

export interface StructuredReference {
  /** Null for a reference inside a table to its own columns (`[@Band]`, `[Cost]`). */
  readonly table: string | null;
  readonly items: readonly SpecialItem[];
  /** Column names as in the header (escapes removed). */
  readonly columns: readonly string[];
  /** `@`, `[#This Row]`: the row the formula is on. */
  readonly thisRow: boolean;
  readonly text: string;
}

export interface FormulaReferences {
  readonly structured: readonly StructuredReference[];
  /** Workbook names (or table names used bare), as written. */
  readonly names: readonly string[];
  /** Sheets named by sheet-qualified references, unquoted. */
  readonly sheets: readonly string[];
  /** A1 references (cells, areas, whole rows or columns) as written, without their sheet. */
  readonly cells: readonly string[];
}

export class FormulaSyntaxError extends Error {
  constructor(formula: string, why: string) {
    super(`The formula ${formula} can't be read: ${why}`);
    this.name = "FormulaSyntaxError";
  }
}

const SPECIAL: Record<string, SpecialItem> = {
  "#all": "#All",
  "#data": "#Data",
  "#headers": "#Headers",
  "#totals": "#Totals",
  "#this row": "#This Row",
};

/** `[` and `]` that open or close, not escaped with `'`. */
function bracketDepth(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" && i + 1 < text.length && "'[]#".includes(text[i + 1] ?? "")) {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]") depth--;
  }
  return depth;
}

/**
 * The tokenizer reads `[` … `]` as plain text up to the first `]`, so a structured reference with nested brackets
 * (`T[[#This Row],[Cost]]`) or escapes (`T[[a'[1']]]`) would be cut apart. Each outermost bracket group is
 * swapped for a numbered placeholder before tokenizing and put back in the tokens after. Text in string literals
 * and quoted sheet names is skipped, as the formula grammar says.
 */
function maskBrackets(formula: string): { masked: string; groups: string[] } {
  const groups: string[] = [];
  let masked = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? "";
    if (ch === '"' || ch === "'") {
      // A string literal ("a""b") or a quoted sheet name ('a''b'): to its closing quote, doubled quotes included.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      masked += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        const c = formula[j];
        if (c === "'" && j + 1 < formula.length) {
          j++;
          continue;
        }
        if (c === "[") depth++;
        else if (c === "]" && --depth === 0) break;
      }
      groups.push(formula.slice(i, j + 1));
      masked += `[_${groups.length - 1}]`;
      i = j + 1;
      continue;
    }
    masked += ch;
    i++;
  }
  return { masked, groups };
}

const unmask = (text: string, groups: readonly string[]): string => text.replace(/\[_(\d+)\]/g, (_, n: string) => groups[Number(n)] ?? "");

class Cursor {
  i = 0;
  constructor(
    readonly text: string,
    readonly formula: string,
  ) {}
  peek(): string {
    return this.text[this.i] ?? "";
  }
  eat(ch: string): void {
    if (this.peek() !== ch) throw new FormulaSyntaxError(this.formula, `expected "${ch}" at "${this.text.slice(this.i)}" in ${this.text}`);
    this.i++;
  }
  spaces(): void {
    while (this.peek() === " ") this.i++;
  }
  /** A name up to the closing `]`, with `'` escapes removed. */
  name(): string {
    let out = "";
    for (;;) {
      const ch = this.peek();
      if (ch === "") throw new FormulaSyntaxError(this.formula, `unclosed [ in ${this.text}`);
      if (ch === "'") {
        const next = this.text[this.i + 1] ?? "";
        if (!"'[]#".includes(next) || next === "") throw new FormulaSyntaxError(this.formula, `a lone ' in ${this.text}`);
        out += next;
        this.i += 2;
        continue;
      }
      if (ch === "[") throw new FormulaSyntaxError(this.formula, `an unescaped [ in a column name in ${this.text}`);
      if (ch === "]") return out;
      out += ch;
      this.i++;
    }
  }
}

/** One `[...]` item inside a list: a special item or a column. */
function item(c: Cursor, ref: { items: SpecialItem[]; columns: string[] }): void {
  c.eat("[");
  c.spaces();
  // An escaped '# starts a column name; only a bare # starts a special item.
  const isSpecial = c.peek() === "#";
  const raw = c.name();
  c.eat("]");
  const text = raw.trim();
  if (isSpecial) {
    const special = SPECIAL[text.toLowerCase()];
    if (!special) throw new FormulaSyntaxError(c.formula, `"${text}" is not a special item`);
    ref.items.push(special);
  } else {
    if (text === "") throw new FormulaSyntaxError(c.formula, `an empty column name in ${c.text}`);
    ref.columns.push(raw.replace(/^ | $/g, ""));
  }
}

export function parseStructuredReference(text: string, formula = text): StructuredReference {
  const open = text.indexOf("[");
  const table = open > 0 ? text.slice(0, open) : null;
  const c = new Cursor(text, formula);
  c.i = open;
  const ref = { items: [] as SpecialItem[], columns: [] as string[] };
  let thisRow = false;
  c.eat("[");
  if (c.peek() === "@") {
    // [@Col], [@[Col name]], [@]
    c.i++;
    thisRow = true;
    if (c.peek() === "[") {
      item(c, ref);
      c.spaces();
      if (c.peek() === ":") {
        c.i++;
        c.spaces();
        item(c, ref);
      }
    } else if (c.peek() !== "]") {
      const name = c.name();
      if (name.trim() !== "") ref.columns.push(name);
    }
    c.eat("]");
  } else if (c.peek() === "[" || c.peek() === " ") {
    c.spaces();
    item(c, ref);
    for (;;) {
      c.spaces();
      if (c.peek() === ",") {
        c.i++;
        c.spaces();
        item(c, ref);
        continue;
      }
      if (c.peek() === ":") {
        c.i++;
        c.spaces();
        item(c, ref);
        continue;
      }
      break;
    }
    c.eat("]");
  } else {
    const isSpecial = c.peek() === "#";
    const raw = c.name();
    c.eat("]");
    if (isSpecial) {
      const special = SPECIAL[raw.toLowerCase()];
      if (!special) throw new FormulaSyntaxError(formula, `"${raw}" is not a special item`);
      ref.items.push(special);
    } else if (raw !== "") ref.columns.push(raw);
  }
  if (c.i !== text.length) throw new FormulaSyntaxError(formula, `unexpected "${text.slice(c.i)}" after ${text.slice(0, c.i)}`);
  if (ref.items.includes("#This Row")) thisRow = true;
  if (thisRow && ref.items.some((x) => x !== "#This Row")) {
    throw new FormulaSyntaxError(formula, `#This Row can't be combined with another special item (${text})`);
  }
  return { table, items: ref.items, columns: ref.columns, thisRow, text };
}

const A1_AREA = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$|^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$|^\$?\d+:\$?\d+$/;

/** "'Pay scales'!$A$1" → ["Pay scales", "$A$1"]; the sheet part unquoted. */
function splitSheet(ref: string): [string | null, string] {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return [null, ref];
  const sheet = ref.slice(0, bang);
  const unquoted = sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return [unquoted, ref.slice(bang + 1)];
}

/** A table column's formula is the same text on every row: read each text once. */
const cache = new Map<string, FormulaReferences>();
const CACHE_LIMIT = 10_000;

export function formulaReferences(formula: string): FormulaReferences {
  const known = cache.get(formula);
  if (known) return known;
  const refs = readReferences(formula);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(formula, refs);
  return refs;
}

function readReferences(formula: string): FormulaReferences {
  const structured: StructuredReference[] = [];
  const names: string[] = [];
  const sheets: string[] = [];
  const cells: string[] = [];
  const { masked, groups } = maskBrackets(formula);
  for (const t of tokenize(masked)) {
    if (t.type === "unknown") throw new FormulaSyntaxError(formula, `"${unmask(t.value, groups)}" is not understood`);
    if (t.type !== "operand" || t.subtype !== "range") continue;
    const value = unmask(t.value, groups);
    if (value.includes("[")) {
      if (bracketDepth(value) !== 0) throw new FormulaSyntaxError(formula, `unbalanced brackets in ${value}`);
      structured.push(parseStructuredReference(value, formula));
      continue;
    }
    const [sheet, local] = splitSheet(value);
    if (sheet !== null) sheets.push(sheet);
    const parts = local.split(":");
    if (A1_AREA.test(local) || parts.every((p) => A1_AREA.test(p))) {
      cells.push(local);
      continue;
    }
    if (sheet === null) names.push(local);
  }
  return { structured, names, sheets, cells };
}

const ABSOLUTE_PART = /^\$[A-Za-z]{1,3}\$\d+$|^\$[A-Za-z]{1,3}$|^\$\d+$/;

/**
 * True when `formula` reads the same on every cell it is filled into: no A1 reference that Excel would shift
 * from cell to cell (structured references, names and $A$1-style references are the same everywhere).
 */
export function hasRelativeCellReference(formula: string): boolean {
  return formulaReferences(formula).cells.some((ref) => ref.split(":").some((part) => !ABSOLUTE_PART.test(part)));
}
