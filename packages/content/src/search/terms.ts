// How text becomes index terms and how a query is matched: shared by the index and by the tests'
// reference (a plain MiniSearch given the same settings), so both read words the same way.

/** Lower case without diacritics, so "sjogren" finds "Sjögren" and "MRI" finds "mri". */
export function normalize(term: string): string {
  // Printable ASCII has nothing to decompose and no marks: the common case skips both steps.
  return asciiOnly.test(term)
    ? term.toLowerCase()
    : term
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
}

const asciiOnly = /^[ -~]*$/;

/**
 * Words too common to tell articles apart: not indexed, not searched. Keeping them would make a
 * long query score nearly every article for each of them.
 */
export const stopWords = new Set(
  'a an and are as at be but by for from had has have how in is it its of on or that the their them they this to was we were what when which who will with you your'.split(
    ' ',
  ),
);

export const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/** The index term of a word, or null for a stop word or a run of more than 40 letters. */
export function processTerm(term: string): string | null {
  const normalized = normalize(term);
  return normalized.length > 0 && normalized.length <= 40 && !stopWords.has(normalized) ? normalized : null;
}

/** Indexed fields, in the order their scores are added up (which fixes rounding, so keep it). */
export const searchFields = ['title', 'tags', 'headings', 'description', 'category', 'body'] as const;
export type SearchField = (typeof searchFields)[number];

/** Longer queries get no typo expansion: each fuzzy word costs a walk of the whole vocabulary. */
const maxFuzzyTerms = 4;

/**
 * Prefix matching from 3 letters on the last word only, the one still being typed ("stem cell
 * thera"); typos from 4 letters, one edit per 4 letters up to 2 ("sciatia", "prolotheraphy").
 * `termCount` is the number of query words that are not stop words.
 */
export function querySettings(termCount: number) {
  return {
    boost: {
      title: 4,
      tags: 3,
      headings: 2,
      description: 2,
      category: 1.5,
      body: 1,
    } satisfies Record<SearchField, number>,
    prefix: (term: string, index: number) => index === termCount - 1 && term.length >= 3,
    fuzzy: (term: string) => (termCount <= maxFuzzyTerms && term.length >= 4 ? 0.25 : false),
    maxFuzzy: 2,
    weights: { fuzzy: 0.3, prefix: 0.6 },
  };
}

export type QuerySettings = ReturnType<typeof querySettings>;

/**
 * A fresh copy of a string. Substrings in V8 may be "sliced strings" that keep their whole parent
 * alive: a 14-letter word matched in an article body would keep the body in memory as long as the
 * word is indexed. Whatever the index keeps goes through here.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
