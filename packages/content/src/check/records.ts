import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { compilerFingerprint, contentKey, readDependencyList, readSummary, versionKey } from '../store/cache.js';
import { storeDatabasePath } from '../store/database.js';
import { DependencyReader } from '../store/dependencies.js';
import { compileVersion } from '../store/job.js';
import { RecordBook } from '../store/records.js';
import type { CompileSummary } from '../store/types.js';
import type { ServedVersion } from '../site/judge.js';
import type { ReadabilityOptions } from '../readability/report.js';
import type { Article, Diagnostic, SiteLink } from '../types.js';
import type { ArticleFile } from './files.js';

/** One file as the check judges it: the store's record of it, and the compiled article when it is reported on. */
export interface CheckRecord {
  file: string;
  key: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  listing: CompileSummary['listing'];
  links: SiteLink[];
  siteDiagnostics: Diagnostic[];
  judgedKey?: string;
  good?: ServedVersion;
  /** The URLs readers reached it at (from the server's state). */
  liveSlugs?: string[];
  /** Checked files: the whole compile (readability and clock-dependent warnings included). */
  article?: Article;
}

interface Remembered {
  mtimeMs: number;
  size: number;
  key: string;
  summary: CompileSummary;
}

/** Compiles of the files that are only context, kept between checks of one run (`--watch`). */
export type CompileMemo = Map<string, Remembered>;

export interface CompileRecordsOptions {
  now: Date;
  readability: boolean | ReadabilityOptions;
  /** A cache holding compiled versions (the server's): context files found there are not compiled again. */
  cacheDir?: string;
  memo?: CompileMemo;
}

async function sameDependencies(summary: CompileSummary, deps: DependencyReader): Promise<boolean> {
  for (const dependency of summary.dependencies) if ((await deps.state(dependency.path)).digest !== dependency.digest) return false;
  return true;
}

/** A context file's summary from the memo or the cache (as the store would find it), else undefined. */
async function known(file: ArticleFile, bytes: Uint8Array, fingerprint: string, options: CompileRecordsOptions): Promise<Remembered | undefined> {
  const info = await stat(file.path);
  const deps = new DependencyReader(file.dir);
  const remembered = options.memo?.get(file.path);
  if (remembered && remembered.mtimeMs === info.mtimeMs && remembered.size === info.size && (await sameDependencies(remembered.summary, deps))) {
    return remembered;
  }
  if (!options.cacheDir) return undefined;
  const sourceKey = contentKey(fingerprint, file.id, bytes);
  const dependencies = await Promise.all(((await readDependencyList(options.cacheDir, sourceKey)) ?? []).map((d) => deps.state(d)));
  const key = versionKey(sourceKey, dependencies);
  const summary = await readSummary(options.cacheDir, key);
  return summary ? { mtimeMs: info.mtimeMs, size: info.size, key, summary } : undefined;
}

/**
 * Every file as the store would hold it: the same compile (store/job.ts), the same version key.
 * Checked files are compiled whole, with readability and the clock's warnings, which the store
 * leaves out (they never decide publication).
 */
export async function compileRecords(files: readonly ArticleFile[], options: CompileRecordsOptions): Promise<Map<ArticleFile, CheckRecord>> {
  const fingerprint = compilerFingerprint();
  const records = new Map<ArticleFile, CheckRecord>();
  for (const file of files) {
    const read = await readFile(file.path);
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
    let remembered = file.checked ? undefined : await known(file, bytes, fingerprint, options);
    let article: Article | undefined;
    if (!remembered) {
      const compiled = compileVersion(bytes, file.id, file.dir, {
        search: false,
        ...(file.checked ? { now: options.now, readability: options.readability } : {}),
      });
      const info = await stat(file.path);
      const key = versionKey(contentKey(fingerprint, file.id, bytes), compiled.summary.dependencies);
      remembered = { mtimeMs: info.mtimeMs, size: info.size, key, summary: compiled.summary };
      if (file.checked) article = compiled.article;
      else options.memo?.set(file.path, remembered);
    }
    const { summary, key } = remembered;
    records.set(file, {
      file: file.id,
      key,
      ok: summary.ok,
      diagnostics: summary.diagnostics,
      listing: summary.listing,
      links: summary.links,
      siteDiagnostics: [],
      ...(article ? { article } : {}),
    });
  }
  return records;
}

/** What the server recorded of a file: the version it serves, and the URLs readers reached it at. */
export interface KnownFile {
  key: string;
  good?: ServedVersion;
  judgedKey?: string;
  liveSlugs?: string[];
}

/** A file the server published and that is gone from the folder: its URLs answer 410 (or redirect, if it was renamed). */
export interface RemovedFile {
  file: string;
  liveSlugs: string[];
  title: string;
}

export interface ServerState {
  files: ReadonlyMap<string, KnownFile>;
  removed: readonly RemovedFile[];
}

/** Why the check cannot read what the server serves from a cache (report.ts says it in words). */
export interface StateUnknown {
  unknown: 'no-database' | 'no-records' | 'another-build';
}

/**
 * What the server recorded about its articles folder in its cache (the store's database): the
 * version it serves of each file, and its tombstones; or why the cache does not say (no database,
 * no records of that folder, records another build of @cited/content made).
 */
export async function serverState(cacheDir: string, articlesDir: string): Promise<ServerState | StateUnknown> {
  if (!existsSync(storeDatabasePath(cacheDir))) return { unknown: 'no-database' };
  const book = new RecordBook({
    dir: articlesDir,
    cacheDir,
    fingerprint: compilerFingerprint(),
    siteSignature: () => '',
    enqueue: () => undefined,
    log: () => undefined,
    readOnly: true,
  });
  await book.load();
  await book.close();
  if (book.madeByAnotherCompiler) return { unknown: 'another-build' };
  if (!book.written) return { unknown: 'no-records' };
  const files = new Map<string, KnownFile>();
  for (const record of book.values()) {
    files.set(record.file, {
      key: record.key,
      ...(record.good ? { good: record.good } : {}),
      ...(record.judgedKey ? { judgedKey: record.judgedKey } : {}),
      ...(record.liveSlugs ? { liveSlugs: record.liveSlugs } : {}),
    });
  }
  const removed = [...book.tombstones()].map((record) => ({ file: record.file, liveSlugs: record.liveSlugs ?? [], title: record.listing.title }));
  return { files, removed };
}
