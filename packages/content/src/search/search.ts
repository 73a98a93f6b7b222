import { CompactEngine, type EngineResult, type EngineSearch, type MatchDetail } from './engine.js';
import { markTerms, snippetOf, snippetSourceChars, type SnippetPart } from './snippet.js';
import { detached, normalize, processTerm, querySettings, searchFields, stopWords, tokenize } from './terms.js';

export type { SnippetPart } from './snippet.js';

/** What the index needs of one article: plain text only, no markdown, no tree. */
export interface SearchDoc {
  /** The article's slug. */
  id: string;
  title: string;
  description: string;
  tags: readonly string[];
  category: string;
  headings: readonly string[];
  body: string;
  /** ISO date, the tie-breaker between equally relevant articles (newer first). */
  published: string;
}

export interface SearchHit {
  id: string;
  title: string;
  titleParts: SnippetPart[];
  description: string;
  snippet: SnippetPart[];
  tags: readonly string[];
  category: string;
  published: string;
  score: number;
}

export interface SearchResults {
  /** The query as searched: trimmed, whitespace collapsed, cut to maxQueryChars. */
  query: string;
  /** True when the query was longer than maxQueryChars (or had more than maxQueryTerms words). */
  truncated: boolean;
  total: number;
  page: number;
  pageCount: number;
  hits: SearchHit[];
  /** A corrected query when the results came from near spellings ("prolotheraphy" → "prolotherapy"). */
  didYouMean?: string;
}

export interface SearchOptions {
  page?: number;
  pageSize?: number;
  /**
   * The searchable text of an article (its body), read for the hits of the page shown only, to
   * cut their snippets from: the index does not keep article text. Null, or a failed read, and
   * the snippet comes from the description.
   */
  loadText?: (id: string) => Promise<string | null> | string | null;
}

/** What results show of an article: its card, not its text. */
interface StoredDoc {
  title: string;
  description: string;
  tags: readonly string[];
  category: string;
  published: string;
}

/** Longer queries are cut (a search box, not a document): bounds the work a request can ask for. */
export const maxQueryChars = 200;
const maxQueryTerms = 12;

function fieldText(doc: SearchDoc, field: (typeof searchFields)[number]): string {
  const value = doc[field];
  return Array.isArray(value) ? value.join(' \n ') : String(value ?? '');
}

/**
 * The index: a CompactEngine (MiniSearch's ranking on compact storage) plus what result cards show
 * and tag counts. Updated in place, one article at a time, so a site's index follows its content
 * without being rebuilt. Article bodies are indexed, never kept.
 */
export class SearchIndex {
  readonly engine = new CompactEngine({
    fields: searchFields,
    tokenize,
    processTerm,
  });
  readonly stored = new Map<string, StoredDoc>();
  private readonly tagCounts = new Map<string, number>();
  private popular: { tag: string; count: number }[] | undefined;

  get size(): number {
    return this.stored.size;
  }

  /** Tags by how many articles carry them, most first (ties alphabetical). */
  get popularTags(): readonly { tag: string; count: number }[] {
    this.popular ??= [...this.tagCounts]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
    return this.popular;
  }

  has(id: string): boolean {
    return this.stored.has(id);
  }

  /** Adds or replaces the document with this id (one entry per slug, as the site has one page per slug). */
  set(doc: SearchDoc): void {
    this.delete(doc.id);
    this.engine.add(
      doc.id,
      searchFields.map((field) => fieldText(doc, field)),
    );
    // Copies: a field cut from a larger string (a parsed file) would keep all of it alive.
    this.stored.set(detached(doc.id), {
      title: detached(doc.title),
      description: detached(doc.description),
      tags: doc.tags.map(detached),
      category: detached(doc.category),
      published: detached(doc.published),
    });
    this.countTags(doc.tags, 1);
  }

  delete(id: string): boolean {
    const stored = this.stored.get(id);
    if (!stored) return false;
    this.engine.remove(id);
    this.stored.delete(id);
    this.countTags(stored.tags, -1);
    return true;
  }

  /**
   * Gives back the room the index grew into while articles were added, when it is worth a rewrite
   * (after a bulk build: roughly halves its memory). Deleted articles are reclaimed by themselves.
   */
  reclaim(): void {
    this.engine.tidy();
  }

  /**
   * Every result of a cleaned query, best first: every word must match (exactly, by prefix or
   * with a typo); when none match that way, any word may. Ties go to the newer article.
   */
  rank(query: string): EngineSearch {
    // Counted as the engine will see them (stop words dropped), so "last word" means the same thing.
    const settings = querySettings(tokenize(query).filter((word) => !stopWords.has(normalize(word))).length);
    let search = this.engine.search(query, { ...settings, combineWith: 'AND' });
    if (search.results.length === 0) search = this.engine.search(query, { ...settings, combineWith: 'OR' });
    const published = (id: string) => this.stored.get(id)?.published ?? '';
    search.results.sort((a, b) => b.score - a.score || published(b.id).localeCompare(published(a.id)));
    return search;
  }

  private countTags(tags: readonly string[], change: 1 | -1): void {
    for (const tag of new Set(tags)) {
      const count = (this.tagCounts.get(tag) ?? 0) + change;
      if (count > 0) this.tagCounts.set(detached(tag), count);
      else this.tagCounts.delete(tag);
    }
    this.popular = undefined;
  }
}

/** An index of `docs`; a repeated id keeps its first document. */
export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) if (!index.has(doc.id)) index.set(doc);
  index.reclaim();
  return index;
}

function cleanQuery(raw: string): { query: string; truncated: boolean } {
  // Control characters and lone surrogates carry no words; whitespace runs become one space.
  const collapsed = raw
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\p{Cs}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  let query = collapsed.length > maxQueryChars ? collapsed.slice(0, maxQueryChars).trim() : collapsed;
  let truncated = query.length < collapsed.length;
  const terms = tokenize(query);
  if (terms.length > maxQueryTerms) {
    query = terms.slice(0, maxQueryTerms).join(' ');
    truncated = true;
  }
  return { query, truncated };
}

/** The start of an article's text for its snippet, or null (no loader, no text, a failed read). */
async function snippetSource(loadText: SearchOptions['loadText'], id: string): Promise<string | null> {
  if (!loadText) return null;
  try {
    const text = await loadText(id);
    return typeof text === 'string' ? text.slice(0, snippetSourceChars) : null;
  } catch {
    return null;
  }
}

function toHit(result: EngineResult, detail: MatchDetail, stored: StoredDoc, text: string | null): SearchHit {
  const terms = new Set(detail.terms.map(normalize));
  const snippet = (text === null ? null : snippetOf(text, terms)) ??
    snippetOf(stored.description, terms) ?? [{ text: stored.description, match: false }];
  return {
    id: result.id,
    title: stored.title,
    titleParts: markTerms(stored.title, terms),
    description: stored.description,
    snippet,
    tags: stored.tags,
    category: stored.category,
    published: stored.published,
    score: result.score,
  };
}

/**
 * Ranked results for a reader's query (see SearchIndex.rank), one page of them with snippets.
 * Never throws on any string; only the page's hits have their text loaded.
 */
export async function searchIndex(index: SearchIndex, rawQuery: string, options: SearchOptions = {}): Promise<SearchResults> {
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 10));
  const { query, truncated } = cleanQuery(rawQuery);
  const empty: SearchResults = {
    query,
    truncated,
    total: 0,
    page: 1,
    pageCount: 0,
    hits: [],
  };
  if (tokenize(query).length === 0 || index.size === 0) return empty;

  const { results, details } = index.rank(query);
  if (results.length === 0) return empty;
  const pageCount = Math.ceil(results.length / pageSize);
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  const shown = results.slice((page - 1) * pageSize, page * pageSize).map((result) => ({
    result,
    stored: index.stored.get(result.id) as StoredDoc,
  }));
  // Matched words are worked out for the best result and the page only, before the index can change.
  const [best, ...shownDetails] = details([results[0] as EngineResult, ...shown.map(({ result }) => result)]);
  const didYouMean = correctedQuery(query, (best as MatchDetail).match);
  const texts = await Promise.all(shown.map(({ result }) => snippetSource(options.loadText, result.id)));
  const hits = shown.map(({ result, stored }, i) => toHit(result, shownDetails[i] as MatchDetail, stored, texts[i] ?? null));
  return {
    query,
    truncated,
    total: results.length,
    page,
    pageCount,
    hits,
    ...(didYouMean ? { didYouMean } : {}),
  };
}

/**
 * The query with each word replaced by the index word it matched in the best result, when that
 * differs (a typo matched fuzzily), not when it was a prefix of it. Undefined when nothing changes.
 */
function correctedQuery(query: string, matched: Record<string, string[]>): string | undefined {
  const words = tokenize(query);
  let changed = false;
  const corrected = words.map((word) => {
    const term = normalize(word);
    if (term in matched) return word;
    const candidates = Object.keys(matched).filter((indexTerm) => !indexTerm.startsWith(term));
    const closest = candidates.sort((a, b) => editDistance(term, a) - editDistance(term, b))[0];
    if (closest && editDistance(term, closest) <= 2 && !Object.keys(matched).some((t) => t.startsWith(term))) {
      changed = true;
      return closest;
    }
    return word;
  });
  return changed ? corrected.join(' ') : undefined;
}

/** Levenshtein distance (short words only: query words are capped at 40 characters). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
