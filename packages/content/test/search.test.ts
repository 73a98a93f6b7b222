import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  compileArticle,
  maxQueryChars,
  searchDocFromMarkdown,
  searchIndex,
  type SearchDoc,
  type SearchIndex,
  type SearchOptions,
  type SnippetPart,
} from '../src/index.js';
import { seedPath } from './helpers.js';

const seedText = readFileSync(seedPath, 'utf8');
const seedMeta = compileArticle(new TextEncoder().encode(seedText), {
  path: 'failed-back-surgery-syndrome.md',
}).meta;
const seedDoc = searchDocFromMarkdown(seedMeta, seedText);

function doc(id: string, overrides: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id,
    title: `Article ${id}`,
    description: 'A plain description.',
    tags: [],
    category: 'General',
    headings: [],
    body: 'Nothing in particular is said here.',
    published: '2026-01-01',
    ...overrides,
  };
}

const docs: SearchDoc[] = [
  seedDoc,
  doc('sciatica', {
    title: 'Sciatica: what helps',
    tags: ['sciatica', 'back pain'],
    body: 'Sciatica is pain along the sciatic nerve. Most people recover within weeks.',
    published: '2026-02-01',
  }),
  doc('knees', {
    title: 'Knee arthritis',
    tags: ['knee'],
    headings: ['Exercise first'],
    body: 'Walking helps knees.',
  }),
  doc('older-sciatica', {
    title: 'Living with sciatica',
    tags: ['sciatica'],
    published: '2025-01-01',
  }),
];
const index = buildSearchIndex(docs);
const bodies = new Map(docs.map((d) => [d.id, d.body]));
/** As the blog searches: snippet text read for the page's hits only, from outside the index. */
const search = (within: SearchIndex, query: string, options: SearchOptions = {}) =>
  searchIndex(within, query, {
    loadText: (id) => bodies.get(id) ?? null,
    ...options,
  });

const marked = (parts: readonly SnippetPart[]) => parts.filter((part) => part.match).map((part) => part.text);

describe('searchDocFromMarkdown', () => {
  it('keeps headings and paragraph text, without frontmatter or directive syntax', () => {
    expect(seedDoc.id).toBe('failed-back-surgery-syndrome');
    expect(seedDoc.headings.length).toBeGreaterThan(2);
    expect(seedDoc.body).toContain('prolotherapy');
    expect(seedDoc.body).not.toContain('references:');
    expect(seedDoc.body).not.toMatch(/:::|:cite\[/);
  });
});

describe('searchIndex', () => {
  it('ranks a title and tag match above a body mention, newer first on ties', async () => {
    const results = await search(index, 'sciatica');
    expect(results.hits.map((hit) => hit.id).slice(0, 2)).toEqual(['sciatica', 'older-sciatica']);
    expect(marked(results.hits[0]!.titleParts)).toEqual(['Sciatica']);
  });

  it('finds the seed by a word only in its body, with a highlighted snippet', async () => {
    const results = await search(index, 'prolotherapy');
    expect(results.hits[0]?.id).toBe('failed-back-surgery-syndrome');
    expect(marked(results.hits[0]!.snippet).map((text) => text.toLowerCase())).toContain('prolotherapy');
  });

  it('tolerates typos and says what it corrected', async () => {
    const results = await search(index, 'prolotheraphy');
    expect(results.hits[0]?.id).toBe('failed-back-surgery-syndrome');
    expect(results.didYouMean).toBe('prolotherapy');
    expect((await search(index, 'sciatca')).hits[0]?.id).toBe('sciatica');
  });

  it('matches prefixes without calling them typos', async () => {
    const results = await search(index, 'prolo');
    expect(results.hits[0]?.id).toBe('failed-back-surgery-syndrome');
    expect(results.didYouMean).toBeUndefined();
  });

  it('searches headings and tags', async () => {
    expect((await search(index, 'exercise')).hits.map((hit) => hit.id)).toEqual(['knees']);
    expect((await search(index, 'knee')).hits[0]?.id).toBe('knees');
  });

  it('needs every word when it can, any word when it cannot', async () => {
    const both = (await search(index, 'sciatica recover')).hits.map((hit) => hit.id);
    expect(both[0]).toBe('sciatica');
    expect(both).not.toContain('older-sciatica'); // it says sciatica but not recover
    expect((await search(index, 'knees zzzzqqq')).hits.map((hit) => hit.id)).toEqual(['knees']);
  });

  it('empty, punctuation-only and unknown queries give no hits, not errors', async () => {
    for (const query of ['', '   ', '!!!', '<>', 'qqqqxxxxzzzz']) {
      const results = await search(index, query);
      expect(results.total).toBe(0);
      expect(results.hits).toEqual([]);
    }
  });

  it('cuts very long queries and strips control characters', async () => {
    const results = await search(index, `sciatica ${'a'.repeat(10_000)}`);
    expect(results.truncated).toBe(true);
    expect(results.query.length).toBeLessThanOrEqual(maxQueryChars);
    const cleaned = (await search(index, 'scia\u0000tica\u202e')).query;
    expect(cleaned.includes('\u0000') || cleaned.includes('\u202e')).toBe(false);
    const manyWords = await search(index, Array.from({ length: 50 }, () => 'sciatica').join(' '));
    expect(manyWords.truncated).toBe(true);
    expect(manyWords.hits[0]?.id).toBe('sciatica');
  });

  it('never returns markup: a hostile query comes back as text parts', async () => {
    const results = await search(index, '<script>alert(1)</script> sciatica');
    for (const hit of results.hits)
      for (const part of [...hit.snippet, ...hit.titleParts]) expect(typeof part.text).toBe('string');
    expect(results.hits[0]?.id).toBe('sciatica');
  });

  it('pages results and clamps the page number', async () => {
    const many = buildSearchIndex(Array.from({ length: 25 }, (_, i) => doc(`d${i}`, { body: 'spine spine' })));
    const first = await search(many, 'spine', { pageSize: 10 });
    expect(first).toMatchObject({ total: 25, pageCount: 3, page: 1 });
    expect((await search(many, 'spine', { pageSize: 10, page: 3 })).hits).toHaveLength(5);
    expect((await search(many, 'spine', { pageSize: 10, page: 99 })).page).toBe(3);
  });

  it('counts tags for "popular tags", most used first', () => {
    expect(index.popularTags[0]).toEqual({ tag: 'sciatica', count: 2 });
  });

  it('keeps one entry per id', () => {
    expect(buildSearchIndex([doc('same'), doc('same')]).size).toBe(1);
  });
});
