// One search over the index's database: the query's words (misspelt ones replaced by close
// spellings), every word if possible else any, ranked by bm25 with column weights (newer first on
// ties), one page of hits with FTS5 highlight() and snippet() turned into text parts.
import { bm25, column, statement, type Database } from './database.js';
import { matchExpression, tokenize, type MatchGroup, type QueryWord } from './query.js';
import type { SearchHit, SearchResults, SnippetPart } from './search.js';
import { spellings } from './vocabulary.js';

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
 * The MATCH groups for the query's words: a word the index has (or, the last one, begins) as it
 * is; a word it lacks as its close spellings, the closest of which goes into "Did you mean".
 */
export function plan(db: Database, query: string, words: readonly QueryWord[]): Plan {
  const corrections = new Map<number, string>();
  const groups = words.map((word): MatchGroup => {
    const asTyped = { alternatives: [word.text], prefix: word.prefix };
    // A word with an apostrophe is a phrase; its parts are checked by the index, not corrected.
    if (words.length > maxFuzzyWords || /['’]/.test(word.text) || hasMatch(db, matchExpression([asTyped]))) return asTyped;
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

const countSql = 'SELECT count(*) FROM search WHERE search MATCH ?';
// CROSS JOIN keeps the full-text table outside, where bm25() has its match.
const pageSql = `
  SELECT a.row, a.id, a.title, a.description, a.tags, a.category, a.published, -${bm25} AS score
  FROM search CROSS JOIN articles AS a ON a.row = search.rowid
  WHERE search MATCH ?
  ORDER BY score DESC, a.published DESC, a.id
  LIMIT ? OFFSET ?`;
// The CAST is needed: FTS5 ignores a rowid constraint beside MATCH when the value comes as a
// float, as JavaScript numbers are bound, and would mark every matching row's text.
const markedSql = `
  SELECT highlight(search, ${column.title}, @open, @close) AS title,
         highlight(search, ${column.description}, @open, @close) AS description,
         snippet(search, ${column.body}, @open, @close, '…', ${snippetWords}) AS body
  FROM search WHERE search MATCH @expression AND rowid = CAST(@row AS INTEGER)`;

export interface Page {
  page: number;
  pageSize: number;
}

/** Ranked hits of `plan` (all words, else any), the page asked for with its snippets. */
export function run(db: Database, plan: Plan, { page, pageSize }: Page): Omit<SearchResults, 'query' | 'truncated'> {
  let expression = matchExpression(plan.groups);
  let total = statement(db, countSql).pluck().get(expression) as number;
  if (total === 0 && plan.groups.length > 1) {
    expression = matchExpression(plan.groups, { any: true });
    total = statement(db, countSql).pluck().get(expression) as number;
  }
  const didYouMean = plan.didYouMean ? { didYouMean: plan.didYouMean } : {};
  if (total === 0) return { total: 0, page: 1, pageCount: 0, hits: [], ...didYouMean };
  const pageCount = Math.ceil(total / pageSize);
  const shown = Math.min(Math.max(1, page), pageCount);
  const rows = statement(db, pageSql).all(expression, pageSize, (shown - 1) * pageSize) as Row[];
  const markedStatement = statement(db, markedSql);
  const hits = rows.map((row) => toHit(row, markedStatement.get({ open: markOpen, close: markClose, expression, row: row.row }) as Marked | undefined));
  return { total, page: shown, pageCount, hits, ...didYouMean };
}
