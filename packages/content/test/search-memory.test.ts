import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchIndex, type SearchDoc } from '../src/index.js';

// The index keeps what ranking and result cards need, never article text: snippets are cut from
// text loaded for the page's hits only.

function doc(id: string, body: string, published = '2026-01-01'): SearchDoc {
  return {
    id,
    title: `Spine article ${id}`,
    description: 'About the spine.',
    tags: ['spine'],
    category: 'Back',
    headings: [],
    body,
    published,
  };
}

describe('the search index keeps no article text', () => {
  it('stores only the result card of each article', () => {
    const index = buildSearchIndex([doc('one', 'Spine surgery helps some. '.repeat(50))]);
    expect(Object.keys(index.stored.get('one')!).sort()).toEqual(['category', 'description', 'published', 'tags', 'title']);
  });

  it("loads text for the page's hits only, and falls back to the description without it", async () => {
    const docs = Array.from({ length: 12 }, (_, i) =>
      doc(`d${i}`, `Intro. The spine carries you ${i}.`, `2026-01-${String(10 + i)}`),
    );
    const index = buildSearchIndex(docs);
    const asked: string[] = [];
    const results = await searchIndex(index, 'carries', {
      page: 2,
      pageSize: 5,
      loadText: async (id) => {
        asked.push(id);
        return id === 'd5' ? null : docs.find((d) => d.id === id)!.body;
      },
    });
    expect(results.hits.map((hit) => hit.id)).toEqual(['d6', 'd5', 'd4', 'd3', 'd2']);
    expect(asked.sort()).toEqual(['d2', 'd3', 'd4', 'd5', 'd6']);
    const d6 = results.hits[0]!;
    expect(d6.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['carries']);
    // No text (null, or a failed read): the description stands in.
    expect(results.hits[1]!.snippet).toEqual([{ text: 'About the spine.', match: false }]);
    const failed = await searchIndex(index, 'spine', { loadText: () => Promise.reject(new Error('disk gone')) });
    expect(failed.hits[0]!.snippet.map((part) => part.text).join('')).toBe('About the spine.');
  });

  it('does not keep bodies alive, not even through long words cut from them', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // 100 bodies of ~250 KB (25 MB), each with its own 16-letter word. A word matched in a body is a
    // slice of it in V8, and so are the vocabulary tree's labels cut from the word: an index keeping
    // them as they came would keep every body.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let seed = 7;
    const letter = () => letters[(seed = (seed * 16807) % 2147483647) % 26];
    const words = Array.from({ length: 100 }, () => Array.from({ length: 16 }, letter).join(''));
    const unique = (i: number) => words[i]!;
    const makeDocs = () =>
      Array.from({ length: 100 }, (_, i) => doc(`d${i}`, `${unique(i)} ${'spine surgery outcomes '.repeat(11_000)}${i}`));
    gc();
    const before = process.memoryUsage().heapUsed;
    let docs: SearchDoc[] | null = makeDocs();
    const index = buildSearchIndex(docs);
    docs = null;
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    expect(index.rank(words[0]!).results[0]?.id).toBe('d0');
    expect(kept).toBeLessThan(5 * 1024 ** 2);
  });
});
