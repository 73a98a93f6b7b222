// Full-text search over articles: pure functions on plain documents, so whoever holds the
// content (the blog's catalog today, a content store tomorrow) builds the index once per
// snapshot and queries it per request.
export { buildSearchIndex, searchIndex, maxQueryChars } from './search.js';
export type { SearchDoc, SearchHit, SearchIndex, SearchOptions, SearchResults, SnippetPart } from './search.js';
export { searchDocFromMarkdown } from './text.js';
