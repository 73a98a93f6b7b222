// What readers can reach at a moment (the served listings' slugs, categories and tags), and the
// slugs each file's links point at: counted per record by site-index.ts, which judging (judge.ts)
// reads each round until it stops changing.
import type { SiteLink } from '../types.js';
import { articleSlugOf } from './links.js';
import type { SiteFacts } from './rules.js';
import { taxonomySlug } from './taxonomy.js';

export type Reach = SiteFacts['reachable'];

/** A site of 10,000 articles has a few hundred categories and tags: each is slugged once. */
const termSlugs = new Map<string, string>();
export function termSlug(term: string): string {
  let slug = termSlugs.get(term);
  if (slug === undefined) {
    if (termSlugs.size > 50_000) termSlugs.clear();
    slug = taxonomySlug(term);
    termSlugs.set(term, slug);
  }
  return slug;
}

// Each links array is parsed once (the site index reads them again when a record is counted afresh).
const linkedSlugs = new WeakMap<readonly SiteLink[], string[]>();
export function articleLinks(links: readonly SiteLink[], articlePath: (slug: string) => string): string[] {
  let slugs = linkedSlugs.get(links);
  if (!slugs) {
    slugs = links.map((link) => articleSlugOf(link.href, articlePath)).filter((slug) => slug !== undefined);
    linkedSlugs.set(links, slugs);
  }
  return slugs;
}
