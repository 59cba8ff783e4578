/**
 * Criteria over people's text for the establishment sheets, on the shared literal criteria (src/sheets/criteria.ts):
 * a position id `POS-7*` must never take the staff of every `POS-7…`. MATCH(…, 0) reads wildcards too (not
 * operators), so a lookup escapes them the same way.
 */
import { literalCriterionOf } from "../criteria";

/** The text of `expression` with its wildcards escaped: for MATCH(…, …, 0). */
export const wildcardsEscaped = (expression: string): string =>
  `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expression}&"","~","~~"),"*","~*"),"?","~?")`;

/** A SUMIFS/COUNTIFS criterion equal to the text of `expression` and nothing else (but case); a blank matches blanks. */
export const textCriterion = (expression: string): string => `IF(${expression}&""="","",${literalCriterionOf(`${expression}&""`)})`;
