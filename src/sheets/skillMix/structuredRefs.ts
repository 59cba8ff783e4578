/**
 * Structured references to columns named by people: competence titles carry apostrophes ("Manage people's
 * performance at work") and commas ("Plan, monitor and review …"). Excel wants such a name in its own brackets
 * with ', [, ] and # escaped by a ', so every reference here is written that way; Excel and LibreOffice both
 * read it.
 */
export function escapeColumnName(header: string): string {
  return header.replace(/['[\]#]/g, (ch) => `'${ch}`);
}

/** `Table[[Column]]`: a whole column, usable from any sheet. */
export const columnRef = (table: string, header: string): string => `${table}[[${escapeColumnName(header)}]]`;

/** `[@[Column]]`: this row's cell, inside the table (the .xlsx writer qualifies it). */
export const thisRow = (header: string): string => `[@[${escapeColumnName(header)}]]`;

/** `[@[First]:[Last]]`: this row's cells from one column to another, inside the table. */
export const thisRowSpan = (first: string, last: string): string => `[@[${escapeColumnName(first)}]:[${escapeColumnName(last)}]]`;

/** A text criterion for COUNTIFS/SUMIFS that matches the text exactly, even one starting with "<", ">" or "=". */
export const equalsText = (text: string): string => `"=${text.replace(/"/g, '""')}"`;

/** A text literal in a formula. */
export const textLiteral = (text: string): string => `"${text.replace(/"/g, '""')}"`;
