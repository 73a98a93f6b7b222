import type { ArticleListing, ContentSnapshot } from './articles.server';
import { articlesInCategory } from './articles.server';
import { memoizedSlugify, slugifyCategory } from './format';

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
  /** Articles per tag slug, as positions in `snapshot.articles` (newest first): related articles count and rank by number. */
  positions: Map<string, number[]>;
  /** Category slug per position. */
  categories: string[];
}

/**
 * Tags of the published articles, built once per snapshot: "MRI" and "mri" are one tag (one
 * slug), named as first written. Tag pages, the sitemap and related articles all read this.
 */
function tagIndex(snapshot: ContentSnapshot): TagIndex {
  return snapshot.derive('blog:tags', (s) => {
    const names = new Map<string, string>();
    const positions = new Map<string, number[]>();
    const categories: string[] = [];
    const tagSlug = memoizedSlugify(slugifyTag);
    const categorySlug = memoizedSlugify(slugifyCategory);
    s.articles.forEach((article, position) => {
      categories.push(categorySlug(article.category));
      for (const tag of article.tags) {
        const slug = tagSlug(tag);
        if (!slug || positions.get(slug)?.at(-1) === position) continue;
        if (!names.has(slug)) names.set(slug, tag);
        const numbers = positions.get(slug) ?? [];
        numbers.push(position);
        positions.set(slug, numbers);
      }
    });
    const tags = [...names].map(([slug, name]) => ({ name, slug, count: positions.get(slug)?.length ?? 0 }));
    return { tags: tags.sort((a, b) => a.name.localeCompare(b.name, 'en')), positions, categories };
  });
}

export function tagsOf(snapshot: ContentSnapshot): readonly Tag[] {
  return tagIndex(snapshot).tags;
}

/**
 * The tag behind a slug and every spelling of it in frontmatter ("MRI", "mri"): what a store
 * listing query filters on. Undefined for an unknown tag.
 */
export function tagNamed(snapshot: ContentSnapshot, slug: string): { tag: Tag; names: readonly string[] } | undefined {
  const spellings = snapshot.derive('blog:tag-names', (s) => {
    const map = new Map<string, Set<string>>();
    const tagSlug = memoizedSlugify(slugifyTag);
    for (const article of s.articles) {
      for (const name of article.tags) {
        const names = map.get(tagSlug(name)) ?? new Set<string>();
        names.add(name);
        map.set(tagSlug(name), names);
      }
    }
    return map;
  });
  const tag = tagIndex(snapshot).tags.find((candidate) => candidate.slug === slug);
  const names = spellings.get(slug);
  return tag && names ? { tag, names: [...names] } : undefined;
}

/**
 * "Related articles": the others that share most tags, then the same category, then the newest.
 * Articles sharing neither are not related, however new. Candidates come from the per-snapshot tag
 * lists, counted by position and ranked in one pass (no sort): a tag carried by every article of a
 * 10,000-article site costs a few milliseconds, not a sort of the whole site on the first view.
 */
export function relatedArticles(snapshot: ContentSnapshot, current: ArticleListing, limit = 3): ArticleListing[] {
  if (limit <= 0) return [];
  const { positions, categories } = tagIndex(snapshot);
  const self = snapshot.positionOf(current.slug);
  const category = slugifyCategory(current.category);
  // Tags shared with `current`, per position (at most its number of distinct tags).
  const shared = new Uint32Array(snapshot.articles.length);
  const candidates: number[] = [];
  for (const slug of new Set(current.tags.map(slugifyTag))) {
    for (const position of positions.get(slug) ?? []) {
      if (position === self) continue;
      if (shared[position] === 0) candidates.push(position);
      shared[position] = (shared[position] ?? 0) + 1;
    }
  }
  /** > 0 when the article at `a` ranks above the one at `b` (a lower position is newer). */
  const rank = (a: number, b: number) =>
    (shared[a] ?? 0) - (shared[b] ?? 0) || Number(categories[a] === category) - Number(categories[b] === category) || b - a;
  const best: number[] = [];
  for (const position of candidates) {
    if (best.length === limit && rank(position, best[limit - 1] as number) <= 0) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && rank(position, best[at - 1] as number) > 0) {
      best[at] = best[at - 1] as number;
      at -= 1;
    }
    best[at] = position;
  }
  const ranked = best.map((position) => snapshot.articles[position] as ArticleListing);
  // Fewer than `limit` share a tag: the newest of the same category fill the rest.
  for (const article of articlesInCategory(snapshot, category)) {
    if (ranked.length >= limit) break;
    const position = snapshot.positionOf(article.slug);
    if (position !== self && !shared[position]) ranked.push(article);
  }
  return ranked;
}
