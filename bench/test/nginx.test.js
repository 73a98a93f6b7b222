import { afterAll, describe, expect, it } from 'vitest';
import { request } from '../lib/http.js';
import { findNginx, nginxVersion, renderNginxConfig, startNginx } from '../lib/nginx.js';
import { startTinySite } from './fixtures/tiny-site.js';

describe('renderNginxConfig', () => {
  const config = renderNginxConfig({ dir: '/tmp/x', listenPort: 8081, upstreamPort: 3001 });

  it('keeps every path nginx writes inside the run dir and listens on loopback only', () => {
    expect(config).toContain('pid /tmp/x/nginx.pid;');
    expect(config).toContain('error_log /tmp/x/error.log');
    expect(config).toMatch(/proxy_cache_path \/tmp\/x\/cache /);
    for (const kind of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) expect(config).toContain(`/tmp/x/tmp/${kind}`);
    expect(config).toContain('listen 127.0.0.1:8081;');
    expect(config).toContain('server 127.0.0.1:3001;');
    expect(config).toContain('keepalive_requests 1000000;');
    expect(config).not.toMatch(/\/var\/|\/etc\//);
  });

  it("caches only what the upstream's headers allow", () => {
    expect(config).toContain('proxy_cache cited;');
    expect(config).not.toContain('proxy_cache_valid');
    expect(config).not.toContain('proxy_ignore_headers');
  });

  it('adds a user line only when asked', () => {
    expect(config).not.toMatch(/^user /m);
    expect(renderNginxConfig({ dir: '/d', listenPort: 1, upstreamPort: 2, user: 'nobody nogroup' })).toMatch(/^user nobody nogroup;$/m);
  });
});

const nginxBinary = findNginx();

describe.skipIf(!nginxBinary)('nginx in front of a tiny local page', () => {
  const sites = [];
  const proxies = [];
  afterAll(async () => {
    for (const proxy of proxies) await proxy.stop();
    for (const site of sites) await site.close();
  });

  async function setUp(cacheControl) {
    const site = await startTinySite({ cacheControl });
    sites.push(site);
    const proxy = await startNginx({ binary: nginxBinary, upstreamPort: site.port, readyPath: '/favicon.ico' });
    proxies.push(proxy);
    return { site, proxy };
  }

  it('knows its version', () => {
    expect(nginxVersion(nginxBinary)).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('serves a page marked public from its cache after the first request', async () => {
    const { site, proxy } = await setUp('public, max-age=300, s-maxage=3600, stale-while-revalidate=86400');
    const first = await request(`${proxy.origin}/page`);
    const second = await request(`${proxy.origin}/page`);
    const third = await request(`${proxy.origin}/page`);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache-status']).toBe('MISS');
    expect(second.headers['x-cache-status']).toBe('HIT');
    expect(third.body.equals(first.body)).toBe(true);
    expect(site.hits.get('/page')).toBe(1);
  });

  it('passes every request through when the page says no-store', async () => {
    const { site, proxy } = await setUp('no-store');
    await request(`${proxy.origin}/page`);
    const second = await request(`${proxy.origin}/page`);
    expect(second.headers['x-cache-status']).not.toBe('HIT');
    expect(site.hits.get('/page')).toBe(2);
  });
});
