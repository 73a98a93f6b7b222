import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { citationJsPackages } from '../bibliography/load-citation-js.js';
import type { SearchDoc } from '../search/search.js';
import { compilerPackages } from './compiler-packages.js';
import type { CachedVersion, CompileSummary, Dependency } from './types.js';

/** Bumped when the cache layout or the summary shape changes. */
export const storeFormat = 'cited-store-3';

export { defaultCacheDir } from './cache-dir.js';

/** The installed @cited/content package directory (its dist holds the compiler and the worker). */
export function packageDir(): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('@cited/content/package.json'));
  } catch {
    return undefined;
  }
}

// Relative imports in the built modules: `from './x.js'`, `import './x.js'`, `import('./x.js')`.
const relativeImport = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The compiler's code: the compile job (store/job.js) and every module of the package it imports,
 * directly or not. What the CLI, the site-wide judging (site/), the search index, the React
 * renderer and the store around the job do cannot change what a compile produces, so changing
 * them (a help text, a listing query) never makes a server compile every article again.
 */
export function compilerModules(dist: string): string[] {
  const job = path.join(dist, 'store', 'job.js');
  if (!existsSync(job)) throw new Error(`${job} is not built`);
  const found = new Set<string>();
  const pending = [job];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    // A match in a comment or a string that names no module is no import.
    if (found.has(file) || !existsSync(file)) continue;
    found.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(relativeImport)) pending.push(path.resolve(path.dirname(file), specifier as string));
  }
  return [...found].sort();
}

function hashFiles(label: string, files: (dist: string) => string[], options: { packages?: boolean } = {}): string {
  const hash = createHash('sha256').update(storeFormat).update(label);
  const dir = packageDir();
  try {
    if (!dir) throw new Error('not installed');
    const dist = path.join(dir, 'dist');
    const modules = files(dist);
    for (const file of modules) hash.update(path.relative(dist, file)).update(readFileSync(file));
    if (options.packages) for (const installed of compilerPackages(modules, { loadedByName: citationJsPackages })) hash.update('\0').update(installed);
  } catch {
    hash.update('source');
  }
  return hash.digest('hex').slice(0, 16);
}

let compilerHash: string | undefined;

/**
 * Identifies the compiler: a hash of the built package's code and of the versions of the packages
 * it runs (compiler-packages.ts), so a new compiler (new rules, new output, a new remark) never
 * reuses an old cache entry, and equal code gives equal keys on every machine. Read once per process.
 */
export function compilerFingerprint(): string {
  compilerHash ??= hashFiles('', compilerModules, { packages: true });
  return compilerHash;
}

let judgeHash: string | undefined;

/**
 * Identifies the site-wide judging (dist/site: links, people, URLs, any rule added there): part of
 * the state's site signature, so a restart with new site rules judges every file again.
 */
export function judgeFingerprint(): string {
  judgeHash ??= hashFiles('site', (dist) =>
    readdirSync(path.join(dist, 'site'))
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => path.join(dist, 'site', name)),
  );
  return judgeHash;
}

/**
 * Key of a compiled version: the source key, plus the bytes of every file its compile read (a
 * bibliography). Without dependencies it is the source key itself.
 */
export function versionKey(sourceKey: string, dependencies: readonly Dependency[]): string {
  if (dependencies.length === 0) return sourceKey;
  const hash = createHash('sha256').update(sourceKey);
  for (const dependency of dependencies) hash.update('\0').update(dependency.path).update('\0').update(dependency.digest ?? '-');
  return hash.digest('hex');
}

function dependencyListPath(cacheDir: string, sourceKey: string): string {
  return path.join(cacheDir, 'objects', sourceKey.slice(0, 2), `${sourceKey}.deps.json`);
}

/**
 * Which files a source version read when it was compiled (only written when it read any), so a
 * restart or another process can compute its version key without compiling it again.
 */
export async function readDependencyList(cacheDir: string, sourceKey: string): Promise<string[] | undefined> {
  try {
    return JSON.parse(await readFile(dependencyListPath(cacheDir, sourceKey), 'utf8')) as string[];
  } catch {
    return undefined;
  }
}

/** Content key of one file version: compiler, path (it can set the slug) and bytes. */
export function contentKey(fingerprint: string, file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(fingerprint).update('\0').update(file).update('\0').update(bytes).digest('hex');
}

export function objectPath(cacheDir: string, key: string): string {
  return path.join(cacheDir, 'objects', key.slice(0, 2), `${key}.json`);
}

/** Write-then-rename, so a reader (or a crash) never sees half a file. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

function summaryPath(cacheDir: string, key: string): string {
  return path.join(cacheDir, 'objects', key.slice(0, 2), `${key}.summary.json`);
}

function searchPath(cacheDir: string, key: string): string {
  return path.join(cacheDir, 'objects', key.slice(0, 2), `${key}.search.json`);
}

/** The searchable text of a version (a search index reads it without the compiled tree). */
export async function readSearchDoc(cacheDir: string, key: string): Promise<SearchDoc | undefined> {
  try {
    return JSON.parse(await readFile(searchPath(cacheDir, key), 'utf8')) as SearchDoc;
  } catch {
    return undefined;
  }
}

export async function readSummary(cacheDir: string, key: string): Promise<CompileSummary | undefined> {
  try {
    return JSON.parse(await readFile(summaryPath(cacheDir, key), 'utf8')) as CompileSummary;
  } catch {
    return undefined;
  }
}

export async function readObject(cacheDir: string, key: string): Promise<CachedVersion | undefined> {
  try {
    const parsed = JSON.parse(await readFile(objectPath(cacheDir, key), 'utf8')) as CachedVersion;
    return parsed.key === key ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The body and search text first, then the summary: a summary on disk means the whole version is there. */
export async function writeObject(cacheDir: string, { search, ...version }: CachedVersion, sourceKey = version.key): Promise<void> {
  await writeAtomic(objectPath(cacheDir, version.key), JSON.stringify(version));
  if (search) await writeAtomic(searchPath(cacheDir, version.key), JSON.stringify(search));
  await writeAtomic(summaryPath(cacheDir, version.key), JSON.stringify(version.summary));
  const { dependencies } = version.summary;
  if (dependencies.length > 0) await writeAtomic(dependencyListPath(cacheDir, sourceKey), JSON.stringify(dependencies.map((d) => d.path)));
}

/** Compiles a version and writes it to the cache under its version key (worker or in-thread). */
export async function compileToCache(
  compile: () => Omit<CachedVersion, 'key'>,
  cacheDir: string,
  sourceKey: string,
): Promise<{ key: string; summary: CompileSummary }> {
  const compiled = compile();
  const { summary } = compiled;
  const key = versionKey(sourceKey, summary.dependencies);
  await writeObject(cacheDir, { key, ...compiled }, sourceKey);
  return { key, summary };
}
