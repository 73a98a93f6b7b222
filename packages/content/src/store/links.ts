import { closestMatch } from '../suggest.js';
import type { Diagnostic, SiteLink } from '../types.js';

export interface SiteMap {
  /** Slugs of the articles that are (or are about to be) published. */
  slugs: ReadonlySet<string>;
  /** Other valid paths: exact ('/contact') or a prefix pattern ('/category/*'). */
  routes: readonly string[];
  articlePath: (slug: string) => string;
}

function pathOf(href: string): string {
  const bare = href.replace(/[?#].*$/, '');
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}

function routeMatches(route: string, target: string): boolean {
  return route.endsWith('/*') ? target.startsWith(route.slice(0, -1)) && target.length > route.length - 1 : route === target;
}

/**
 * Site-wide link check: every same-site path must be a published article or a known route
 * (anchors on the page itself are checked by the compile). Messages suggest the nearest target.
 */
export function checkSiteLinks(links: readonly SiteLink[], file: string, site: SiteMap): Diagnostic[] {
  const prefix = site.articlePath('');
  const diagnostics: Diagnostic[] = [];
  for (const link of links) {
    if (link.href.startsWith('#')) continue;
    let target: string;
    try {
      target = decodeURI(pathOf(link.href));
    } catch {
      target = pathOf(link.href);
    }
    let message: string | undefined;
    if (target.startsWith(prefix) && target.length > prefix.length) {
      const slug = target.slice(prefix.length);
      if (!site.slugs.has(slug)) {
        const suggestion = closestMatch(slug, site.slugs);
        message = `Link "${link.href}" points at no published article${suggestion ? ` (did you mean \`${site.articlePath(suggestion)}\`?)` : ''}`;
      }
    } else if (!site.routes.some((route) => routeMatches(route, target))) {
      const exact = site.routes.filter((route) => !route.endsWith('/*'));
      const suggestion = closestMatch(target, exact);
      message = `Link "${link.href}" points at no page of this site${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; known pages: ${exact.join(', ')}, and ${prefix}<slug> for articles`;
    }
    if (message) {
      diagnostics.push({ severity: 'error', ruleId: 'link-broken', message, file, line: link.line, column: link.column });
    }
  }
  return diagnostics;
}
