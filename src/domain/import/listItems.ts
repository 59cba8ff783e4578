/**
 * Splitting a table cell into list items. The extractor keeps a list in one of three ways: HTML paragraphs
 * ("<p>…</p> <p>…</p>"), an HTML list or "•" bullets ("<ul …>• a • b"), or plain text. Plain text is either
 * run-together sentences (Experience Required) or items joined by nothing but spaces (Informal learning),
 * which cannot be split without guessing.
 */

const ITEM_MARKUP = /<\/?(?:p|li)\b[^>]*>|•/i;
const ANY_TAG = /<[^>]*>/g;

const ENTITIES: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
  "&nbsp;": " ",
};

function plain(text: string): string {
  return text
    .replace(ANY_TAG, " ")
    .replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

function hasItemMarkup(text: string): boolean {
  return ITEM_MARKUP.test(text);
}

/** Items marked by <p>, <li> or "•"; otherwise the whole cell as one item (none if it is empty). */
export function splitMarkedItems(cell: string): string[] {
  if (!hasItemMarkup(cell)) {
    const whole = plain(cell);
    return whole === "" ? [] : [whole];
  }
  return cell
    .split(ITEM_MARKUP)
    .map(plain)
    .filter((item) => item !== "");
}

// A full stop after these does not end a sentence.
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|approx|incl|no|vs)\.$/i;

/** Plain text split after each sentence's full stop, question or exclamation mark. */
export function splitSentences(text: string): string[] {
  const pieces = text.split(/(?<=[.!?])\s+(?=[A-Z0-9])/);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && ABBREVIATION.test(previous)) sentences[sentences.length - 1] = `${previous} ${piece}`;
    else sentences.push(piece);
  }
  return sentences.map((s) => s.trim()).filter((s) => s !== "");
}

/** Marked items when the cell has markup; otherwise its sentences, each an item. */
export function splitItemsOrSentences(cell: string): string[] {
  if (hasItemMarkup(cell)) return splitMarkedItems(cell);
  return splitSentences(plain(cell));
}
