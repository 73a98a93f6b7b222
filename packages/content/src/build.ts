import path from 'node:path';
import { readConfiguration } from './check.js';
import { findSiteRoot, siteLayout } from './site/layout.js';
import { renameSync } from 'node:fs';
import { identityOf, markClosedCleanly, takeCleanClose } from './search/clean-close.js';
import { removeFiles } from './search/database.js';
import { SearchIndex } from './search/fts-index.js';
import type { SearchDoc } from './search/search.js';
import { searchIndexFile, syncSearchIndex } from './search/sync.js';
import type { ContentSnapshot, SnapshotEntry } from './store/types.js';
import { createContentStore } from './store/store.js';

export interface BuildOptions {
  /** The articles folder, or any folder of the site (default: the working directory's site). */
  target?: string;
  /** Where to write the database and compiled articles (default: the site's server cache). */
  cacheDir?: string;
  /** The working directory: content kept apart from the blog takes the pages of the blog it is built from (default process.cwd()). */
  cwd?: string;
  log: (message: string) => void;
}

export interface BuildResult {
  articles: number;
  compiled: number;
  fromCache: number;
  cacheDir: string;
  /** The search index written beside the records (what the blog's search opens). */
  searchIndexFile: string;
}

/**
 * The build-time database for a deploy: the store the server runs, run once over the whole site
 * (every file compiled and judged, no progressive serving) with the site's own pages, people.yml
 * and site.yml, leaving the store's database, the compiled articles and the search index of the
 * published articles in the server's cache. A
 * server started on that cache finds its compiler's records and the files' keys there and serves
 * the whole site at once (it still looks at each file: an edited one is compiled again).
 */
export async function buildContent(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const start = path.resolve(cwd, options.target ?? '.');
  // The site of the target only (never the working directory's articles), with its pages found as
  // the check finds them: above the content root, else from the blog it is built from.
  const root = findSiteRoot(start);
  const site = root ? siteLayout(root, { pagesFrom: [cwd] }) : undefined;
  const dir = site?.articlesDir ?? start;
  const routesFile = site?.routesFile;
  const cacheDir = options.cacheDir ?? site?.cacheDir ?? path.join(routesFile ? path.dirname(routesFile) : cwd, 'node_modules', '.cache', 'cited-content');
  const configuration = readConfiguration(site, {}, cwd);
  const store = createContentStore({
    dir,
    cacheDir,
    watch: false,
    eagerLimit: Number.POSITIVE_INFINITY,
    pruneAfterMs: false,
    routes: site?.routes ?? ['/'],
    log: options.log,
    ...(configuration.people ? { people: () => configuration.people as NonNullable<typeof configuration.people> } : {}),
    ...(configuration.site ? { site: () => configuration.site as NonNullable<typeof configuration.site> } : {}),
  });
  try {
    await store.ready;
    const snapshot = await store.settled();
    const indexFile = await writeSearchIndex(snapshot, { cacheDir, dir, readDoc: (entry) => store.searchDoc(entry), log: options.log });
    return { articles: snapshot.articles.length, compiled: store.stats.compiled, fromCache: store.stats.fromCache, cacheDir, searchIndexFile: indexFile };
  } finally {
    await store.close();
  }
}

interface SearchIndexTarget {
  cacheDir: string;
  dir: string;
  readDoc: (entry: SnapshotEntry) => Promise<SearchDoc | null>;
  log: (message: string) => void;
}

/**
 * The search index too, so a deploy's first search finds it written instead of building it. Written
 * afresh beside the target and renamed over it: a kept file may come from any earlier build, and a
 * server still running on the old file keeps reading it until it restarts.
 */
async function writeSearchIndex(snapshot: ContentSnapshot, target: SearchIndexTarget): Promise<string> {
  const indexFile = searchIndexFile(target.cacheDir, target.dir);
  const building = `${indexFile}.building-${process.pid}`;
  removeFiles(building);
  const index = new SearchIndex({ file: building, log: target.log });
  try {
    if (!(await syncSearchIndex(index, snapshot, { readDoc: target.readDoc }))) throw new Error(`the search index ${building} was found damaged while it was written`);
  } finally {
    index.close();
  }
  // Written whole and closed here (its mark says so): the server that opens it skips the check of every page.
  const closed = takeCleanClose(building);
  // No -wal or -shm of an older file may be applied to the new one.
  removeFiles(indexFile);
  renameSync(building, indexFile);
  const renamed = identityOf(indexFile);
  if (closed && renamed) markClosedCleanly(indexFile, renamed);
  return indexFile;
}
