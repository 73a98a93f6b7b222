// A reader's query as words, and those words as an FTS5 MATCH expression. User input never reaches
// FTS5's query syntax: every word is a double-quoted string (a phrase of the words the tokenizer
// finds in it), so quotes, NEAR, column filters, `*`, `^` and parentheses are text, not operators.

/** Longer queries are cut (a search box, not a document): bounds the work a request can ask for. */
export const maxQueryChars = 200;
const maxQueryTerms = 12;

/** Letters and digits, with inner apostrophes kept ("Sjögren's" is one word, searched as a phrase). */
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Words too common to tell articles apart: not searched (they are indexed, but asking for them
 * would make a long query need, or score, nearly every article).
 */
const stopWords = new Set(
  'a an and are as at be but by for from had has have how in is it its of on or that the their them they this to was we were what when which who will with you your'.split(
    ' ',
  ),
);

/** Prefix matching from this many letters on, for the last word only (the one still being typed). */
export const minPrefixChars = 3;

export function tokenize(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/** Lower case without diacritics, as the index's tokenizer (unicode61, remove_diacritics 2) sees words. */
export function normalize(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function cleanQuery(raw: string): { query: string; truncated: boolean } {
  // Control characters and lone surrogates carry no words; whitespace runs become one space.
  const collapsed = raw
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\p{Cs}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  let query = collapsed.length > maxQueryChars ? collapsed.slice(0, maxQueryChars).trim() : collapsed;
  let truncated = query.length < collapsed.length;
  const words = tokenize(query);
  if (words.length > maxQueryTerms) {
    query = words.slice(0, maxQueryTerms).join(' ');
    truncated = true;
  }
  return { query, truncated };
}

/** A word of the query as searched. */
export interface QueryWord {
  /** As typed. */
  text: string;
  /** Lower case, no diacritics: comparable with the index's vocabulary. */
  term: string;
  /** The last word, long enough: also matches the words it begins. */
  prefix: boolean;
  /** Its place among the query's words, stop words counted (tokenize(query)[position]). */
  position: number;
}

/** The words a cleaned query searches for: stop words dropped; the last one a prefix when long enough. */
export function queryWords(query: string): QueryWord[] {
  const words = tokenize(query)
    .map((text, position) => ({ text, term: normalize(text), position }))
    .filter(({ term }) => !stopWords.has(term));
  return words.map((word, i) => ({ ...word, prefix: i === words.length - 1 && word.term.length >= minPrefixChars }));
}

/** An FTS5 string: double quotes around, a double quote inside doubled. Never an operator. */
export function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** One word of the MATCH expression: the word as typed, or the spellings that stand in for it. */
export interface MatchGroup {
  alternatives: readonly string[];
  prefix: boolean;
}

/** `"a" AND ("b" OR "c")*`-style expression (every group, or any group with `any`), from quoted strings only. */
export function matchExpression(groups: readonly MatchGroup[], { any = false }: { any?: boolean } = {}): string {
  const parts = groups.map(({ alternatives, prefix }) => {
    const strings = alternatives.map((text) => `${quoted(text)}${prefix ? '*' : ''}`);
    return strings.length === 1 ? (strings[0] as string) : `(${strings.join(' OR ')})`;
  });
  return parts.join(any ? ' OR ' : ' AND ');
}
