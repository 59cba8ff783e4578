const SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const SPECIAL_ALL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Text as XML content or attribute value. Control characters XML 1.0 cannot carry are written as Excel writes
 * them, `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), so a stray one in a CSV cannot break the file.
 */
export function escapeXml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(SPECIAL_ALL, (ch) => ENTITY[ch] ?? `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}
