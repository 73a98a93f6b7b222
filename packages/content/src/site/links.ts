import type { PeopleRegistry } from '../people/registry.js';
import { closestMatch } from '../suggest.js';
import type { Diagnostic, SiteLink } from '../types.js';
import { matchRoute, parseRoute, startsWithPage, type KnownRouteParam, type Route } from './routes.js';

/** Why readers get 410 Gone at an article's URL: it was made a draft or post-dated, or its file was deleted. */
export type GoneReason = 'withdrawn' | 'removed';

export interface SiteMap {
  /** Slugs of the articles readers can reach (published, or about to be), and the earlier slugs redirected to them. */
  slugs: ReadonlySet<string>;
  /** URLs of articles that were published and are no longer (410 Gone), and why. */
  gone?: ReadonlyMap<string, GoneReason>;
  /** The site's other pages (see routes.ts): '/contact', '/docs/*', '/category/:category'. */
  routes: readonly string[];
  articlePath: (slug: string) => string;
  /** URL slugs of the categories of those articles; without it, any `:category` segment is accepted. */
  categories?: ReadonlySet<string>;
  /** URL slugs of their tags; without it, any `:tag` segment is accepted. */
  tags?: ReadonlySet<string>;
  /** The people registry; without it, any `:person` segment is accepted. */
  people?: PeopleRegistry;
}

function pathOf(href: string): string {
  const bare = href.replace(/[?#].*$/, '');
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}

function decoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** What each known parameter must name, in the messages' words. */
const paramNouns: Record<KnownRouteParam, string> = {
  category: 'category with a published article',
  tag: 'tag of a published article',
  person: 'person or organization in the people registry',
};

function known(site: SiteMap, param: string): ReadonlySet<string> | ReadonlyMap<string, unknown> | undefined {
  if (param === 'category') return site.categories;
  if (param === 'tag') return site.tags;
  if (param === 'person') return site.people;
  return undefined;
}

/** The problem with a link to a route with a parameter, or undefined when the page exists. */
function paramProblem(href: string, route: Route, value: string, site: SiteMap): string | undefined {
  const values = route.param ? known(site, route.param) : undefined;
  if (!values || values.has(value)) return undefined;
  const suggestion = closestMatch(value, values.keys());
  const noun = paramNouns[route.param as KnownRouteParam];
  return `Link "${href}" points at no ${noun} ("${value}")${suggestion ? ` (did you mean \`${route.path}${suggestion}\`?)` : ''}`;
}

/** The decoded path a same-site href asks for, without query, fragment or trailing slash. */
export function sitePathOf(href: string): string {
  return decoded(pathOf(href));
}

/** The slug of an article link (`/articles/x#y` → `x`), or undefined for any other href. */
export function articleSlugOf(href: string, articlePath: (slug: string) => string): string | undefined {
  if (href.startsWith('#')) return undefined;
  const prefix = articlePath('');
  const target = sitePathOf(href);
  return target.length > prefix.length && startsWithPage(target, prefix) ? target.slice(prefix.length) : undefined;
}

const goneWords: Record<GoneReason, string> = {
  withdrawn: 'was withdrawn (a draft, or dated in the future): it answers 410 Gone until it is published again',
  removed: 'was removed (its file was deleted): it answers 410 Gone',
};

/**
 * Site-wide link check: every same-site path must be an article readers can reach or one of the
 * site's pages (anchors on the page itself are checked by the compile). Messages suggest the
 * nearest target.
 */
export function checkSiteLinks(links: readonly SiteLink[], file: string, site: SiteMap): Diagnostic[] {
  const prefix = site.articlePath('');
  const routes = site.routes.map(parseRoute);
  const diagnostics: Diagnostic[] = [];
  for (const link of links) {
    if (link.href.startsWith('#')) continue;
    const target = sitePathOf(link.href);
    let message: string | undefined;
    if (target.length > prefix.length && startsWithPage(target, prefix)) {
      const slug = target.slice(prefix.length);
      const gone = site.slugs.has(slug) ? undefined : site.gone?.get(slug);
      if (gone) {
        message = `Link "${link.href}" points at an article that ${goneWords[gone]}; remove the link or point it elsewhere`;
      } else if (!site.slugs.has(slug)) {
        const suggestion = closestMatch(slug, site.slugs);
        message = `Link "${link.href}" points at no published article${suggestion ? ` (did you mean \`${site.articlePath(suggestion)}\`?)` : ''}`;
      }
    } else {
      const match = matchRoute(routes, target);
      if (match?.value !== undefined) message = paramProblem(link.href, match.route, match.value, site);
      else if (!match) {
        const exact = routes.filter((route) => route.kind === 'exact').map((route) => route.path);
        const patterns = routes.filter((route) => route.kind !== 'exact').map((route) => route.pattern);
        const suggestion = closestMatch(target, exact);
        const pages = [...exact, ...patterns, `${prefix}<slug>`].join(', ');
        message = `Link "${link.href}" points at no page of this site${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; its pages: ${pages}`;
      }
    }
    if (message) {
      diagnostics.push({ severity: 'error', ruleId: 'link-broken', message, file, line: link.line, column: link.column });
    }
  }
  return diagnostics;
}
