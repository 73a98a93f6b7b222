// Full-text search over articles, on plain documents: whoever holds the content (the blog, from
// the content store's snapshots) keeps an index up to date and queries it per request.
export { buildSearchIndex, searchIndex, maxQueryChars, SearchIndex } from './search.js';
export type { SearchDoc, SearchHit, SearchOptions, SearchResults, SnippetPart } from './search.js';
export { searchDocFromMarkdown } from './text.js';
/** How text becomes terms and how queries match: for comparing the index with a plain MiniSearch (tests, bench). */
export * as searchTerms from './terms.js';
