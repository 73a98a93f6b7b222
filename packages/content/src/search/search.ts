import MiniSearch, { type SearchResult } from 'minisearch';

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

/** A run of text, `match` when it is one of the words the query found. Never markup. */
export interface SnippetPart {
  text: string;
  match: boolean;
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
}

interface StoredDoc {
  title: string;
  description: string;
  tags: readonly string[];
  category: string;
  published: string;
  /** The body's first snippetSourceChars characters: enough for a snippet, bounded in memory. */
  text: string;
}

/** Longer queries are cut (a search box, not a document): bounds the work a request can ask for. */
export const maxQueryChars = 200;
const maxQueryTerms = 12;
const snippetSourceChars = 4000;
const snippetChars = 180;

/** Lower case without diacritics, so "sjogren" finds "Sjögren" and "MRI" finds "mri". */
function normalize(term: string): string {
  return term.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Words too common to tell articles apart: not indexed, not searched. Keeping them would make a
 * long query score nearly every article for each of them.
 */
const stopWords = new Set(
  'a an and are as at be but by for from had has have how in is it its of on or that the their them they this to was we were what when which who will with you your'.split(' '),
);

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function tokenize(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

const fields = ['title', 'tags', 'headings', 'description', 'category', 'body'] as const;

function createEngine(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: [...fields],
    extractField: (doc, field) => {
      const value = doc[field as keyof SearchDoc];
      return Array.isArray(value) ? value.join(' \n ') : String(value ?? '');
    },
    tokenize,
    processTerm: (term) => {
      const normalized = normalize(term);
      return normalized.length > 0 && normalized.length <= 40 && !stopWords.has(normalized) ? normalized : null;
    },
  });
}

/**
 * The index: MiniSearch plus what results show (capped text for snippets, tag counts). Updated in
 * place, one article at a time, so a site's index follows its content without being rebuilt.
 */
export class SearchIndex {
  readonly engine = createEngine();
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
    this.engine.add(doc);
    this.stored.set(doc.id, {
      title: doc.title,
      description: doc.description,
      tags: doc.tags,
      category: doc.category,
      published: doc.published,
      text: doc.body.slice(0, snippetSourceChars),
    });
    this.countTags(doc.tags, 1);
  }

  delete(id: string): boolean {
    const stored = this.stored.get(id);
    if (!stored) return false;
    this.engine.discard(id);
    this.stored.delete(id);
    this.countTags(stored.tags, -1);
    return true;
  }

  private countTags(tags: readonly string[], change: 1 | -1): void {
    for (const tag of new Set(tags)) {
      const count = (this.tagCounts.get(tag) ?? 0) + change;
      if (count > 0) this.tagCounts.set(tag, count);
      else this.tagCounts.delete(tag);
    }
    this.popular = undefined;
  }
}

/** An index of `docs`; a repeated id keeps its first document. */
export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) if (!index.has(doc.id)) index.set(doc);
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

/** Longer queries get no typo expansion: each fuzzy word costs a walk of the whole vocabulary. */
const maxFuzzyTerms = 4;

/**
 * Prefix matching from 3 letters on the last word only, the one still being typed ("stem cell
 * thera"); typos from 4 letters, one edit per 4 letters up to 2 ("sciatia", "prolotheraphy").
 */
function searchSettings(termCount: number) {
  return {
    boost: { title: 4, tags: 3, headings: 2, description: 2, category: 1.5, body: 1 },
    prefix: (term: string, index: number) => index === termCount - 1 && term.length >= 3,
    fuzzy: (term: string) => (termCount <= maxFuzzyTerms && term.length >= 4 ? 0.25 : false),
    maxFuzzy: 2,
    weights: { fuzzy: 0.3, prefix: 0.6 },
  };
}

/** Splits `text` into runs, marking whole words that normalize to one of `terms`. */
function markTerms(text: string, terms: ReadonlySet<string>): SnippetPart[] {
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
function snippetOf(text: string, terms: ReadonlySet<string>): SnippetPart[] | null {
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

function toHit(result: SearchResult, stored: StoredDoc): SearchHit {
  const terms = new Set(result.terms.map(normalize));
  const snippet =
    snippetOf(stored.text, terms) ?? snippetOf(stored.description, terms) ?? [{ text: stored.description, match: false }];
  return {
    id: String(result.id),
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
 * Ranked results for a reader's query: every word must match (exactly, by prefix or with a typo);
 * when none match that way, any word may. Never throws on any string.
 */
export function searchIndex(index: SearchIndex, rawQuery: string, options: SearchOptions = {}): SearchResults {
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 10));
  const { query, truncated } = cleanQuery(rawQuery);
  const empty: SearchResults = { query, truncated, total: 0, page: 1, pageCount: 0, hits: [] };
  if (tokenize(query).length === 0 || index.size === 0) return empty;

  // Counted as MiniSearch will see them (stop words dropped), so "last word" means the same thing.
  const settings = searchSettings(tokenize(query).filter((word) => !stopWords.has(normalize(word))).length);
  let results = index.engine.search(query, { ...settings, combineWith: 'AND' });
  if (results.length === 0) results = index.engine.search(query, { ...settings, combineWith: 'OR' });
  if (results.length === 0) return empty;
  results.sort(
    (a, b) =>
      b.score - a.score ||
      (index.stored.get(String(b.id))?.published ?? '').localeCompare(index.stored.get(String(a.id))?.published ?? ''),
  );

  const pageCount = Math.ceil(results.length / pageSize);
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  const hits = results
    .slice((page - 1) * pageSize, page * pageSize)
    .map((result) => toHit(result, index.stored.get(String(result.id)) as StoredDoc));
  const didYouMean = correctedQuery(query, results[0] as SearchResult);
  return { query, truncated, total: results.length, page, pageCount, hits, ...(didYouMean ? { didYouMean } : {}) };
}

/**
 * The query with each word replaced by the index word it matched in the best result, when that
 * differs (a typo matched fuzzily), not when it was a prefix of it. Undefined when nothing changes.
 */
function correctedQuery(query: string, best: SearchResult): string | undefined {
  const words = tokenize(query);
  let changed = false;
  const corrected = words.map((word) => {
    const term = normalize(word);
    const matched = best.match;
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
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
