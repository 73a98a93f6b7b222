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
  /** Articles read and written per transaction (default 50). */
  batchSize?: number;
  /** Awaited between batches, e.g. to give a server's event loop a turn. */
  between?: () => Promise<void>;
}

/** A sync this large is worth merging into one full-text segment afterwards. */
const optimizeAfter = 200;

/**
 * Brings `index` to the published articles of `snapshot`: compares each slug's content key with
 * the one the index holds and writes only the articles that appeared, changed or went. Returns
 * false when the index was found damaged (and emptied) meanwhile: the caller starts over.
 */
export async function syncSearchIndex(index: SearchIndex, snapshot: ContentSnapshot, options: SearchSyncOptions): Promise<boolean> {
  const generation = index.generation;
  const batchSize = options.batchSize ?? 50;
  // Each step below walks every article (about 80 ms each at 100,000 on this machine): a turn for
  // the server between them, so a reader never waits for the whole comparison.
  const wanted = new Map<string, string>();
  for (const article of snapshot.articles) {
    const entry = snapshot.entry(article.slug);
    if (entry?.visibility === 'published') wanted.set(article.slug, entry.key);
  }
  await options.between?.();
  const indexed = index.keys();
  await options.between?.();
  if (index.generation !== generation) return false;
  const gone = [...indexed.keys()].filter((slug) => !wanted.has(slug));
  const changed = [...wanted].filter(([slug, key]) => indexed.get(slug) !== key);
  await options.between?.();
  if (index.generation !== generation) return false;
  index.shareKeys(wanted);
  index.apply({ delete: gone });
  for (let start = 0; start < changed.length; start += batchSize) {
    const batch = changed.slice(start, start + batchSize);
    const docs = await Promise.all(
      batch.map(async ([slug, key]) => {
        const entry = snapshot.entry(slug);
        return { slug, key, doc: entry ? await options.readDoc(entry) : null };
      }),
    );
    if (index.generation !== generation) return false;
    index.apply({
      set: docs.flatMap(({ slug, key, doc }) => (doc ? [{ doc: { ...doc, id: slug }, key }] : [])),
      // No search text (a cache read failed): no stale version stays; the next sync tries again.
      delete: docs.flatMap(({ slug, doc }) => (doc ? [] : [slug])),
    });
    await options.between?.();
  }
  if (changed.length >= optimizeAfter) index.optimize();
  return true;
}
