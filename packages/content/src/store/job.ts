import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileArticle } from '../compile.js';
import type { SearchDoc } from '../search/search.js';
import { searchDocOf, searchTextOfTree } from '../search/text.js';
import type { SearchText } from '../search/text.js';
import { dependencyDigest } from './dependencies.js';
import type { Article, CompileOptions } from '../types.js';
import type { ArticleListing, CompileSummary, Dependency } from './types.js';

/**
 * Compile time is fixed for the store: compiled output must depend on the file alone (same bytes on
 * every machine and restart), so clock-dependent findings (review-overdue) are left to
 * `cited-content check`, and scheduling is applied to the snapshot, not baked into the compile.
 */
const compileEpoch = new Date(0);

export function listingOf(article: Article): ArticleListing {
  const { meta } = article;
  return {
    slug: meta.slug,
    title: meta.title,
    description: meta.description,
    category: meta.category,
    tags: meta.tags,
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.reviewedBy ? { reviewedBy: meta.reviewedBy } : {}),
    ...(meta.nextReviewDue ? { nextReviewDue: meta.nextReviewDue } : {}),
    ...(meta.disclosure ? { disclosed: true as const } : {}),
    ...(article.careCards.length > 0 ? { careLevels: [...new Set(article.careCards.map((card) => card.level))] } : {}),
    published: meta.published,
    ...(meta.updated ? { updated: meta.updated } : {}),
    readingTimeMinutes: article.readingTimeMinutes,
    wordCount: article.wordCount,
    draft: meta.draft === true,
    ...(meta.redirectFrom && meta.redirectFrom.length > 0 ? { redirectFrom: meta.redirectFrom } : {}),
  };
}

/** How `cited-content check` compiles the files it reports on (the store always uses the defaults). */
export interface VersionOptions {
  /** Reference time for clock-dependent warnings (review-overdue); default: the fixed compile epoch. */
  now?: Date;
  /** Readability warnings (default off). */
  readability?: CompileOptions['readability'];
  /** Searchable text for the cache (default on). */
  search?: boolean;
}

/**
 * One file version → its summary (kept in memory) and the article (kept on disk). `bibliography:`
 * files are read relative to the article, inside `dir`; each one read (or missing) is recorded with
 * the digest of the bytes the compile saw, so the store keys the version by them too and
 * recompiles the article when one of them changes.
 */
export function compileVersion(
  bytes: Uint8Array,
  file: string,
  dir: string,
  options: VersionOptions = {},
): { summary: CompileSummary; article: Article; search?: SearchDoc } {
  const dependencies: Dependency[] = [];
  const readFile = (target: string): Uint8Array => {
    let read: Uint8Array | undefined;
    try {
      read = readFileSync(path.resolve(dir, target));
      return read;
    } finally {
      dependencies.push({ path: target.split(path.sep).join('/'), digest: dependencyDigest(read) });
    }
  };
  // Read from the tree the compile parses, so the source is not parsed a second time.
  let searchText: SearchText | undefined;
  const article = compileArticle(bytes, {
    path: file,
    now: options.now ?? compileEpoch,
    readFile,
    ...(options.readability ? { readability: options.readability } : {}),
    ...(options.search !== false ? { onMarkdownTree: (tree) => (searchText = searchTextOfTree(tree)) } : {}),
  });
  // Only a version without errors can be served, so only those need searchable text.
  const search = article.ok && searchText ? searchDocOf(article.meta, searchText) : undefined;
  return {
    summary: { ok: article.ok, diagnostics: article.diagnostics, listing: listingOf(article), links: article.siteLinks, dependencies },
    article,
    ...(search ? { search } : {}),
  };
}
