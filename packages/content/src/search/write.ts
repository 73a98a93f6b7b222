// How an article is written to the index's two tables: its result card (with the content key of
// its version) at a row number that follows its publication date, and its full text under the
// same row. fts-index.ts runs this in its guard, so a damaged file starts the index afresh.
import { statement, type Database } from './database.js';
import type { SearchDoc } from './search.js';
import { vocabularyWrite } from './vocabulary.js';

export interface SearchChanges {
  /** Articles to add or replace, each with the content key of its version (see `keys()`). */
  set?: readonly { doc: SearchDoc; key?: string }[];
  /** Ids of articles to remove. */
  delete?: readonly string[];
}

// Control characters carry no words, and two of them mark matches in highlight() and snippet().
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = (text: string) => String(text ?? '').replace(controlCharacters, ' ');

/** Rows per day of publication: a row number is day × this + its place among that day's articles. */
const rowsPerDay = 2 ** 20;

interface RowQueries {
  lastRowOfDay: { get(from: number, to: number): unknown };
  lastRow: { get(): unknown };
}

/**
 * The row number of an article published on `published`: rows follow the publication date (a later
 * day, a higher row; within a day, the order written), so "the newest matches" is a range of rows,
 * which FTS5 reads without visiting the others (see run.ts, rankLimit).
 */
function rowFor(published: string, { lastRowOfDay, lastRow }: RowQueries): number {
  const time = Date.parse(published);
  const day = Number.isFinite(time) ? Math.max(0, Math.floor(time / 86_400_000)) : 0;
  const first = day * rowsPerDay;
  const last = lastRowOfDay.get(first, first + rowsPerDay) as number | null;
  if (last === null) return first;
  // A day with more articles than it has rows (never expected): after every row, out of date order.
  return last + 1 < first + rowsPerDay ? last + 1 : (lastRow.get() as number) + 1;
}

/** The `state` row naming the snapshot version a completed sync brought the index to (sync.ts). */
export const syncedState = 'synced-version';

/** Removals, then additions and replacements, in one transaction (a failed write changes nothing). */
export function writeChanges(db: Database, changes: SearchChanges): void {
  // Nothing to write (a sync that found every article as indexed): the vocabulary stays fresh.
  if ((changes.delete?.length ?? 0) === 0 && (changes.set?.length ?? 0) === 0) return;
  const rowOf = statement(db, 'SELECT row FROM articles WHERE id = ?').pluck();
  const removeCard = statement(db, 'DELETE FROM articles WHERE row = ?');
  const removeText = statement(db, 'DELETE FROM search WHERE rowid = ?');
  const addCard = statement(db, 'INSERT INTO articles (row, id, key, title, description, tags, category, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const lastRowOfDay = statement(db, 'SELECT max(row) FROM articles WHERE row >= ? AND row < ?').pluck();
  const lastRow = statement(db, 'SELECT max(row) FROM articles').pluck();
  const addText = statement(db, 'INSERT INTO search (rowid, title, description, tags, headings, category, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const vocabulary = vocabularyWrite(db, (changes.delete?.length ?? 0) + (changes.set?.length ?? 0));
  const remove = (id: string) => {
    const row = rowOf.get(id) as number | undefined;
    if (row === undefined) return;
    vocabulary.removing(row);
    removeText.run(row);
    removeCard.run(row);
  };
  db.transaction(() => {
    // The index no longer holds the snapshot a sync brought it to (see syncedVersion).
    statement(db, `DELETE FROM state WHERE name = '${syncedState}'`).run();
    vocabulary.begin();
    for (const id of changes.delete ?? []) remove(id);
    for (const { doc, key = '' } of changes.set ?? []) {
      remove(doc.id);
      const tags = doc.tags.map(clean);
      const card = [doc.id, key, clean(doc.title), clean(doc.description), JSON.stringify(tags), clean(doc.category), clean(doc.published)];
      const { lastInsertRowid } = addCard.run(rowFor(clean(doc.published), { lastRowOfDay, lastRow }), ...card);
      addText.run(lastInsertRowid, card[2], card[3], tags.join('\n'), doc.headings.map(clean).join('\n'), card[5], clean(doc.body));
      vocabulary.added(Number(lastInsertRowid));
    }
  })();
}
