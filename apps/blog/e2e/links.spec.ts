import { expect, test } from '@playwright/test';
import { LinkChecker, LinkState } from 'linkinator';
import { fixtureUrl } from './helpers';

/**
 * A crawl of the production site from its home page (linkinator): every same-site link, image
 * and stylesheet it reaches must answer. Off-site links (DOIs, PubMed) are skipped: the suite
 * must not depend on third parties, and the content checks validate their form.
 */
async function brokenSameSiteLinks(origin: string) {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: `${origin}/`,
    recurse: true,
    concurrency: 4,
    timeout: 20_000,
    linksToSkip: async (link) => !link.startsWith(origin),
  });
  const checked = result.links.filter((link) => link.state !== LinkState.SKIPPED);
  const broken = checked
    .filter((link) => link.state === LinkState.BROKEN)
    .map((link) => `${link.status ?? '?'} ${link.url} (linked from ${link.parent ?? '?'})`);
  return { checked: checked.length, broken };
}

test('crawl: the production site has no broken same-site links', async ({ baseURL }) => {
  const { checked, broken } = await brokenSameSiteLinks(baseURL as string);
  expect(broken).toEqual([]);
  // Index, article, category, tags, author, contact, search, feed, sitemap at least.
  expect(checked).toBeGreaterThan(15);
});

test('crawl: the fixture site (several articles, related links) has none either', async () => {
  const { broken } = await brokenSameSiteLinks(fixtureUrl(''));
  expect(broken).toEqual([]);
});
