/**
 * Structured references to columns named by people: competence headings carry apostrophes ("Manage people's
 * performance at work"), commas, brackets, "#" and "@"; role titles can too.
 *
 * Excel documents ' as the escape for [, ], # and ' in a column specifier (MS-OE376 §3.2.3.1.1, "Using
 * structured references with Excel tables"), and every reference here is escaped that way. LibreOffice 7.4
 * resolves '[, '] and '# but not '' (a column named `Gamma 'q'` referenced as `T[[Gamma ''q'']]` is #N/A there),
 * and people open these workbooks in both. So a table column never carries an apostrophe: tableColumnName gives
 * it the typographic ’ (U+2019) instead, which needs no escape and reads the same, and the sheet shows the title
 * in full as the user gave it where the header would be narrow or differ (the Team skills band above the
 * register). Read back, ’ and ' give the same competence key (normalizeText drops both).
 */
export const tableColumnName = (title: string): string => title.replace(/'/g, "\u2019");

/** A column name escaped for a structured reference, as Excel documents: ', [, ] and # each preceded by a '. */
export function escapeColumnName(header: string): string {
  return header.replace(/['[\]#]/g, (ch) => `'${ch}`);
}

/** A title as it stands in a column specifier: its table column name, escaped. */
const specifier = (title: string): string => escapeColumnName(tableColumnName(title));

/** `Table[[Column]]`: the whole column a title names, usable from any sheet. */
export const columnRef = (table: string, title: string): string => `${table}[[${specifier(title)}]]`;

/** `[@[Column]]`: this row's cell, inside the table (the .xlsx writer qualifies it). */
export const thisRow = (title: string): string => `[@[${specifier(title)}]]`;

/** `[@[First]:[Last]]`: this row's cells from one column to another, inside the table. */
export const thisRowSpan = (first: string, last: string): string => `[@[${specifier(first)}]:[${specifier(last)}]]`;

/** A text literal in a formula. */
export const textLiteral = (text: string): string => `"${text.replace(/"/g, '""')}"`;
