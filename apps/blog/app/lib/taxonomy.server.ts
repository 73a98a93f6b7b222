import type { ArticleListing } from './articles.server';
import { slugifyCategory } from './format';

export interface Tag {
  name: string;
  slug: string;
  count: number;
}

/** 'Platelet-rich plasma' → 'platelet-rich-plasma': the same rule as categories. */
export const slugifyTag = slugifyCategory;

const tagsByArticles = new WeakMap<readonly ArticleListing[], Tag[]>();

/**
 * Every tag on a list of articles (once per distinct slug: "MRI" and "mri" are one tag, named as
 * first written), alphabetical. Cached per list: the catalog hands out the same array until
 * the content changes.
 */
export function tagsOf(articles: readonly ArticleListing[]): Tag[] {
  const known = tagsByArticles.get(articles);
  if (known) return known;
  const bySlug = new Map<string, Tag>();
  for (const article of articles) {
    for (const slug of new Set(article.meta.tags.map(slugifyTag))) {
      if (!slug) continue;
      const existing = bySlug.get(slug);
      if (existing) existing.count += 1;
      else bySlug.set(slug, { name: article.meta.tags.find((tag) => slugifyTag(tag) === slug) ?? slug, slug, count: 1 });
    }
  }
  const tags = [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name));
  tagsByArticles.set(articles, tags);
  return tags;
}

export function hasTag(article: ArticleListing, slug: string): boolean {
  return article.meta.tags.some((tag) => slugifyTag(tag) === slug);
}

/**
 * "Related articles": the others that share most tags, then the same category, then the newest.
 * Articles sharing neither are not related, however new.
 */
export function relatedArticles(current: ArticleListing, articles: readonly ArticleListing[], limit = 3): ArticleListing[] {
  const tags = new Set(current.meta.tags.map(slugifyTag));
  const category = slugifyCategory(current.meta.category);
  return articles
    .filter((article) => article.meta.slug !== current.meta.slug)
    .map((article) => ({
      article,
      shared: article.meta.tags.filter((tag) => tags.has(slugifyTag(tag))).length,
      sameCategory: slugifyCategory(article.meta.category) === category ? 1 : 0,
    }))
    .filter(({ shared, sameCategory }) => shared > 0 || sameCategory > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        b.sameCategory - a.sameCategory ||
        b.article.meta.published.localeCompare(a.article.meta.published),
    )
    .slice(0, limit)
    .map(({ article }) => article);
}
