import ExcelJS from "exceljs";
import {
  type CellStyle,
  type ColumnValidation,
  type ConditionalFormatPlan,
  type PlanCell,
  type RangeBlock,
  type SheetPlan,
  type TableBlock,
  columnLetter,
  isFormulaCell,
  parseA1,
  parseRange,
  validatePlan,
} from "../../sheets/plan";

/**
 * Writes SheetPlans to an .xlsx with exceljs: the same plans the add-in writes through Office.js, for people
 * without the add-in. exceljs does not calculate: formulas are written without cached results and the workbook
 * is marked to be fully recalculated when opened.
 */
export function plansToWorkbook(plans: readonly SheetPlan[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Workforce Planner";
  workbook.calcProperties.fullCalcOnLoad = true;
  const used = new Set<string>();
  for (const plan of plans) {
    const issues = validatePlan(plan);
    if (issues.length > 0) {
      throw new Error(`the plan for '${plan.name}' is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    }
    const name = uniqueName(plan.name, used);
    writeSheet(workbook, workbook.addWorksheet(name), plan);
  }
  return workbook;
}

export async function writeXlsx(plans: readonly SheetPlan[], path: string): Promise<void> {
  await plansToWorkbook(plans).xlsx.writeFile(path);
}

export async function xlsxBuffer(plans: readonly SheetPlan[]): Promise<Buffer> {
  return Buffer.from(await plansToWorkbook(plans).xlsx.writeBuffer());
}

function uniqueName(wanted: string, used: Set<string>): string {
  let name = wanted;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
  }
  used.add(name.toLowerCase());
  return name;
}

const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;

/** exceljs keeps formulas without the leading "=". */
const formulaText = (f: string): string => (f.startsWith("=") ? f.slice(1) : f);

function cellValue(cell: PlanCell, table?: string): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isFormulaCell(cell)) {
    const text = formulaText(cell.formula);
    return { formula: table ? qualifyStructuredReferences(text, table) : text } as ExcelJS.CellFormulaValue;
  }
  return cell;
}

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
    if (ch === '"') inString = !inString;
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
    if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i;
  }
  throw new Error(`unbalanced brackets in formula: ${text}`);
}

function applyStyle(target: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.fontSize || style.fontColor) {
    // A font with no name is drawn in the reader's default, a serif in LibreOffice: name the workbook's font.
    target.font = {
      name: "Calibri",
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.horizontalAlignment || style.verticalAlignment) {
    target.alignment = {
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
      ...(style.verticalAlignment ? { vertical: style.verticalAlignment === "center" ? "middle" : style.verticalAlignment } : {}),
    };
  }
}

function writeRange(sheet: ExcelJS.Worksheet, block: RangeBlock): void {
  const origin = parseA1(block.at);
  block.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.getCell(origin.row + r, origin.col + c);
      cell.value = cellValue(value);
      const nf = block.numberFormats;
      const format = !nf ? null : nf.kind === "all" ? nf.format : nf.kind === "columns" ? nf.formats[c] : nf.formats[r]?.[c];
      if (format) cell.numFmt = format;
      if (block.style) applyStyle(cell, block.style);
    }),
  );
}

function listFormula(validation: NonNullable<TableBlock["columns"][number]["validation"]>): string {
  return validation.kind === "list" ? `"${validation.values.join(",")}"` : formulaText(validation.source);
}

function writeTable(sheet: ExcelJS.Worksheet, block: TableBlock): void {
  const origin = parseA1(block.at);
  const rows = block.rows.length > 0 ? block.rows : [block.columns.map(() => null)];
  sheet.addTable({
    name: block.name,
    ref: block.at,
    headerRow: true,
    totalsRow: block.totals !== undefined,
    style: { theme: (block.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: block.columns.map((c, i) => {
      const total = block.totals?.[i] ?? null;
      if (total === null || total === undefined) return { name: c.header, filterButton: true };
      if (isFormulaCell(total)) {
        // exceljs writes a "custom" totals function without its <totalsRowFormula>, which Excel repairs away:
        // only the built-in sum (SUBTOTAL(109,…) of the column itself) is written.
        if (!isColumnSum(total.formula, c.header)) {
          throw new Error(`table ${block.name}: the totals row of '${c.header}' is not SUBTOTAL(109,[${c.header}])`);
        }
        return { name: c.header, filterButton: true, totalsRowFunction: "sum" };
      }
      return { name: c.header, filterButton: true, totalsRowLabel: String(total) };
    }),
    rows: rows.map((r) => r.map((cell) => cellValue(cell, block.name))),
  });
  block.columns.forEach((c, i) => {
    const col = origin.col + i;
    if (c.width) sheet.getColumn(col).width = c.width;
    if (block.totals && c.numberFormat) sheet.getCell(origin.row + 1 + rows.length, col).numFmt = c.numberFormat;
    for (let r = 0; r < rows.length; r++) {
      const cell = sheet.getCell(origin.row + 1 + r, col);
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
    }
  });
  // One rule per run of adjacent columns with the same list, over the body: never one per cell, which exceljs
  // merges by address text into overlapping ranges.
  const bodyTop = origin.row + 1;
  const bodyBottom = origin.row + rows.length;
  for (let i = 0; i < block.columns.length; ) {
    const v = block.columns[i]!.validation;
    let j = i + 1;
    if (v) while (j < block.columns.length && sameValidation(block.columns[j]!.validation, v)) j++;
    if (v) {
      const ref = `${columnLetter(origin.col + i)}${bodyTop}:${columnLetter(origin.col + j - 1)}${bodyBottom}`;
      // exceljs's types leave out the worksheet's validation list, which takes a rule per range.
      (sheet as unknown as { dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(ref, { type: "list", allowBlank: true, showErrorMessage: true, formulae: [listFormula(v)] });
    }
    i = j;
  }
}

const sameValidation = (a: ColumnValidation | undefined, b: ColumnValidation): boolean =>
  a !== undefined && listFormula(a) === listFormula(b);

/** `=SUBTOTAL(109,[Header])` over the column itself: Excel's built-in "sum" totals function. */
function isColumnSum(formula: string, header: string): boolean {
  const m = /^=SUBTOTAL\(109,\[(.*)\]\)$/.exec(formula);
  return m !== null && m[1] === header;
}

function rangeTopLeft(address: string): string {
  const r = parseRange(address);
  return `${columnLetter(r.left)}${r.top}`;
}

/**
 * Row heights for wrapped text. Excel grows a row to fit wrapped text as it is typed; a file written by exceljs
 * carries no heights, and LibreOffice then draws wrapped lines over the next row. So each row with wrapped text
 * is given the height of its tallest cell, estimated from the text's length and the column's width.
 */
function fitWrappedRows(sheet: ExcelJS.Worksheet): void {
  const LINE_POINTS = 15;
  sheet.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== "string") return;
      const width = sheet.getColumn(Number(cell.col)).width ?? 8.43;
      // About one character per unit of column width; a little less to allow for proportional glyphs.
      const perLine = Math.max(1, Math.floor(width * 1.1));
      const count = cell.value.split("\n").reduce((n, paragraph) => n + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
      lines = Math.max(lines, count);
    });
    if (lines > 1) row.height = lines * LINE_POINTS;
  });
}

function conditionalFormat(cf: ConditionalFormatPlan): ExcelJS.ConditionalFormattingRule {
  const style = (fill: string, fontColor?: string): Partial<ExcelJS.Style> => ({
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } },
    ...(fontColor ? { font: { color: { argb: argb(fontColor) } } } : {}),
  });
  const operand = (o: number | { formula: string }): string => (typeof o === "number" ? String(o) : formulaText(o.formula));
  if (cf.kind === "cellValue") {
    const when = cf.when;
    const formulae = "value" in when ? [operand(when.value)] : [operand(when.from), operand(when.to)];
    // The plan names operators as Office.js does; the file format has its own names for two of them.
    const operator = { equalTo: "equal", notEqualTo: "notEqual" }[when.operator as string] ?? when.operator;
    return { type: "cellIs", operator: operator as ExcelJS.CellIsOperators, formulae, style: style(cf.fill, cf.fontColor), priority: 1 };
  }
  if (cf.kind === "textContains") {
    // exceljs writes a containsText rule without its text, which readers take as an empty search: the same
    // test as a formula on the range's top-left cell is read the same everywhere.
    const topLeft = rangeTopLeft(cf.at);
    const text = cf.text.replace(/"/g, '""');
    return { type: "expression", formulae: [`NOT(ISERROR(SEARCH("${text}",${topLeft})))`], style: style(cf.fill, cf.fontColor), priority: 1 };
  }
  const cfvoType = { number: "num", percent: "percent", percentile: "percentile" } as const;
  const point = (p: { value?: { kind: "number" | "percent" | "percentile"; value: number } } | undefined, fallback: ExcelJS.CfvoTypes): ExcelJS.Cvfo =>
    p?.value ? { type: cfvoType[p.value.kind], value: p.value.value } : fallback === "percentile" ? { type: "percentile", value: 50 } : { type: fallback };
  const stops = [cf.low, ...(cf.mid ? [cf.mid] : []), cf.high];
  return {
    type: "colorScale",
    cfvo: [point(cf.low, "min"), ...(cf.mid ? [point(cf.mid, "percentile")] : []), point(cf.high, "max")],
    color: stops.map((s) => ({ argb: argb(s.color) })),
    priority: 1,
  } as ExcelJS.ConditionalFormattingRule;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.columnWidths?.forEach((w, i) => {
    if (w !== null && w !== undefined) sheet.getColumn(i + 1).width = w;
  });
  for (const block of plan.blocks) {
    if (block.kind === "range") writeRange(sheet, block);
    else writeTable(sheet, block);
  }
  fitWrappedRows(sheet);
  for (const cf of plan.conditionalFormats ?? []) sheet.addConditionalFormatting({ ref: cf.at, rules: [conditionalFormat(cf)] });
  for (const name of plan.names ?? []) {
    const rect = parseRange(name.at);
    const ref = `'${sheet.name.replace(/'/g, "''")}'!$${columnLetter(rect.left)}$${rect.top}:$${columnLetter(rect.right)}$${rect.bottom}`;
    workbook.definedNames.add(ref, name.name);
  }
  if (plan.freezeRows) sheet.views = [{ state: "frozen", ySplit: plan.freezeRows }];
  if (plan.tabColor) sheet.properties.tabColor = { argb: argb(plan.tabColor) };
  if (plan.print) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation: plan.print.landscape ? "landscape" : "portrait",
      // Excel reads fitToWidth/fitToHeight only under fitToPage; exceljs's defaults would leave them without it.
      ...(plan.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, fitToWidth: undefined, fitToHeight: undefined }),
      ...(plan.print.repeatRows ? { printTitlesRow: `${plan.print.repeatRows.first}:${plan.print.repeatRows.last}` } : {}),
    };
  }
}
