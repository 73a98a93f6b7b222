// Close spellings of a word the index does not have, from the index's own vocabulary (the FTS5
// fts5vocab table, copied into a plain table keyed by word), by edit distance
// (fastest-levenshtein): what "Did you mean" offers and what a misspelt word is searched as.
import { distance } from 'fastest-levenshtein';
import { isDamage, statement, type Database } from './database.js';

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
 * Spellings already looked up, per connection, until the next write: a misspelling readers repeat
 * is looked up once (the lookup measures every word of a letter: 30 ms among 400,000 words).
 */
const looked = new WeakMap<Database, Map<string, Spelling[]>>();
const maxRemembered = 500;

/** Marks the vocabulary out of date: part of every write's transaction. */
export function markVocabularyStale(db: Database): void {
  looked.delete(db);
  statement(db, "UPDATE state SET value = 'stale' WHERE name = 'vocabulary'").run();
}

/**
 * Copies the index's words (fts5vocab: every word with the number of articles that have it) into
 * the `vocabulary` table, indexed by length, when writes made it stale. fts5vocab reads every
 * posting list (about 0.1 s at 10,000 articles): done once after a batch of writes (`optimize`)
 * or by the first misspelt query after one, so a restarted process finds it ready in the file.
 */
export function refreshVocabulary(db: Database): void {
  if (statement(db, "SELECT value FROM state WHERE name = 'vocabulary'").pluck().get() === 'fresh') return;
  db.transaction(() => {
    db.prepare('DELETE FROM vocabulary').run();
    // Numbers and one-letter words are never suggested.
    db.prepare(
      "INSERT INTO vocabulary (term, length, docs) SELECT term, length(term), doc FROM search_terms WHERE length(term) > 1 AND term NOT GLOB '*[0-9]*'",
    ).run();
    db.prepare("UPDATE state SET value = 'fresh' WHERE name = 'vocabulary'").run();
  })();
}

/**
 * Words within maxEdits(term) of `term` that begin with the same letter (as most spelling
 * correctors: a first letter is rarely the typo, and the restriction makes the lookup a small
 * range of the vocabulary), fewest edits first, then the more common, then alphabetical.
 */
export function spellings(db: Database, term: string): Spelling[] {
  const limit = maxEdits(term);
  if (limit === 0 || /\d/.test(term)) return [];
  let remembered = looked.get(db);
  if (!remembered) looked.set(db, (remembered = new Map()));
  const known = remembered.get(term);
  if (known) return known;
  const found = closeWords(db, term, limit);
  // The oldest lookup makes room (a Map keeps insertion order).
  if (remembered.size >= maxRemembered) remembered.delete(remembered.keys().next().value as string);
  remembered.set(term, found);
  return found;
}

function closeWords(db: Database, term: string, limit: number): Spelling[] {
  try {
    refreshVocabulary(db);
  } catch (error) {
    // Busy (another process writing) or read-only: the last copy still serves.
    if (isDamage(error)) throw error;
  }
  // Words that begin with the same letter (a range of the table's key, a small share of it); the
  // `+` keeps SQLite on that range rather than scanning every word of a length. One string of them
  // all: tens of thousands of rows one by one would cost more than measuring them.
  const first = term.codePointAt(0) as number;
  const words = statement(db, "SELECT group_concat(term, ' ') FROM vocabulary WHERE term >= ? AND term < ? AND +length BETWEEN ? AND ?")
    .pluck()
    .get(String.fromCodePoint(first), String.fromCodePoint(first + 1), term.length - limit, term.length + limit) as string | null;
  const docsOf = statement(db, 'SELECT docs FROM vocabulary WHERE term = ?').pluck();
  const found: Spelling[] = [];
  // Terms are single words from the tokenizer: never a space inside.
  for (const candidate of words ? words.split(' ') : []) {
    if (candidate === term) continue;
    const edits = distance(term, candidate);
    if (edits <= limit) found.push({ term: candidate, edits, docs: docsOf.get(candidate) as number });
  }
  found.sort((a, b) => a.edits - b.edits || b.docs - a.docs || (a.term < b.term ? -1 : 1));
  return found.slice(0, maxAlternatives);
}
