// The SSR and weight sections wired end to end against the tiny page standing in for the blog:
// ceiling + nginx + app rows, ratios, targets and markdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx } from '../lib/nginx.js';
import * as ssr from '../lib/sections/ssr.js';
import * as weight from '../lib/sections/weight.js';
import { startTinySite } from './fixtures/tiny-site.js';

describe('sections against a tiny local page', () => {
  let site;
  let ctx;
  beforeAll(async () => {
    site = await startTinySite();
    ctx = {
      options: { durationSeconds: 0.5, warmupSeconds: 0, connections: 10 },
      log: () => {},
      blog: async () => ({ origin: site.origin, port: site.port, proc: { pid: process.pid } }),
      // Stands in for the second (HTML_CACHE=0) server.
      startBlog: async () => ({ origin: site.origin, stop: async () => {} }),
    };
  });
  afterAll(() => site.close());

  it('ssr: measures ceiling, app and proxy rows on both pages and turns them into targets', async () => {
    const data = await ssr.run(ctx);
    expect(Object.keys(data.pages)).toEqual(['article', 'index']);
    for (const page of Object.values(data.pages)) {
      expect(Object.keys(page.rows)).toEqual(findNginx() ? ['ceiling', 'app', 'proxy'] : ['ceiling', 'app']);
      // Rates, latencies and CPU depend on the machine's load: each is there as a number, whatever its size.
      for (const row of Object.values(page.rows)) {
        for (const figure of [row.requestsPerSecond, row.latencyMs.p50, row.latencyMs.p99, row.serverCpuMsPerRequest, row.otherCpuShare]) expect(Number.isFinite(figure)).toBe(true);
      }
      expect(page.stableBytes).toBe(true);
      if (findNginx()) expect(page.proxyCache.secondStatus).toBe('HIT');
    }
    expect(Number.isFinite(data.uncached.article.medianMs)).toBe(true);
    const rows = ssr.rows(data);
    const measures = rows.map((row) => row.measure);
    expect(measures).toContain('article: app ÷ ceiling req/s');
    expect(measures).toContain('article: app p99 at 10 connections');
    for (const row of rows.filter((candidate) => candidate.target !== '')) expect(['PASS', 'FAIL', 'SKIP']).toContain(row.status);
    expect(rows.find((row) => row.measure.startsWith('non-2xx'))).toMatchObject({ figure: '0', status: 'PASS' });
    expect(rows.find((row) => row.measure === 'article: one render with HTML_CACHE=0').figure).toMatch(/ms \(median of 20 sequential\)$/);
    expect(ssr.markdown(data)).toContain('| article `/articles/failed-back-surgery-syndrome` | ceiling |');
  });

  it('weight: reports the JavaScript on the tiny page as a FAIL with its bytes', async () => {
    const data = await weight.run(ctx);
    const rows = weight.rows(data);
    const js = rows.find((row) => row.measure === 'article: JavaScript');
    expect(js.status).toBe('FAIL');
    expect(js.figure).toMatch(/^\d+ B raw/);
    const blocking = rows.find((row) => row.measure === 'article: render-blocking requests');
    expect(blocking).toMatchObject({ figure: '2 stylesheet(s), 1 script(s)', status: 'FAIL' });
    expect(weight.markdown(data)).toContain('render-blocking');
  });
});

/** A load row as ssr.run summarizes it, with fixed figures. */
function loadRow(requestsPerSecond, p99, extra = {}) {
  return {
    requestsPerSecond,
    totalRequests: requestsPerSecond * 10,
    latencyMs: { p50: 2, p90: 3, p99, max: p99 + 10, mean: 2.5 },
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodes: { 200: requestsPerSecond * 10 },
    errorCodes: {},
    serverCpuMsPerRequest: 0.25,
    appCpuMsPerRequest: null,
    connections: 50,
    loadGeneratorCpuMsPerRequest: 0.1,
    otherCpuShare: 0.125,
    ...extra,
  };
}

function ssrFigures({ appRps = 1000, appP99 = 24, proxy = true, appErrors = {} } = {}) {
  const page = (path) => ({
    path,
    bytes: 5120,
    contentEncoding: 'br',
    cacheControl: 'public, max-age=60',
    stableBytes: true,
    rows: {
      ceiling: loadRow(20000, 5, { serverCpuMsPerRequest: 0.025, otherCpuShare: 0.01 }),
      app: loadRow(appRps, appP99, appErrors),
      ...(proxy ? { proxy: loadRow(16000, 6, { serverCpuMsPerRequest: 0.03, appCpuMsPerRequest: 0.001 }) } : {}),
    },
    ...(proxy ? { proxyCache: { firstStatus: 'MISS', secondStatus: 'HIT', cacheControl: 'public, max-age=60', vary: null, setCookie: false } } : {}),
    appCpuVsCeiling: 0.25 / 0.025,
    appVsCeiling: appRps / 20000,
    proxyVsCeiling: proxy ? 16000 / 20000 : null,
  });
  return {
    uncached: { article: { medianMs: 3.456 }, index: { medianMs: 4 } },
    uncachedSamples: 20,
    load: { connections: 50, durationSeconds: 10, warmupSeconds: 3, requestHeaders: { accept: 'text/html' }, generator: 'autocannon' },
    nginx: proxy ? { version: '1.22.1' } : { skipped: 'nginx not found' },
    pages: { article: page('/articles/a'), index: page('/') },
  };
}

describe('ssr rows and markdown from fixed figures', () => {
  const find = (rows, measure) => rows.find((row) => row.measure === measure);

  it('reads every row, ratio and noise figure, and judges the targets', () => {
    const rows = ssr.rows(ssrFigures());
    expect(find(rows, 'article: ceiling (node:http from memory)').figure).toBe('20,000 req/s; p50 2 ms, p99 5 ms, 0.03 ms CPU/req, others 1% of machine');
    expect(find(rows, 'article: app (npm start)').figure).toBe('1,000 req/s; p50 2 ms, p99 24 ms, 0.25 ms CPU/req, others 13% of machine');
    expect(find(rows, 'article: nginx cache → app').figure).toBe('16,000 req/s; p50 2 ms, p99 6 ms, 0.03 ms CPU/req, others 13% of machine; repeat request HIT');
    expect(find(rows, 'article: app CPU/req ÷ ceiling CPU/req').figure).toBe('10.0×');
    expect(find(rows, 'index /: app ÷ ceiling').figure).toBe('5.0%');
    expect(find(rows, 'article: one render with HTML_CACHE=0').figure).toBe('3.46 ms (median of 20 sequential)');
    expect(find(rows, 'article: app ÷ ceiling req/s')).toMatchObject({ figure: '5.0%', target: '≥ 5%', status: 'PASS' });
    expect(find(rows, 'article: app p99 at 50 connections')).toMatchObject({ figure: '24 ms', target: '< 50 ms', status: 'PASS' });
    expect(find(rows, 'non-2xx + socket errors (every row)')).toMatchObject({ figure: '0', status: 'PASS' });
    expect(find(rows, 'article: cache ÷ ceiling req/s')).toMatchObject({ figure: '80.0%', status: 'PASS' });
  });

  it('fails a slow or erring app and skips the cache row without nginx', () => {
    const rows = ssr.rows(ssrFigures({ appRps: 900, appP99: 50, proxy: false, appErrors: { non2xx: 2, errors: 1, errorCodes: { ECONNRESET: 1 } } }));
    expect(find(rows, 'article: app ÷ ceiling req/s')).toMatchObject({ figure: '4.5%', status: 'FAIL' });
    expect(find(rows, 'article: app p99 at 50 connections')).toMatchObject({ figure: '50 ms', status: 'FAIL' });
    expect(find(rows, 'non-2xx + socket errors (every row)')).toMatchObject({
      figure: 'article/app: 2 non-2xx, 1 socket errors (ECONNRESET ×1); index/app: 2 non-2xx, 1 socket errors (ECONNRESET ×1)',
      status: 'FAIL',
    });
    expect(find(rows, 'article: cache ÷ ceiling req/s')).toMatchObject({ figure: 'nginx not found', status: 'SKIP' });
  });

  it('writes one table line per row with its share of the ceiling and the noise', () => {
    const markdown = ssr.markdown(ssrFigures());
    expect(markdown).toContain('| article `/articles/a` | ceiling | 20000 | 2 ms | 5 ms | 15 ms | 0 | 0 | 0.025 ms | 100% | 1% |');
    expect(markdown).toContain('| article `/articles/a` | proxy | 16000 | 2 ms | 6 ms | 16 ms | 0 | 0 | 0.030 ms (+ app 0.001 ms) | 80.0% | 13% |');
    expect(markdown).toContain('- article: 5120 bytes on the wire (br), Cache-Control `public, max-age=60`, identical bytes on two requests: yes, proxy on a repeat request: HIT.');
  });
});
