// One search over the index's database: the query's words (misspelt ones replaced by close
// spellings), every word if possible else any, the newest rankLimit matches at most, ranked by bm25
// with column weights (newer first on ties), one page of hits with FTS5 highlight() and snippet()
// turned into text parts.
import { bm25, statement, tokenizer, type Database } from './database.js';
import { matchExpression, tokenize, type MatchGroup, type QueryWord } from './query.js';
import type { SearchHit, SearchResults, SnippetPart } from './search.js';
import { spellings, wordsBeginning } from './vocabulary.js';

/** Longer queries get no typo matching: each misspelt word costs a walk of part of the vocabulary. */
const maxFuzzyWords = 4;
/** Words in a body snippet (FTS5 picks the passage with the most matches). */
const snippetWords = 28;

// Match markers for highlight() and snippet(): control characters, which the index never stores
// (see SearchIndex.set), so text and markers cannot be confused.
const markOpen = '\u0002';
const markClose = '\u0003';
// eslint-disable-next-line no-control-regex
const markers = /[\u0002\u0003]/;

export interface Plan {
  groups: MatchGroup[];
  didYouMean?: string;
}

function hasMatch(db: Database, expression: string): boolean {
  return statement(db, 'SELECT 1 FROM search WHERE search MATCH ? LIMIT 1').get(expression) !== undefined;
}

/**
 * The word as the index holds it, from the vocabulary when it is fresh: the word itself when it
 * is there; for the last word (a prefix), the one word it begins when it begins only one, which
 * matches the same articles without the cost of a prefix (FTS5 merges the lists of every word a
 * prefix begins, at each use: 7 ms a time for a word every article has, at 100,000 articles).
 * Undefined when the vocabulary cannot tell (stale, or no such word): the index itself is asked.
 */
function indexedAs(db: Database, word: QueryWord): MatchGroup | undefined {
  const found = wordsBeginning(db, word.term, word.prefix ? 2 : 1);
  if (!found || found.length === 0) return undefined;
  if (!word.prefix) return found[0] === word.term ? { alternatives: [word.text], prefix: false } : undefined;
  return found.length === 1 ? { alternatives: [found[0] as string], prefix: false } : { alternatives: [word.text], prefix: true };
}

/**
 * The MATCH groups for the query's words: a word the index has (or, the last one, begins) as it
 * is; a word it lacks as its close spellings, the closest of which goes into "Did you mean".
 */
export function plan(db: Database, query: string, words: readonly QueryWord[]): Plan {
  const corrections = new Map<number, string>();
  const groups = words.map((word): MatchGroup => {
    const asTyped = { alternatives: [word.text], prefix: word.prefix };
    // A word with an apostrophe is a phrase; its parts are checked by the index, not corrected.
    if (/['’]/.test(word.text)) return asTyped;
    const indexed = indexedAs(db, word);
    if (indexed) return indexed;
    if (words.length > maxFuzzyWords || hasMatch(db, matchExpression([asTyped]))) return asTyped;
    const close = spellings(db, word.term);
    if (close.length === 0) return asTyped;
    corrections.set(word.position, close[0]!.term);
    return { alternatives: close.map((spelling) => spelling.term), prefix: false };
  });
  if (corrections.size === 0) return { groups };
  const didYouMean = tokenize(query)
    .map((text, position) => corrections.get(position) ?? text)
    .join(' ');
  return { groups, didYouMean };
}

/** Text with markers → parts, even runs plain and odd runs matched (FTS5 always pairs the markers). */
export function markedParts(marked: string, { collapse = false }: { collapse?: boolean } = {}): SnippetPart[] {
  return marked
    .split(markers)
    .map((text, i) => ({ text: collapse ? text.replace(/\s+/g, ' ') : text, match: i % 2 === 1 }))
    .filter((part) => part.text !== '');
}

interface Row {
  row: number;
  id: string;
  title: string;
  description: string;
  tags: string;
  category: string;
  published: string;
  score: number;
}

interface Marked {
  title: string;
  description: string;
  body: string;
}

function snippetOf(marked: Marked, description: string): SnippetPart[] {
  if (markers.test(marked.body)) {
    const parts = markedParts(marked.body.trim(), { collapse: true });
    // FTS5 puts the ellipsis where it cut the text; a space keeps it off the next word.
    const first = parts[0];
    const last = parts.at(-1);
    if (first && !first.match && first.text.startsWith('…')) first.text = `… ${first.text.slice(1).trimStart()}`;
    if (last && !last.match && last.text.endsWith('…')) last.text = `${last.text.slice(0, -1).trimEnd()} …`;
    return parts;
  }
  if (markers.test(marked.description)) return markedParts(marked.description);
  return [{ text: description, match: false }];
}

function toHit(row: Row, marked: Marked | undefined): SearchHit {
  return {
    id: row.id,
    title: row.title,
    titleParts: marked ? markedParts(marked.title) : [{ text: row.title, match: false }],
    description: row.description,
    snippet: marked ? snippetOf(marked, row.description) : [{ text: row.description, match: false }],
    tags: JSON.parse(row.tags) as string[],
    category: row.category,
    published: row.published,
    score: row.score,
  };
}

const cardColumns = 'a.row, a.id, a.title, a.description, a.tags, a.category, a.published';
// The CASTs are needed: FTS5 ignores a rowid constraint beside MATCH when the value comes as a
// float, as JavaScript numbers are bound, and would read every match.
/** The rows of the newest matches, at most the limit given (rows follow the publication date). */
const newestSql = 'SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT CAST(? AS INTEGER)';
/**
 * One page of the matches from row @oldest on, by relevance, then newest, then id. Scored once
 * (MATERIALIZED: bm25 counts each word's articles again in every statement that calls it), and
 * only the matches that score at least the page's last one are joined to their cards for the
 * tie-breaks (joining all 1,000 to sort them took 3 ms).
 */
const rankedSql = `
  WITH scored AS MATERIALIZED (
    SELECT rowid AS row, -${bm25} AS score FROM search
    WHERE search MATCH @expression AND rowid >= CAST(@oldest AS INTEGER)
  ),
  cut AS (SELECT score FROM scored ORDER BY score DESC LIMIT 1 OFFSET CAST(@offset + @size - 1 AS INTEGER))
  SELECT ${cardColumns}, scored.score
  FROM scored CROSS JOIN articles AS a ON a.row = scored.row
  WHERE scored.score >= coalesce((SELECT score FROM cut), -9e999)
  ORDER BY scored.score DESC, a.published DESC, a.id
  LIMIT @size OFFSET @offset`;
/**
 * Where a page's hits are marked: a small full-text table of the connection's own (TEMP), filled
 * with just those hits. highlight() and snippet() need the query matched on the row, and matching
 * one row of the site's index reads every word's whole list (2 ms a hit for common words at
 * 10,000 articles); matching ten rows here costs only their tokenizing.
 */
const markingTable = `CREATE VIRTUAL TABLE IF NOT EXISTS temp.marking USING fts5(title, description, body, tokenize = '${tokenizer}')`;
const markingClear = 'DELETE FROM temp.marking';
const markingFill = 'INSERT INTO temp.marking (rowid, title, description, body) SELECT rowid, title, description, body FROM main.search WHERE rowid = CAST(? AS INTEGER)';
const markedSql = `
  SELECT rowid AS row,
         highlight(marking, 0, @open, @close) AS title,
         highlight(marking, 1, @open, @close) AS description,
         snippet(marking, 2, @open, @close, '…', ${snippetWords}) AS body
  FROM temp.marking WHERE marking MATCH @expression`;

/** The hits' title, description and body passage with the matched words between markers, by row. */
function markedRows(db: Database, expression: string, rows: readonly Row[]): Map<number, Marked> {
  db.exec(markingTable);
  db.transaction(() => {
    statement(db, markingClear).run();
    const fill = statement(db, markingFill);
    for (const row of rows) fill.run(row.row);
  })();
  const marked = statement(db, markedSql).all({ open: markOpen, close: markClose, expression }) as (Marked & { row: number })[];
  return new Map(marked.map((entry) => [entry.row, entry]));
}

/**
 * Matches found at most, by default: a query that matches more gives the newest this many, ranked.
 * Counting and ranking read every match, and a query of words most articles have matches nearly
 * all of them (counting them took 10 ms and ranking them 70 ms at 100,000 articles): the newest
 * this many are found by walking back from the newest match, and only they are ranked.
 */
export const defaultRankLimit = 1000;

export interface Page {
  page: number;
  pageSize: number;
  /** See defaultRankLimit. */
  rankLimit: number;
}

interface Found {
  /** Matches found: all of them, or the newest rankLimit when `more`. */
  total: number;
  /** The oldest row among them (rows follow the publication date). */
  oldest: number;
  more: boolean;
}

/** The matches of `expression`, up to the newest `rankLimit` of them. */
function find(db: Database, expression: string, rankLimit: number): Found {
  const rows = statement(db, newestSql).pluck().all(expression, rankLimit + 1) as number[];
  const more = rows.length > rankLimit;
  const total = more ? rankLimit : rows.length;
  return { total, oldest: total > 0 ? (rows[total - 1] as number) : 0, more };
}

/** Ranked hits of `plan` (all words, else any), the page asked for with its snippets. */
export function run(db: Database, plan: Plan, options: Page): Omit<SearchResults, 'query' | 'truncated'> {
  let expression = matchExpression(plan.groups);
  let found = find(db, expression, options.rankLimit);
  if (found.total === 0 && plan.groups.length > 1) {
    expression = matchExpression(plan.groups, { any: true });
    found = find(db, expression, options.rankLimit);
  }
  const didYouMean = plan.didYouMean ? { didYouMean: plan.didYouMean } : {};
  const { total, oldest, more } = found;
  if (total === 0) return { total: 0, page: 1, pageCount: 0, hits: [], ...didYouMean };
  const pageCount = Math.ceil(total / options.pageSize);
  const page = Math.min(Math.max(1, options.page), pageCount);
  const offset = (page - 1) * options.pageSize;
  const size = Math.min(options.pageSize, total - offset);
  const rows = statement(db, rankedSql).all({ expression, oldest, size, offset }) as Row[];
  const marked = markedRows(db, expression, rows);
  const hits = rows.map((row) => toHit(row, marked.get(row.row)));
  const ranked = more ? { rankedNewest: options.rankLimit } : {};
  return { total, page, pageCount, hits, ...ranked, ...didYouMean };
}
