import { readdir, readFile, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** What a state file must tell the pruner: the directory it describes and the keys it still needs. */
export interface PrunableState {
  /** Absolute articles directory (absent in state files written before pruning existed). */
  dir?: string;
  records: PrunableRecord[];
}

interface PrunableRecord {
  file: string;
  key: string;
  sourceKey?: string;
  good?: { key: string };
}

export interface PruneResult {
  /** Cache files removed (bodies, summaries, dependency lists, abandoned temp files). */
  removed: number;
  /** State files removed because their articles directory no longer exists. */
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
 * Removes cache entries no state file refers to: old versions of edited files, deleted files,
 * versions of an older compiler. Safe with several stores (several article directories, replicas,
 * dev and build) sharing one cache: every state file in the cache counts, and nothing younger than
 * `graceMs` is touched, so an entry compiled by another process whose state is not saved yet (at most
 * a second or so behind) survives. A state file whose articles directory is gone (a deleted temp
 * site) stops keeping its entries once it is older than the grace period too.
 */
export async function pruneCache(
  cacheDir: string,
  options: { graceMs: number; now: number; live?: Iterable<string> },
): Promise<PruneResult> {
  const result: PruneResult = { removed: 0, statesRemoved: 0, kept: 0 };
  const cutoff = options.now - options.graceMs;
  // The caller's own keys count even before its state file is written.
  const live = new Set<string>(options.live);
  const byState = new Map<string, Map<string, PrunableRecord>>();
  const removedStates = new Set<string>();
  const addLive = (record: PrunableRecord): void => {
    if (record.key) live.add(record.key);
    if (record.sourceKey) live.add(record.sourceKey);
    if (record.good?.key) live.add(record.good.key);
  };
  const stateDir = path.join(cacheDir, 'state');
  for (const name of await readdir(stateDir).catch(() => [] as string[])) {
    const file = path.join(stateDir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (name.endsWith('.journal')) continue; // after the state files (below)
    if (name.endsWith('.tmp')) {
      // A state file being written, or abandoned by a crash.
      if (info.mtimeMs <= cutoff) await unlink(file).catch(() => undefined);
      continue;
    }
    let state: PrunableState;
    try {
      state = JSON.parse(await readFile(file, 'utf8')) as PrunableState;
    } catch {
      // Damaged: without knowing what it needs, nothing may be pruned this time.
      return result;
    }
    if (state.dir && info.mtimeMs <= cutoff && !(await exists(state.dir))) {
      await unlink(file).catch(() => undefined);
      await unlink(file.replace(/\.json$/, '.journal')).catch(() => undefined);
      removedStates.add(name.replace(/\.json$/, ''));
      result.statesRemoved += 1;
      continue;
    }
    const current = new Map<string, PrunableRecord>();
    for (const record of state.records ?? []) current.set(record.file, record);
    byState.set(name.replace(/\.json$/, ''), current);
  }
  for (const name of await readdir(stateDir).catch(() => [] as string[])) {
    if (!name.endsWith('.journal')) continue;
    const base = name.replace(/\.journal$/, '');
    if (removedStates.has(base)) continue;
    const current = byState.get(base) ?? new Map<string, PrunableRecord>();
    byState.set(base, current);
    // Changes not folded into the state file yet, applied in order (a torn line is skipped).
    const text = await readFile(path.join(stateDir, name), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      try {
        const entry = JSON.parse(line) as { file: string; record: PrunableRecord | null };
        if (entry.record) current.set(entry.file, entry.record);
        else current.delete(entry.file);
      } catch {
        // torn or empty line
      }
    }
  }
  for (const current of byState.values()) for (const record of current.values()) addLive(record);
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
