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
    for (const page of Object.values(data.pages)) {
      expect(page.rows.ceiling.requestsPerSecond).toBeGreaterThan(0);
      expect(page.rows.app.requestsPerSecond).toBeGreaterThan(0);
      expect(page.appVsCeiling).toBeGreaterThan(0);
      expect(page.stableBytes).toBe(true);
      if (findNginx()) {
        expect(page.proxyCache.secondStatus).toBe('HIT');
        expect(page.proxyVsCeiling).toBeGreaterThan(0);
      }
    }
    const rows = ssr.rows(data);
    const measures = rows.map((row) => row.measure);
    expect(measures).toContain('article: app ÷ ceiling req/s');
    expect(measures).toContain('article: app p99 at 10 connections');
    expect(rows.find((row) => row.measure.startsWith('non-2xx'))).toMatchObject({ figure: '0', status: 'PASS' });
    expect(data.uncached.article.medianMs).toBeGreaterThan(0);
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
