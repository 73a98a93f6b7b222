// The index's own vocabulary (the FTS5 fts5vocab table, copied into a plain table keyed by word):
// close spellings of a word the index does not have, by edit distance (fastest-levenshtein), which
// "Did you mean" offers and a misspelt word is searched as; and the words a prefix begins.
import { distance } from 'fastest-levenshtein';
import { isDamage, statement, tokenizer, type Database } from './database.js';

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

/** Marks the vocabulary out of date (refreshed whole by `optimize` or the next misspelt query). */
function markVocabularyStale(db: Database): void {
  statement(db, "UPDATE state SET value = 'stale' WHERE name = 'vocabulary'").run();
}

export const isFresh = (db: Database): boolean => statement(db, "SELECT value FROM state WHERE name = 'vocabulary'").pluck().get() === 'fresh';

/**
 * Articles a write may change and still count their words in and out of the vocabulary: an
 * editor's save. A larger write (a cold start's batches) marks it stale instead, as one refresh
 * costs less than counting every article (a refresh is about 1 s at 100,000 articles).
 */
export const countedWriteLimit = 10;

/**
 * Words that are never suggested: numbers and one-letter words. The vocabulary holds them (it is
 * every word of the index, so a query's last word can be looked up as a prefix), the lookup skips them.
 */
const suggestible = "length(term) > 1 AND term NOT GLOB '*[0-9]*'";

// One row's text, tokenized as the index tokenizes it, in a table of the connection's own (TEMP):
// its fts5vocab gives that row's distinct words, as search_terms counts them.
const wordingTables = `
  CREATE VIRTUAL TABLE IF NOT EXISTS temp.wording USING fts5(text, tokenize = '${tokenizer}');
  CREATE VIRTUAL TABLE IF NOT EXISTS temp.wording_terms USING fts5vocab(temp, wording, row);`;

/** How one write keeps the vocabulary: each article's words counted in and out, or the vocabulary marked stale. */
export interface VocabularyWrite {
  /** First in the write's transaction: whether to count (a fresh vocabulary) or mark it stale. */
  begin(): void;
  /** Before the row's text is deleted from `search`. */
  removing(row: number): void;
  /** After the row's text is written to `search`. */
  added(row: number): void;
}

/**
 * For a write of `articles` changes, run in the write's transaction. A fresh vocabulary and a
 * small write: each article's words are counted in (or out), so the vocabulary stays what a
 * refresh would make it and the next misspelt query does not wait for one. Otherwise it is marked
 * stale. Call before the transaction begins (the TEMP tables are made outside it).
 */
export function vocabularyWrite(db: Database, articles: number): VocabularyWrite {
  looked.delete(db);
  const counting = articles <= countedWriteLimit;
  if (counting) db.exec(wordingTables);
  let fresh = false;
  const count = (row: number, by: 1 | -1): void => {
    if (!fresh) return;
    statement(db, "INSERT INTO temp.wording (rowid, text) SELECT rowid, title || char(10) || description || char(10) || tags || char(10) || headings || char(10) || category || char(10) || body FROM main.search WHERE rowid = CAST(? AS INTEGER)").run(row);
    const words = statement(db, 'SELECT term FROM temp.wording_terms').pluck().all() as string[];
    statement(db, 'DELETE FROM temp.wording').run();
    const counted = statement(db, 'INSERT INTO vocabulary (term, length, docs) VALUES (@term, length(@term), 1) ON CONFLICT (term) DO UPDATE SET docs = docs + 1');
    const uncounted = statement(db, 'UPDATE vocabulary SET docs = docs - 1 WHERE term = @term');
    const unused = statement(db, 'DELETE FROM vocabulary WHERE term = @term AND docs <= 0');
    for (const term of words) {
      if (by > 0) counted.run({ term });
      else {
        uncounted.run({ term });
        unused.run({ term });
      }
    }
  };
  return {
    begin() {
      fresh = counting && isFresh(db);
      if (!fresh) markVocabularyStale(db);
    },
    removing: (row) => count(row, -1),
    added: (row) => count(row, 1),
  };
}

/**
 * The index's words that begin with `prefix` (a normalized word, see query.ts), at most `limit`,
 * in order; undefined while the vocabulary is stale. A range of the table's key: well under a
 * millisecond, where FTS5 merges the lists of every such word to match a prefix (7 ms for a word
 * every article has, at 100,000 articles).
 */
export function wordsBeginning(db: Database, prefix: string, limit: number): string[] | undefined {
  if (!isFresh(db)) return undefined;
  return statement(db, 'SELECT term FROM vocabulary WHERE term >= ? AND term < ? ORDER BY term LIMIT CAST(? AS INTEGER)')
    .pluck()
    .all(prefix, `${prefix}\u{10FFFF}`, limit) as string[];
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
    db.prepare('INSERT INTO vocabulary (term, length, docs) SELECT term, length(term), doc FROM search_terms').run();
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
  const words = statement(db, `SELECT group_concat(term, ' ') FROM vocabulary WHERE term >= ? AND term < ? AND +length BETWEEN ? AND ? AND ${suggestible}`)
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
