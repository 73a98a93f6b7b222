// What full-text search takes and gives, as plain data: shared by the compile (which produces a
// SearchDoc per article), the content store (which caches it) and the SQLite index
// (@cited/content/search). Nothing here needs Node or a database.

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
  /** A passage of the body around the words found, else the description (marked where it matched). */
  snippet: SnippetPart[];
  tags: readonly string[];
  category: string;
  published: string;
  /** Relevance (bm25 with column weights, higher is better); comparable within one query only. */
  score: number;
}

export interface SearchResults {
  /** The query as searched: trimmed, whitespace collapsed, cut to maxQueryChars. */
  query: string;
  /** True when the query was longer than maxQueryChars (or had more than maxQueryTerms words). */
  truncated: boolean;
  /** Articles found: every match, or with `rankedNewest`, the newest of them (more matched). */
  total: number;
  page: number;
  pageCount: number;
  hits: SearchHit[];
  /**
   * Present when more articles matched than this (SearchIndexOptions.rankLimit): the results are
   * the newest this many, ranked by relevance, and `total` and `pageCount` count only them. The
   * older matches are not counted or listed: a query of words most articles have would read them all.
   */
  rankedNewest?: number;
  /** A corrected query when words were not found and close spellings were ("prolotheraphy" → "prolotherapy"). */
  didYouMean?: string;
}

export interface SearchOptions {
  /** 1-based; clamped to the pages there are. */
  page?: number;
  /** Hits per page (default 10). */
  pageSize?: number;
}
