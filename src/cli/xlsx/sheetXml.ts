import {
  type CellStyle,
  type ColumnValidation,
  type ConditionalFormatPlan,
  type PlanCell,
  type RangeBlock,
  type SheetPlan,
  type TableBlock,
  blockArea,
  columnLetter,
  parseA1,
  parseRange,
  rectAddress,
} from "../../sheets/plan";
import { qualifyStructuredReferences } from "./structuredReferences";
import type { StyleSheet } from "./styles";
import { MAIN_NS, XML_HEADER } from "./styles";
import { escapeXml } from "./xml";

/** The workbook's shared strings: each distinct text once, cells refer to it by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    this.count++;
    return i;
  }

  *toXml(): Generator<string> {
    yield `${XML_HEADER}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.index.size}">`;
    let chunk = "";
    for (const text of this.index.keys()) {
      // Leading or trailing spaces (and line breaks) survive only with xml:space="preserve".
      const preserve = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      chunk += `<si><t${preserve}>${escapeXml(text)}</t></si>`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</sst>`;
  }
}

/** The file stores formulas without the leading "=". */
export const formulaText = (f: string): string => (f.startsWith("=") ? f.slice(1) : f);

/** A table as its part in the file: everything the table XML needs, after the sheet has placed its cells. */
export interface TablePart {
  readonly id: number;
  readonly block: TableBlock;
}

/** One totals cell as the file stores it: a label, Excel's built-in sum, or a formula of our own. */
type TotalsColumn =
  | { readonly kind: "none" }
  | { readonly kind: "label"; readonly text: string }
  | { readonly kind: "sum" | "custom"; readonly formula: string };

/**
 * `=SUBTOTAL(109,[Header])` over the column itself is Excel's built-in "sum" (ECMA-376 Part 1, 18.18.82
 * ST_TotalsRowFunction); any other formula is "custom" and written in <totalsRowFormula> as well as the cell.
 */
export function totalsColumn(block: TableBlock, column: number): TotalsColumn {
  const total = block.totals?.[column] ?? null;
  if (total === null) return { kind: "none" };
  if (typeof total !== "object") return { kind: "label", text: String(total) };
  const formula = qualifyStructuredReferences(formulaText(total.formula), block.name);
  const ownSum = qualifyStructuredReferences(`SUBTOTAL(109,[${escapeColumn(block.columns[column]!.header)}])`, block.name);
  return { kind: formula === ownSum ? "sum" : "custom", formula };
}

/** A column name inside a structured reference: '[', ']', '#' and "'" are escaped with "'" (Excel's rule). */
const escapeColumn = (header: string): string => header.replace(/['[\]#]/g, "'$&");

const WRAP_TOP: CellStyle = { wrap: true, verticalAlignment: "top" };
const DEFAULT_WIDTH = 8.43;
const LINE_POINTS = 15;

/** How one block writes its cells, row by row: the cells of row `row` (absolute), with their looks. */
interface BlockWriter {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  /** Appends the row's cells to the row being built; returns the lines its tallest wrapped text needs. */
  row(row: number, out: RowOut): void;
}

interface RowOut {
  xml: string;
  lines: number;
}

/**
 * Writes one SheetPlan as a worksheet part, a row at a time: cells come straight from the plan's rows (no cell
 * objects), with each block's looks resolved once per column. Yields the XML in pieces of about 64 KB.
 */
export class SheetWriter {
  private readonly letters: string[] = [];
  readonly widths: (number | undefined)[] = [];
  private readonly blocks: BlockWriter[];

  constructor(
    private readonly plan: SheetPlan,
    private readonly styles: StyleSheet,
    private readonly strings: SharedStrings,
  ) {
    plan.columnWidths?.forEach((w, i) => {
      if (w !== null && w !== undefined) this.widths[i + 1] = w;
    });
    for (const block of plan.blocks) {
      if (block.kind !== "table") continue;
      const left = parseA1(block.at).col;
      block.columns.forEach((c, i) => {
        if (c.width) this.widths[left + i] = c.width;
      });
    }
    this.blocks = plan.blocks.map((b) => (b.kind === "range" ? this.rangeWriter(b) : this.tableWriter(b)));
  }

  private letter(col: number): string {
    return (this.letters[col] ??= columnLetter(col));
  }

  /** The lines wrapped text takes in a column: about one character per unit of width, a little less for glyphs. */
  private lines(text: string, col: number): number {
    const perLine = Math.max(1, Math.floor((this.widths[col] ?? DEFAULT_WIDTH) * 1.1));
    let lines = 0;
    for (const paragraph of text.split("\n")) lines += Math.max(1, Math.ceil(paragraph.length / perLine));
    return lines;
  }

  private cell(out: RowOut, row: number, col: number, value: PlanCell, xf: number, wrap: boolean, table?: string): void {
    const ref = `${this.letter(col)}${row}`;
    const s = xf === 0 ? "" : ` s="${xf}"`;
    if (value === null) {
      if (xf !== 0) out.xml += `<c r="${ref}"${s}/>`;
    } else if (typeof value === "string") {
      out.xml += `<c r="${ref}"${s} t="s"><v>${this.strings.of(value)}</v></c>`;
      if (wrap) out.lines = Math.max(out.lines, this.lines(value, col));
    } else if (typeof value === "number") {
      out.xml += `<c r="${ref}"${s}><v>${value}</v></c>`;
    } else if (typeof value === "boolean") {
      out.xml += `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
    } else {
      out.xml += `<c r="${ref}"${s}><f>${this.formulaXml(value.formula, table)}</f></c>`;
    }
  }

  /** Rows of a table mostly repeat one formula text: each distinct text is qualified and escaped once. */
  private readonly formulas = new Map<string, string>();
  private formulaXml(formula: string, table: string | undefined): string {
    const key = table === undefined ? formula : `${table}\u0000${formula}`;
    let xml = this.formulas.get(key);
    if (xml === undefined) {
      const text = formulaText(formula);
      xml = escapeXml(table ? qualifyStructuredReferences(text, table) : text);
      if (this.formulas.size > 10_000) this.formulas.clear();
      this.formulas.set(key, xml);
    }
    return xml;
  }

  private rangeWriter(block: RangeBlock): BlockWriter {
    const { row: top, col: left } = parseA1(block.at);
    const style = block.style;
    const wrap = style?.wrap === true;
    const nf = block.numberFormats;
    const width = block.rows[0]?.length ?? 0;
    const columnXf = nf?.kind === "cells" ? null : Array.from({ length: width }, (_, c) => this.styles.xf(style, nf?.kind === "all" ? nf.format : nf?.kind === "columns" ? nf.formats[c] : null));
    return {
      top,
      bottom: top + block.rows.length - 1,
      left,
      row: (row, out) => {
        const r = row - top;
        const cells = block.rows[r]!;
        for (let c = 0; c < cells.length; c++) {
          const xf = columnXf ? columnXf[c]! : this.styles.xf(style, nf?.kind === "cells" ? nf.formats[r]?.[c] : null);
          this.cell(out, row, left + c, cells[c]!, xf, wrap);
        }
      },
    };
  }

  private tableWriter(block: TableBlock): BlockWriter {
    const { row: top, col: left } = parseA1(block.at);
    const area = blockArea(block);
    const bodyRows = Math.max(1, block.rows.length);
    const bodyXf = block.columns.map((c) => this.styles.xf(c.wrap ? WRAP_TOP : undefined, c.numberFormat));
    const totalsXf = block.columns.map((c) => this.styles.xf(undefined, c.numberFormat));
    const totals = block.totals ? block.columns.map((_, i) => totalsColumn(block, i)) : null;
    const empty: PlanCell[] = block.columns.map(() => null);
    return {
      top,
      bottom: area.bottom,
      left,
      row: (row, out) => {
        if (row === top) {
          block.columns.forEach((c, i) => this.cell(out, row, left + i, c.header, 0, false));
        } else if (row <= top + bodyRows) {
          const cells = block.rows[row - top - 1] ?? empty;
          for (let i = 0; i < cells.length; i++) this.cell(out, row, left + i, cells[i]!, bodyXf[i]!, block.columns[i]!.wrap === true, block.name);
        } else if (totals) {
          totals.forEach((t, i) => {
            const value: PlanCell = t.kind === "none" ? null : t.kind === "label" ? t.text : { formula: t.formula };
            this.cell(out, row, left + i, value, totalsXf[i]!, false);
          });
        }
      },
    };
  }

  /** The worksheet part. `tables` gives each of the plan's tables its id and relationship, in block order. */
  *toXml(tables: readonly { rid: string }[], fitToPage: boolean, selected: boolean): Generator<string> {
    const plan = this.plan;
    const extent = this.blocks.reduce(
      (e, b, i) => {
        const a = blockArea(plan.blocks[i]!);
        return { top: Math.min(e.top, b.top), left: Math.min(e.left, a.left), bottom: Math.max(e.bottom, a.bottom), right: Math.max(e.right, a.right) };
      },
      { top: Infinity, left: Infinity, bottom: 0, right: 0 },
    );
    let head = `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`;
    if (plan.tabColor || fitToPage) {
      head += `<sheetPr>${plan.tabColor ? `<tabColor rgb="FF${plan.tabColor.slice(1).toUpperCase()}"/>` : ""}${fitToPage ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`;
    }
    if (extent.bottom > 0) head += `<dimension ref="${rectAddress(extent)}"/>`;
    const freeze = plan.freezeRows ?? 0;
    // The first sheet is the one shown on opening (the workbook view's default activeTab, 0).
    const view = `<sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"`;
    head +=
      freeze > 0
        ? `<sheetViews>${view}><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
        : `<sheetViews>${view}/></sheetViews>`;
    head += '<sheetFormatPr defaultRowHeight="15"/>';
    head += this.colsXml();
    head += "<sheetData>";
    yield head;

    // Rows in order; at each row, the blocks that cover it, left to right (blocks never overlap).
    const order = this.blocks.map((_, i) => i).sort((a, b) => this.blocks[a]!.top - this.blocks[b]!.top);
    let next = 0;
    let active: BlockWriter[] = [];
    let chunk = "";
    const out: RowOut = { xml: "", lines: 1 };
    for (let row = extent.top; row <= extent.bottom; row++) {
      let changed = false;
      while (next < order.length && this.blocks[order[next]!]!.top <= row) {
        active.push(this.blocks[order[next++]!]!);
        changed = true;
      }
      if (active.some((b) => b.bottom < row)) {
        active = active.filter((b) => b.bottom >= row);
        changed = true;
      }
      if (changed) active.sort((a, b) => a.left - b.left);
      if (active.length === 0) {
        // Jump over rows no block covers.
        if (next < order.length) row = this.blocks[order[next]!]!.top - 1;
        continue;
      }
      out.xml = "";
      out.lines = 1;
      for (const b of active) b.row(row, out);
      if (out.xml === "") continue;
      const height = out.lines > 1 ? ` ht="${out.lines * LINE_POINTS}" customHeight="1"` : "";
      chunk += `<row r="${row}"${height}>${out.xml}</row>`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</sheetData>`;

    let tail = this.conditionalFormatsXml() + this.validationsXml();
    if (plan.print) {
      tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
      tail += `<pageSetup orientation="${plan.print.landscape ? "landscape" : "portrait"}"${fitToPage ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
    }
    if (tables.length > 0) tail += `<tableParts count="${tables.length}">${tables.map((t) => `<tablePart r:id="${t.rid}"/>`).join("")}</tableParts>`;
    yield `${tail}</worksheet>`;
  }

  private colsXml(): string {
    let xml = "";
    for (let c = 1; c < this.widths.length; c++) {
      const w = this.widths[c];
      if (w === undefined) continue;
      let last = c;
      while (this.widths[last + 1] === w) last++;
      xml += `<col min="${c}" max="${last}" width="${w}" customWidth="1"/>`;
      c = last;
    }
    return xml === "" ? "" : `<cols>${xml}</cols>`;
  }

  /** One rule per run of adjacent table columns with the same list, over the body: never per cell, never overlapping. */
  private validationsXml(): string {
    const rules: string[] = [];
    for (const block of this.plan.blocks) {
      if (block.kind !== "table") continue;
      const { row: top, col: left } = parseA1(block.at);
      const bottom = top + Math.max(1, block.rows.length);
      for (let i = 0; i < block.columns.length; ) {
        const v = block.columns[i]!.validation;
        let j = i + 1;
        if (v) while (j < block.columns.length && sameList(block.columns[j]!.validation, v)) j++;
        if (v) {
          const ref = rectAddress({ top: top + 1, left: left + i, bottom, right: left + j - 1 });
          rules.push(`<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${ref}"><formula1>${escapeXml(listFormula(v))}</formula1></dataValidation>`);
        }
        i = j;
      }
    }
    return rules.length === 0 ? "" : `<dataValidations count="${rules.length}">${rules.join("")}</dataValidations>`;
  }

  private conditionalFormatsXml(): string {
    let xml = "";
    let priority = 0;
    for (const cf of this.plan.conditionalFormats ?? []) {
      xml += `<conditionalFormatting sqref="${rectAddress(parseRange(cf.at))}">${this.ruleXml(cf, ++priority)}</conditionalFormatting>`;
    }
    return xml;
  }

  private ruleXml(cf: ConditionalFormatPlan, priority: number): string {
    const formula = (f: string) => `<formula>${escapeXml(f)}</formula>`;
    const operand = (o: number | { formula: string }): string => (typeof o === "number" ? String(o) : formulaText(o.formula));
    if (cf.kind === "cellValue") {
      const when = cf.when;
      const operands = "value" in when ? [when.value] : [when.from, when.to];
      // The plan names operators as Office.js does; the file format has its own names for two of them.
      const operator = { equalTo: "equal", notEqualTo: "notEqual" }[when.operator as string] ?? when.operator;
      const dxf = this.styles.dxf(cf.fill, cf.fontColor);
      return `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${operator}">${operands.map((o) => formula(operand(o))).join("")}</cfRule>`;
    }
    if (cf.kind === "textContains") {
      // A formula on the range's top-left cell reads the same everywhere (a containsText rule's text is easy to lose).
      const r = parseRange(cf.at);
      const text = cf.text.replace(/"/g, '""');
      const dxf = this.styles.dxf(cf.fill, cf.fontColor);
      return `<cfRule type="expression" dxfId="${dxf}" priority="${priority}">${formula(`NOT(ISERROR(SEARCH("${text}",${columnLetter(r.left)}${r.top})))`)}</cfRule>`;
    }
    const kinds = { number: "num", percent: "percent", percentile: "percentile" } as const;
    const cfvo = (p: { value?: { kind: "number" | "percent" | "percentile"; value: number } } | undefined, fallback: "min" | "max" | "percentile"): string =>
      p?.value ? `<cfvo type="${kinds[p.value.kind]}" val="${p.value.value}"/>` : fallback === "percentile" ? '<cfvo type="percentile" val="50"/>' : `<cfvo type="${fallback}"/>`;
    const stops = [cf.low, ...(cf.mid ? [cf.mid] : []), cf.high];
    return (
      `<cfRule type="colorScale" priority="${priority}"><colorScale>` +
      cfvo(cf.low, "min") +
      (cf.mid ? cfvo(cf.mid, "percentile") : "") +
      cfvo(cf.high, "max") +
      stops.map((s) => `<color rgb="FF${s.color.slice(1).toUpperCase()}"/>`).join("") +
      "</colorScale></cfRule>"
    );
  }
}

function listFormula(validation: ColumnValidation): string {
  return validation.kind === "list" ? `"${validation.values.join(",")}"` : formulaText(validation.source);
}

const sameList = (a: ColumnValidation | undefined, b: ColumnValidation): boolean => a !== undefined && listFormula(a) === listFormula(b);

/** The table part (ECMA-376 Part 1, 18.5): its range, columns, totals and style. */
export function tableXml(part: TablePart): string {
  const block = part.block;
  const area = blockArea(block);
  const headerAndBody = { ...area, bottom: area.bottom - (block.totals ? 1 : 0) };
  const columns = block.columns
    .map((c, i) => {
      const name = escapeXml(c.header);
      if (!block.totals) return `<tableColumn id="${i + 1}" name="${name}"/>`;
      const t = totalsColumn(block, i);
      if (t.kind === "none") return `<tableColumn id="${i + 1}" name="${name}"/>`;
      if (t.kind === "label") return `<tableColumn id="${i + 1}" name="${name}" totalsRowLabel="${escapeXml(t.text)}"/>`;
      if (t.kind === "sum") return `<tableColumn id="${i + 1}" name="${name}" totalsRowFunction="sum"/>`;
      return `<tableColumn id="${i + 1}" name="${name}" totalsRowFunction="custom"><totalsRowFormula>${escapeXml(t.formula)}</totalsRowFormula></tableColumn>`;
    })
    .join("");
  return (
    `${XML_HEADER}<table xmlns="${MAIN_NS}" id="${part.id}" name="${block.name}" displayName="${block.name}" ref="${rectAddress(area)}"` +
    (block.totals ? ' totalsRowCount="1"' : ' totalsRowShown="0"') +
    `><autoFilter ref="${rectAddress(headerAndBody)}"/>` +
    `<tableColumns count="${block.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(block.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    "</table>"
  );
}
