// The browser-safe entry: components import this module too.
import { taxonomySlug } from '@cited/content/taxonomy';
import { formatIsoDate } from '@cited/ui';

/** '2024-03-12' → '12 March 2024': as the article's byline (ReviewStatus) prints dates, so a page never shows two formats. */
export function formatDate(isoDate: string): string {
  return formatIsoDate(isoDate.slice(0, 10)) ?? isoDate;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12345 → '12,345': the grouping readers expect in a large count. */
export function formatCount(value: number): string {
  return grouped.format(value);
}

/** 1 → '1 article', 100000 → '100,000 articles'. */
export function formatArticleCount(total: number): string {
  return total === 1 ? '1 article' : `${formatCount(total)} articles`;
}

export function formatReadingTime(minutes: number): string {
  const rounded = Math.max(1, Math.round(minutes));
  return `${rounded} min read`;
}

/** 'Back & Spine' → 'back-spine': the URL segment for a category (the same function as the site check's). */
export const slugifyCategory: (category: string) => string = taxonomySlug;

/**
 * `slugify` remembering its answers, for one pass over a site: 10,000 articles carry a few hundred
 * distinct tags and categories, and each slugify costs a Unicode normalization. Local to a pass,
 * so request input never grows it.
 */
export function memoizedSlugify(slugify: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let slug = known.get(text);
    if (slug === undefined) {
      slug = slugify(text);
      known.set(text, slug);
    }
    return slug;
  };
}

/**
 * Parses `?page=` for paginated lists. Missing → 1; anything but a positive integer without
 * leading zeros → null (the caller answers 400 rather than guessing).
 */
export function parsePageParam(value: string | null): number | null {
  if (value === null) return 1;
  if (!/^[1-9]\d{0,5}$/.test(value)) return null;
  return Number(value);
}
