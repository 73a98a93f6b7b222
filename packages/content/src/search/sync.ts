// Keeping a search index in step with the content store's snapshots: one implementation for the
// server (each published snapshot) and `cited-content build` (the build-time database), so a
// fresh deploy finds its index written and its first search does not build it.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ContentSnapshot, SnapshotEntry } from '../store/types.js';
import type { SearchIndex } from './fts-index.js';
import type { SearchDoc } from './search.js';

/**
 * The index file for an articles directory in a store's cache directory: one file per directory,
 * as the store keeps its records per directory.
 */
export function searchIndexFile(cacheDir: string, articlesDir: string): string {
  const name = createHash('sha256').update(path.resolve(articlesDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'search', `${name}.sqlite`);
}

export interface SearchSyncOptions {
  /** The search text of a published version (ContentStore.searchDoc: from the store's cache). */
  readDoc: (entry: SnapshotEntry) => Promise<SearchDoc | null>;
  /**
   * The snapshot an earlier sync brought this index to: when the file still says so (no write
   * since), only the two snapshots are compared, and nothing is read of the index's keys.
   */
  since?: ContentSnapshot;
  /** Articles read and written per transaction (default 50). */
  batchSize?: number;
  /** Awaited between batches, e.g. to give a server's event loop a turn. */
  between?: () => Promise<void>;
}

/** A sync this large is worth merging into one full-text segment afterwards. */
const optimizeAfter = 200;

interface Changes {
  /** Slugs the index holds and the snapshot does not publish. */
  gone: string[];
  /** Slug and content key of each published article the index does not hold at that key. */
  changed: [string, string][];
}

const isPublished = (snapshot: ContentSnapshot, slug: string): SnapshotEntry | undefined => {
  const entry = snapshot.entry(slug);
  return entry?.visibility === 'published' ? entry : undefined;
};

/**
 * Between two snapshots, by their own lookups: two per article, no copy of either (a publish at
 * 100,000 articles compares them without reading the index or making a map of every slug).
 */
function changesSince(since: ContentSnapshot, snapshot: ContentSnapshot): Changes {
  const changed: [string, string][] = [];
  for (const article of snapshot.articles) {
    const entry = isPublished(snapshot, article.slug) as SnapshotEntry;
    if (isPublished(since, article.slug)?.key !== entry.key) changed.push([article.slug, entry.key]);
  }
  const gone = since.articles.filter((article) => !isPublished(snapshot, article.slug)).map((article) => article.slug);
  return { gone, changed };
}

/** Against the keys the index holds (a first sync: a start, a file another process wrote). */
async function changesFromIndex(index: SearchIndex, snapshot: ContentSnapshot, options: SearchSyncOptions): Promise<Changes | undefined> {
  const generation = index.generation;
  // Each step below walks every article (about 80 ms each at 100,000 on this machine): a turn for
  // the server between them, so a reader never waits for the whole comparison.
  const wanted = new Map<string, string>();
  for (const article of snapshot.articles) {
    const entry = isPublished(snapshot, article.slug);
    if (entry) wanted.set(article.slug, entry.key);
  }
  await options.between?.();
  const indexed = index.keys();
  await options.between?.();
  if (index.generation !== generation) return undefined;
  const gone = [...indexed.keys()].filter((slug) => !wanted.has(slug));
  const changed = [...wanted].filter(([slug, key]) => indexed.get(slug) !== key);
  await options.between?.();
  if (index.generation !== generation) return undefined;
  index.shareKeys(wanted);
  return { gone, changed };
}

/**
 * Brings `index` to the published articles of `snapshot`: compares each slug's content key with
 * the one the index holds and writes only the articles that appeared, changed or went. The index
 * then records the snapshot's version, so a restart on unchanged content compares nothing.
 * Returns false when the index was found damaged (and emptied) meanwhile: the caller starts over.
 */
export async function syncSearchIndex(index: SearchIndex, snapshot: ContentSnapshot, options: SearchSyncOptions): Promise<boolean> {
  const generation = index.generation;
  const batchSize = options.batchSize ?? 50;
  const synced = index.syncedVersion;
  if (index.generation !== generation) return false;
  if (synced === snapshot.version) return true;
  const changes = options.since && synced === options.since.version ? changesSince(options.since, snapshot) : await changesFromIndex(index, snapshot, options);
  if (!changes || index.generation !== generation) return false;
  const { gone, changed } = changes;
  index.apply({ delete: gone });
  let unread = false;
  for (let start = 0; start < changed.length; start += batchSize) {
    const batch = changed.slice(start, start + batchSize);
    const docs = await Promise.all(
      batch.map(async ([slug, key]) => {
        const entry = snapshot.entry(slug);
        return { slug, key, doc: entry ? await options.readDoc(entry) : null };
      }),
    );
    if (index.generation !== generation) return false;
    unread ||= docs.some(({ doc }) => !doc);
    index.apply({
      set: docs.flatMap(({ slug, key, doc }) => (doc ? [{ doc: { ...doc, id: slug }, key }] : [])),
      // No search text (a cache read failed): no stale version stays; the next sync tries again.
      delete: docs.flatMap(({ slug, doc }) => (doc ? [] : [slug])),
    });
    await options.between?.();
  }
  if (index.generation !== generation) return false;
  if (changed.length >= optimizeAfter) index.optimize();
  // Not when a version could not be read: the next sync must find it missing and try again.
  if (!unread) index.markSynced(snapshot.version);
  return true;
}
