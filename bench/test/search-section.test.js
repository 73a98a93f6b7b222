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
      expect(result.fileMb).toBeGreaterThan(0);
      expect(result.before.heapMb).toBeGreaterThan(0);
      expect(result.indexed.samples).toBe(QUERIES.length * data.runsPerQuery);
      expect(result.before.ranked.samples).toBe(result.indexed.samples);
      expect(result.hits.prolotherapy).toBeGreaterThan(0);
      expect(result.hits.prolotheraphy).toBeGreaterThan(0); // typo tolerance on the synthetic site too
      // The restarted process found the file as the build left it and searched it.
      expect(result.restart).toMatchObject({ size: result.size, generation: 0, hits: result.hits.prolotherapy, didYouMean: 'prolotherapy' });
      expect(result.restart.rssBytes).toBeGreaterThan(0);
    }
    const rows = search.rows({ ...data, results: data.results.map((r, i) => ({ ...r, size: [1000, 10000][i] })) });
    expect(data.results.every((result) => result.baseline.medianMs >= 0)).toBe(true);
    const measures = rows.map((row) => row.measure);
    expect(measures).toContain('query median 10,000 ÷ 1,000 articles');
    expect(measures).toContain('30 seed copies: plain MiniSearch (the search before SQLite) build, heap');
    expect(rows.at(-2)).toMatchObject({ measure: 'restarted process → first search at 10,000 articles', target: '< 1000 ms' });
    expect(rows.at(-1)).toMatchObject({ measure: 'query p95 at 10,000 articles (CPU time)', target: '< 30 ms' });
    for (const row of rows.slice(-2)) expect(['PASS', 'FAIL']).toContain(row.status);
    expect(search.markdown(data)).toContain('## 6. Search (SQLite FTS5)');
  });
});
