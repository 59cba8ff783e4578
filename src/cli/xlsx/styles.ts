import type { CellStyle, Color } from "../../sheets/plan";
import { escapeXml } from "./xml";

/** What one cell looks like: a plan's style, a number format and a table column's wrap, as the file stores it. */
export interface CellLook {
  readonly style?: CellStyle;
  readonly numberFormat?: string | null;
}

/**
 * Number formats Excel knows by id (ECMA-376 Part 1, 18.8.30): written by id, as Excel writes them; every other
 * format gets an id from 164 on.
 */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "mm-dd-yy": 14,
  "d-mmm-yy": 15,
  "d-mmm": 16,
  "mmm-yy": 17,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  "m/d/yy h:mm": 22,
  "@": 49,
};

const argb = (hex: Color): string => `FF${hex.slice(1).toUpperCase()}`;

/**
 * The workbook's styles part: each distinct look becomes one cell format (xf), fonts, fills and number formats
 * shared between them; conditional formats' looks become differential formats (dxf). Index 0 is the default look.
 */
export class StyleSheet {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Map<string, number>([[DEFAULT_FONT, 0]]);
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private readonly xfs = new Map<string, number>([['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0]]);
  private readonly dxfs = new Map<string, number>();
  /** Looks already placed, by the identity of their parts, so a cell costs one map lookup. */
  private readonly byLook = new Map<CellStyle | undefined, Map<string, number>>();

  /** The xf index of a look; 0 for the default. */
  xf(style: CellStyle | undefined, numberFormat: string | null | undefined): number {
    let formats = this.byLook.get(style);
    if (!formats) this.byLook.set(style, (formats = new Map()));
    const key = numberFormat ?? "";
    const known = formats.get(key);
    if (known !== undefined) return known;
    const index = this.place(style, numberFormat ?? null);
    formats.set(key, index);
    return index;
  }

  private place(style: CellStyle | undefined, numberFormat: string | null): number {
    const numFmtId = numberFormat === null ? 0 : this.numFmt(numberFormat);
    const fontId = style && (style.bold || style.italic || style.fontSize || style.fontColor) ? this.font(style) : 0;
    const fillId = style?.fill ? indexIn(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const alignment = style ? alignmentXml(style) : "";
    const applied =
      (numFmtId !== 0 ? ' applyNumberFormat="1"' : "") + (fontId !== 0 ? ' applyFont="1"' : "") + (fillId !== 0 ? ' applyFill="1"' : "") + (alignment ? ' applyAlignment="1"' : "");
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}${alignment ? `>${alignment}</xf>` : "/>"}`;
    return indexIn(this.xfs, xf);
  }

  private numFmt(format: string): number {
    const builtIn = BUILT_IN_FORMATS[format];
    if (builtIn !== undefined) return builtIn;
    const known = this.numFmts.get(format);
    if (known !== undefined) return known;
    const id = 164 + this.numFmts.size;
    this.numFmts.set(format, id);
    return id;
  }

  private font(style: CellStyle): number {
    // A font with no name is drawn in the reader's default, a serif in LibreOffice: name the workbook's font.
    const xml =
      "<font>" +
      (style.bold ? "<b/>" : "") +
      (style.italic ? "<i/>" : "") +
      `<sz val="${style.fontSize ?? 11}"/>` +
      (style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : '<color theme="1"/>') +
      '<name val="Calibri"/><family val="2"/>' +
      "</font>";
    return indexIn(this.fonts, xml);
  }

  /** A differential format for a conditional format: a solid fill and, optionally, a font colour. */
  dxf(fill: Color, fontColor?: Color): number {
    const xml =
      "<dxf>" +
      (fontColor ? `<font><color rgb="${argb(fontColor)}"/></font>` : "") +
      `<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill>` +
      "</dxf>";
    return indexIn(this.dxfs, xml);
  }

  toXml(): string {
    const list = (tag: string, items: Map<string, number>, extra = "") => `<${tag} count="${items.size}"${extra}>${[...items.keys()].join("")}</${tag}>`;
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join("");
    return (
      XML_HEADER +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (this.numFmts.size > 0 ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : "") +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DEFAULT_FONT = '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';

function indexIn(map: Map<string, number>, xml: string): number {
  const known = map.get(xml);
  if (known !== undefined) return known;
  map.set(xml, map.size);
  return map.size - 1;
}

function alignmentXml(style: CellStyle): string {
  if (style.wrap === undefined && !style.horizontalAlignment && !style.verticalAlignment) return "";
  return (
    "<alignment" +
    (style.horizontalAlignment ? ` horizontal="${style.horizontalAlignment}"` : "") +
    (style.verticalAlignment ? ` vertical="${style.verticalAlignment}"` : "") +
    (style.wrap ? ' wrapText="1"' : "") +
    "/>"
  );
}
