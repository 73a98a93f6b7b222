/**
 * The pages `cited-content check` and the content store accept as link targets ("cited.routes" in
 * package.json) are exactly the blog's pages (app/routes.ts), so a check never refuses a link the
 * blog serves, nor accepts one it does not.
 */
import { checkSiteLinks } from '@cited/content/store';
import { matchPath } from '@remix-run/react';
import type { RouteConfigEntry } from '@remix-run/route-config';
import { describe, expect, it } from 'vitest';
import routes from '../app/routes';
import { siteRoutes } from '../app/lib/config-file.server';
import { peopleRegistry } from '../app/lib/people.server';

/** Pages an article never links to: articles (checked by slug), the dev-only list, sitemap parts, the 404 catch-all. */
const notLinkTargets = new Set(['articles/:slug', '_content', 'sitemaps/:part', '*']);

/** '/authors/:id' and '/authors/:person' are one page: parameter names aside. */
const shape = (path: string): string => path.replace(/:[A-Za-z]+/g, ':');

function pagePaths(entries: readonly RouteConfigEntry[]): string[] {
  return entries.flatMap((entry) => {
    if (entry.index) return ['/'];
    if (entry.path === undefined || notLinkTargets.has(entry.path)) return [];
    return [`/${entry.path}`];
  });
}

/** A site with one article, category, tag and the blog's people: what the link check reads. */
const site = () => ({ slugs: new Set(['an-article']), categories: new Set(['back-pain']), tags: new Set(['mri']), people: peopleRegistry(), routes: siteRoutes, articlePath: (slug: string) => `/articles/${slug}` });
const links = (hrefs: string[]) => hrefs.map((href, index) => ({ href, line: index + 1, column: 1 }));

describe('the pages articles may link to', () => {
  it('are the blog\'s routes, no more and no fewer', () => {
    expect(siteRoutes.map(shape).sort()).toEqual(pagePaths(routes).map(shape).sort());
  });

  it('accept the blog\'s pages and a person of its registry, and refuse what it does not serve', () => {
    const [person] = [...peopleRegistry().keys()];
    const ok = ['/', '/search', '/contact', '/rss.xml', '/category/back-pain', '/tags/mri', `/authors/${person}`, '/articles/an-article'];
    expect(checkSiteLinks(links(ok), 'a.md', site())).toEqual([]);
    const refused = checkSiteLinks(links(['/contcat', '/category/hips', '/tags/x-ray', '/authors/nobody', '/sitemaps/1']), 'a.md', site());
    expect(refused.map((d) => [d.line, d.ruleId])).toEqual([1, 2, 3, 4, 5].map((line) => [line, 'link-broken']));
  });

  it('match page names in any case, as the router does, and take a slug or term as written', () => {
    const pages = [...pagePaths(routes), '/articles/:slug'];
    const cased = ['/Contact', '/SEARCH', '/RSS.xml', '/Category/back-pain', '/Tags/mri', '/Articles/an-article'];
    // The router serves each of these (its routes are case-insensitive)...
    for (const href of cased) expect(pages.some((page) => matchPath(page, href) !== null), href).toBe(true);
    // ...and the check accepts them.
    expect(checkSiteLinks(links(cased), 'a.md', site())).toEqual([]);
    // The pages look a slug, a category or a tag up as written: another case is another (missing) one.
    const refused = checkSiteLinks(links(['/articles/An-Article', '/category/Back-Pain', '/tags/MRI']), 'a.md', site());
    expect(refused.map((d) => [d.line, d.ruleId])).toEqual([1, 2, 3].map((line) => [line, 'link-broken']));
  });
});
