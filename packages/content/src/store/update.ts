import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentKey, readDependencyList, readSummary, versionKey } from './cache.js';
import { DependencyReader } from './dependencies.js';
import type { CompilePool } from './pool.js';
import type { RecordBook } from './records.js';
import type { DirectoryStats } from './scan.js';
import type { FileRecord } from './snapshot.js';

export interface UpdateOptions {
  /** A large cold start: a version without compile errors is served before the site-wide checks. */
  progressive: boolean;
  /** Compile on this thread when no worker runs (one or two edits: faster than starting a worker). */
  inline: boolean;
  /** An editor's save during a long pass: its compile goes before the pass's queued files. */
  urgent?: boolean;
}

export interface FileUpdaterContext {
  dir: string;
  cacheDir: string;
  fingerprint: string;
  pool: CompilePool;
  book: RecordBook;
  stats: { compiled: number; fromCache: number };
  log: (message: string) => void;
  closed: () => boolean;
  /** Today (YYYY-MM-DD) by the store's clock: a tombstone's date. */
  today: () => string;
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** The body's digest (the text after the frontmatter, line endings and outer blank space aside); none when there is no body. */
export function bodyDigestOf(bytes: Uint8Array): { bodyDigest?: string } {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(FRONTMATTER, '').replace(/\r\n?/g, '\n').trim();
  return body ? { bodyDigest: createHash('sha256').update(body).digest('hex').slice(0, 32) } : {};
}

/**
 * Brings files' records up to date with the disk: a file is hashed when its stat (or a
 * dependency's) changed, and compiled only when its version key is new, else its summary is read
 * from the cache.
 */
export class FileUpdater {
  /** Files being looked at: one look per file at a time (an edit taken during a long pass never races the pass). */
  private readonly updating = new Map<string, Promise<boolean>>();

  constructor(private readonly context: FileUpdaterContext) {}

  /** Updates one file's record. Returns false when nothing changed. */
  update(name: string, deps: DependencyReader, options: UpdateOptions): Promise<boolean> {
    const previous = this.updating.get(name) ?? Promise.resolve(false);
    const current = previous.catch(() => false).then(() => this.look(name, deps, options));
    this.updating.set(name, current);
    const forget = () => {
      if (this.updating.get(name) === current) this.updating.delete(name);
    };
    current.then(forget, forget);
    return current;
  }

  private async look(name: string, deps: DependencyReader, options: UpdateOptions): Promise<boolean> {
    const { dir, cacheDir, fingerprint, book, stats } = this.context;
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => undefined);
    const known = book.get(name);
    if (!info?.isFile()) {
      if (!known) return false;
      // Published once: its URLs answer 410 Gone, not 404 (and redirect if it reappears renamed).
      if (known.liveSlugs && known.liveSlugs.length > 0) book.bury(name, this.context.today());
      else book.delete(name);
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
        const source = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        ({ key, summary } = await this.context.pool.compile(
          { file: name, sourceKey, bytes: source, cacheDir, dir },
          { inline: options.inline, urgent: options.urgent ?? false },
        ));
      } catch (error) {
        if (!this.context.closed()) this.context.log(`[content] could not compile ${name}: ${String(error)}`);
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
      ...bodyDigestOf(bytes),
      ...(known?.good ? { good: known.good } : {}),
      // A file that comes back (or keeps its name) keeps the URLs readers had it at.
      ...((known ?? book.tombstone(name))?.liveSlugs ? { liveSlugs: (known ?? book.tombstone(name))?.liveSlugs as string[] } : {}),
      provisional: options.progressive && !known?.good && summary.ok,
    };
    book.set(record);
    return true;
  }

  /**
   * The files a restart must look at again: those whose stat differs from the last run's (new,
   * edited, touched, deleted) and those whose bibliography changed. Undefined when the directory
   * could not be listed off the server's thread: the caller then looks at every file.
   */
  async changedSinceLastRun(listed: Promise<DirectoryStats | undefined>): Promise<string[] | undefined> {
    const { book, dir } = this.context;
    const stats = await listed;
    if (!stats) return undefined;
    const changed = new Set<string>();
    const present = new Set<string>();
    stats.files.forEach((file, index) => {
      present.add(file);
      const record = book.get(file);
      if (!record || record.mtimeMs !== stats.mtimes[index] || record.size !== stats.sizes[index]) changed.add(file);
    });
    for (const file of book.files()) if (!present.has(file)) changed.add(file);
    const deps = new DependencyReader(dir);
    for (const record of book.values()) {
      if (record.deps && record.deps.length > 0 && (await deps.changed(record.deps))) changed.add(record.file);
    }
    return [...changed];
  }
}
