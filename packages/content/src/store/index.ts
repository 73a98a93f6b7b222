// The content store: a directory of articles as a validated, immutable, incrementally updated
// snapshot. Node-only (files, worker threads); the core (`@cited/content`) stays browser-safe.
export { createContentStore } from './store.js';
export { checkSiteLinks } from '../site/links.js';
export type { SiteMap } from '../site/links.js';
export { liveAt, newestFirst } from './snapshot.js';
export { defaultCacheDir, compilerFingerprint } from './cache.js';
export type {
  ArticleListing,
  CompileSummary,
  ContentProgress,
  ContentSnapshot,
  ContentStore,
  ContentStoreOptions,
  FileReport,
  ListingPage,
  ListingQuery,
  PruneResult,
  SiteLink,
  SnapshotEntry,
  StoreClock,
  Visibility,
} from './types.js';
