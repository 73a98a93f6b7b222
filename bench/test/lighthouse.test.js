import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeAvailable, combineRuns, runLighthouse, summarizeLhr } from '../lib/lighthouse.js';
import { startTinySite } from './fixtures/tiny-site.js';

function fakeLhr({ performance = 1, lcp = 1000, failing = false } = {}) {
  return {
    categories: {
      performance: { score: performance, auditRefs: [{ id: 'largest-contentful-paint', weight: 25 }, { id: 'render-blocking-resources', weight: 0, group: 'diagnostics' }] },
      accessibility: { score: failing ? 0.9 : 1, auditRefs: [{ id: 'color-contrast', weight: 7 }] },
      'best-practices': { score: 1, auditRefs: [] },
      seo: { score: 1, auditRefs: [{ id: 'robots-txt', weight: 1 }] },
    },
    audits: {
      'largest-contentful-paint': { numericValue: lcp, score: 1, scoreDisplayMode: 'numeric', title: 'LCP' },
      'first-contentful-paint': { numericValue: 800 },
      'cumulative-layout-shift': { numericValue: 0 },
      'total-blocking-time': { numericValue: 0 },
      'speed-index': { numericValue: 900 },
      'render-blocking-resources': { score: 0, scoreDisplayMode: 'metricSavings', title: 'Render-blocking' },
      'color-contrast': { score: failing ? 0 : 1, scoreDisplayMode: 'binary', title: 'Contrast' },
      'robots-txt': { score: null, scoreDisplayMode: 'notApplicable', title: 'robots' },
      'network-requests': { details: { items: [{}, {}] } },
    },
  };
}

describe('summarizeLhr / combineRuns', () => {
  it('reports scores out of 100, metrics, and only weighted audits that cost points', () => {
    const summary = summarizeLhr(fakeLhr({ failing: true }));
    expect(summary.scores).toEqual({ performance: 100, accessibility: 90, 'best-practices': 100, seo: 100 });
    expect(summary.metrics.lcpMs).toBe(1000);
    expect(summary.failingAudits.map((audit) => audit.id)).toEqual(['color-contrast']);
    expect(summary.opportunities.map((audit) => audit.id)).toEqual(['render-blocking-resources']);
    expect(summary.requests).toBe(2);
  });

  it('takes the median of each score and metric across runs and counts flagged runs', () => {
    const runs = [fakeLhr({ performance: 0.97, lcp: 2400 }), fakeLhr({ performance: 1, lcp: 1200, failing: true }), fakeLhr({ performance: 0.99, lcp: 1300 })].map(summarizeLhr);
    const combined = combineRuns(runs);
    expect(combined.scores.performance).toBe(99);
    expect(combined.metrics.lcpMs).toBe(1300);
    expect(combined.failingAudits).toEqual([expect.objectContaining({ id: 'color-contrast', runs: 1 })]);
  });
});

describe.skipIf(!chromeAvailable())('Lighthouse on a tiny local page', () => {
  let site;
  beforeAll(async () => {
    site = await startTinySite();
  });
  afterAll(() => site.close());

  it('runs the mobile default config and reports all four categories', async () => {
    const url = `${site.origin}/`;
    const results = await runLighthouse([url], { runs: 1 });
    const page = results[url];
    for (const category of ['performance', 'accessibility', 'best-practices', 'seo']) {
      expect(page.scores[category]).toBeGreaterThanOrEqual(0);
      expect(page.scores[category]).toBeLessThanOrEqual(100);
    }
    // LCP is a duration measured on a loaded machine: it is there, whatever its size.
    expect(Number.isFinite(page.metrics.lcpMs)).toBe(true);
    // The tiny page has a blocking script in <head>: Lighthouse must notice.
    expect(page.opportunities.map((audit) => audit.id)).toContain('render-blocking-resources');
  });
});
