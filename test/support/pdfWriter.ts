/**
 * A minimal PDF writer for tests: each line of text on its own baseline, a tab-separated line's cells placed at
 * fixed column positions (as a role profile's table is laid out), in Helvetica with WinAnsi encoding.
 */
const WIN_ANSI: Record<string, number> = { "–": 0x96, "•": 0x95, "’": 0x92, "‘": 0x91, "“": 0x93, "”": 0x94, "\u00a0": 0xa0 };

function pdfString(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) out += "?";
    else if (ch === "(" || ch === ")" || ch === "\\") out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, "0")}`;
    else out += ch;
  }
  return `(${out})`;
}

export interface PdfLayout {
  fontSize: number;
  /** Distance between table columns, in points. */
  columnPitch: number;
  pageWidth: number;
  linesPerPage: number;
}

export function textToPdf(text: string, layout: PdfLayout = { fontSize: 3, columnPitch: 260, pageWidth: 3000, linesPerPage: 120 }): Buffer {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += layout.linesPerPage) pages.push(lines.slice(i, i + layout.linesPerPage));
  const leading = layout.fontSize * 1.6;
  const height = Math.ceil(layout.linesPerPage * leading + 80);
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add("PAGES");
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const pageIds: number[] = [];
  for (const page of pages) {
    const ops: string[] = ["BT", `/F1 ${layout.fontSize} Tf`];
    page.forEach((line, i) => {
      const y = height - 40 - i * leading;
      line.split("\t").forEach((cell, c) => {
        if (cell.trim() === "") return;
        ops.push(`1 0 0 1 ${40 + c * layout.columnPitch} ${y.toFixed(2)} Tm ${pdfString(cell)} Tj`);
      });
    });
    ops.push("ET");
    const stream = ops.join("\n");
    const contentId = add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${layout.pageWidth} ${height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
