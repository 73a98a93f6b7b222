import { readFileSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { checkPersonIds } from '../people/check.js';
import type { SearchDoc } from '../search/search.js';
import type { Article, Diagnostic } from '../types.js';
import {
  compilerFingerprint,
  contentKey,
  defaultCacheDir,
  readDependencyList,
  readObject,
  readSearchDoc,
  readSummary,
  readSummaryDiagnosticsSync,
  journalPath,
  statePath,
  versionKey,
  writeAtomic,
} from './cache.js';
import { DependencyReader } from './dependencies.js';
import { compileVersion } from './job.js';
import { checkSiteLinks } from './links.js';
import { siteRulesSignature, storeSiteRuleDiagnostics } from './site-rules.js';
import { pruneCache, type PruneResult } from './prune.js';
import { statDirectoryInWorker, type DirectoryStats } from './scan.js';
import { CompilePool, defaultWorkerCount, defaultWorkerFile } from './pool.js';
import { buildSnapshot, type FileRecord } from './snapshot.js';
import type { ContentSnapshot, ContentStore, ContentStoreOptions, SnapshotEntry } from './types.js';
import { applyJournal, decodeState, encodeJournal, encodeState } from './state.js';
import { DirectoryWatcher } from './watch.js';

const articleExtension = '.md';

function formatProblem(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`;
}

function sameProblems(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d.message === b[i]?.message && d.line === b[i]?.line && d.column === b[i]?.column);
}

async function mapLimit<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>, stop: () => boolean): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length && !stop()) await run(items[next++] as T);
  });
  await Promise.all(lanes);
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
  let watcher: DirectoryWatcher | undefined;
  let pendingNames = new Set<string>();
  let pendingFull = false;
  let debounce: NodeJS.Timeout | undefined;
  let saveTimer: NodeJS.Timeout | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  /** A long pass is running (see sync): watched saves go to `saves`, which it takes between files. */
  let bulkPass = false;
  const saves: string[] = [];
  /** Files whose record changed since the state was last saved (as a whole or in the journal). */
  const dirty = new Set<string>();
  let journalLines = 0;
  let stateWritten = false;
  /** The state's links were checked against these routes (a changed route list rechecks every file). */
  const siteSignature = (): string => {
    const people = options.people?.();
    return JSON.stringify({ routes, articles: articlePath(''), people: people ? [...people.keys()].sort() : null, rules: siteRulesSignature(options.site?.(), people) });
  };
  let siteUnchanged = false;
  /** Past this many journal lines, the next save rewrites the state file whole. */
  const journalLimit = 2000;
  const pruneGraceMs = options.pruneGraceMs ?? 10 * 60_000;

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
    const before = record.siteDiagnostics;
    record.siteDiagnostics = [
      ...checkSiteLinks(record.links, record.file, { slugs, routes, articlePath }),
      ...checkPeople(record),
      ...storeSiteRuleDiagnostics(record, { dir, site: options.site?.(), people: options.people?.() }),
    ];
    if (!sameProblems(before, record.siteDiagnostics)) dirty.add(record.file);
    if (record.judgedKey === record.key && !logKnown) {
      // Promotion only: a version held back by site-wide errors alone (a link target or a person
      // that did not exist yet) goes live once they are resolved.
      const siteErrors = record.siteDiagnostics.some((d) => d.severity === 'error');
      if (record.ok && !siteErrors && record.good?.key !== record.key) {
        record.good = { key: record.key, listing: record.listing };
        dirty.add(record.file);
      }
      return;
    }
    if (record.judgedKey !== record.key) dirty.add(record.file);
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

  /** Warnings the state file left out (files without errors): from the version's summary in the cache. */
  const loadWarnings = (key: string): Diagnostic[] => readSummaryDiagnosticsSync(cacheDir, key);

  async function loadState(): Promise<void> {
    const text = await readFile(statePath(cacheDir, dir), 'utf8').catch(() => undefined);
    // No state yet (first run, or a cleared cache): everything is new.
    if (text !== undefined) {
      try {
        const state = decodeState(text, fingerprint, loadWarnings);
        for (const record of state.records) records.set(record.file, record);
        siteUnchanged = state.site === siteSignature();
        stateWritten = true;
      } catch (error) {
        log(`[content] the cache state is unreadable (${String(error)}); checking every file again`);
      }
    }
    const journal = await readFile(journalPath(cacheDir, dir), 'utf8').catch(() => undefined);
    if (journal !== undefined) journalLines = applyJournal(journal, fingerprint, records, loadWarnings);
  }

  /** Every record, whole (after a full pass, or when the journal has grown); the journal restarts. */
  async function saveState(): Promise<void> {
    dirty.clear();
    try {
      await writeAtomic(statePath(cacheDir, dir), encodeState(records.values(), fingerprint, dir, siteSignature()));
      await unlink(journalPath(cacheDir, dir)).catch(() => undefined);
      journalLines = 0;
      stateWritten = true;
    } catch (error) {
      log(`[content] could not write the cache state (${String(error)}); the next start will recheck files`);
    }
  }

  /** The records changed since the last save, as journal lines (one edit: one line, not the whole site). */
  async function saveChanges(): Promise<void> {
    if (dirty.size === 0) return;
    if (!stateWritten || journalLines + dirty.size > journalLimit) return saveState();
    const changes = [...dirty].sort().map((file): [string, FileRecord | undefined] => [file, records.get(file)]);
    dirty.clear();
    try {
      await mkdir(path.dirname(journalPath(cacheDir, dir)), { recursive: true });
      await appendFile(journalPath(cacheDir, dir), encodeJournal(changes, fingerprint));
      journalLines += changes.length;
    } catch (error) {
      log(`[content] could not write the cache state (${String(error)}); the next start will recheck files`);
    }
  }

  /** Brings one file's record up to date with the disk. Returns false when nothing changed. */
  /** Files being looked at: one look per file at a time (an edit taken during a long pass never races the pass). */
  const updating = new Map<string, Promise<boolean>>();

  function updateOnce(name: string, progressive: boolean, inline: boolean, deps: DependencyReader, first = false): Promise<boolean> {
    const current = (updating.get(name) ?? Promise.resolve(false)).catch(() => false).then(() => update(name, progressive, inline, deps, first));
    updating.set(name, current);
    const forget = () => {
      if (updating.get(name) === current) updating.delete(name);
    };
    current.then(forget, forget);
    return current;
  }

  async function update(name: string, progressive: boolean, inline: boolean, deps: DependencyReader, first = false): Promise<boolean> {
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => undefined);
    const known = records.get(name);
    if (!info?.isFile()) {
      if (!known) return false;
      records.delete(name);
      dirty.add(name);
      return true;
    }
    const sameFile = known && known.mtimeMs === info.mtimeMs && known.size === info.size && known.key;
    if (sameFile && !(await deps.changed(known.deps ?? []))) return false;
    const bytes = await readFile(full).catch(() => undefined);
    if (!bytes) return false;
    const sourceKey = contentKey(fingerprint, name, bytes);
    // The files this source version read when compiled (none recorded: it read none).
    const dependencyPaths =
      known?.sourceKey === sourceKey ? (known.deps ?? []).map((d) => d.path) : ((await readDependencyList(cacheDir, sourceKey)) ?? []);
    let dependencies = await Promise.all(dependencyPaths.map((dependency) => deps.state(dependency)));
    let key = versionKey(sourceKey, dependencies);
    if (known?.key === key) {
      known.mtimeMs = info.mtimeMs;
      known.size = info.size;
      known.sourceKey = sourceKey;
      known.deps = dependencies;
      return false;
    }
    let summary = await readSummary(cacheDir, key);
    if (summary) {
      stats.fromCache += 1;
    } else {
      try {
        ({ key, summary } = await pool.compile(name, sourceKey, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), cacheDir, dir, inline, first));
      } catch (error) {
        if (!closed) log(`[content] could not compile ${name}: ${String(error)}`);
        return false;
      }
      stats.compiled += 1;
      // What the compile read; a file changed since is marked unknown, so the next look rehashes it.
      dependencies = await Promise.all(
        summary.dependencies.map(async (dependency) => {
          const now = await deps.state(dependency.path);
          return now.digest === dependency.digest ? now : { ...dependency, mtimeMs: -2, size: -2 };
        }),
      );
    }
    const record: FileRecord = {
      file: name,
      mtimeMs: info.mtimeMs,
      size: info.size,
      key,
      sourceKey,
      ...(dependencies.length > 0 ? { deps: dependencies } : {}),
      ok: summary.ok,
      diagnostics: summary.diagnostics,
      listing: summary.listing,
      links: summary.links,
      siteDiagnostics: [],
      ...(known?.good ? { good: known.good } : {}),
      provisional: progressive && !known?.good && summary.ok,
    };
    records.set(name, record);
    dirty.add(name);
    return true;
  }

  /**
   * The files a restart must look at again: those whose stat differs from the last run's (new,
   * edited, touched, deleted) and those whose bibliography changed. Undefined when the directory
   * could not be listed off the server's thread: the caller then looks at every file.
   */
  async function changedSinceLastRun(listed: Promise<DirectoryStats | undefined>): Promise<string[] | undefined> {
    const stats = await listed;
    if (!stats) return undefined;
    const changed = new Set<string>();
    const present = new Set<string>();
    stats.files.forEach((file, index) => {
      present.add(file);
      const record = records.get(file);
      if (!record || record.mtimeMs !== stats.mtimes[index] || record.size !== stats.sizes[index]) changed.add(file);
    });
    for (const file of records.keys()) if (!present.has(file)) changed.add(file);
    const deps = new DependencyReader(dir);
    for (const record of records.values()) {
      if (record.deps && record.deps.length > 0 && (await deps.changed(record.deps))) changed.add(record.file);
    }
    return [...changed];
  }

  /**
   * Updates the given files (or every file), then judges what changed and publishes one snapshot.
   * `candidates`: on a restart, the only files of 'all' that may have changed (see changedSinceLastRun).
   */
  async function sync(names: Iterable<string> | 'all', onFirstPass?: () => void, initial = false, candidates?: readonly string[]): Promise<void> {
    let targets: string[];
    if (names === 'all' && candidates) {
      targets = [...candidates].sort();
    } else if (names === 'all') {
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
    const deps = new DependencyReader(dir);
    // A long pass (a cold start, a re-key after a compiler upgrade) takes editors' saves between its files.
    bulkPass = targets.length > eagerLimit;
    await mapLimit(targets, Math.max(4, pool.size * 2), async (name) => {
      await takeSaves();
      if (await updateOnce(name, progressive, inline, deps)) {
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
    bulkPass = false;
    // Saves that came in after the last file was taken: an ordinary watched change, after this pass.
    if (saves.length > 0 && !closed) {
      const late = saves.splice(0);
      void enqueue(() => sync(late));
    }
    const slugs = publishedSlugs();
    // A full pass judges (and re-checks the links of) every file; a watched change only the files
    // it touched, so an edit costs the same on a site of 10 or 10,000 articles. At start-up,
    // files known to be broken from the last run are reported again.
    // A restart that finds nothing changed (files, routes) has nothing to judge again: it only
    // reports the files known to be broken, and the snapshot it serves already is the right one.
    const unchangedRestart = initial && !changed && siteUnchanged;
    const judged =
      names !== 'all'
        ? targets.map((name) => records.get(name)).filter((r) => r !== undefined)
        : unchangedRestart
          ? [...records.values()].filter((r) => !r.ok || r.siteDiagnostics.some((d) => d.severity === 'error'))
          : records.values();
    for (const record of judged) judge(record, slugs, initial);
    if (changed || (names === 'all' && !unchangedRestart)) publish();
    if (changed) watcher?.watch(watchedDirectories()); // a bibliography newly cited from another directory
    if (dirty.size === 0) return;
    // What changed is saved at once after a full pass (whole after a cold start, else as journal
    // lines), and at most once a second, off the path of the edit becoming visible, after watched changes.
    if (progressive || !stateWritten) await saveState();
    else if (names === 'all') await saveChanges();
    else scheduleSave();
  }

  /** Every key this store still needs: the version on disk and the one served. */
  function liveKeys(): Set<string> {
    const keys = new Set<string>();
    for (const record of records.values()) {
      if (record.key) keys.add(record.key);
      if (record.good) keys.add(record.good.key);
    }
    return keys;
  }

  /** In the work queue, so it never races this store's own compiles and state writes. */
  function prune(): Promise<PruneResult> {
    return enqueue(async () => {
      const result = await pruneCache(cacheDir, { graceMs: pruneGraceMs, now: Date.now(), live: liveKeys() });
      if (result.removed > 0 || result.statesRemoved > 0) {
        log(`[content] cache pruned: ${result.removed} old entries removed, ${result.kept} kept (${cacheDir})`);
      }
      return result;
    });
  }

  function scheduleSave(): void {
    if (saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void enqueue(saveChanges);
    }, 1000);
    saveTimer.unref();
  }

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = work.then(task, task);
    work = next.catch((error: unknown) => log(`[content] ${String(error)}`));
    return next;
  }

  function flushWatched(): void {
    if (pendingFull) {
      pendingNames = new Set();
      pendingFull = false;
      void enqueue(() => sync('all'));
      return;
    }
    saves.push(...pendingNames);
    pendingNames = new Set();
    // Behind a long pass a save would wait for all of it (minutes on a large site): a running pass
    // takes it before its next file, and so does one that starts before this task's turn comes.
    if (!bulkPass) void enqueue(() => (saves.length > 0 ? sync(saves.splice(0)) : Promise.resolve()));
  }

  /** Slugs that are or may be served: link targets for judging. */
  function publishedSlugs(): Set<string> {
    const slugs = new Set<string>();
    for (const record of records.values()) {
      if (record.good) slugs.add(record.good.listing.slug);
      if (record.ok) slugs.add(record.listing.slug);
    }
    return slugs;
  }

  /**
   * Editors' saves that arrived during a long pass: looked at, judged and published before the
   * pass's next file (their compile goes first in the pool), as a watched change would be.
   */
  async function takeSaves(): Promise<void> {
    while (saves.length > 0) {
      const names = [...new Set(saves.splice(0))].filter((name) => name.endsWith(articleExtension));
      const deps = new DependencyReader(dir);
      const changed = (await Promise.all(names.map((name) => updateOnce(name, false, true, deps, true)))).some(Boolean);
      if (!changed) continue;
      const slugs = publishedSlugs();
      for (const name of names) {
        const record = records.get(name);
        if (record) judge(record, slugs, false);
      }
      publish();
      scheduleSave();
    }
  }

  /** Article files changed themselves; any other file changed is a dependency of some articles. */
  function onWatched(relative: string | null): void {
    if (relative === null) pendingFull = true;
    else if (relative.endsWith(articleExtension) && !relative.includes('/')) pendingNames.add(relative);
    else {
      for (const record of records.values()) {
        if (record.deps?.some((dependency) => dependency.path === relative)) pendingNames.add(record.file);
      }
    }
    clearTimeout(debounce);
    debounce = setTimeout(flushWatched, 20);
  }

  /** The articles directory, and the directories of dependencies outside it. */
  function watchedDirectories(): Set<string> {
    const directories = new Set<string>();
    for (const record of records.values()) {
      for (const dependency of record.deps ?? []) directories.add(path.dirname(path.resolve(dir, dependency.path)));
    }
    return directories;
  }

  /** Adds the directories of the bibliographies the articles cite (the articles directory is watched from the start). */
  function startWatching(): void {
    watcher?.watch(watchedDirectories());
  }

  // Watching starts first and the directory is listed after it, in a worker thread while the last
  // run's state is read: a change made during the start is seen by one or the other.
  if (options.watch !== false) watcher = new DirectoryWatcher(dir, onWatched, log);
  watcher?.watch([]);
  const listedAtStart = statDirectoryInWorker(dir, articleExtension);

  const ready = new Promise<void>((resolve, reject) => {
    void enqueue(async () => {
      await loadState();
      // A restart serves what the last run published at once (the last good versions, in the
      // cache) while the directory is checked for changes made while it was down.
      const restart = records.size > 0;
      if (restart) {
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
        restart ? await changedSinceLastRun(listedAtStart) : undefined,
      );
    }).then(() => resolve(), reject);
  });
  // A failed start (the directory is unreadable) rejects `ready` for the caller; nothing to watch then.
  void ready.then(
    () => options.watch !== false && !closed && startWatching(),
    () => undefined,
  );
  // Old versions are removed a while after the start (off its path), once the first full pass is saved.
  const pruneAfterMs = options.pruneAfterMs ?? 60_000;
  if (pruneAfterMs !== false) {
    void ready.then(
      () => {
        if (closed) return;
        pruneTimer = setTimeout(() => {
          void settle()
            .then(() => (closed ? undefined : prune()))
            .catch(() => undefined);
        }, pruneAfterMs);
        pruneTimer.unref();
      },
      () => undefined,
    );
  }

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
      const compiled = bytes ? compileVersion(bytes, entry.file, dir) : undefined;
      if (bytes && compiled && versionKey(contentKey(fingerprint, entry.file, bytes), compiled.summary.dependencies) === entry.key) {
        body = compiled.article;
      }
    }
    if (!body) {
      log(`[content] the compiled version of ${entry.file} is missing from the cache (${cacheDir})`);
      return null;
    }
    bodies.set(entry.key, body);
    return body;
  }

  async function settle(): Promise<ContentSnapshot> {
    for (let previous; previous !== work; ) {
      previous = work;
      await work;
    }
    return snapshot();
  }

  async function searchDoc(entry: SnapshotEntry): Promise<SearchDoc | null> {
    const doc = await readSearchDoc(cacheDir, entry.key);
    if (doc) return doc;
    // Not in the cache (cleared under us): rebuilt from the file when it still holds that version.
    const bytes = await readFile(path.join(dir, entry.file)).catch(() => undefined);
    if (!bytes) return null;
    const compiled = compileVersion(bytes, entry.file, dir);
    if (versionKey(contentKey(fingerprint, entry.file, bytes), compiled.summary.dependencies) !== entry.key) return null;
    return compiled.search ?? null;
  }

  return {
    ready,
    snapshot,
    article,
    searchDoc,
    refresh: () => enqueue(() => sync('all')).then(snapshot),
    settled: settle,
    prune,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats,
    /** Stops watching and compiling; what was compiled and judged so far is saved for the next start. */
    async close() {
      closed = true;
      clearTimeout(debounce);
      clearTimeout(pruneTimer);
      watcher?.close();
      await pool.close();
      await work.catch(() => undefined);
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = undefined;
        await saveChanges();
      }
    },
  };
}
