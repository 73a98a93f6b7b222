// The search section on small synthetic sites: rows, ratios and the target row are wired up.
import { describe, expect, it } from 'vitest';
import { measureSearch, QUERIES, search } from '../lib/sections/search.js';
import { syntheticSearchDocs } from '../lib/synthetic-search.js';

const seedDoc = {
  id: 'seed',
  title: 'Treatment options for Failed Back Surgery Syndrome',
  description: 'Why so many people end up worse off after spine surgery.',
  tags: ['prolotherapy', 'MRI'],
  category: 'Back pain',
  headings: ['What is failed back surgery syndrome?', 'Prolotherapy'],
  body: 'Prolotherapy helped most patients. Sciatica improved in many of them. Spine surgery is not always needed. MRI findings often mislead.',
  published: '2026-11-24',
};

describe('syntheticSearchDocs', () => {
  it('is deterministic, with distinct ids and a vocabulary that grows with the site', () => {
    const a = syntheticSearchDocs(seedDoc, 30);
    expect(syntheticSearchDocs(seedDoc, 30)).toEqual(a);
    expect(new Set(a.map((doc) => doc.id)).size).toBe(30);
    const words = (docs) => new Set(docs.flatMap((doc) => doc.body.split(/\s+/))).size;
    expect(words(syntheticSearchDocs(seedDoc, 2000))).toBeGreaterThan(words(a));
  });
});

/** One corpus's figures as measureCorpus returns them: fixed, so every row's text is known. */
function corpusFigures({ corpus = 'synthetic', size, p95Ms, heapMb = 4, beforeHeapMb = 20, withScan = true }) {
  const times = (medianMs, p95) => ({ medianMs, p95Ms: p95, maxMs: p95 + 1, wallMedianMs: medianMs * 3, wallP95Ms: p95 * 3, samples: 45 });
  return {
    corpus,
    size,
    buildMs: 1500,
    heapMb,
    indexed: times(p95Ms / 2, p95Ms),
    ranked: times(1, 2),
    baseline: withScan ? times(40, 60) : null,
    before: { buildMs: 3000, heapMb: beforeHeapMb, ranked: times(2, 8) },
    hits: { prolotherapy: 500, prolo: 510, prolotheraphy: 490, sciatca: 120 },
    bodyChars: 2800,
  };
}

const figures = (largeP95Ms, overrides = {}) => ({
  results: [corpusFigures({ size: 1000, p95Ms: 4 }), corpusFigures({ size: 10000, p95Ms: largeP95Ms, ...overrides })],
  seedCopies: corpusFigures({ corpus: 'seed copies', size: 10000, p95Ms: 50, withScan: false }),
  queries: QUERIES,
  runsPerQuery: 5,
});

describe('search rows and markdown', () => {
  it('turns fixed figures into rows, ratios and the 10,000-article target', () => {
    const rows = search.rows(figures(20));
    const figureOf = (measure) => rows.find((row) => row.measure === measure)?.figure;
    expect(figureOf('1,000 articles: index build, heap')).toBe('1.50 s, 4.0 MB');
    expect(figureOf('1,000 articles: plain MiniSearch (the index before) build, heap')).toBe("3.00 s, 20.0 MB (5.0× the compact index's heap)");
    expect(figureOf('10,000 articles: query CPU median / p95 / max')).toBe('10.00 / 20.00 / 21.00 ms');
    expect(figureOf('10,000 articles: ranking CPU p95, compact ÷ MiniSearch')).toBe('0.25× (2.00 vs 8.00 ms)');
    expect(figureOf('10,000 articles: query wall median / p95')).toBe('30.00 / 60.00 ms');
    expect(figureOf('10,000 articles: index ÷ substring scan (median)')).toBe('0.250× (scan 40.0 ms, no typos or ranking)');
    expect(figureOf('10,000 seed copies: index ÷ substring scan (median)')).toBeUndefined(); // no scan on the copies
    expect(figureOf('query median 10,000 ÷ 1,000 articles')).toBe('5.00×');
    expect(rows.at(-1)).toEqual({ section: 'Search', measure: 'query p95 at 10,000 articles (CPU time)', figure: '20.00 ms', target: '< 30 ms', status: 'PASS' });
    expect(search.rows(figures(30)).at(-1)).toMatchObject({ figure: '30.00 ms', status: 'FAIL' });
  });

  it('reports a heap measured at or below 0 as it is, with no ratio', () => {
    const rows = search.rows(figures(20, { heapMb: -0.25 }));
    expect(rows.find((row) => row.measure === '10,000 articles: index build, heap').figure).toBe('1.50 s, -0.3 MB');
    expect(rows.find((row) => row.measure === '10,000 articles: plain MiniSearch (the index before) build, heap').figure).toBe('3.00 s, 20.0 MB (no ratio: a heap measured ≤ 0)');
  });

  it('has no target row without a 10,000-article corpus, and one table line per corpus', () => {
    const small = { ...figures(20), results: [corpusFigures({ size: 1000, p95Ms: 4 })], seedCopies: null };
    expect(search.rows(small).some((row) => row.status === 'PASS' || row.status === 'FAIL')).toBe(false);
    const markdown = search.markdown(figures(20));
    expect(markdown).toContain('## 6. Search memory and latency');
    expect(markdown).toContain('| synthetic | 10000 | 2800 | 1.50 / 3.00 | 4.0 / 20.0 | 10.00 | 20.00 | 2.00 / 8.00 | 30.00 / 60.00 | 40.0 | 500 / 510 / 490 / 120 |');
    expect(markdown).toContain('| seed copies | 10000 | 2800 | 1.50 / 3.00 | 4.0 / 20.0 | 25.00 | 50.00 | 2.00 / 8.00 | 75.00 / 150.00 | — | 500 / 510 / 490 / 120 |');
  });
});

describe('search section on small sites', () => {
  it('measures every size and the seed copies, and the rows read from what it measured', async () => {
    const data = await measureSearch({ sizes: [50, 200], seedCopies: 30 });
    expect(data.results.map((result) => result.size)).toEqual([50, 200]);
    expect(data.seedCopies.size).toBe(30);
    expect(data.seedCopies.hits.prolotherapy).toBe(30); // every copy matches
    const runs = QUERIES.length * data.runsPerQuery;
    for (const result of [...data.results, data.seedCopies]) {
      // Hits are computed, not measured: the same on any machine.
      expect(result.hits.prolotherapy).toBeGreaterThan(0);
      expect(result.hits.prolotheraphy).toBeGreaterThan(0); // typo tolerance on the synthetic sites too
      // Timings and heap depend on the load and the collector: there, finite numbers, nothing more.
      for (const times of [result.indexed, result.ranked, result.before.ranked, result.baseline].filter(Boolean)) {
        expect(times.samples).toBe(runs);
        for (const figure of [times.medianMs, times.p95Ms, times.maxMs, times.wallMedianMs, times.wallP95Ms]) expect(Number.isFinite(figure)).toBe(true);
      }
      for (const figure of [result.buildMs, result.heapMb, result.before.buildMs, result.before.heapMb]) expect(Number.isFinite(figure)).toBe(true);
    }
    expect(data.seedCopies.baseline).toBeNull();
    const rows = search.rows({ ...data, results: data.results.map((r, i) => ({ ...r, size: [1000, 10000][i] })) });
    expect(rows.map((row) => row.measure)).toContain('query median 10,000 ÷ 1,000 articles');
    expect(rows.at(-1)).toMatchObject({ measure: 'query p95 at 10,000 articles (CPU time)', target: '< 30 ms' });
    expect(['PASS', 'FAIL']).toContain(rows.at(-1).status);
  });
});
