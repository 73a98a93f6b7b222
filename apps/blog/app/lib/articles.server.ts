import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkPersonIds, compileArticle, readArticleMeta, wordsPerMinute, type Article, type ArticleMeta, type Diagnostic } from '@cited/content';
import { LRUCache } from 'lru-cache';
import { slugifyCategory } from './format';
import { peopleRegistry } from './people.server';

/**
 * The article catalog: listings from frontmatter, full compiles on demand.
 *
 * Why read at start-up and on change, not bundle at build time: an edited .md file shows up on
 * the next reload in dev and in production without a rebuild, and a broken file only takes down
 * its own URL (the index skips it) instead of failing the whole server build.
 *
 * Why two levels: index, category, feed and sitemap pages need only the frontmatter and the
 * reading time, which are cheap to read; the compiled tree (unified pipeline, ~15 ms and ~0.3 MB
 * an article) is needed only on the article's own page. So every file version gets a listing
 * from its frontmatter, and full compiles live in a bounded LRU. Each version is still compiled
 * once to validate it (errors unpublish it): all before the first answer on a small site, in a
 * background worker thread on a large one, so a 1,000-article site answers in seconds instead of
 * compiling everything first.
 */

/** What every listing page needs of an article (an `Article` is one too). */
export interface ArticleListing {
  meta: ArticleMeta;
  readingTimeMinutes: number;
}

export interface CatalogEntry {
  file: string;
  /** URL slug: the frontmatter slug, or the file name when the frontmatter is unreadable. */
  slug: string;
  /** `${file}:${mtimeMs}:${size}` — changes whenever the file does. */
  version: string;
  listing: ArticleListing | null;
  /** Why the article cannot be published (frontmatter or compile errors, duplicate slug). */
  problems: string[];
  /** True once the whole article has been compiled and found publishable or not. */
  validated: boolean;
}

export interface Category {
  name: string;
  slug: string;
  count: number;
}

export interface Catalog {
  /** Publishable articles, newest first. */
  articles: ArticleListing[];
  bySlug: Map<string, CatalogEntry>;
  categories: Category[];
  /** Every file that could not be published (logged once per version). */
  broken: CatalogEntry[];
  /** Changes with any edit, addition, removal, or a validation that unpublishes an article. */
  version: string;
}

// The default resolves from this module's own location: app/lib/ in dev, build/server/ in the
// production bundle — both two levels below apps/blog, so both land on apps/blog/content/articles.
const defaultArticlesDir = fileURLToPath(new URL('../../content/articles/', import.meta.url));

/** CITED_ARTICLES_DIR overrides the directory (tests use fixture articles). */
export function articlesDir(): string {
  const configured = process.env.CITED_ARTICLES_DIR?.trim();
  return configured ? path.resolve(configured) : defaultArticlesDir;
}

/**
 * A site this small is validated in full before its catalog is first served (so a broken
 * article never appears in a listing, even briefly); a larger one answers from listings at
 * once and validates in the background.
 */
function eagerValidationLimit(): number {
  const configured = Number(process.env.CITED_EAGER_VALIDATION_LIMIT);
  return process.env.CITED_EAGER_VALIDATION_LIMIT !== undefined && Number.isInteger(configured) && configured >= 0
    ? configured
    : 50;
}

/**
 * How long a directory scan is reused (CITED_RESCAN_MS overrides). A scan is a `readdir`, a
 * `stat` per article and a hash, on every request, HTML-cache hits included. Up to 100 articles
 * it is cheap and every request rescans, so an edit shows at once. Above that it costs ~15 ms
 * per 1,000 articles, so it is reused for a second. Reuse is not the default for small sites:
 * in the soak (one article, 60 s at 50 connections) it doubled throughput (2,077 vs 1,150 req/s)
 * but RSS grew 27–35 % with a flat heap, against 3–12 % when rescanning. That growth is not yet
 * understood.
 */
function rescanInterval(articleCount: number): number {
  const configured = Number(process.env.CITED_RESCAN_MS);
  if (process.env.CITED_RESCAN_MS !== undefined && Number.isFinite(configured)) return Math.max(0, configured);
  return articleCount > 100 ? 1000 : 0;
}

const entries = new Map<string, CatalogEntry>(); // by file version
const compiled = new LRUCache<string, Article>({ max: 64 }); // by file version: article pages in use
let lastScan: { at: number; dir: string; files: ScannedFile[] } | null = null;
let lastCatalog: Catalog | null = null;
/** Bumped when a validation unpublishes an article, so caches keyed by `version` drop it. */
let validationGeneration = 0;
let backgroundValidation: Promise<void> | null = null;

interface ScannedFile {
  file: string;
  version: string;
}

async function scan(dir: string): Promise<ScannedFile[]> {
  if (lastScan && lastScan.dir === dir) {
    const interval = rescanInterval(lastScan.files.length);
    if (interval > 0 && Date.now() - lastScan.at < interval) return lastScan.files;
  }
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`[articles] directory not found: ${dir}`);
      return [];
    }
    throw error;
  }
  const files = names.filter((name) => name.endsWith('.md')).sort();
  const scanned = await Promise.all(
    files.map(async (name): Promise<ScannedFile | null> => {
      const file = path.join(dir, name);
      try {
        const info = await stat(file);
        if (!info.isFile()) return null;
        return { file, version: `${file}:${info.mtimeMs}:${info.size}` };
      } catch {
        return null; // deleted between readdir and stat
      }
    }),
  );
  const present = scanned.filter((entry): entry is ScannedFile => entry !== null);
  lastScan = { at: Date.now(), dir, files: present };
  return present;
}

function formatDiagnostic(d: Diagnostic): string {
  return `${path.basename(d.file)}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`;
}

function unpublish(entry: CatalogEntry, problems: string[]): void {
  entry.listing = null;
  entry.problems = problems;
  console.error(`[articles] not publishing ${entry.file}:\n  ${problems.join('\n  ')}`);
}

/**
 * Words of the markdown body, without frontmatter and directive syntax: the reading time an
 * index shows before the article has been compiled (the compile then replaces it exactly).
 */
function estimateReadingTime(source: string): number {
  const body = source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const prose = body
    .replace(/^\s*:::.*$/gm, ' ')
    .replace(/:[a-z]+\[[^\]]*\](\{[^}]*\})?/g, ' ')
    .replace(/[#>*_`|[\]()-]+/g, ' ');
  const words = prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%-]*/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** The listing of one file version, from its frontmatter only. Never throws. */
async function indexEntry({ file, version }: ScannedFile): Promise<CatalogEntry> {
  const known = entries.get(version);
  if (known) return known;
  const fallbackSlug = path.basename(file, '.md');
  const entry: CatalogEntry = { file, slug: fallbackSlug, version, listing: null, problems: [], validated: false };
  try {
    const source = await readFile(file);
    const { meta, diagnostics } = readArticleMeta(source, { path: file });
    const unknownPeople = meta ? checkPersonIds(source.toString('utf8'), file, peopleRegistry()) : [];
    if (meta && unknownPeople.length > 0) {
      // An author or reviewer id not in people.yml: a content error like any other.
      entry.slug = meta.slug || fallbackSlug;
      entry.validated = true;
      unpublish(entry, unknownPeople.map(formatDiagnostic));
    } else if (meta) {
      entry.slug = meta.slug || fallbackSlug;
      entry.listing = { meta, readingTimeMinutes: estimateReadingTime(source.toString('utf8')) };
    } else {
      const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
      entry.validated = true; // no frontmatter, no article: nothing more to learn by compiling
      unpublish(entry, errors.length > 0 ? errors : ['the frontmatter could not be read']);
    }
  } catch (error) {
    entry.validated = true;
    unpublish(entry, [`could not be read: ${String(error)}`]);
  }
  entries.set(version, entry);
  return entry;
}

/**
 * Compiles one file version (cached), validating its entry: an article with errors is
 * unpublished. Returns null when the article cannot be published. Never throws.
 */
async function compileEntry(entry: CatalogEntry): Promise<Article | null> {
  const cached = compiled.get(entry.version);
  if (cached) return cached;
  if (entry.validated && !entry.listing) return null;
  let article: Article | null = null;
  try {
    const source = await readFile(entry.file);
    // bibliography: files are read relative to the article (not yet part of the cache key).
    const result = compileArticle(source, { path: entry.file, readFile: (file) => readFileSync(file) });
    if (result.ok) {
      article = result;
      // The exact reading time replaces the estimate from the frontmatter pass.
      entry.listing = { meta: result.meta, readingTimeMinutes: result.readingTimeMinutes };
    } else {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
      unpublish(entry, errors.length > 0 ? errors : ['article is not ok']);
      validationGeneration += 1;
    }
  } catch (error) {
    // compileArticle promises never to throw; a vanished file lands here. Only this article goes down.
    unpublish(entry, [`compile failed: ${String(error)}`]);
    validationGeneration += 1;
  }
  entry.validated = true;
  if (article) compiled.set(entry.version, article);
  return article;
}

/** What validate-worker.js posts back for one file. */
interface WorkerVerdict {
  ok: boolean;
  meta?: ArticleMeta;
  readingTimeMinutes?: number;
  errors: Diagnostic[];
  failure?: string;
}

// Resolved at run time (not `new URL(…, import.meta.url)`, which Vite would bundle as an asset):
// app/lib/ in dev and build/server/ in production are both two levels below apps/blog.
const validateWorkerFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../validate-worker.js');

/** Records a verdict on its entry: exact reading time when publishable, unpublished otherwise. */
function applyVerdict(entry: CatalogEntry, verdict: WorkerVerdict): void {
  entry.validated = true;
  if (verdict.ok && verdict.meta) {
    entry.listing = { meta: verdict.meta, readingTimeMinutes: verdict.readingTimeMinutes ?? 1 };
    return;
  }
  const problems = verdict.failure
    ? [`compile failed: ${verdict.failure}`]
    : verdict.errors.length > 0
      ? verdict.errors.map(formatDiagnostic)
      : ['article is not ok'];
  unpublish(entry, problems);
  validationGeneration += 1;
}

/**
 * Validates the remaining entries one at a time in a worker thread, so a large site's first
 * compile of every article neither blocks requests nor inflates the server's heap; the worker
 * ends when the queue is empty. Where a worker cannot start, it falls back to compiling here,
 * yielding to requests between articles.
 */
function validateInBackground(pending: CatalogEntry[]): void {
  if (backgroundValidation || pending.length === 0) return;
  backgroundValidation = (async () => {
    let worker: Worker | null = null;
    try {
      worker = new Worker(validateWorkerFile);
    } catch (error) {
      console.error(`[articles] validating on the main thread: ${String(error)}`);
    }
    try {
      for (const entry of pending) {
        if (entry.validated) continue;
        if (worker) {
          const active = worker;
          const verdict = await new Promise<WorkerVerdict>((resolve, reject) => {
            active.once('message', resolve);
            active.once('error', reject);
            active.postMessage({ file: entry.file });
          }).finally(() => active.removeAllListeners('message').removeAllListeners('error'));
          applyVerdict(entry, verdict);
        } else {
          await new Promise((resolve) => setImmediate(resolve));
          await compileEntry(entry);
          compiled.delete(entry.version); // validated: the tree is rebuilt on demand when the page is read
        }
      }
    } catch (error) {
      // The worker died: what is left is validated on demand, when each article page is read.
      console.error(`[articles] background validation stopped: ${String(error)}`);
    } finally {
      await worker?.terminate();
    }
  })().finally(() => {
    backgroundValidation = null;
    // Listings now carry exact reading times and no broken articles: a new catalog version, so
    // caches keyed by it (server.js's HTML cache, ETags) drop pages built from the estimates.
    validationGeneration += 1;
    lastCatalog = null;
  });
}

function publishedTime(listing: ArticleListing): number {
  const time = Date.parse(listing.meta.published);
  return Number.isNaN(time) ? 0 : time;
}

/** Any edit, addition, removal or unpublishing validation gives a new version. */
function catalogVersion(scanned: readonly ScannedFile[]): string {
  return createHash('sha256')
    .update(scanned.map((s) => s.version).join('\n'))
    .update(`\n${validationGeneration}`)
    .digest('base64url')
    .slice(0, 16);
}

/** All article listings; cheap to call on every request. */
export async function getCatalog(): Promise<Catalog> {
  const scanned = await scan(articlesDir());
  const version = catalogVersion(scanned);
  if (lastCatalog?.version === version) return lastCatalog;

  const current = await Promise.all(scanned.map(indexEntry));
  const live = new Set(scanned.map((s) => s.version));
  for (const key of entries.keys()) if (!live.has(key)) entries.delete(key); // edited or removed files

  const unvalidated = current.filter((entry) => !entry.validated);
  if (unvalidated.length <= eagerValidationLimit()) {
    for (const entry of unvalidated) await compileEntry(entry);
  } else {
    validateInBackground(unvalidated);
  }

  const bySlug = new Map<string, CatalogEntry>();
  const broken: CatalogEntry[] = [];
  for (const entry of current) {
    const existing = bySlug.get(entry.slug);
    if (existing) {
      // Two files claim one URL: neither wins silently; the first file (by name) keeps it.
      const duplicate = { ...entry, listing: null, problems: [`duplicate slug "${entry.slug}" (also ${existing.file})`] };
      console.error(`[articles] not publishing ${entry.file}: ${duplicate.problems[0]}`);
      broken.push(duplicate);
      continue;
    }
    bySlug.set(entry.slug, entry);
    if (!entry.listing) broken.push(entry);
  }

  const articles = current
    .filter((entry) => entry.listing && bySlug.get(entry.slug) === entry)
    .map((entry) => entry.listing as ArticleListing)
    .sort((a, b) => publishedTime(b) - publishedTime(a) || a.meta.title.localeCompare(b.meta.title));

  const categoryCounts = new Map<string, Category>();
  for (const article of articles) {
    const slug = slugifyCategory(article.meta.category);
    const existing = categoryCounts.get(slug);
    if (existing) existing.count += 1;
    else categoryCounts.set(slug, { name: article.meta.category, slug, count: 1 });
  }
  const categories = [...categoryCounts.values()].sort((a, b) => a.name.localeCompare(b.name));

  // Eager validation above may have unpublished an article: key the catalog by the state it reflects.
  lastCatalog = { articles, bySlug, categories, broken, version: catalogVersion(scanned) };
  return lastCatalog;
}

/** The compiled article behind a slug, or null when there is none or it cannot be published. */
export async function getArticle(slug: string): Promise<Article | null> {
  const { bySlug } = await getCatalog();
  const entry = bySlug.get(slug);
  if (!entry?.listing) return null;
  const article = await compileEntry(entry);
  if (!article) lastCatalog = null; // it was just unpublished: listings must drop it
  return article;
}

/** Content version for caches outside the app (server.js keys its HTML cache by it). */
export async function contentVersion(): Promise<string> {
  return (await getCatalog()).version;
}

export interface ArticleSummary {
  slug: string;
  title: string;
  description: string;
  category: string;
  categorySlug: string;
  published: string;
  updated?: string;
  tags: string[];
  readingTimeMinutes: number;
}

/** What index and category pages need — not the whole compiled tree. */
export function summarize(article: ArticleListing): ArticleSummary {
  const { slug, title, description, category, published, updated, tags } = article.meta;
  return {
    slug,
    title,
    description,
    category,
    categorySlug: slugifyCategory(category),
    published,
    ...(updated ? { updated } : {}),
    tags,
    readingTimeMinutes: article.readingTimeMinutes,
  };
}
