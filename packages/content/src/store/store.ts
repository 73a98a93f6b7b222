import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { checkPersonIds } from '../people/check.js';
import type { SearchDoc } from '../search/search.js';
import type { Article, Diagnostic } from '../types.js';
import { compilerFingerprint, contentKey, defaultCacheDir, readObject, readSearchDoc, readSummary, statePath, writeAtomic } from './cache.js';
import { compileVersion } from './job.js';
import { checkSiteLinks } from './links.js';
import { CompilePool, defaultWorkerCount, defaultWorkerFile } from './pool.js';
import { buildSnapshot, type FileRecord } from './snapshot.js';
import type { ContentSnapshot, ContentStore, ContentStoreOptions, SnapshotEntry } from './types.js';

const articleExtension = '.md';

function formatProblem(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`;
}

async function mapLimit<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>, stop: () => boolean): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length && !stop()) await run(items[next++] as T);
  });
  await Promise.all(lanes);
}

interface StateFile {
  fingerprint: string;
  records: FileRecord[];
}

/**
 * A directory of articles as a validated, immutable snapshot (see ContentStore). Work happens once
 * per file version: a file is hashed when its mtime or size changes, compiled only when its content
 * key is new (in a worker pool, result cached on disk), and judged once: a version with errors never
 * replaces the last good one. What was known survives restarts in the cache's state file.
 */
export function createContentStore(options: ContentStoreOptions): ContentStore {
  const dir = path.resolve(options.dir);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const clock = options.clock ?? (() => new Date());
  const preview = options.mode === 'preview';
  const routes = options.routes ?? ['/'];
  const articlePath = options.articlePath ?? ((slug: string) => `/articles/${slug}`);
  const log = options.log ?? ((message: string) => console.error(message));
  const eagerLimit = options.eagerLimit ?? 50;
  const fingerprint = compilerFingerprint();
  const pool = new CompilePool(options.workers ?? defaultWorkerCount(), defaultWorkerFile());
  const bodies = new LRUCache<string, Article>({ max: options.bodyCacheSize ?? 64 });
  const records = new Map<string, FileRecord>();
  const listeners = new Set<(snapshot: ContentSnapshot) => void>();
  const stats = { compiled: 0, fromCache: 0, workers: pool.size };

  let current = buildSnapshot([], { dir, now: clock(), preview });
  let closed = false;
  let work: Promise<unknown> = Promise.resolve();
  let watcher: FSWatcher | undefined;
  let pendingNames = new Set<string>();
  let pendingFull = false;
  let debounce: NodeJS.Timeout | undefined;
  let saveTimer: NodeJS.Timeout | undefined;

  function publish(): void {
    const previous = current.snapshot.version;
    current = buildSnapshot(records.values(), { dir, now: clock(), preview });
    if (current.snapshot.version !== previous) for (const listener of listeners) listener(current.snapshot);
  }

  /** `person-unknown` errors: ids missing from the registry (positions read from the file, only then). */
  function checkPeople(record: FileRecord): Diagnostic[] {
    const registry = options.people?.();
    const { author, reviewedBy } = record.listing;
    if (!registry || [author, reviewedBy].every((id) => id === undefined || registry.has(id))) return [];
    const source = (() => {
      try {
        return readFileSync(path.join(dir, record.file), 'utf8');
      } catch {
        return undefined;
      }
    })();
    return source === undefined ? [] : checkPersonIds(source, record.file, registry);
  }

  /** Decides, once per version, whether it replaces the last good one (it must have no error at all). */
  function judge(record: FileRecord, slugs: ReadonlySet<string>, logKnown: boolean): void {
    // What depends on the rest of the site (link targets, the people registry) is rechecked for
    // the reports, but a published article is never taken down by another file's change.
    record.siteDiagnostics = [...checkSiteLinks(record.links, record.file, { slugs, routes, articlePath }), ...checkPeople(record)];
    if (record.judgedKey === record.key && !logKnown) {
      // Promotion only: a version held back by site-wide errors alone (a link target or a person
      // that did not exist yet) goes live once they are resolved.
      const siteErrors = record.siteDiagnostics.some((d) => d.severity === 'error');
      if (record.ok && !siteErrors && record.good?.key !== record.key) record.good = { key: record.key, listing: record.listing };
      return;
    }
    record.judgedKey = record.key;
    record.provisional = false;
    const errors = [...record.diagnostics, ...record.siteDiagnostics].filter((d) => d.severity === 'error');
    if (errors.length === 0) {
      record.good = { key: record.key, listing: record.listing };
      return;
    }
    const verdict = record.good
      ? `[content] ${record.file} has errors: still serving its last good version`
      : `[content] not publishing ${record.file}`;
    log(`${verdict}\n  ${errors.map(formatProblem).join('\n  ')}`);
  }

  async function loadState(): Promise<void> {
    try {
      const state = JSON.parse(await readFile(statePath(cacheDir, dir), 'utf8')) as StateFile;
      for (const record of state.records) {
        // A new compiler re-judges every file, but the last good versions (on disk) stay served meanwhile.
        if (state.fingerprint !== fingerprint) {
          record.key = '';
          record.judgedKey = undefined;
          record.mtimeMs = -1;
        }
        records.set(record.file, record);
      }
    } catch {
      // No state yet (first run, or a cleared cache): everything is new.
    }
  }

  async function saveState(): Promise<void> {
    const state: StateFile = {
      fingerprint,
      records: [...records.values()]
        .sort((a, b) => (a.file < b.file ? -1 : 1))
        .map(({ provisional: _provisional, ...record }) => record),
    };
    await writeAtomic(statePath(cacheDir, dir), JSON.stringify(state)).catch((error: unknown) => {
      log(`[content] could not write the cache state (${String(error)}); the next start will recheck files`);
    });
  }

  /** Brings one file's record up to date with the disk. Returns false when nothing changed. */
  async function update(name: string, progressive: boolean, inline: boolean): Promise<boolean> {
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => undefined);
    const known = records.get(name);
    if (!info?.isFile()) {
      if (!known) return false;
      records.delete(name);
      return true;
    }
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size && known.key) return false;
    const bytes = await readFile(full).catch(() => undefined);
    if (!bytes) return false;
    const key = contentKey(fingerprint, name, bytes);
    if (known?.key === key) {
      known.mtimeMs = info.mtimeMs;
      known.size = info.size;
      return false;
    }
    let summary = await readSummary(cacheDir, key);
    if (summary) {
      stats.fromCache += 1;
    } else {
      try {
        summary = await pool.compile(name, key, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), cacheDir, dir, inline);
      } catch (error) {
        if (!closed) log(`[content] could not compile ${name}: ${String(error)}`);
        return false;
      }
      stats.compiled += 1;
    }
    const record: FileRecord = {
      file: name,
      mtimeMs: info.mtimeMs,
      size: info.size,
      key,
      ok: summary.ok,
      diagnostics: summary.diagnostics,
      listing: summary.listing,
      links: summary.links,
      siteDiagnostics: [],
      ...(known?.good ? { good: known.good } : {}),
      provisional: progressive && !known?.good && summary.ok,
    };
    records.set(name, record);
    return true;
  }

  /** Updates the given files (or every file), then judges what changed and publishes one snapshot. */
  async function sync(names: Iterable<string> | 'all', onFirstPass?: () => void, initial = false): Promise<void> {
    let targets: string[];
    if (names === 'all') {
      const listed = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        log(`[content] articles directory not found: ${dir}`);
        return [] as string[];
      });
      const present = new Set(listed.filter((name) => name.endsWith(articleExtension)));
      targets = [...new Set([...present, ...records.keys()])].sort();
    } else {
      targets = [...names].filter((name) => name.endsWith(articleExtension)).sort();
    }
    // A large batch of new files (a cold start) publishes progressively; small ones all at once.
    const unknown = targets.filter((name) => !records.has(name)).length;
    const progressive = unknown > eagerLimit;
    if (progressive) onFirstPass?.();
    const inline = names !== 'all' && targets.length <= 2;
    let changed = false;
    let sincePublish = 0;
    let publishes = 0;
    await mapLimit(targets, Math.max(4, pool.size * 2), async (name) => {
      if (await update(name, progressive, inline)) {
        changed = true;
        sincePublish += 1;
        if (progressive && sincePublish >= 200) {
          sincePublish = 0;
          publish();
          // A long cold start that is interrupted keeps what it compiled and judged so far.
          if (++publishes % 5 === 0) await saveState();
        }
      }
    }, () => closed);
    const slugs = new Set<string>();
    for (const record of records.values()) {
      if (record.good) slugs.add(record.good.listing.slug);
      if (record.ok) slugs.add(record.listing.slug);
    }
    // A full pass judges (and re-checks the links of) every file; a watched change only the files
    // it touched, so an edit costs the same on a site of 10 or 10,000 articles. At start-up,
    // files known to be broken from the last run are reported again.
    const judged = names === 'all' ? records.values() : targets.map((name) => records.get(name)).filter((r) => r !== undefined);
    for (const record of judged) judge(record, slugs, initial);
    if (changed || names === 'all') publish();
    if (!changed) return;
    // The state file holds every file's record: written at once after a full pass, and at most
    // once a second (off the path of the edit becoming visible) after watched changes.
    if (names === 'all') await saveState();
    else scheduleSave();
  }

  function scheduleSave(): void {
    if (saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void enqueue(saveState);
    }, 1000);
    saveTimer.unref();
  }

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = work.then(task, task);
    work = next.catch((error: unknown) => log(`[content] ${String(error)}`));
    return next;
  }

  function flushWatched(): void {
    const names = pendingFull ? 'all' : pendingNames;
    pendingNames = new Set();
    pendingFull = false;
    void enqueue(() => sync(names));
  }

  function startWatching(): void {
    try {
      watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name) pendingNames.add(name.toString());
        else pendingFull = true;
        clearTimeout(debounce);
        debounce = setTimeout(flushWatched, 20);
      });
      watcher.on('error', (error) => log(`[content] watching ${dir} stopped: ${String(error)}`));
    } catch (error) {
      log(`[content] cannot watch ${dir} (${String(error)}): changes show after refresh()`);
    }
  }

  const ready = new Promise<void>((resolve, reject) => {
    void enqueue(async () => {
      await loadState();
      // A restart serves what the last run published at once (the last good versions, in the
      // cache) while the directory is checked for changes made while it was down.
      if (records.size > 0) {
        publish();
        resolve();
      }
      // A cold start serves at once too when a long batch is coming.
      await sync(
        'all',
        () => {
          publish();
          resolve();
        },
        true,
      );
    }).then(() => resolve(), reject);
  });
  // A failed start (the directory is unreadable) rejects `ready` for the caller; nothing to watch then.
  void ready.then(
    () => options.watch !== false && !closed && startWatching(),
    () => undefined,
  );

  function snapshot(): ContentSnapshot {
    if (current.nextDue !== undefined && clock().getTime() >= current.nextDue) publish();
    return current.snapshot;
  }

  async function article(slug: string): Promise<Article | null> {
    const entry = snapshot().entry(slug);
    if (!entry) return null;
    const cached = bodies.get(entry.key);
    if (cached) return cached;
    let body = (await readObject(cacheDir, entry.key))?.article;
    const record = records.get(entry.file);
    if (!body && record?.key === entry.key) {
      // The cache was cleared under us: the version on disk is the one served, so rebuild it.
      const bytes = await readFile(path.join(dir, entry.file)).catch(() => undefined);
      if (bytes && contentKey(fingerprint, entry.file, bytes) === entry.key) body = compileVersion(bytes, entry.file, dir).article;
    }
    if (!body) {
      log(`[content] the compiled version of ${entry.file} is missing from the cache (${cacheDir})`);
      return null;
    }
    bodies.set(entry.key, body);
    return body;
  }

  async function searchDoc(entry: SnapshotEntry): Promise<SearchDoc | null> {
    const doc = await readSearchDoc(cacheDir, entry.key);
    if (doc) return doc;
    // Not in the cache (cleared under us): rebuilt from the file when it still holds that version.
    const bytes = await readFile(path.join(dir, entry.file)).catch(() => undefined);
    if (!bytes || contentKey(fingerprint, entry.file, bytes) !== entry.key) return null;
    return compileVersion(bytes, entry.file, dir).search ?? null;
  }

  return {
    ready,
    snapshot,
    article,
    searchDoc,
    refresh: () => enqueue(() => sync('all')).then(snapshot),
    settled: async () => {
      for (let previous; previous !== work; ) {
        previous = work;
        await work;
      }
      return snapshot();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats,
    /** Stops watching and compiling; what was compiled and judged so far is saved for the next start. */
    async close() {
      closed = true;
      clearTimeout(debounce);
      watcher?.close();
      await pool.close();
      await work.catch(() => undefined);
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = undefined;
        await saveState();
      }
    },
  };
}
