/**
 * Excel's formula bar accepts "[@Band]" and "[WTE]" inside a table, and Office.js takes them as typed; the file
 * format does not: it stores "Table[[#This Row],[Band]]" and "Table[WTE]". So formulas in a table's cells are
 * qualified with the table's name before they are written to the file.
 */
export function qualifyStructuredReferences(formulaText: string, table: string): string {
  let out = "";
  let depth = 0;
  let inString = false;
  for (let i = 0; i < formulaText.length; i++) {
    const ch = formulaText[i]!;
    if (ch === '"' && depth === 0) inString = !inString;
    // Inside a column specifier, ' escapes the next character ('[, '], '#, ''): it is part of the name.
    if (ch === "'" && depth > 0) {
      out += ch + (formulaText[i + 1] ?? "");
      i++;
      continue;
    }
    if (inString || (ch !== "[" && ch !== "]")) {
      out += ch;
      continue;
    }
    if (ch === "]") {
      depth--;
      out += ch;
      continue;
    }
    // A "[" at depth 0 not right after a name opens an unqualified reference: [@Col], [@[Col x]] or [Col].
    if (depth === 0 && !/[A-Za-z0-9_.\\]$/.test(out)) {
      const close = matchingBracket(formulaText, i);
      const inner = formulaText.slice(i + 1, close);
      const column = inner.startsWith("@[") ? inner.slice(2, -1) : inner.startsWith("@") ? inner.slice(1) : null;
      out += column !== null ? `${table}[[#This Row],[${column}]]` : `${table}[${inner}]`;
      i = close;
      continue;
    }
    depth++;
    out += ch;
  }
  return out;
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "'" && depth > 0) i++;
    else if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i;
  }
  throw new Error(`unbalanced brackets in formula: ${text}`);
}
