import { readFileSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostics, sitePaths, siteRoutes as declaredRoutes, type Diagnostic } from '@cited/content';

// app/lib/ in dev and build/server/ in production are both two levels below apps/blog.
const contentRoot = fileURLToPath(new URL('../../content/', import.meta.url));

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

/** Told the file's name ('people.yml') when a watched file is read anew with a good new version. */
type ConfigListener = (config: string) => void;
const changeListeners = new Map<string, ConfigListener>();

/** Registers a listener under `key`: a second registration replaces the first (dev re-imports modules). */
export function onConfigChange(key: string, listener: ConfigListener): void {
  changeListeners.set(key, listener);
}

/**
 * A YAML file read on first use and again whenever it changes on disk: at the next call (a stat per
 * call) or when its directory is seen to change, so an edit shows without a restart and without a
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
    if (watcher?.file !== file || (watcher.endedAt !== undefined && Date.now() - watcher.endedAt > rewatchAfterMs)) watcher = watchDirectoryOf(name, file, current);
    let stamp: string;
    try {
      const info = statSync(file);
      stamp = `${file}:${info.mtimeMs}:${info.size}`;
    } catch (error) {
      if (cached) return cached.value;
      throw new Error(`${file} could not be read: ${String(error)}`);
    }
    if (cached?.stamp === stamp) return cached.value;
    const { value, diagnostics } = read(readFileSync(file, 'utf8'), file);
    if (value !== undefined) {
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
  /**
   * When the watch failed or ended: a read after rewatchAfterMs watches again. 0 when its directory
   * was removed or replaced (a deploy copying the folder anew): the next read watches again at once.
   */
  endedAt?: number;
  close: () => void;
}

/** A watch that cannot be made is tried again at most this often (reads happen on every page). */
const rewatchAfterMs = 60_000;

// By config name, across module instances: dev re-imports this module, and an old watch would
// otherwise stay open, calling an old module's reader.
const watches = ((globalThis as { __citedConfigWatches?: Map<string, DirectoryWatch> }).__citedConfigWatches ??= new Map());

/**
 * Reads the file again (`reread`) when its directory says it changed: editors save by writing a
 * new file and renaming it over the old one, which a watch of the file itself would miss. Never
 * keeps the process alive; where watching fails, the stat per call still notices.
 */
function watchDirectoryOf(name: string, file: string, reread: () => unknown): DirectoryWatch {
  watches.get(name)?.close();
  const directory = path.dirname(file);
  const base = path.basename(file);
  // On Linux a watch outlives its directory silently: no error, a 'rename' event named after the
  // directory itself. The inode tells a directory gone; a new one may reuse the number, hence the name.
  const inodeOf = (): number | undefined => {
    try {
      return statSync(directory).ino;
    } catch {
      return undefined;
    }
  };
  const inode = inodeOf();
  let settling: NodeJS.Timeout | undefined;
  const rereadWhenSettled = () => {
    // One save is several events (truncate, write, rename): read once it has settled, not a half-written file.
    clearTimeout(settling);
    settling = setTimeout(() => {
      try {
        reread();
      } catch {
        // No good version at all: the next call throws and says why.
      }
    }, 50);
    settling.unref();
  };
  const watched: DirectoryWatch = { file, endedAt: Date.now(), close: () => undefined };
  try {
    const watcher = watch(directory, { persistent: false }, (event, changed) => {
      if (event === 'rename' && (changed === path.basename(directory) || inodeOf() !== inode)) {
        // The directory went or was replaced: this watch sees nothing more. The read watches anew.
        watched.close();
        watched.endedAt = 0;
        rereadWhenSettled();
      } else if (changed === null || changed === base) rereadWhenSettled();
    });
    delete watched.endedAt;
    watched.close = () => {
      watched.endedAt = Date.now();
      clearTimeout(settling);
      watcher.close();
    };
    watcher.on('error', () => watched.close());
  } catch {
    // Not watched (`endedAt` set): a later read tries again.
  }
  watches.set(name, watched);
  return watched;
}
