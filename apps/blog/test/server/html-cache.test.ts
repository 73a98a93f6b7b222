import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { compress, createHtmlCache, isCacheable, type Compress } from '../../server/html-cache.js';

const page = Buffer.from(`<!DOCTYPE html><html><body>${'<p>Staying active helps more than bed rest.</p>'.repeat(200)}</body></html>`);
const pageHeaders = (extra: [string, string][] = []): [string, string][] => [
  ['content-type', 'text/html; charset=utf-8'],
  ['content-length', String(page.byteLength)],
  ['etag', '"abc"'],
  ['cache-control', 'public, max-age=300'],
  ...extra,
];

describe('isCacheable', () => {
  const headers = (entries: Record<string, string>) => (name: string) => entries[name];
  it('takes public 200s with an ETag and no cookie, nothing else', () => {
    const ok = { etag: '"a"', 'cache-control': 'public, max-age=300' };
    expect(isCacheable(200, headers(ok))).toBe(true);
    expect(isCacheable(404, headers(ok))).toBe(false);
    expect(isCacheable(200, headers({ 'cache-control': 'public' }))).toBe(false);
    expect(isCacheable(200, headers({ etag: '"a"', 'cache-control': 'private, no-cache' }))).toBe(false);
    expect(isCacheable(200, headers({ etag: '"a"' }))).toBe(false);
    expect(isCacheable(200, headers({ ...ok, 'set-cookie': 'a=1' }))).toBe(false);
  });
});

describe('createHtmlCache', () => {
  it('stores the page without its Content-Length and varies it by Accept-Encoding', () => {
    const cache = createHtmlCache();
    const entry = cache.store('k', { headers: pageHeaders([['vary', 'Cookie']]), body: page });
    expect(cache.get('k')).toBe(entry);
    expect(entry.etag).toBe('"abc"');
    expect(entry.headers.find(([name]) => name === 'content-length')).toBeUndefined();
    expect(entry.headers.filter(([name]) => name === 'vary')).toEqual([['vary', 'Cookie, Accept-Encoding']]);
    const withoutVary = cache.store('k2', { headers: pageHeaders(), body: page });
    expect(withoutVary.headers.filter(([name]) => name === 'vary')).toEqual([['vary', 'Accept-Encoding']]);
  });

  it('computes each encoding once, on demand, shared by concurrent requests', async () => {
    const counting = vi.fn<Compress>(compress);
    const cache = createHtmlCache({ compress: counting });
    const entry = cache.store('k', { headers: pageHeaders(), body: page });
    expect(counting).not.toHaveBeenCalled();

    const [a, b] = await Promise.all([cache.encode(entry, 'br'), cache.encode(entry, 'br')]);
    expect(a).toBe(b);
    expect(brotliDecompressSync(a).equals(page)).toBe(true);
    expect(a.byteLength).toBeLessThan(page.byteLength / 5);
    expect(cache.encode(entry, 'br')).toBe(a); // ready: returned at once, not a promise
    expect(counting).toHaveBeenCalledTimes(1);

    const gzip = await cache.encode(entry, 'gzip');
    expect(gunzipSync(gzip).equals(page)).toBe(true);
    await cache.encode(entry, 'gzip');
    expect(counting.mock.calls.map(([, encoding]) => encoding)).toEqual(['br', 'gzip']);
  });

  it('tries a failed compression again on the next request', async () => {
    const flaky = vi.fn<Compress>().mockRejectedValueOnce(new Error('zlib failed')).mockImplementation(compress);
    const cache = createHtmlCache({ compress: flaky });
    const entry = cache.store('k', { headers: pageHeaders(), body: page });
    await expect(cache.encode(entry, 'gzip')).rejects.toThrow('zlib failed');
    expect(gunzipSync(await cache.encode(entry, 'gzip')).equals(page)).toBe(true);
  });

  it('evicts the least recently used pages beyond its size', () => {
    const cache = createHtmlCache({ maxBytes: 3 * (2 * page.byteLength + 512) });
    for (const key of ['a', 'b', 'c']) cache.store(key, { headers: pageHeaders(), body: page });
    cache.get('a');
    cache.store('d', { headers: pageHeaders(), body: page });
    expect(['a', 'b', 'c', 'd'].filter((key) => cache.get(key))).toEqual(['a', 'c', 'd']);
  });
});
