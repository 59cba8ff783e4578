/**
 * Criteria over people's text. SUMIFS, COUNTIFS and MATCH read `*`, `?` and `~` in a criterion as wildcards, and
 * SUMIFS/COUNTIFS read a leading `<`, `>` or `=` as an operator, in Excel and in LibreOffice alike: a position id
 * `POS-7*` would otherwise take the staff of every `POS-7…`. These expressions escape the text so it matches
 * only itself (apart from case, which the domain refuses to tell apart).
 */

/** The text of `expression` with its wildcards escaped: for MATCH(…, …, 0). */
export const wildcardsEscaped = (expression: string): string =>
  `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expression}&"","~","~~"),"*","~*"),"?","~?")`;

/** A SUMIFS/COUNTIFS criterion equal to the text of `expression` and nothing else; a blank matches blanks. */
export const literalCriterion = (expression: string): string =>
  `IF(${expression}&""="","",${"\"=\""}&${wildcardsEscaped(expression)})`;
