// @cited/content/search: full-text search over articles in SQLite FTS5 (better-sqlite3, Node only).
// Whoever holds the content (the blog, from the content store's snapshots) keeps an index up to date
// and queries it per request; the core package turns articles into SearchDocs
// (searchDocFromMarkdown), so this entry loads no markdown parser: a restarted server's first
// search only waits for SQLite.
export { SearchIndex, buildSearchIndex, searchIndex } from './fts-index.js';
export type { SearchChanges, SearchIndexOptions } from './fts-index.js';
export { maxQueryChars } from './query.js';
export { searchIndexFile, syncSearchIndex } from './sync.js';
export type { SearchSyncOptions } from './sync.js';
export { schemaVersion } from './version.js';
export type { SearchDoc, SearchHit, SearchOptions, SearchResults, SnippetPart } from './search.js';
