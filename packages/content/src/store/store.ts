import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import type { SearchDoc } from '../search/search.js';
import type { Article } from '../types.js';
import { compilerFingerprint, contentKey, defaultCacheDir, judgeFingerprint, readObject, readSearchDoc, versionKey } from './cache.js';
import { siteRulesSignature } from '../site/trust.js';
import { articleExtension, ChangeQueue } from './changes.js';
import type { compileVersion } from './job.js';
import { loadCompiler } from './load-compiler.js';
import { judgeRecords, runPass, type PassContext, type PassOptions } from './pass.js';
import { CompilePool, defaultWorkerCount, defaultWorkerFile } from './pool.js';
import { PassProgress } from './progress.js';
import { pruneCache, type PruneResult } from './prune.js';
import { RecordBook } from './records.js';
import { rememberLiveSlugs } from './url-continuity.js';
import { statDirectoryInWorker } from './scan.js';
import { buildSnapshot, type BuiltSnapshot, type FileRecord } from './snapshot.js';
import { SiteIndex } from '../site/site-index.js';
import type { ContentSnapshot, ContentStore, ContentStoreOptions, ListingPage, ListingQuery, SnapshotEntry } from './types.js';
import { FileUpdater } from './update.js';
import { DirectoryWatcher } from './watch.js';

/** After the start-up pass: the server's first answers and warm-up renders go first. */
const warmUpMs = 1_000;
/**
 * Records learnt per turn of the event loop by that warm-up: 5 ms of short articles, 11 ms of the
 * seed's (links, diagnostics) on this machine. 5,000 held a reader for 55 ms at 10,000 seed copies.
 */
const siteIndexSliceSize = 1_000;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A directory of articles as a validated, immutable snapshot (see ContentStore). Work happens once
 * per file version: a file is hashed when its mtime or size changes, compiled only when its content
 * key is new (in a worker pool, result cached on disk), and judged against the rest of the site
 * (site/judge.ts, as `cited-content check` judges it): a version with errors never replaces the
 * last good one. What was known survives restarts in the store's SQLite database (database.ts, records.ts).
 *
 * The parts: records and their persistence (records.ts), bringing a record up to date with the
 * disk (update.ts), passes over files that judge and publish (pass.ts), the queue of work and
 * watched changes (changes.ts). This file wires them and answers readers.
 */
export function createContentStore(options: ContentStoreOptions): ContentStore {
  const dir = path.resolve(options.dir);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const clock = options.clock ?? (() => new Date());
  const preview = options.mode === 'preview';
  const routes = options.routes ?? ['/'];
  const articlePath = options.articlePath ?? ((slug: string) => `/articles/${slug}`);
  const log = options.log ?? ((message: string) => console.error(message));
  const fingerprint = compilerFingerprint();
  const pool = new CompilePool(options.workers ?? defaultWorkerCount(), defaultWorkerFile(), { log });
  const bodies = new LRUCache<string, Article>({ max: options.bodyCacheSize ?? 64 });
  const listeners = new Set<(snapshot: ContentSnapshot) => void>();
  const stats = { compiled: 0, fromCache: 0, workers: pool.size };
  const progress = new PassProgress(clock);
  let closed = false;
  let watcher: DirectoryWatcher | undefined;
  let current: Pick<BuiltSnapshot, 'snapshot' | 'nextDue'> = buildSnapshot([], { dir, now: clock(), preview });

  /** What the links and ids were judged against: a restart with another one judges every file again. */
  const siteSignature = (): string => {
    const people = options.people?.();
    // With what site.yml and people.yml ask of articles (site/trust.ts).
    const trust = siteRulesSignature(options.site?.(), people);
    return JSON.stringify({ routes, articles: articlePath(''), people: people ? [...people.keys()].sort() : null, rules: judgeFingerprint(), trust });
  };
  const queue: ChangeQueue = new ChangeQueue({
    fullPass: () => runPass(context, 'all'),
    filesChanged: (names) => runPass(context, names),
    dependents: (relative) => [...book.values()].filter((record) => record.deps?.some((d) => d.path === relative)).map((record) => record.file),
    log,
  });
  const book = new RecordBook({ dir, cacheDir, fingerprint, siteSignature, log, enqueue: (task) => void queue.enqueue(task) });
  const updater = new FileUpdater({ dir, cacheDir, fingerprint, pool, book, stats, log, closed: () => closed, today: () => clock().toISOString().slice(0, 10) });

  /** Snapshots whose published articles the saved database was seen to hold (counted once each). */
  const databaseMatches = new WeakSet<ContentSnapshot>();
  /**
   * Every page of the file has passed its check (see `ready`): until then listings come from the
   * records in memory, which read cleanly, never from an index page not yet checked.
   */
  let pagesChecked = false;
  /** Pages of the current snapshot come from the database once it is saved and checked (an older snapshot's from memory). */
  function databasePage(snapshot: ContentSnapshot, query: ListingQuery): ListingPage | undefined {
    if (snapshot !== current.snapshot || !pagesChecked) return undefined;
    const verified = databaseMatches.has(snapshot);
    const page = book.page(query, { now: snapshot.now.getTime(), ...(verified ? {} : { expectTotal: snapshot.articles.length }) });
    if (page && !verified) databaseMatches.add(snapshot);
    return page;
  }

  function publish(): void {
    const previous = current.snapshot.version;
    const { snapshot, nextDue, newlyLive } = buildSnapshot(book.values(), { dir, now: clock(), preview, tombstones: book.tombstones(), pageFromDatabase: databasePage });
    rememberLiveSlugs(book, newlyLive);
    current = { snapshot, nextDue };
    if (current.snapshot.version !== previous) for (const listener of listeners) listener(current.snapshot);
  }

  /** The articles directory, and the directories of dependencies outside it. */
  function watchedDirectories(): Set<string> {
    const directories = new Set<string>();
    for (const record of book.values()) {
      // Most records have no dependency: no empty list made for each at every pass.
      if (!record.deps) continue;
      for (const dependency of record.deps) directories.add(path.dirname(path.resolve(dir, dependency.path)));
    }
    return directories;
  }

  const context: PassContext = {
    dir,
    book,
    updater,
    queue,
    poolSize: pool.size,
    eagerLimit: options.eagerLimit ?? 50,
    facts: () => ({ routes, articlePath, now: clock(), ...(options.people ? { people: options.people() } : {}), ...(options.site ? { site: options.site() } : {}) }),
    publish,
    watchDependencies: () => watcher?.watch(watchedDirectories()),
    closed: () => closed,
    log,
    progress,
    siteIndex: new SiteIndex<FileRecord>(),
    // In slices: readers' requests are answered meanwhile; saves wait in the queue.
    learnSiteIndex: () => context.siteIndex.refreshInSlices([...book.values()], clock().getTime(), { articlePath, routes }, { between: nextTurn, sliceSize: siteIndexSliceSize }),
  };
  const pass = (names: Iterable<string> | 'all', passOptions?: PassOptions) => runPass(context, names, passOptions);

  // Watching starts first and the directory is listed after it, in a worker thread while the last
  // run's state is read: a change made during the start is seen by one or the other.
  if (options.watch !== false) watcher = new DirectoryWatcher(dir, (relative) => queue.onWatched(relative), log);
  watcher?.watch([]);
  // Read once, by the start: not kept by this closure for the store's life (a list of 100,000 files is 6 MB).
  let listedAtStart: ReturnType<typeof statDirectoryInWorker> | undefined = statDirectoryInWorker(dir, articleExtension);

  const ready = new Promise<void>((resolve, reject) => {
    void queue
      .enqueue(async () => {
        // The file's pages are checked in a worker while the records are read and served.
        const checking = book.checkPages().then(() => {
          pagesChecked = true;
        });
        await book.load();
        // A restart serves what the last run published at once (the last good versions, in the
        // cache) while the directory is checked for changes made while it was down.
        const restart = book.size > 0;
        if (restart) {
          publish();
          resolve();
        }
        await checking;
        // A cold start serves at once too when a long batch is coming.
        const onFirstPass = () => {
          publish();
          resolve();
        };
        const listed = listedAtStart;
        listedAtStart = undefined;
        const candidates = restart && listed ? await updater.changedSinceLastRun(listed) : undefined;
        await pass('all', { onFirstPass, initial: true, ...(candidates ? { candidates } : {}) });
        warmUpLater({ siteIndex: restart });
      })
      .then(() => resolve(), reject);
  });

  /**
   * What an editor's first save would otherwise wait for, done a moment after the start, in the
   * queue: the site index (what judging counts across the site: 0.8 s at 100,000 articles), which
   * an unchanged restart judges nothing to learn (pass.ts); and, when files are watched, the
   * compiler (load-compiler.ts: 0.3–0.5 s), which a start that compiled nothing here never loaded.
   */
  function warmUpLater({ siteIndex }: { siteIndex: boolean }): void {
    const timer = setTimeout(() => {
      queue
        .enqueue(async () => {
          if (!closed && siteIndex) await context.learnSiteIndex();
          if (!closed && options.watch !== false) await loadCompiler();
        })
        .catch(() => undefined);
    }, warmUpMs);
    timer.unref();
  }
  // A failed start (the directory is unreadable) rejects `ready` for the caller; nothing to watch then.
  void ready.then(
    () => options.watch !== false && !closed && watcher?.watch(watchedDirectories()),
    () => undefined,
  );

  /** In the work queue, so it never races this store's own compiles and state writes. */
  function prune(): Promise<PruneResult> {
    return queue.enqueue(async () => {
      const result = await pruneCache(cacheDir, { graceMs: options.pruneGraceMs ?? 10 * 60_000, now: Date.now(), live: book.liveKeys(), db: book.connection });
      if (result.removed > 0 || result.statesRemoved > 0) {
        log(`[content] cache pruned: ${result.removed} old entries removed, ${result.kept} kept (${cacheDir})`);
      }
      return result;
    });
  }

  // Old versions are removed a while after the start (off its path), once the first full pass is saved.
  let pruneTimer: NodeJS.Timeout | undefined;
  const pruneAfterMs = options.pruneAfterMs ?? 60_000;
  if (pruneAfterMs !== false) {
    void ready.then(
      () => {
        if (closed) return;
        pruneTimer = setTimeout(() => {
          void settled()
            .then(() => (closed ? undefined : prune()))
            .catch(() => undefined);
        }, pruneAfterMs);
        pruneTimer.unref();
      },
      () => undefined,
    );
  }

  function snapshot(): ContentSnapshot {
    if (current.nextDue !== undefined && clock().getTime() >= current.nextDue) {
      publish();
      // Files whose links waited for the article that just went live are judged again.
      void queue.enqueue(async () => {
        judgeRecords(context, [], { reportKnown: false });
        if (book.hasUnsaved) {
          publish();
          book.scheduleSave();
        }
      });
    }
    return current.snapshot;
  }

  /** A version as it is on disk, when the cache lost it: compiled again if the file still holds it. */
  async function rebuild(entry: SnapshotEntry): Promise<ReturnType<typeof compileVersion> | undefined> {
    const bytes = await readFile(path.join(dir, entry.file)).catch(() => undefined);
    if (!bytes) return undefined;
    const compiled = (await loadCompiler()).compileVersion(bytes, entry.file, dir);
    return versionKey(contentKey(fingerprint, entry.file, bytes), compiled.summary.dependencies) === entry.key ? compiled : undefined;
  }

  async function article(slug: string, lookup: { unpublished?: boolean } = {}): Promise<Article | null> {
    const current = snapshot();
    const entry = current.entry(slug) ?? (lookup.unpublished ? current.unpublished.find((candidate) => candidate.slug === slug) : undefined);
    if (!entry) return null;
    const cached = bodies.get(entry.key);
    if (cached) return cached;
    // The cache was cleared under us: the version on disk is the one served, so rebuild it.
    const body = (await readObject(cacheDir, entry.key))?.article ?? (book.get(entry.file)?.key === entry.key ? (await rebuild(entry))?.article : undefined);
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
    return (await rebuild(entry))?.search ?? null;
  }

  async function settled(): Promise<ContentSnapshot> {
    await queue.settled();
    return snapshot();
  }

  return {
    ready,
    snapshot,
    article,
    searchDoc,
    refresh: () => queue.enqueue(() => pass('all')).then(snapshot),
    rulesChanged: () =>
      queue.enqueue(async () => {
        if (closed || book.judgedUnderCurrentRules) return false;
        log('[content] the site\'s rules changed (people.yml, site.yml or the routes): every article is judged again');
        await pass('all');
        return true;
      }),
    settled,
    prune,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats,
    progress: () => progress.read(current.snapshot.articles.length),
    /** Stops watching and compiling; what was compiled and judged so far is saved for the next start. */
    async close() {
      closed = true;
      queue.close();
      clearTimeout(pruneTimer);
      watcher?.close();
      await pool.close();
      await queue.settled().catch(() => undefined);
      await book.close();
    },
  };
}
