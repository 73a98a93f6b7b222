import { normalize, wordPattern } from './terms.js';

/** A run of text, `match` when it is one of the words the query found. Never markup. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Only the start of an article is searched for a snippet: enough for one, bounded in work. */
export const snippetSourceChars = 4000;
const snippetChars = 180;

/** Splits `text` into runs, marking whole words that normalize to one of `terms`. */
export function markTerms(text: string, terms: ReadonlySet<string>): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const match of text.matchAll(wordPattern)) {
    if (!terms.has(normalize(match[0]))) continue;
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: match[0], match: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** About snippetChars of `text` around the first matched word, cut at word boundaries. */
export function snippetOf(text: string, terms: ReadonlySet<string>): SnippetPart[] | null {
  let first = -1;
  for (const match of text.matchAll(wordPattern)) {
    if (terms.has(normalize(match[0]))) {
      first = match.index ?? 0;
      break;
    }
  }
  if (first < 0) return null;
  let start = Math.max(0, first - Math.floor(snippetChars / 3));
  let end = Math.min(text.length, start + snippetChars);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > first ? text.lastIndexOf(' ', end) : end;
  const window = text.slice(start, end).replace(/\s+/g, ' ');
  const parts = markTerms(window, terms);
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (end < text.length) parts.push({ text: ' …', match: false });
  return parts;
}
