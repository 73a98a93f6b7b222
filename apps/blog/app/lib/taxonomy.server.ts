import type { ArticleListing, ContentSnapshot } from './articles.server';
import { articlesInCategory } from './articles.server';
import { slugifyCategory } from './format';

export interface Tag {
  name: string;
  slug: string;
  count: number;
}

/** 'Platelet-rich plasma' → 'platelet-rich-plasma': the same rule as categories. */
export const slugifyTag = slugifyCategory;

interface TagIndex {
  /** Every tag, alphabetical. */
  tags: Tag[];
  /** Articles per tag slug, newest first (the snapshot's order). */
  articles: Map<string, ArticleListing[]>;
}

/**
 * Tags of the published articles, built once per snapshot: "MRI" and "mri" are one tag (one
 * slug), named as first written. Tag pages, the sitemap and related articles all read this.
 */
function tagIndex(snapshot: ContentSnapshot): TagIndex {
  return snapshot.derive('blog:tags', (s) => {
    const names = new Map<string, string>();
    const articles = new Map<string, ArticleListing[]>();
    for (const article of s.articles) {
      for (const tag of article.tags) {
        const slug = slugifyTag(tag);
        if (!slug || articles.get(slug)?.at(-1) === article) continue;
        if (!names.has(slug)) names.set(slug, tag);
        const list = articles.get(slug) ?? [];
        list.push(article);
        articles.set(slug, list);
      }
    }
    const tags = [...names].map(([slug, name]) => ({ name, slug, count: articles.get(slug)?.length ?? 0 }));
    return { tags: tags.sort((a, b) => a.name.localeCompare(b.name, 'en')), articles };
  });
}

export function tagsOf(snapshot: ContentSnapshot): readonly Tag[] {
  return tagIndex(snapshot).tags;
}

/** The tag behind a slug and its articles (newest first), or undefined for an unknown tag. */
export function articlesWithTag(snapshot: ContentSnapshot, slug: string): { tag: Tag; articles: readonly ArticleListing[] } | undefined {
  const index = tagIndex(snapshot);
  const articles = index.articles.get(slug);
  const tag = index.tags.find((candidate) => candidate.slug === slug);
  return articles && tag ? { tag, articles } : undefined;
}

/**
 * "Related articles": the others that share most tags, then the same category, then the newest.
 * Articles sharing neither are not related, however new. Candidates come from the per-snapshot tag
 * and category lists, so the cost follows the article's neighbours, not the size of the site.
 */
export function relatedArticles(snapshot: ContentSnapshot, current: ArticleListing, limit = 3): ArticleListing[] {
  const { articles: byTag } = tagIndex(snapshot);
  const category = slugifyCategory(current.category);
  const shared = new Map<ArticleListing, number>();
  for (const slug of new Set(current.tags.map(slugifyTag))) {
    for (const article of byTag.get(slug) ?? []) {
      if (article.slug !== current.slug) shared.set(article, (shared.get(article) ?? 0) + 1);
    }
  }
  const ranked = [...shared]
    .map(([article, count]) => ({ article, count, sameCategory: slugifyCategory(article.category) === category ? 1 : 0 }))
    .sort((a, b) => b.count - a.count || b.sameCategory - a.sameCategory || b.article.published.localeCompare(a.article.published))
    .slice(0, limit)
    .map(({ article }) => article);
  // Fewer than `limit` share a tag: the newest of the same category fill the rest.
  for (const article of articlesInCategory(snapshot, category)) {
    if (ranked.length >= limit) break;
    if (article.slug !== current.slug && !shared.has(article)) ranked.push(article);
  }
  return ranked;
}
