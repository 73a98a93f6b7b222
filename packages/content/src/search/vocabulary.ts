// Close spellings of a word the index does not have, from the index's own vocabulary (the FTS5
// fts5vocab table), by edit distance (fastest-levenshtein): what "Did you mean" offers and what a
// misspelt word is searched as.
import { distance } from 'fastest-levenshtein';
import type { Database } from './database.js';

/** No typo matching below this many letters: short words have too many neighbours. */
const minFuzzyChars = 4;
/** Spellings searched in place of one unknown word, closest first. */
const maxAlternatives = 5;

/** One edit per four letters, at most two ("sciatca" → "sciatica", "prolotheraphy" → "prolotherapy"). */
export function maxEdits(term: string): number {
  return term.length < minFuzzyChars ? 0 : Math.min(2, Math.round(term.length / 4));
}

export interface Spelling {
  term: string;
  edits: number;
  /** Articles that have the word. */
  docs: number;
}

/**
 * The index's words grouped by length, read once from fts5vocab when a query first needs them and
 * dropped at every write (read again at the next misspelt query: about 0.1 s at 10,000 articles).
 */
export class Vocabulary {
  private byLength: Map<number, { terms: string[]; docs: number[] }> | null = null;

  constructor(private readonly db: () => Database) {}

  invalidate(): void {
    this.byLength = null;
  }

  private load(): Map<number, { terms: string[]; docs: number[] }> {
    if (this.byLength) return this.byLength;
    const byLength = new Map<number, { terms: string[]; docs: number[] }>();
    const rows = this.db().prepare('SELECT term, doc FROM search_terms').raw().iterate() as Iterable<[string, number]>;
    for (const [term, docs] of rows) {
      // Numbers and one-letter words are never suggested.
      if (term.length < 2 || /\d/.test(term)) continue;
      let group = byLength.get(term.length);
      if (!group) byLength.set(term.length, (group = { terms: [], docs: [] }));
      group.terms.push(term);
      group.docs.push(docs);
    }
    this.byLength = byLength;
    return byLength;
  }

  /** Words within maxEdits(term) of `term`, fewest edits first, then the more common, then alphabetical. */
  spellings(term: string): Spelling[] {
    const limit = maxEdits(term);
    if (limit === 0 || /\d/.test(term)) return [];
    const found: Spelling[] = [];
    const byLength = this.load();
    for (let length = term.length - limit; length <= term.length + limit; length += 1) {
      const group = byLength.get(length);
      if (!group) continue;
      group.terms.forEach((candidate, i) => {
        if (candidate === term) return;
        const edits = distance(term, candidate);
        if (edits <= limit) found.push({ term: candidate, edits, docs: group.docs[i] ?? 0 });
      });
    }
    found.sort((a, b) => a.edits - b.edits || b.docs - a.docs || (a.term < b.term ? -1 : 1));
    return found.slice(0, maxAlternatives);
  }
}
