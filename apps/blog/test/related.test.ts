import { describe, expect, it } from 'vitest';
import type { ArticleListing, ContentSnapshot } from '../app/lib/articles.server';
import { relatedArticles } from '../app/lib/taxonomy.server';

function listing(slug: string, published: string, category: string, tags: string[]): ArticleListing {
  return { slug, title: slug, description: '', category, tags, published, readingTimeMinutes: 1, wordCount: 100, draft: false };
}

/** What relatedArticles reads of a snapshot: the articles (newest first), their positions and the per-snapshot memo. */
function snapshotOf(articles: ArticleListing[]): ContentSnapshot {
  const derived = new Map<string, unknown>();
  const sorted = [...articles].sort((a, b) => b.published.localeCompare(a.published));
  const snapshot = {
    articles: sorted,
    positionOf: (slug: string) => sorted.findIndex((article) => article.slug === slug),
    derive: <T>(name: string, build: (s: ContentSnapshot) => T): T => {
      if (!derived.has(name)) derived.set(name, build(snapshot as unknown as ContentSnapshot));
      return derived.get(name) as T;
    },
  };
  return snapshot as unknown as ContentSnapshot;
}

function related(articles: ArticleListing[], slug: string, limit?: number): string[] {
  const snapshot = snapshotOf(articles);
  const current = snapshot.articles.find((article) => article.slug === slug) as ArticleListing;
  return relatedArticles(snapshot, current, limit).map((article) => article.slug);
}

describe('related articles', () => {
  const current = listing('current', '2024-01-10', 'Back pain', ['MRI', 'Prolotherapy', 'Spine surgery']);

  it('ranks by tags shared, then same category, then newest; never the article itself', () => {
    const articles = [
      current,
      listing('one-tag-new', '2024-05-01', 'Knees', ['mri']),
      listing('two-tags-old', '2020-01-01', 'Knees', ['MRI', 'prolotherapy']),
      listing('one-tag-same-category', '2021-01-01', 'Back pain', ['Spine surgery']),
      listing('three-tags', '2019-01-01', 'Knees', ['mri', 'prolotherapy', 'spine surgery']),
    ];
    expect(related(articles, 'current')).toEqual(['three-tags', 'two-tags-old', 'one-tag-same-category']);
    expect(related(articles, 'current', 4)).toEqual(['three-tags', 'two-tags-old', 'one-tag-same-category', 'one-tag-new']);
    expect(related(articles, 'current', 0)).toEqual([]);
  });

  it('fills with the newest of the same category, and never with unrelated articles', () => {
    const articles = [
      current,
      listing('tagged', '2023-01-01', 'Knees', ['MRI']),
      listing('category-old', '2022-01-01', 'Back pain', []),
      listing('category-new', '2024-03-01', 'Back pain', ['Other']),
      listing('unrelated-newest', '2025-01-01', 'Knees', ['Other']),
    ];
    expect(related(articles, 'current')).toEqual(['tagged', 'category-new', 'category-old']);
  });

  it('breaks ties between equals by recency, whatever the order the tag lists give them in', () => {
    const articles = [current, ...Array.from({ length: 50 }, (_, i) => listing(`a-${i}`, `2023-01-${String((i % 28) + 1).padStart(2, '0')}`, 'Knees', ['mri']))];
    const expected = snapshotOf(articles)
      .articles.filter((article) => article.slug !== 'current')
      .slice(0, 3)
      .map((article) => article.slug);
    expect(related(articles, 'current')).toEqual(expected);
  });
});
