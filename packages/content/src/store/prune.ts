import { readdir, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.js';

export interface PruneResult {
  /** Cache files removed (bodies, summaries, dependency lists, abandoned temp files). */
  removed: number;
  /** Articles directories whose records were dropped because the directory no longer exists. */
  statesRemoved: number;
  /** Cache files kept. */
  kept: number;
}

/** Object files are named `<key>.json`, `<key>.summary.json`, `<key>.deps.json` (or `….tmp` while written). */
function keyOf(fileName: string): string {
  return fileName.slice(0, fileName.indexOf('.'));
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

/**
 * The keys every articles directory recorded in the store's database still needs; the records of
 * a directory that is gone (a deleted temp site) are dropped once older than the grace period.
 */
async function liveKeysOf(db: Database, cacheDir: string, cutoff: number, result: PruneResult): Promise<Set<string>> {
  const sites = db.prepare('SELECT id, dir, saved_at FROM sites').all() as { id: number; dir: string; saved_at: number }[];
  for (const site of sites) {
    if (site.saved_at > cutoff || (await exists(path.resolve(cacheDir, site.dir)))) continue;
    db.prepare('DELETE FROM sites WHERE id = ?').run(site.id);
    result.statesRemoved += 1;
  }
  const live = new Set<string>();
  for (const row of db.prepare('SELECT key, source_key, good_key FROM records').raw().iterate() as IterableIterator<(string | null)[]>) {
    for (const key of row) if (key) live.add(key);
  }
  return live;
}

/**
 * Removes cache entries no articles directory refers to: old versions of edited files, deleted
 * files, versions of an older compiler. Safe with several stores (several article directories,
 * replicas, dev and build) sharing one cache: every directory's records in the store's database
 * count, and nothing younger than `graceMs` is touched, so an entry compiled by another process
 * whose records are not saved yet (at most a second or so behind) survives.
 */
export async function pruneCache(
  cacheDir: string,
  options: { graceMs: number; now: number; live?: Iterable<string>; db: Database | undefined },
): Promise<PruneResult> {
  const result: PruneResult = { removed: 0, statesRemoved: 0, kept: 0 };
  const cutoff = options.now - options.graceMs;
  // Without the database, what other directories need is unknown: nothing may be pruned.
  if (!options.db) return result;
  const live = await liveKeysOf(options.db, cacheDir, cutoff, result);
  // The caller's own keys count even before its records are saved.
  for (const key of options.live ?? []) live.add(key);
  const objectsDir = path.join(cacheDir, 'objects');
  for (const shard of await readdir(objectsDir).catch(() => [] as string[])) {
    const shardDir = path.join(objectsDir, shard);
    const names = await readdir(shardDir).catch(() => [] as string[]);
    let left = names.length;
    for (const name of names) {
      if (live.has(keyOf(name))) {
        result.kept += 1;
        continue;
      }
      const file = path.join(shardDir, name);
      const info = await stat(file).catch(() => undefined);
      if (!info || info.mtimeMs > cutoff) {
        result.kept += 1;
        continue;
      }
      await unlink(file).then(
        () => {
          result.removed += 1;
          left -= 1;
        },
        () => undefined,
      );
    }
    if (left === 0) await rmdir(shardDir).catch(() => undefined);
  }
  return result;
}
