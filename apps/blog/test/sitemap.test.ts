import { describe, expect, it } from 'vitest';
import { buildSitemaps } from '../app/lib/sitemap.server';

describe('sitemap split', () => {
  const urls = Array.from({ length: 5 }, (_, i) => ({ loc: `https://example.org/articles/a-${i}`, lastmod: '2024-01-01' }));

  it('is one urlset up to the limit', () => {
    const { root, partCount, part } = buildSitemaps(() => urls, 5);
    expect(partCount).toBe(0);
    expect(part(1)).toBeUndefined();
    expect(root.body.match(/<url>/g)).toHaveLength(5);
    expect(root.body).toContain('<urlset');
  });

  it('becomes a sitemap index of parts beyond the limit', () => {
    const { root, partCount, part } = buildSitemaps(() => urls, 2);
    expect(partCount).toBe(3);
    const parts = [1, 2, 3].map((n) => part(n) as NonNullable<ReturnType<typeof part>>);
    expect(parts.map((part) => part.body.match(/<url>/g)?.length)).toEqual([2, 2, 1]);
    expect(root.body).toContain('<sitemapindex');
    expect(root.body.match(/<loc>[^<]*\/sitemaps\/\d\.xml<\/loc>/g)).toHaveLength(3);
    expect(new Set(parts.map(({ etag }) => etag)).size).toBe(3);
    expect(parts[2]?.body).toContain('/articles/a-4</loc>');
    // Built again when asked, the same bytes and ETag each time; no part beyond the last.
    expect(part(2)).toEqual(parts[1]);
    expect([0, 4, 1.5].map((n) => part(n))).toEqual([undefined, undefined, undefined]);
  });
});
