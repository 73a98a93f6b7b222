import { describe, expect, it } from 'vitest';
import { buildSitemaps } from '../app/lib/sitemap.server';

describe('sitemap split', () => {
  const urls = Array.from({ length: 5 }, (_, i) => ({ loc: `https://example.org/articles/a-${i}`, lastmod: '2024-01-01' }));

  it('is one urlset up to the limit', () => {
    const { root, parts } = buildSitemaps(urls, 5);
    expect(parts).toEqual([]);
    expect(root.body.match(/<url>/g)).toHaveLength(5);
    expect(root.body).toContain('<urlset');
  });

  it('becomes a sitemap index of parts beyond the limit', () => {
    const { root, parts } = buildSitemaps(urls, 2);
    expect(parts.map((part) => part.body.match(/<url>/g)?.length)).toEqual([2, 2, 1]);
    expect(root.body).toContain('<sitemapindex');
    expect(root.body.match(/<loc>[^<]*\/sitemaps\/\d\.xml<\/loc>/g)).toHaveLength(3);
    expect(new Set(parts.map((part) => part.etag)).size).toBe(3);
  });
});
