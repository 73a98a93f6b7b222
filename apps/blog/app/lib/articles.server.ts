import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileArticle, type Article, type Diagnostic } from '@cited/content';
import { LRUCache } from 'lru-cache';
import { slugifyCategory } from './format';

/**
 * Articles are compiled at request time, once per file version, and cached in memory.
 *
 * Why not bundle them at build time: an edited .md file shows up on the next reload in dev and
 * on the next request in production without a rebuild, and a broken file only takes down its
 * own URL (the index skips it) instead of failing the whole server build. The cost is one
 * `readdir` + one `stat` per article per request, which is microseconds; the compile itself
 * (unified pipeline, ~ms) happens once per (path, mtime, size).
 */

export interface CatalogEntry {
  file: string;
  /** URL slug: the frontmatter slug, or the file name when the frontmatter is unreadable. */
  slug: string;
  /** `${file}:${mtimeMs}:${size}` — changes whenever the file does. */
  version: string;
  article: Article | null;
  /** Why the article cannot be published (compile errors, crash, duplicate slug). */
  problems: string[];
}

export interface Category {
  name: string;
  slug: string;
  count: number;
}

export interface Catalog {
  /** Publishable articles, newest first. */
  articles: Article[];
  bySlug: Map<string, CatalogEntry>;
  categories: Category[];
  /** Every file that could not be published (logged once per version). */
  broken: CatalogEntry[];
  /** Hash of all article versions: any edit, addition or removal changes it. */
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

const compiled = new LRUCache<string, CatalogEntry>({ max: 2000 });
let lastCatalog: Catalog | null = null;

interface ScannedFile {
  file: string;
  version: string;
}

async function scan(dir: string): Promise<ScannedFile[]> {
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
  return scanned.filter((entry): entry is ScannedFile => entry !== null);
}

function formatDiagnostic(d: Diagnostic): string {
  return `${path.basename(d.file)}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`;
}

async function compileEntry({ file, version }: ScannedFile): Promise<CatalogEntry> {
  const cached = compiled.get(version);
  if (cached) return cached;
  const fallbackSlug = path.basename(file, '.md');
  let entry: CatalogEntry;
  try {
    const source = await readFile(file);
    const article = compileArticle(source, { path: file });
    const errors = article.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    entry = {
      file,
      slug: article.meta?.slug || fallbackSlug,
      version,
      article: article.ok ? article : null,
      problems: article.ok ? [] : errors.length > 0 ? errors : ['article is not ok'],
    };
  } catch (error) {
    // compileArticle promises never to throw; if it does, only this article goes down.
    entry = { file, slug: fallbackSlug, version, article: null, problems: [`compile crashed: ${String(error)}`] };
  }
  if (entry.problems.length > 0) {
    console.error(`[articles] not publishing ${file}:\n  ${entry.problems.join('\n  ')}`);
  }
  compiled.set(version, entry);
  return entry;
}

function publishedTime(article: Article): number {
  const time = Date.parse(article.meta.published);
  return Number.isNaN(time) ? 0 : time;
}

/** All articles, compiled and cached; cheap to call on every request. */
export async function getCatalog(): Promise<Catalog> {
  const scanned = await scan(articlesDir());
  const version = createHash('sha256')
    .update(scanned.map((s) => s.version).join('\n'))
    .digest('base64url')
    .slice(0, 16);
  if (lastCatalog?.version === version) return lastCatalog;

  const entries = await Promise.all(scanned.map(compileEntry));
  const bySlug = new Map<string, CatalogEntry>();
  const broken: CatalogEntry[] = [];
  for (const entry of entries) {
    const existing = bySlug.get(entry.slug);
    if (existing) {
      // Two files claim one URL: neither wins silently; the first file (by name) keeps it.
      const duplicate = { ...entry, article: null, problems: [`duplicate slug "${entry.slug}" (also ${existing.file})`] };
      console.error(`[articles] not publishing ${entry.file}: ${duplicate.problems[0]}`);
      broken.push(duplicate);
      continue;
    }
    bySlug.set(entry.slug, entry);
    if (!entry.article) broken.push(entry);
  }

  const articles = entries
    .filter((entry) => entry.article && bySlug.get(entry.slug) === entry)
    .map((entry) => entry.article as Article)
    .sort((a, b) => publishedTime(b) - publishedTime(a) || a.meta.title.localeCompare(b.meta.title));

  const categoryCounts = new Map<string, Category>();
  for (const article of articles) {
    const slug = slugifyCategory(article.meta.category);
    const existing = categoryCounts.get(slug);
    if (existing) existing.count += 1;
    else categoryCounts.set(slug, { name: article.meta.category, slug, count: 1 });
  }
  const categories = [...categoryCounts.values()].sort((a, b) => a.name.localeCompare(b.name));

  lastCatalog = { articles, bySlug, categories, broken, version };
  return lastCatalog;
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
  readingTimeMinutes: number;
}

/** What index and category pages need — not the whole compiled tree. */
export function summarize(article: Article): ArticleSummary {
  const { slug, title, description, category, published, updated } = article.meta;
  return {
    slug,
    title,
    description,
    category,
    categorySlug: slugifyCategory(category),
    published,
    ...(updated ? { updated } : {}),
    readingTimeMinutes: article.readingTimeMinutes,
  };
}
