// What readers can reach at a moment (the served listings' slugs, categories and tags), and the
// slugs each file's links point at: counted per record by site-index.ts, which judging (judge.ts)
// reads each round until it stops changing.
import type { SiteLink } from '../types.js';
import { articleSlugOf, sitePathOf } from './links.js';
import { matchRoute, type Route } from './routes.js';
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

/** Where links point on this site: article URLs, and the routes with a category or tag in them. */
export interface LinkPaths {
  articlePath: (slug: string) => string;
  routes: readonly string[];
}

/** LinkPaths with the routes parsed, as the site index keeps them (one object while they stay the same). */
export interface ParsedLinkPaths {
  articlePath: (slug: string) => string;
  routes: readonly Route[];
}

/** A link target the site index holds linkers by: an article's slug, or a category's or tag's URL slug after its kind and a NUL. */
const termTarget = (kind: 'category' | 'tag', slug: string): string => `${kind}\u0000${slug}`;

/** Whether readers can reach a link target (see linkTargets). */
export function reaches(reach: Reach, target: string): boolean {
  const cut = target.indexOf('\u0000');
  if (cut < 0) return reach.slugs.has(target);
  const slug = target.slice(cut + 1);
  return target.startsWith('category') ? reach.categories.has(slug) : reach.tags.has(slug);
}

// Each links array is parsed once per paths object (the site index reads them again when a record is counted afresh).
const parsedTargets = new WeakMap<readonly SiteLink[], { paths: ParsedLinkPaths; targets: string[] }>();

/** What a file's links point at that can come and go with other files: articles, category and tag pages. */
export function linkTargets(links: readonly SiteLink[], paths: ParsedLinkPaths): string[] {
  const parsed = parsedTargets.get(links);
  if (parsed?.paths === paths) return parsed.targets;
  const targets: string[] = [];
  for (const link of links) {
    const slug = articleSlugOf(link.href, paths.articlePath);
    if (slug !== undefined) {
      targets.push(slug);
      continue;
    }
    if (link.href.startsWith('#')) continue;
    const match = matchRoute(paths.routes, sitePathOf(link.href));
    if (match?.value !== undefined && (match.route.param === 'category' || match.route.param === 'tag')) targets.push(termTarget(match.route.param, match.value));
  }
  parsedTargets.set(links, { paths, targets });
  return targets;
}
