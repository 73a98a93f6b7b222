/**
 * Moving and removing articles on the production build: a changed slug answers a 301 to the new
 * URL (and only the new one is in the sitemap), a withdrawn or deleted article answers 410 Gone
 * with a helpful page (search, related articles), never 404 and never 500.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleSource, makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, mainText, setClock, settle, type Handler } from './helpers';

let handler: Handler;
let dir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  dir = makeArticlesDir();
  writeArticle(dir, { slug: 'old-place', title: 'Moved article', published: '2024-01-01' }, 'moved.md');
  writeArticle(dir, { slug: 'live', title: 'Live article', published: '2024-01-02' });
  writeArticle(dir, { slug: 'doomed', title: 'Doomed article', published: '2024-01-03' });
  writeArticle(dir, { slug: 'neighbour', title: 'A neighbour', published: '2024-01-04' });
  writeArticle(dir, { slug: 'postponed', title: 'Postponed article', published: '2024-01-06' });
  writeFileSync(
    path.join(dir, 'linker.md'),
    articleSource({ slug: 'linker', title: 'Linker', published: '2024-01-05' }).replace('Staying active helps', 'See [live](/articles/live). Staying active helps'),
  );
  process.env.CITED_ARTICLES_DIR = dir;
  handler = await loadHandler();
  setClock(new Date('2026-11-27T12:00:00Z'));
  await settle();
  expect((await get(handler, '/articles/old-place')).status).toBe(200);
  // The edits, made on the running site.
  writeArticle(dir, { slug: 'new-place', title: 'Moved article', published: '2024-01-01' }, 'moved.md');
  writeFileSync(path.join(dir, 'live.md'), articleSource({ slug: 'live', title: 'Live article', published: '2024-01-02' }).replace('\n---\n', '\ndraft: true\n---\n'));
  rmSync(path.join(dir, 'doomed.md'));
  writeArticle(dir, { slug: 'postponed', title: 'Postponed article', published: '2027-03-01' });
  await settle();
});

afterAll(() => {
  setClock(null);
  rmSync(dir, { recursive: true, force: true });
  errors.mockRestore();
});

describe('a changed slug', () => {
  it('redirects the old URL to the new one with a 301', async () => {
    const response = await get(handler, '/articles/old-place');
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location') ?? '', 'http://blog.test').pathname).toBe('/articles/new-place');
    expect((await get(handler, '/articles/new-place')).status).toBe(200);
  });

  it('lists only the new URL in the sitemap', async () => {
    const sitemap = await (await get(handler, '/sitemap.xml')).text();
    expect(sitemap).toContain('/articles/new-place</loc>');
    expect(sitemap).not.toContain('/articles/old-place');
  });
});

describe('410 Gone', () => {
  it('a withdrawn article (made a draft) answers 410 with a search form and related articles', async () => {
    const response = await get(handler, '/articles/live');
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toMatch(/<form method="get" action="\/search"[^>]*role="search"/);
    const text = mainText(html);
    expect(text).toContain('This article is no longer available');
    expect(text).toContain('“Live article” has been taken down while it is updated');
    expect(text).toContain('A neighbour');
  });

  it('a live article given a future date answers 410 until that day, then is back', async () => {
    expect((await get(handler, '/articles/postponed')).status).toBe(410);
    setClock(new Date('2027-03-01T00:00:01Z'));
    try {
      expect((await get(handler, '/articles/postponed')).status).toBe(200);
    } finally {
      setClock(new Date('2026-11-27T12:00:00Z'));
    }
  });

  it('a deleted article answers 410, saying it was removed', async () => {
    const response = await get(handler, '/articles/doomed');
    expect(response.status).toBe(410);
    expect(mainText(await response.text())).toContain('“Doomed article” was removed from this site on');
  });

  it('an article that never existed is still a 404, and a malformed one never a 500', async () => {
    expect((await get(handler, '/articles/never-was')).status).toBe(404);
    expect((await get(handler, '/articles/%E0%A4%A')).status).toBeLessThan(500);
  });

  it('the article linking to the withdrawn one stays online, and the server logged its broken link', async () => {
    expect((await get(handler, '/articles/linker')).status).toBe(200);
    const logged = errors.mock.calls.map((call) => String(call[0])).join('\n');
    expect(logged).toContain('[content] withdrawn: live.md was published at /articles/live');
    expect(logged).toMatch(/linker\.md has errors[\s\S]*Link "\/articles\/live" points at an article that was withdrawn/);
  });
});
