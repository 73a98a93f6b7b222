import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileArticle } from '../compile.js';
import type { SearchDoc } from '../search/search.js';
import { searchDocFromMarkdown } from '../search/text.js';
import { decodeSource } from '../source.js';
import type { Article } from '../types.js';
import type { ArticleListing, CompileSummary } from './types.js';

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
    published: meta.published,
    ...(meta.updated ? { updated: meta.updated } : {}),
    readingTimeMinutes: article.readingTimeMinutes,
    wordCount: article.wordCount,
    draft: meta.draft === true,
  };
}

/**
 * One file version → its summary (kept in memory) and the article (kept on disk). `bibliography:`
 * files are read relative to the article, inside `dir`; they are not part of the content key yet,
 * so editing a bibliography file does not recompile the articles that cite it.
 */
export function compileVersion(
  bytes: Uint8Array,
  file: string,
  dir: string,
): { summary: CompileSummary; article: Article; search?: SearchDoc } {
  const article = compileArticle(bytes, { path: file, now: compileEpoch, readFile: (target) => readFileSync(path.resolve(dir, target)) });
  // Only a version without errors can be served, so only those need searchable text.
  const search = article.ok ? searchDocFromMarkdown(article.meta, decodeSource(bytes).text) : undefined;
  return {
    summary: { ok: article.ok, diagnostics: article.diagnostics, listing: listingOf(article), links: article.siteLinks },
    article,
    ...(search ? { search } : {}),
  };
}
