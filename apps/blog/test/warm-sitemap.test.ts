/**
 * The sitemap of every article is built in the background once the server listens (server.js calls
 * warmSitemap), not on the way to a restart's first page: the store being ready does not build it.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContent, contentStore, warmSitemap } from '../app/lib/articles.server';
import { peopleRegistry } from '../app/lib/people.server';
import { siteUrl } from '../app/lib/site';
import { sitemapsOf } from '../app/lib/sitemap.server';
import { makeArticlesDir, writeArticle } from './fixtures/articles';

let dir: string;
const previousDir = process.env.CITED_ARTICLES_DIR;

beforeAll(() => {
  dir = makeArticlesDir();
  writeArticle(dir, { slug: 'first', title: 'First', published: '2024-01-01' });
  writeArticle(dir, { slug: 'second', title: 'Second', published: '2024-01-02' });
  process.env.CITED_ARTICLES_DIR = dir;
});

afterAll(async () => {
  await closeContent();
  if (previousDir === undefined) delete process.env.CITED_ARTICLES_DIR;
  else process.env.CITED_ARTICLES_DIR = previousDir;
  rmSync(dir, { recursive: true, force: true });
});

/** The sitemaps built for the current snapshot so far, by people registry (looked at, not built). */
function builtSitemaps(): WeakMap<object, unknown> {
  return contentStore()
    .snapshot()
    .derive(`blog:sitemaps:${siteUrl()}`, () => new WeakMap<object, unknown>());
}

describe('warmSitemap', () => {
  it('builds the sitemap in the background after start-up, the one a request then gets', async () => {
    const store = contentStore();
    await store.ready;
    await new Promise((resolve) => setImmediate(resolve));
    // A restart's first page does not wait for the sitemap: the store being ready builds none.
    expect(builtSitemaps().has(peopleRegistry())).toBe(false);

    warmSitemap();
    await store.ready;
    await new Promise((resolve) => setImmediate(resolve));
    const built = builtSitemaps().get(peopleRegistry());
    expect(built).toBeDefined();
    const requested = sitemapsOf(store.snapshot(), ['back-pain']);
    expect(requested).toBe(built);
    expect(requested.root.body).toContain('/articles/second</loc>');
  });
});
