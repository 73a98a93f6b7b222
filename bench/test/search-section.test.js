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

describe('search section', () => {
  it('measures every size against the baselines, restarts on the file and reports the 10,000 target rows', async () => {
    const data = await measureSearch({ sizes: [50, 200], seedCopies: 30 });
    expect(data.results).toHaveLength(2);
    expect(data.seedCopies.hits.prolotherapy).toBe(30); // every copy matches
    for (const result of [...data.results, data.seedCopies]) {
      // Measured sizes are reported as measured (a heap difference can be 0 or negative): only finite.
      expect(Number.isFinite(result.fileMb)).toBe(true);
      expect(Number.isFinite(result.before.heapMb)).toBe(true);
      expect(result.indexed.samples).toBe(QUERIES.length * data.runsPerQuery);
      expect(result.before.ranked.samples).toBe(result.indexed.samples);
      expect(result.hits.prolotherapy).toBeGreaterThan(0);
      expect(result.hits.prolotheraphy).toBeGreaterThan(0); // typo tolerance on the synthetic site too
      // The restarted process found the file as the build left it and searched it.
      expect(result.restart).toMatchObject({ size: result.size, generation: 0, hits: result.hits.prolotherapy, didYouMean: 'prolotherapy' });
      expect(Number.isFinite(result.restart.rssBytes)).toBe(true);
    }
    const rows = search.rows({ ...data, results: data.results.map((r, i) => ({ ...r, size: [1000, 10000][i] })) });
    expect(data.results.every((result) => Number.isFinite(result.baseline.medianMs))).toBe(true);
    const measures = rows.map((row) => row.measure);
    expect(measures).toContain('query median 10,000 ÷ 1,000 articles');
    expect(measures).toContain('30 seed copies: plain MiniSearch (the search before SQLite) build, heap');
    expect(rows.at(-2)).toMatchObject({ measure: 'restarted process → first search at 10,000 articles', target: '< 1000 ms' });
    expect(rows.at(-1)).toMatchObject({ measure: 'query p95 at 10,000 articles (CPU time)', target: '< 30 ms' });
    for (const row of rows.slice(-2)) expect(['PASS', 'FAIL']).toContain(row.status);
    expect(search.markdown(data)).toContain('## 6. Search (SQLite FTS5)');
  });
});

describe('search section targets, on fixed figures', () => {
  const corpus = (size, { p95Ms, sinceStartMs }) => ({
    size,
    buildMs: 1000,
    fileMb: 10,
    hits: { prolotherapy: 5, prolotheraphy: 5 },
    indexed: { medianMs: p95Ms / 2, p95Ms, maxMs: p95Ms * 2, wallMedianMs: p95Ms, wallP95Ms: p95Ms * 2, samples: 10 },
    before: { buildMs: 2000, heapMb: -1.5, ranked: { medianMs: 1, p95Ms: 2, maxMs: 3, samples: 10 } },
    baseline: { medianMs: 4, p95Ms: 5 },
    restart: { size, generation: 0, hits: 5, didYouMean: 'prolotherapy', sinceStartMs, firstSearchMs: 10, typoSearchMs: 3, rssBytes: 50 * 1024 ** 2 },
  });
  const rowsFor = (large) => search.rows({ results: [corpus(1000, { p95Ms: 2, sinceStartMs: 100 }), large], seedCopies: null, queries: QUERIES, runsPerQuery: 1 });
  const target = (rows, start) => rows.find((row) => row.measure.startsWith(start));

  it('passes under the targets and fails at or over them', () => {
    const passing = rowsFor(corpus(10000, { p95Ms: 29.9, sinceStartMs: 999 }));
    expect(target(passing, 'query p95 at 10,000')).toMatchObject({ figure: '29.90 ms', status: 'PASS' });
    expect(target(passing, 'restarted process')).toMatchObject({ figure: '999 ms', status: 'PASS' });
    const failing = rowsFor(corpus(10000, { p95Ms: 30, sinceStartMs: 1000 }));
    expect(target(failing, 'query p95 at 10,000')).toMatchObject({ status: 'FAIL' });
    expect(target(failing, 'restarted process')).toMatchObject({ status: 'FAIL' });
  });

  it('reports the 10,000 ÷ 1,000 median ratio from the figures given', () => {
    const rows = rowsFor(corpus(10000, { p95Ms: 8, sinceStartMs: 100 }));
    expect(target(rows, 'query median 10,000 ÷ 1,000')).toMatchObject({ figure: '4.00×' });
  });
});
