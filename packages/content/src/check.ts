import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { report, formatDiagnostics, sortDiagnostics, toDiagnostics } from './diagnostics.js';
import { compileArticle, readArticleMeta } from './compile.js';
import { readFrontmatter } from './frontmatter.js';
import { formatReadability } from './readability/report.js';
import type { ReadabilityOptions } from './readability/report.js';
import { decodeSource } from './source.js';
import { checkPersonIds } from './people/check.js';
import type { PeopleRegistry } from './people/registry.js';
import { checkSiteLinks } from './store/links.js';
import { articleFacts, checkSiteRules, type SiteRules } from './rules/site.js';
import type { Article, ArticleMeta, Diagnostic } from './types.js';

export interface CheckResult {
  articles: Article[];
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** vfile-reporter text: file, line:column, severity, message, rule id, and a summary line. */
  report: string;
}

export interface CheckOptions {
  /** Reference time for dates (review-overdue, scheduled link targets); default now. */
  now?: Date;
  /** Same-site pages other than articles that links may point at (default ['/']). */
  routes?: readonly string[];
  articlePath?: (slug: string) => string;
  /** Readability report per article (default on). */
  readability?: boolean | ReadabilityOptions;
  /** The people registry: every author/reviewedBy id must be in it (unchecked when absent). */
  people?: PeopleRegistry;
  /** What site.yml asks of articles (care cards, medical review, the publisher's offers). */
  site?: SiteRules;
}

/**
 * Site rules, once the article compiles without errors: a broken frontmatter's placeholder values
 * would mislead them, and a source the parser refused (too deep, too complex) is not parsed again.
 */
function siteRuleProblems(article: Article, source: Buffer, file: string, options: CheckOptions): Diagnostic[] {
  if ((!options.site && !options.people) || !article.ok) return [];
  return checkSiteRules(articleFacts(article), { file, site: options.site, people: options.people, source: () => source.toString('utf8') });
}

export const articleExtensions = ['.md', '.markdown'];

const isArticleFile = (name: string): boolean => articleExtensions.some((extension) => name.endsWith(extension));

async function findArticles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && isArticleFile(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Files to check: directories are searched recursively, files taken as they are. */
export async function resolveArticlePaths(targets: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const target of targets) {
    const info = await stat(target);
    if (info.isDirectory()) for (const file of await findArticles(target)) found.add(resolve(file));
    else found.add(resolve(target));
  }
  return [...found].sort();
}

function isLive(meta: ArticleMeta, now: Date): boolean {
  return meta.draft !== true && meta.published !== '' && meta.published <= now.toISOString().slice(0, 10);
}

/**
 * Slugs a link may point at: the checked articles, and their neighbours in the same directories
 * (frontmatter only), so checking one file still knows the rest of the site.
 */
async function liveSlugs(paths: readonly string[], articles: readonly Article[], now: Date): Promise<Set<string>> {
  const slugs = new Set(articles.filter((article) => article.ok && isLive(article.meta, now)).map((article) => article.meta.slug));
  const checked = new Set(paths);
  for (const dir of new Set(paths.map((path) => dirname(path)))) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter(isArticleFile)) {
      const file = join(dir, name);
      if (checked.has(file)) continue;
      const source = await readFile(file).catch(() => undefined);
      const meta = source ? readArticleMeta(source, { path: file }).meta : undefined;
      if (meta && isLive(meta, now)) slugs.add(meta.slug);
    }
  }
  return slugs;
}

/**
 * Compiles every article given (files, or directories searched recursively) and checks what only a
 * set of files can reveal: the same slug in two files, and same-site links to articles that do not
 * exist. Paths in diagnostics are relative to the current directory.
 */
export async function checkArticles(targets: string | readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const now = options.now ?? new Date();
  const readability = options.readability ?? true;
  const list = typeof targets === 'string' ? [targets] : targets;
  const paths = await resolveArticlePaths(list);
  const articles: Article[] = [];
  for (const path of paths) {
    const source = await readFile(path);
    const shownPath = relative(process.cwd(), path) || path;
    const article = compileArticle(new Uint8Array(source.buffer, source.byteOffset, source.byteLength), {
      path: shownPath,
      now,
      readFile: (bibliography) => readFileSync(bibliography),
      readability,
    });
    // Authors and reviewers are registry ids: an unknown one is an error at its frontmatter value.
    // Then what site.yml and people.yml ask of every article (rules/site.ts).
    const siteProblems = [
      ...(options.people ? checkPersonIds(source.toString('utf8'), shownPath, options.people) : []),
      ...siteRuleProblems(article, source, shownPath, options),
    ];
    if (siteProblems.length > 0) {
      article.diagnostics = sortDiagnostics([...article.diagnostics, ...siteProblems]);
      article.ok = article.ok && siteProblems.every((problem) => problem.severity !== 'error');
    }
    articles.push(article);
  }

  const firstBySlug = new Map<string, Article>();
  for (const article of articles) {
    const first = firstBySlug.get(article.meta.slug);
    if (!first) {
      firstBySlug.set(article.meta.slug, article);
      continue;
    }
    // Position the error where the second file declares (or derives) its slug.
    const file = new VFile({ path: article.sourcePath });
    const source = await readFile(join(process.cwd(), article.sourcePath)).catch(() => undefined);
    const slugPosition = source ? readFrontmatter(decodeSource(new Uint8Array(source)).text, new VFile({ path: article.sourcePath }), undefined).slugPosition : undefined;
    report(file, 'slug-duplicate', `Slug "${article.meta.slug}" is already used by ${first.sourcePath}`, slugPosition);
    article.diagnostics = sortDiagnostics([...article.diagnostics, ...toDiagnostics(file)]);
    article.ok = false;
  }

  const slugs = await liveSlugs(paths, articles, now);
  const site = { slugs, routes: options.routes ?? ['/'], articlePath: options.articlePath ?? ((slug: string) => `/articles/${slug}`) };
  for (const article of articles) {
    const broken = checkSiteLinks(article.siteLinks, article.sourcePath, site);
    if (broken.length === 0) continue;
    article.diagnostics = sortDiagnostics([...article.diagnostics, ...broken]);
    article.ok = false;
  }

  const diagnostics = sortDiagnostics(articles.flatMap((article) => article.diagnostics));
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const summary = `${articles.length} article${articles.length === 1 ? '' : 's'} checked in ${list.join(', ')}`;
  const reported = [
    diagnostics.length > 0 ? formatDiagnostics(diagnostics) : '',
    ...articles.flatMap((article) => (article.readability ? [`${article.sourcePath}: readability ${formatReadability(article.readability)}`] : [])),
    diagnostics.length > 0 ? summary : `${summary}: no problems`,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    articles,
    diagnostics,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    report: reported,
  };
}
