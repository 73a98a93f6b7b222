import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article, Diagnostic } from '@cited/content';
import {
  createContentStore,
  type ArticleListing,
  type ContentProgress,
  type ContentSnapshot,
  type ContentStore,
  type FileReport,
  type Visibility,
} from '@cited/content/store';
import { configVersion, onConfigChange, siteFiles, siteRoutes } from './config-file.server';
import { memoizedSlugify, slugifyCategory } from './format';
import { peopleRegistry } from './people.server';
import { siteConfig } from './site.server';
import { sitemapsOf } from './sitemap.server';

/**
 * The blog's view of the content store (@cited/content/store): the articles directory as a
 * validated snapshot, compiled once per file version in worker threads and cached on disk, kept
 * current by a file watcher. Requests never scan or compile: listings come from the snapshot,
 * orderings and feeds are computed once per snapshot (`derive`), bodies come from the store.
 */

export type { ArticleListing, ContentSnapshot };

export interface Category {
  name: string;
  slug: string;
  count: number;
}

export interface Catalog {
  /** Publishable articles, newest first. */
  articles: readonly ArticleListing[];
  categories: Category[];
  /** Changes when anything a reader can see changes. */
  version: string;
  snapshot: ContentSnapshot;
}

/** The articles directory (CITED_ARTICLES_DIR overrides it; tests use fixture articles). */
export function articlesDir(): string {
  return siteFiles().articlesDir;
}

/** The images folder: `images/` beside the articles folder, where the compiler reads them too. */
export function imagesDir(): string {
  return path.join(path.dirname(articlesDir()), 'images');
}

/**
 * Same-site paths an article may link to besides articles: the blog's routes, listed once in
 * package.json ("cited.routes"), where `cited-content check` finds them too. A page added to the
 * blog is added there ('/category/:category' names a category that has articles).
 */
export { siteRoutes };

/**
 * Dev previews drafts and scheduled articles (with a banner) to everyone on it; so does
 * CITED_PREVIEW=1 outside production (a staging copy, the tests). Production never does: a
 * reviewer there gets a signed preview link (preview.server.ts).
 */
export function isPreview(): boolean {
  if (process.env.NODE_ENV === 'development') return true;
  if (process.env.CITED_PREVIEW !== '1') return false;
  if (process.env.NODE_ENV !== 'production') return true;
  warnPreviewIgnored();
  return false;
}

let previewWarned = false;
function warnPreviewIgnored(): void {
  if (previewWarned) return;
  previewWarned = true;
  console.error('[blog] CITED_PREVIEW=1 is ignored in production (it would show every draft to everyone): use signed preview links (CITED_PREVIEW_SECRET, `npm run preview-link`)');
}

function eagerLimit(): number | undefined {
  const configured = Number(process.env.CITED_EAGER_VALIDATION_LIMIT);
  return process.env.CITED_EAGER_VALIDATION_LIMIT !== undefined && Number.isInteger(configured) && configured >= 0
    ? configured
    : undefined;
}

/**
 * Today (UTC, YYYY-MM-DD) by the store's clock (the system time; tests move it with
 * vi.setSystemTime): what review dates are judged against on pages.
 */
export function contentToday(): string {
  return new Date().toISOString().slice(0, 10);
}

// On globalThis: the dev server re-imports modules after edits, and one directory needs one watcher.
const holder = globalThis as { __citedContentStore?: { dir: string; store: ContentStore } };

/** The store for the current articles directory (a new one if CITED_ARTICLES_DIR changed). */
export function contentStore(): ContentStore {
  const dir = articlesDir();
  const existing = holder.__citedContentStore;
  if (existing?.dir === dir) return existing.store;
  void existing?.store.close();
  const limit = eagerLimit();
  const store = createContentStore({
    dir,
    // The store's default clock (the system time): tests move it with vi.setSystemTime.
    mode: isPreview() ? 'preview' : 'production',
    routes: siteRoutes,
    articlePath: (slug) => `/articles/${slug}`,
    // Bylines link to people.yml records: an unknown id is a content error, like a broken link.
    people: peopleRegistry,
    // What site.yml asks of articles (care cards, medical review, disclosures): judged the same way.
    site: siteConfig,
    ...(limit !== undefined ? { eagerLimit: limit } : {}),
  });
  holder.__citedContentStore = { dir, store };
  // Who may author or review and what articles must carry are rules in people.yml and site.yml:
  // an edit that changes them judges every article again, as a restart would (and as
  // `cited-content check` now says); an edited bio judges nothing.
  onConfigChange('content store', () => {
    holder.__citedContentStore?.store.rulesChanged().catch(() => undefined);
  });
  // An unreadable directory fails this store's start (requests answer 500); the next request retries.
  store.ready.catch(() => {
    if (holder.__citedContentStore?.store === store) holder.__citedContentStore = undefined;
    void store.close();
  });
  return store;
}

/**
 * Builds the sitemap of every article in the background (server.js, once it listens), before a
 * crawler asks for it: at 100,000 articles it takes a few hundred milliseconds, which a restart
 * does not make its first reader wait for. After a content change the first request builds it.
 */
export function warmSitemap(): void {
  const store = contentStore();
  store.ready.then(
    () => {
      try {
        const snapshot = store.snapshot();
        const categories = snapshot.derive('blog:categories', categoriesOf);
        sitemapsOf(snapshot, categories.map((category) => category.slug));
      } catch (error) {
        // The sitemap route builds it (and reports the failure) on request instead.
        console.error('[blog] could not precompute the sitemap:', error);
      }
    },
    () => undefined,
  );
}

/** Graceful shutdown (server.js on SIGTERM): the store saves what it knows, so the next start compiles nothing twice. */
export async function closeContent(): Promise<void> {
  const existing = holder.__citedContentStore;
  holder.__citedContentStore = undefined;
  await existing?.store.close();
}

function categoriesOf(snapshot: ContentSnapshot): Category[] {
  const counts = new Map<string, Category>();
  const categorySlug = memoizedSlugify(slugifyCategory);
  for (const article of snapshot.articles) {
    const slug = categorySlug(article.category);
    const existing = counts.get(slug);
    if (existing) existing.count += 1;
    else counts.set(slug, { name: article.category, slug, count: 1 });
  }
  return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * The category names written in frontmatter behind one category slug ('Back pain' and 'Back Pain'
 * are one category): what a store listing query filters on. Built once per snapshot.
 */
export function categoryNames(snapshot: ContentSnapshot, categorySlug: string): readonly string[] {
  const bySlug = snapshot.derive('blog:category-names', (s) => {
    const map = new Map<string, Set<string>>();
    const slugOf = memoizedSlugify(slugifyCategory);
    for (const article of s.articles) {
      const slug = slugOf(article.category);
      const names = map.get(slug) ?? new Set<string>();
      names.add(article.category);
      map.set(slug, names);
    }
    return new Map([...map].map(([slug, names]) => [slug, [...names]]));
  });
  return bySlug.get(categorySlug) ?? [];
}

/** Articles of one category, newest first: one ordering per category, built once per snapshot. */
export function articlesInCategory(snapshot: ContentSnapshot, categorySlug: string): readonly ArticleListing[] {
  const byCategory = snapshot.derive('blog:by-category', (s) => {
    const map = new Map<string, ArticleListing[]>();
    const categorySlug = memoizedSlugify(slugifyCategory);
    for (const article of s.articles) {
      const slug = categorySlug(article.category);
      const list = map.get(slug) ?? [];
      list.push(article);
      map.set(slug, list);
    }
    return map;
  });
  return byCategory.get(categorySlug) ?? [];
}

/** All article listings; O(1) per request. */
export async function getCatalog(): Promise<Catalog> {
  const store = contentStore();
  await store.ready;
  const snapshot = store.snapshot();
  return {
    articles: snapshot.articles,
    categories: snapshot.derive('blog:categories', categoriesOf),
    version: snapshot.version,
    snapshot,
  };
}

/**
 * How far the store's cold pass is (a start without the build-time database publishes as it
 * goes): counted by the store, nothing parsed here. For /_content.
 */
export function contentProgress(): ContentProgress {
  return contentStore().progress();
}

export interface ServedArticle {
  article: Article;
  visibility: Visibility;
  /** The file on disk has errors; this is the last good version. */
  servingLastGood: boolean;
}

/**
 * The compiled article behind a slug (drafts and scheduled ones only in preview, or with
 * `unpublished`: a signed preview link), or null.
 */
export async function getArticle(slug: string, options: { unpublished?: boolean } = {}): Promise<ServedArticle | null> {
  const store = contentStore();
  await store.ready;
  const snapshot = store.snapshot();
  const entry = snapshot.entry(slug) ?? (options.unpublished ? snapshot.unpublished.find((candidate) => candidate.slug === slug) : undefined);
  if (!entry) return null;
  const article = await store.article(slug, options);
  return article ? { article, visibility: entry.visibility, servingLastGood: entry.servingLastGood } : null;
}

/**
 * Content version for caches outside the app (server.js keys its HTML cache by it). It includes
 * the versions of people.yml and site.yml in use (bylines, credentials and the disclaimer are on
 * every page, and an edit to them changes no article), and today's date: an article page says
 * when its medical review is overdue, which changes with the day, not with the files (so each
 * page is rendered again once a day).
 */
export async function contentVersion(): Promise<string> {
  // configVersion() costs nothing here: each file's directory watch reads it anew when it changes,
  // and every render reads it too (a cache hit, per request, must not stat the files).
  return `${(await getCatalog()).version}:${configVersion()}:${contentToday()}`;
}

export interface SourceExcerpt {
  /** The lines around the problem, numbered from `firstLine`. */
  lines: { number: number; text: string }[];
  line: number;
  column: number;
  /** Where the marked span ends on `line` (exclusive), when it ends there. */
  endColumn?: number;
}

export interface ReportedProblem extends Diagnostic {
  /** The file the problem is in: the article's, or another's (a `bibliography:` file's) absolute path. */
  path: string;
  excerpt?: SourceExcerpt;
}

export interface FileProblems {
  file: string;
  path: string;
  slug?: string;
  state: FileReport['state'];
  diagnostics: ReportedProblem[];
}

function excerptOf(lines: readonly string[], diagnostic: Diagnostic): SourceExcerpt {
  const first = Math.max(1, diagnostic.line - 2);
  const last = Math.min(lines.length, diagnostic.line + 2);
  const excerptLines = [];
  for (let number = first; number <= last; number += 1) excerptLines.push({ number, text: lines[number - 1] ?? '' });
  const endsOnLine = diagnostic.endLine === diagnostic.line && diagnostic.endColumn !== undefined && diagnostic.endColumn > diagnostic.column;
  return { lines: excerptLines, line: diagnostic.line, column: diagnostic.column, ...(endsOnLine ? { endColumn: diagnostic.endColumn } : {}) };
}

/**
 * Each problem with the source lines around it, from the file it is in: an article's diagnostics
 * can be in its `bibliography:` files (their paths relative to the articles folder, as the store
 * compiled them), whose lines are shown, not the article's.
 */
async function withExcerpts(report: FileReport): Promise<FileProblems> {
  const dir = report.path.slice(0, report.path.length - report.file.length);
  const pathOf = (file: string) => (file === report.file ? report.path : path.resolve(dir, file));
  const texts = new Map<string, Promise<string[] | undefined>>();
  const linesOf = (file: string) => {
    let lines = texts.get(file);
    if (!lines) {
      lines = readFile(file, 'utf8').then((text) => text.split(/\r\n|\n|\r/), () => undefined);
      texts.set(file, lines);
    }
    return lines;
  };
  return {
    file: report.file,
    path: report.path,
    ...(report.slug ? { slug: report.slug } : {}),
    state: report.state,
    diagnostics: await Promise.all(
      report.diagnostics.map(async (diagnostic) => {
        const where = pathOf(diagnostic.file);
        const lines = await linesOf(where);
        return { ...diagnostic, path: where, ...(lines ? { excerpt: excerptOf(lines, diagnostic) } : {}) };
      }),
    ),
  };
}

/** Dev diagnostics: every file with a problem, with source excerpts. */
export async function getProblems(): Promise<FileProblems[]> {
  const { snapshot } = await getCatalog();
  return Promise.all(snapshot.reports.map(withExcerpts));
}

/** Dev diagnostics for the file behind one URL (its current version has errors), if any. */
export async function getProblemsForSlug(slug: string): Promise<FileProblems | null> {
  const { snapshot } = await getCatalog();
  const fileName = `${slug}.md`;
  const report = snapshot.reports.find(
    (candidate) =>
      (candidate.slug === slug || candidate.file === fileName) &&
      candidate.diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
  );
  return report ? withExcerpts(report) : null;
}

export interface ArticleSummary {
  slug: string;
  title: string;
  description: string;
  category: string;
  categorySlug: string;
  published: string;
  updated?: string;
  tags: readonly string[];
  readingTimeMinutes: number;
}

/** What index and category pages need — not the whole compiled tree. */
export function summarize(article: ArticleListing): ArticleSummary {
  const { slug, title, description, category, published, updated, tags } = article;
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
