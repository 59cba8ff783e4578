import { createWriteStream } from "node:fs";
import { PassThrough, type Writable } from "node:stream";
import { type SheetPlan, type TableBlock, columnLetter, parseRange, validatePlan } from "../../sheets/plan";
import { checkFits } from "./limits";
import { SharedStrings, SheetWriter, type TablePart, tableXml } from "./sheetXml";
import { MAIN_NS, StyleSheet, XML_HEADER } from "./styles";
import { OFFICE_THEME } from "./theme";
import { escapeXml } from "./xml";
import { ZipWriter } from "./zip";

export { qualifyStructuredReferences } from "./structuredReferences";

/**
 * Writes SheetPlans to an .xlsx: the same plans the add-in writes through Office.js, for people without the add-in.
 * Each sheet's XML is built from the plan's rows as it is zipped, so memory stays near the plans' own size
 * however many cells they hold. Formulas are written without cached results and the workbook is marked to be fully
 * recalculated when opened (nothing here calculates).
 */
export async function writeXlsx(plans: readonly SheetPlan[], path: string): Promise<void> {
  const book = prepareWorkbook(plans);
  const file = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => file.once("error", reject));
  failed.catch(() => undefined);
  await Promise.race([writeParts(book, file), failed]);
}

/** The same file, into any stream (a temporary file, a socket); the stream is ended when the file is complete. */
export async function writeXlsxStream(plans: readonly SheetPlan[], out: Writable): Promise<void> {
  await writeParts(prepareWorkbook(plans), out);
}

export async function xlsxBuffer(plans: readonly SheetPlan[]): Promise<Buffer> {
  const book = prepareWorkbook(plans);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  await writeParts(book, sink);
  return Buffer.concat(chunks);
}

interface PreparedSheet {
  readonly plan: SheetPlan;
  readonly name: string;
  readonly tables: TablePart[];
}

interface PreparedBook {
  readonly sheets: PreparedSheet[];
}

/**
 * Checks everything before a byte is written: each plan is valid and fits in a worksheet (Excel's 1,048,576 rows
 * by 16,384 columns), so a workbook too big for Excel is refused up front, naming the limit, rather than written
 * broken. Sheet names are made unique as Excel compares them (without case).
 */
function prepareWorkbook(plans: readonly SheetPlan[]): PreparedBook {
  const used = new Set<string>();
  let tableId = 0;
  const sheets = plans.map((plan) => {
    checkFits(plan);
    const issues = validatePlan(plan);
    if (issues.length > 0) {
      throw new Error(`the plan for '${plan.name}' is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    }
    const tables = plan.blocks.filter((b): b is TableBlock => b.kind === "table").map((block) => ({ id: ++tableId, block }));
    return { plan, name: uniqueName(plan.name, used), tables };
  });
  return { sheets };
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

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

async function writeParts(book: PreparedBook, out: Writable): Promise<void> {
  const zip = new ZipWriter(out);
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const { sheets } = book;

  await zip.entry("[Content_Types].xml", [contentTypes(book)]);
  await zip.entry(
    "_rels/.rels",
    [
      `${XML_HEADER}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
        "</Relationships>",
    ],
  );
  await zip.entry("docProps/core.xml", [coreProperties()]);
  await zip.entry(
    "docProps/app.xml",
    [`${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Workforce Planner</Application></Properties>`],
  );
  await zip.entry("xl/workbook.xml", [workbookXml(book)]);
  const n = sheets.length;
  await zip.entry(
    "xl/_rels/workbook.xml.rels",
    [
      `${XML_HEADER}<Relationships xmlns="${PKG_REL}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${n + 2}" Type="${REL}/theme" Target="theme/theme1.xml"/>` +
        `<Relationship Id="rId${n + 3}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        "</Relationships>",
    ],
  );
  await zip.entry("xl/theme/theme1.xml", [XML_HEADER, OFFICE_THEME]);
  for (const [i, sheet] of sheets.entries()) {
    const writer = new SheetWriter(sheet.plan, styles, strings);
    const rels = sheet.tables.map((_, t) => ({ rid: `rId${t + 1}` }));
    await zip.entry(`xl/worksheets/sheet${i + 1}.xml`, writer.toXml(rels, sheet.plan.print?.fitToWidth === true, i === 0));
    if (sheet.tables.length === 0) continue;
    await zip.entry(
      `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      [
        `${XML_HEADER}<Relationships xmlns="${PKG_REL}">` +
          sheet.tables.map((t, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/table" Target="../tables/table${t.id}.xml"/>`).join("") +
          "</Relationships>",
      ],
    );
    for (const table of sheet.tables) await zip.entry(`xl/tables/table${table.id}.xml`, [tableXml(table)]);
  }
  await zip.entry("xl/styles.xml", [styles.toXml()]);
  await zip.entry("xl/sharedStrings.xml", strings.toXml());
  await zip.finish();
}

function contentTypes(book: PreparedBook): string {
  const overrides = [
    ["/xl/workbook.xml", `${CT}.sheet.main+xml`],
    ...book.sheets.map((_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, `${CT}.worksheet+xml`]),
    ...book.sheets.flatMap((s) => s.tables.map((t) => [`/xl/tables/table${t.id}.xml`, `${CT}.table+xml`])),
    ["/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"],
    ["/xl/styles.xml", `${CT}.styles+xml`],
    ["/xl/sharedStrings.xml", `${CT}.sharedStrings+xml`],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"],
  ];
  return (
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
    "</Types>"
  );
}

function coreProperties(): string {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    "<dc:creator>Workforce Planner</dc:creator>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/** A sheet name in a reference: always quoted, an apostrophe doubled. */
const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

function workbookXml(book: PreparedBook): string {
  const names: string[] = [];
  for (const sheet of book.sheets) {
    for (const name of sheet.plan.names ?? []) {
      const r = parseRange(name.at);
      const ref = `${quoted(sheet.name)}!$${columnLetter(r.left)}$${r.top}${r.top === r.bottom && r.left === r.right ? "" : `:$${columnLetter(r.right)}$${r.bottom}`}`;
      const comment = name.comment ? ` comment="${escapeXml(name.comment)}"` : "";
      names.push(`<definedName name="${name.name}"${comment}>${escapeXml(ref)}</definedName>`);
    }
  }
  book.sheets.forEach((sheet, i) => {
    const repeat = sheet.plan.print?.repeatRows;
    if (repeat) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quoted(sheet.name)}!$${repeat.first}:$${repeat.last}`)}</definedName>`);
  });
  return (
    `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}">` +
    '<workbookPr defaultThemeVersion="164011"/>' +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
    `<sheets>${book.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
    (names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : "") +
    '<calcPr calcId="171027" fullCalcOnLoad="1"/>' +
    "</workbook>"
  );
}
