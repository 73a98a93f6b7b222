import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostics, sitePaths, siteRoutes as declaredRoutes, type Diagnostic } from '@cited/content';

/**
 * The blog's folder (its package.json): above app/lib/ in dev, and above build/server/ or one of
 * its chunks in build/server/assets/ in production.
 */
function blogDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}: the blog's folder cannot be found`);
  }
}

const contentRoot = path.join(blogDir(), 'content');

/**
 * Where the site's files are: found by @cited/content as `cited-content check` finds them (site.yml,
 * people.yml and articles/ in apps/blog/content; CITED_* environment variables move them). Read
 * per call: tests move them between runs.
 */
export function siteFiles(): ReturnType<typeof sitePaths> {
  return sitePaths(contentRoot);
}

/** The blog's pages besides articles ("cited.routes" in its package.json), for the store's link check. */
export const siteRoutes: readonly string[] = declaredRoutes(contentRoot).routes;

/** A digest of the text of each watched file's version in use, by name ('people.yml'). */
const inUse = new Map<string, string>();

/**
 * Which versions of the watched files (people.yml, site.yml) the pages are rendered from: a
 * digest of their texts, equal on every machine. Pages show them (bylines, the disclaimer), so a
 * cache of rendered pages keys by it with the content's version.
 */
export function configVersion(): string {
  return [...inUse].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, digest]) => `${name}=${digest}`).join(',');
}

/** Told the file's name ('people.yml') when a watched file is read anew with a good new version. */
type ConfigListener = (config: string) => void;
const changeListeners = new Map<string, ConfigListener>();

/** Registers a listener under `key`: a second registration replaces the first (dev re-imports modules). */
export function onConfigChange(key: string, listener: ConfigListener): void {
  changeListeners.set(key, listener);
}

/**
 * A YAML file read on first use and again whenever it changes on disk: at the next call (a stat of
 * the file and of its directory per call) or when its directory is seen to change, so an edit shows without a restart and without a
 * request (listeners of onConfigChange hear of it). A broken edit never takes the site down: the
 * last good version stays in use and the problems are logged with file:line:column. With no good
 * version at all (a broken file at start-up) it throws, naming the problems.
 */
export function watchedConfig<T>(
  locate: (files: ReturnType<typeof sitePaths>) => string,
  name: string,
  read: (text: string, file: string) => { value: T | undefined; diagnostics: Diagnostic[] },
): () => T {
  let cached: { file: string; stamp: string; value: T } | null = null;
  let lastBadStamp = '';
  let watcher: DirectoryWatch | undefined;
  const current = (): T => {
    const file = locate(siteFiles());
    if (needsWatch(watcher, file)) watcher = watchDirectoryOf(name, file, current);
    let stamp: string;
    try {
      const info = statSync(file);
      // The inode too: a file renamed over it (a save, a release swapped) may have the same size and time.
      stamp = `${file}:${info.ino}:${info.mtimeMs}:${info.size}`;
    } catch (error) {
      if (cached) return cached.value;
      throw new Error(`${file} could not be read: ${String(error)}`);
    }
    if (cached?.stamp === stamp) return cached.value;
    const text = readFileSync(file, 'utf8');
    const { value, diagnostics } = read(text, file);
    if (value !== undefined) {
      inUse.set(name, createHash('sha256').update(text).digest('hex').slice(0, 16));
      // Listeners hear of an edit to the file in use, not of a move to another file (tests point
      // CITED_* at other folders between suites; a server never does).
      const edited = cached !== null && cached.file === file;
      cached = { file, stamp, value };
      if (edited) for (const listener of changeListeners.values()) listener(name);
      return value;
    }
    const report = formatDiagnostics(diagnostics);
    if (!cached || cached.file !== file) throw new Error(`${file} is not valid:\n${report}`);
    if (lastBadStamp !== stamp) console.error(`[config] keeping the last good ${name}:\n${report}`);
    lastBadStamp = stamp;
    return cached.value;
  };
  return current;
}

interface DirectoryWatch {
  file: string;
  /** The directory watched, as `${dev}:${ino}`: a read that finds another there watches anew (a release symlink swapped). */
  directory?: string;
  /** Not watching (the watch failed or ended): a read at or after this time (ms) watches again. */
  retryAt?: number;
  /** Attempts in a row that found the directory missing: each waits twice as long, up to rewatchAfterMs. */
  misses: number;
  close: () => void;
}

/** A watch that cannot be made is tried again at most this often (reads happen on every page). */
const rewatchAfterMs = 60_000;
/** The first wait for a directory that went (a deploy copying the folder anew is usually back by then). */
const missingDirectoryRetryMs = 1_000;

// By config name, across module instances: dev re-imports this module, and an old watch would
// otherwise stay open, calling an old module's reader.
const watches = ((globalThis as { __citedConfigWatches?: Map<string, DirectoryWatch> }).__citedConfigWatches ??= new Map());

/** Which directory is at `directory` now (`${dev}:${ino}`), or undefined when none is. */
function directoryIdentity(directory: string): string | undefined {
  try {
    const info = statSync(directory);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/** A watch to make (again) at this read: none yet, another file, a retry due, or another directory at its path. */
function needsWatch(watched: DirectoryWatch | undefined, file: string): boolean {
  if (watched?.file !== file) return true;
  if (watched.retryAt !== undefined) return Date.now() >= watched.retryAt;
  return directoryIdentity(path.dirname(file)) !== watched.directory;
}

/**
 * Reads the file again (`reread`) when its directory says it changed: editors save by writing a
 * new file and renaming it over the old one, which a watch of the file itself would miss. Never
 * keeps the process alive; where watching fails, the stat per call still notices. A directory that
 * went (removed, or replaced by a deploy) is watched again as soon as it is back, without a request:
 * a timer tries after 1 s, then 2, 4… up to a minute.
 */
function watchDirectoryOf(name: string, file: string, reread: () => unknown): DirectoryWatch {
  const previous = watches.get(name);
  previous?.close();
  const directory = path.dirname(file);
  const base = path.basename(file);
  const identity = directoryIdentity(directory);
  let settling: NodeJS.Timeout | undefined;
  const rereadAfter = (ms: number, before?: () => void) => {
    clearTimeout(settling);
    settling = setTimeout(() => {
      before?.();
      try {
        reread();
      } catch {
        // No good version at all: the next call throws and says why.
      }
    }, ms);
    settling.unref();
  };
  // One save is several events (truncate, write, rename): read once it has settled, not a half-written file.
  const rereadWhenSettled = () => rereadAfter(50);
  const watched: DirectoryWatch = { file, misses: 0, close: () => clearTimeout(settling) };
  if (identity === undefined) {
    // The directory is missing: a timer tries again, sooner while it was there a moment ago.
    const misses = previous?.file === file && previous.retryAt !== undefined ? previous.misses : 0;
    const waitMs = Math.min(missingDirectoryRetryMs * 2 ** misses, rewatchAfterMs);
    watched.misses = misses + 1;
    watched.retryAt = Date.now() + waitMs;
    // Due when the timer fires (a timer may fire a millisecond before Date.now() reaches retryAt).
    rereadAfter(waitMs, () => (watched.retryAt = 0));
    watches.set(name, watched);
    return watched;
  }
  try {
    const watcher = watch(directory, { persistent: false }, (event, changed) => {
      // On Linux a watch outlives its directory silently: no error, a 'rename' event named after the
      // directory itself (a new directory may even reuse the inode number, hence the name).
      if (event === 'rename' && (changed === path.basename(directory) || directoryIdentity(directory) !== identity)) {
        watched.close();
        watched.retryAt = 0;
        rereadWhenSettled();
      } else if (changed === null || changed === base) rereadWhenSettled();
    });
    watched.directory = identity;
    watched.close = () => {
      watched.retryAt ??= Date.now() + rewatchAfterMs;
      clearTimeout(settling);
      watcher.close();
    };
    watcher.on('error', () => watched.close());
  } catch {
    watched.retryAt = Date.now() + rewatchAfterMs;
  }
  watches.set(name, watched);
  return watched;
}
