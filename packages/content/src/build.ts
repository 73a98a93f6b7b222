import path from 'node:path';
import { readConfiguration } from './check.js';
import { findSite } from './site/layout.js';
import { SearchIndex } from './search/fts-index.js';
import { searchIndexFile, syncSearchIndex } from './search/sync.js';
import { createContentStore } from './store/store.js';

export interface BuildOptions {
  /** The articles folder, or any folder of the site (default: the working directory's site). */
  target?: string;
  /** Where to write the database and compiled articles (default: the site's server cache). */
  cacheDir?: string;
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
  const start = path.resolve(options.target ?? process.cwd());
  const site = findSite([start]);
  const dir = site?.articlesDir ?? start;
  const routesFile = site?.routesFile;
  const cacheDir = options.cacheDir ?? site?.cacheDir ?? path.join(routesFile ? path.dirname(routesFile) : process.cwd(), 'node_modules', '.cache', 'cited-content');
  const configuration = readConfiguration(site, {}, process.cwd());
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
    // The search index too, so a deploy's first search finds it written instead of building it.
    const indexFile = searchIndexFile(cacheDir, dir);
    const index = new SearchIndex({ file: indexFile, log: options.log });
    try {
      await index.checked;
      if (!(await syncSearchIndex(index, snapshot, { readDoc: (entry) => store.searchDoc(entry) }))) throw new Error(`the search index ${indexFile} was found damaged while it was written`);
    } finally {
      index.close();
    }
    return { articles: snapshot.articles.length, compiled: store.stats.compiled, fromCache: store.stats.fromCache, cacheDir, searchIndexFile: indexFile };
  } finally {
    await store.close();
  }
}
