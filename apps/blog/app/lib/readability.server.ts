import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleReadability } from '@cited/content';
import type { SnapshotEntry } from '@cited/content/store';
import { LRUCache } from 'lru-cache';
import { articlesDir } from './articles.server';
import { siteConfig } from './site.server';

/** One paragraph above the target grade, as an editor needs it: where, how hard, where to start. */
export interface FlaggedParagraph {
  line: number;
  grade: number;
  words: number;
  hardestSentence?: string;
  hardestSentenceGrade?: number;
}

export interface ReadabilitySummary {
  file: string;
  slug?: string;
  title?: string;
  grade: number;
  readingAge: number;
  targetGrade: number;
  wordsPerSentence: number;
  longWordPercent: number;
  passive: number;
  paragraphs: number;
  flagged: FlaggedParagraph[];
}

/** Articles measured on /_content per load (the newest first); `cited-content check` measures all. */
export const maxMeasuredArticles = 25;

// Dev only, and measuring costs about 0.1 ms a word: each file version is measured once.
const measured = new LRUCache<string, ReadabilitySummary>({ max: 500 });

function summarize(file: string, readability: ArticleReadability, minWords = 20): Omit<ReadabilitySummary, 'slug' | 'title'> {
  return {
    file,
    grade: readability.grade,
    readingAge: readability.readingAge,
    targetGrade: readability.targetGrade,
    wordsPerSentence: readability.wordsPerSentence,
    longWordPercent: readability.longWordPercent,
    passive: readability.passive,
    paragraphs: readability.paragraphs.length,
    flagged: readability.paragraphs
      .filter((paragraph) => paragraph.words >= minWords && paragraph.grade > readability.targetGrade)
      .map(({ line, grade, words, hardestSentence, hardestSentenceGrade }) => ({
        line,
        grade,
        words,
        ...(hardestSentence ? { hardestSentence } : {}),
        ...(hardestSentenceGrade !== undefined ? { hardestSentenceGrade } : {}),
      })),
  };
}

/**
 * The readability report of one article file (what `cited-content check` prints), measured with
 * site.yml's `readability` settings (allowed words, target grade). `key` names the file version,
 * so a saved edit is measured again. Undefined when the file cannot be read or has no prose.
 */
export async function readabilityOf(file: string, key: string | undefined, listing?: { slug: string; title: string }): Promise<ReadabilitySummary | undefined> {
  const settings = siteConfig().readability;
  // Without a version key (a file with errors, not in the snapshot) it is measured every time.
  const cacheKey = key === undefined ? undefined : `${key}\n${JSON.stringify(settings ?? null)}`;
  const cached = cacheKey === undefined ? undefined : measured.get(cacheKey);
  if (cached) return cached;
  const full = path.join(articlesDir(), file);
  const bytes = await readFile(full).catch(() => undefined);
  if (!bytes) return undefined;
  // Loaded here, not with the module: only the dev pages measure, and the compiler is some 300
  // modules a production start has no use for.
  const { compileArticle } = await import('@cited/content');
  const article = compileArticle(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    path: full,
    readFile: (target) => readFileSync(target),
    readability: { ...(settings?.allow ? { allow: settings.allow } : {}), ...(settings?.targetGrade ? { targetGrade: settings.targetGrade } : {}) },
  });
  if (!article.readability || article.readability.words === 0) return undefined;
  const summary: ReadabilitySummary = {
    ...summarize(file, article.readability),
    ...(listing ? { slug: listing.slug, title: listing.title } : {}),
  };
  if (cacheKey !== undefined) measured.set(cacheKey, summary);
  return summary;
}

/** The newest articles' reports (published, then drafts and scheduled ones), at most maxMeasuredArticles. */
export async function readabilityReports(entries: readonly SnapshotEntry[]): Promise<{ reports: ReadabilitySummary[]; total: number }> {
  const chosen = entries.slice(0, maxMeasuredArticles);
  const reports: ReadabilitySummary[] = [];
  // One at a time: measuring is CPU work on the server's thread (dev only).
  for (const entry of chosen) {
    const report = await readabilityOf(entry.file, entry.key, entry.listing);
    if (report) reports.push(report);
  }
  return { reports, total: entries.length };
}
