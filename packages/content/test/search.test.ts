import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compileArticle, searchDocFromMarkdown } from '../src/index.js';
import { buildSearchIndex, maxQueryChars, SearchIndex, searchIndex, type SearchDoc, type SnippetPart } from '../src/search/index.js';
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
    category: 'Joints',
    body: 'Walking helps knees.',
  }),
  doc('older-sciatica', {
    title: 'Living with sciatica',
    tags: ['sciatica'],
    published: '2025-01-01',
  }),
];
// Every search logs what it could not do: a query that reaches SQLite as anything but words would.
const log = vi.fn();
const index = buildSearchIndex(docs, { log });
afterAll(() => {
  index.close();
  expect(log).not.toHaveBeenCalled();
});

const ids = (query: string, within: SearchIndex = index) => searchIndex(within, query).hits.map((hit) => hit.id);
const marked = (parts: readonly SnippetPart[]) => parts.filter((part) => part.match).map((part) => part.text);
const text = (parts: readonly SnippetPart[]) => parts.map((part) => part.text).join('');

describe('searchDocFromMarkdown', () => {
  it('keeps headings and paragraph text, without frontmatter or directive syntax', () => {
    expect(seedDoc.id).toBe('failed-back-surgery-syndrome');
    expect(seedDoc.headings.length).toBeGreaterThan(2);
    expect(seedDoc.body).toContain('prolotherapy');
    expect(seedDoc.body).not.toContain('references:');
    expect(seedDoc.body).not.toMatch(/:::|:cite\[/);
  });
});

describe('ranking', () => {
  it('ranks a title and tag match above a body mention, newer first on ties', () => {
    const results = searchIndex(index, 'sciatica');
    expect(results.hits.map((hit) => hit.id).slice(0, 2)).toEqual(['sciatica', 'older-sciatica']);
    expect(marked(results.hits[0]!.titleParts)).toEqual(['Sciatica']);
    expect(results.hits[0]!.score).toBeGreaterThan(results.hits.at(-1)!.score);
  });

  it('puts a title match before a body match of the same word', () => {
    const small = buildSearchIndex([
      doc('body', { body: 'Whiplash is a neck injury. Whiplash recovery takes weeks.', published: '2026-05-01' }),
      doc('title', { title: 'Whiplash', published: '2020-01-01' }),
    ]);
    expect(ids('whiplash', small)).toEqual(['title', 'body']);
    small.close();
  });

  it('orders equally relevant articles newest first', () => {
    const same = buildSearchIndex(['2024-01-01', '2026-01-01', '2025-01-01'].map((published, i) => doc(`d${i}`, { body: 'spine', published })));
    expect(ids('spine', same)).toEqual(['d1', 'd2', 'd0']);
    same.close();
  });

  it('finds the seed by a word only in its body, with a highlighted snippet', () => {
    const results = searchIndex(index, 'prolotherapy');
    expect(results.hits[0]?.id).toBe('failed-back-surgery-syndrome');
    expect(marked(results.hits[0]!.snippet).map((word) => word.toLowerCase())).toContain('prolotherapy');
  });

  it('searches headings, tags and categories', () => {
    expect(ids('exercise')).toEqual(['knees']);
    expect(ids('knee')[0]).toBe('knees');
    expect(ids('joints')).toEqual(['knees']);
  });

  it('needs every word when it can, any word when it cannot', () => {
    const both = ids('sciatica recover');
    expect(both[0]).toBe('sciatica');
    expect(both).not.toContain('older-sciatica'); // it says sciatica but not recover
    expect(ids('knees zzzzqqq')).toEqual(['knees']);
  });

  it('matches diacritics and case loosely', () => {
    const accents = buildSearchIndex([doc('sjogren', { title: 'Sjögren’s syndrome and MRI' })]);
    expect(ids('sjogren', accents)).toEqual(['sjogren']);
    expect(ids('SJÖGREN mri', accents)).toEqual(['sjogren']);
    accents.close();
  });
});

describe('prefixes and typos', () => {
  it('matches the last word as a prefix, without calling it a typo', () => {
    const results = searchIndex(index, 'prolo');
    expect(results.hits[0]?.id).toBe('failed-back-surgery-syndrome');
    expect(results.didYouMean).toBeUndefined();
  });

  it('takes only the last word as a prefix', () => {
    const small = buildSearchIndex([doc('both', { body: 'spine surgery' }), doc('spine', { body: 'spine only' })]);
    expect(ids('spine surg', small)).toEqual(['both']);
    const notLast = searchIndex(small, 'surg spine');
    expect(notLast.hits.flatMap((hit) => marked(hit.snippet))).not.toContain('surgery');
    small.close();
  });

  it('finds close spellings and says what it corrected', () => {
    const results = searchIndex(index, 'prolotheraphy');
    expect(results.hits[0]?.id).toBe('failed-back-surgery-syndrome');
    expect(results.didYouMean).toBe('prolotherapy');
    expect(ids('sciatca')[0]).toBe('sciatica');
    expect(searchIndex(index, 'the sciatca').didYouMean).toBe('the sciatica');
  });

  it('matches a prefix as the words it begins, one word or several, numbers included, with the vocabulary fresh or stale', () => {
    const articles = [
      doc('covid', { body: 'covid vaccines' }),
      doc('covid19', { body: 'covid19 vaccines' }),
      doc('surgery', { body: 'spine surgery' }),
      doc('surgeon', { body: 'the surgeon' }),
    ];
    const fresh = buildSearchIndex(articles);
    // Eleven articles in one write leave the vocabulary stale: the index itself matches the prefix.
    const stale = new SearchIndex();
    stale.apply({ set: [...articles, ...Array.from({ length: 7 }, (_, i) => doc(`filler${i}`))].map((entry) => ({ doc: entry })) });
    const check = (within: SearchIndex) => {
      expect(ids('covid', within).sort()).toEqual(['covid', 'covid19']);
      expect(ids('surge', within).sort()).toEqual(['surgeon', 'surgery']);
      // One word begins "surgery": searched as that word, marked as a prefix would be.
      const one = searchIndex(within, 'spine surgery');
      expect(one.hits.map((hit) => hit.id)).toEqual(['surgery']);
      expect(marked(one.hits[0]!.snippet)).toEqual(['spine', 'surgery']);
      expect(one.didYouMean).toBeUndefined();
      // A longer word that no word begins is a typo, not a prefix match.
      expect(searchIndex(within, 'surgeryx').didYouMean).toBe('surgery');
    };
    check(fresh);
    check(stale);
    // Refreshed whole, the vocabulary has every word again, numbers too.
    stale.optimize();
    check(stale);
    fresh.close();
    stale.close();
  });

  it('never offers a number as a close spelling', () => {
    const numbered = buildSearchIndex([doc('covid19', { body: 'covid19 vaccines' })]);
    // "covidx" is two edits from "covid19": a word, it would be offered.
    expect(searchIndex(numbered, 'covidx').didYouMean).toBeUndefined();
    expect(searchIndex(numbered, 'vacines').didYouMean).toBe('vaccines');
    numbered.close();
  });

  it('offers no correction for words it has, short words or numbers', () => {
    expect(searchIndex(index, 'sciatica').didYouMean).toBeUndefined();
    expect(searchIndex(index, 'kne').didYouMean).toBeUndefined(); // a prefix of "knee"
    expect(searchIndex(index, 'qx').didYouMean).toBeUndefined();
    expect(searchIndex(index, '12345').didYouMean).toBeUndefined();
  });
});

describe('snippets', () => {
  it('marks the matched words in text parts, never markup, and escapes nothing twice', () => {
    const hostile = buildSearchIndex([
      doc('markup', {
        title: 'Knee <b>pain</b> & "quotes"',
        body: 'A <script>alert(1)</script> tag, \u0002fake\u0003 markers and knee pain in one sentence.',
      }),
    ]);
    const [hit] = searchIndex(hostile, 'knee').hits;
    expect(text(hit!.titleParts)).toBe('Knee <b>pain</b> & "quotes"');
    expect(marked(hit!.titleParts)).toEqual(['Knee']);
    expect(text(hit!.snippet)).toContain('<script>alert(1)</script>');
    expect(marked(hit!.snippet)).toEqual(['knee']);
    // Control characters in the content are stored as spaces: they cannot pose as match markers.
    expect(text(hit!.snippet)).toContain(' fake markers');
    hostile.close();
  });

  it('cuts a passage around the words found in a long body, with ellipses', () => {
    const long = buildSearchIndex([doc('long', { body: `${'Filler words go here. '.repeat(60)}The meniscus tears. ${'More filler follows. '.repeat(60)}` })]);
    const snippet = searchIndex(long, 'meniscus').hits[0]!.snippet;
    expect(marked(snippet)).toEqual(['meniscus']);
    expect(text(snippet).startsWith('… ')).toBe(true);
    expect(text(snippet).endsWith(' …')).toBe(true);
    expect(text(snippet).length).toBeLessThan(300);
    long.close();
  });

  it('falls back to the description, marked where it matched, else as it is', () => {
    const [described] = searchIndex(index, 'plain description').hits;
    expect(marked(described!.snippet)).toEqual(['plain', 'description']);
    const [titled] = searchIndex(index, 'arthritis').hits;
    expect(titled!.snippet).toEqual([{ text: 'A plain description.', match: false }]);
  });
});

describe('hostile queries', () => {
  const queries = [
    '"',
    '""',
    '"sciatica',
    'sciatica"',
    'NEAR(sciatica knee)',
    'NEAR(sciatica knee, 1)',
    'NEAR',
    'title:sciatica',
    '{title body}: sciatica',
    '- title : sciatica',
    'sciatica*',
    '*',
    '* sciatica',
    '^sciatica',
    '^',
    '(',
    ')',
    '((sciatica',
    'sciatica))',
    'sciatica AND',
    'AND OR NOT',
    'sciatica NOT knee',
    'sciatica OR knee',
    '+sciatica',
    "'; DROP TABLE articles; --",
    'rank:bm25',
    'search MATCH sciatica',
    '\u0002sciatica\u0003',
    'sciatica\u0000',
    '\\"sciatica\\"',
    "don't sciatica",
    '<script>alert(1)</script> sciatica',
  ];

  it.each(queries)('answers %j as its words, never an error', (query) => {
    const results = searchIndex(index, query);
    expect(results.total).toBeGreaterThanOrEqual(results.hits.length);
    expect(results.hits.length).toBeLessThanOrEqual(10);
    for (const hit of results.hits) for (const part of [...hit.snippet, ...hit.titleParts]) expect(typeof part.text).toBe('string');
    // Syntax is text: the query finds what its words alone find.
    const words = (query.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).join(' ');
    expect(results.hits.map((hit) => hit.id)).toEqual(ids(words));
  });

  it('searches operator words as words', () => {
    const words = buildSearchIndex([doc('near', { body: 'Stay near the wall, not on it.' }), doc('other', { body: 'Walls.' })]);
    expect(ids('NEAR', words)).toEqual(['near']);
    expect(ids('not', words)).toEqual(['near']);
    words.close();
  });

  it('gives no hits for empty, punctuation-only and unknown queries', () => {
    for (const query of ['', '   ', '!!!', '<>', 'qqqqxxxxzzzz', 'the and of']) {
      const results = searchIndex(index, query);
      expect(results.total).toBe(0);
      expect(results.hits).toEqual([]);
    }
  });

  it('cuts very long queries and strips control characters', () => {
    const results = searchIndex(index, `sciatica ${'a'.repeat(10_000)}`);
    expect(results.truncated).toBe(true);
    expect(results.query.length).toBeLessThanOrEqual(maxQueryChars);
    const cleaned = searchIndex(index, 'scia\u0000tica\u202e').query;
    expect(cleaned.includes('\u0000') || cleaned.includes('\u202e')).toBe(false);
    const manyWords = searchIndex(index, Array.from({ length: 50 }, () => 'sciatica').join(' '));
    expect(manyWords.truncated).toBe(true);
    expect(manyWords.hits[0]?.id).toBe('sciatica');
  });

  it('takes any page number and size without failing', () => {
    for (const page of [Number.NaN, -3, 0, 1.7, Number.POSITIVE_INFINITY]) {
      expect(searchIndex(index, 'sciatica', { page, pageSize: page }).page).toBe(1);
    }
  });
});

describe('pages and tags', () => {
  it('pages results and clamps the page number', () => {
    const many = buildSearchIndex(Array.from({ length: 25 }, (_, i) => doc(`d${i}`, { body: 'spine spine' })));
    expect(searchIndex(many, 'spine', { pageSize: 10 })).toMatchObject({ total: 25, pageCount: 3, page: 1 });
    const last = searchIndex(many, 'spine', { pageSize: 10, page: 3 });
    expect(last.hits).toHaveLength(5);
    expect(searchIndex(many, 'spine', { pageSize: 10, page: 99 }).page).toBe(3);
    const all = [1, 2, 3].flatMap((page) => searchIndex(many, 'spine', { pageSize: 10, page }).hits.map((hit) => hit.id));
    expect(new Set(all).size).toBe(25);
    many.close();
  });

  it('breaks ties by date, then id, across page boundaries', () => {
    // Equally relevant: three on one day (written out of id order), two on the day before.
    const tied = buildSearchIndex(
      [['t3', '2026-02-02'], ['t1', '2026-02-02'], ['t0', '2026-02-01'], ['t2', '2026-02-02'], ['t4', '2026-02-01']].map(([id, published]) =>
        doc(id as string, { published: published as string, body: 'spine' }),
      ),
    );
    const pages = [1, 2, 3].map((page) => searchIndex(tied, 'spine', { pageSize: 2, page }).hits.map((hit) => hit.id));
    expect(pages).toEqual([['t1', 't2'], ['t3', 't0'], ['t4']]);
    tied.close();
  });

  it('finds the newest matches, ranked, when more match than it finds, and says more matched', () => {
    // Six matches, published a day apart; the two oldest mention the word in their title.
    const dated = Array.from({ length: 6 }, (_, i) =>
      doc(`d${i}`, { published: `2026-03-0${i + 1}`, body: 'spine', ...(i < 2 ? { title: 'Spine spine spine' } : {}) }),
    );
    const broad = buildSearchIndex(dated, { rankLimit: 3 });
    const first = searchIndex(broad, 'spine', { pageSize: 2 });
    expect(first).toMatchObject({ total: 3, pageCount: 2, rankedNewest: 3 });
    // The three newest, by relevance (equal here: newest first); the older matches are not listed,
    // though their titles would rank them first among all six.
    expect(first.hits.map((hit) => hit.id)).toEqual(['d5', 'd4']);
    const second = searchIndex(broad, 'spine', { pageSize: 2, page: 2 });
    expect(second.hits.map((hit) => hit.id)).toEqual(['d3']);
    expect(searchIndex(broad, 'spine', { pageSize: 2, page: 9 }).page).toBe(2);
    // Within the limit, every match is ranked: the title matches come first.
    const all = buildSearchIndex(dated, { rankLimit: 6 });
    const ranked = searchIndex(all, 'spine');
    expect(ranked).toMatchObject({ total: 6, pageCount: 1 });
    expect(ranked.hits.map((hit) => hit.id).slice(0, 2)).toEqual(['d1', 'd0']);
    expect(ranked.rankedNewest).toBeUndefined();
    // Among the newest three, a title match ranks first.
    broad.set(doc('d3', { published: '2026-03-04', body: 'spine', title: 'Spine' }));
    expect(ids('spine', broad)).toEqual(['d3', 'd5', 'd4']);
    broad.close();
    all.close();
  });

  it('finds the newest matches by publication date whatever order they were written in', () => {
    const dated = ['2026-01-03', '2025-06-01', '2026-01-01', '2024-12-31', '2026-01-02'].map((published, i) => doc(`w${i}`, { published, body: 'spine' }));
    const broad = buildSearchIndex(dated, { rankLimit: 2 });
    expect(ids('spine', broad)).toEqual(['w0', 'w4']);
    // An edit moves an article to its new date, not to the end.
    broad.set(doc('w3', { published: '2026-01-04', body: 'spine' }));
    expect(ids('spine', broad)).toEqual(['w3', 'w0']);
    broad.set(doc('w3', { published: '2020-01-01', body: 'spine' }));
    expect(ids('spine', broad)).toEqual(['w0', 'w4']);
    broad.close();
  });

  it('counts tags for "popular tags", most used first', () => {
    expect(index.popularTags[0]).toEqual({ tag: 'sciatica', count: 2 });
  });

  it('keeps the tag counts with every write: added, replaced, removed, a tag repeated in one article counted once', () => {
    const tagged = buildSearchIndex([doc('a', { tags: ['Knee', 'Hip'] }), doc('b', { tags: ['Knee', 'Knee'] })]);
    expect(tagged.popularTags).toEqual([
      { tag: 'Knee', count: 2 },
      { tag: 'Hip', count: 1 },
    ]);
    tagged.set(doc('a', { tags: ['Hip', 'Spine'] }));
    tagged.set(doc('c', { tags: ['Spine'] }));
    expect(tagged.popularTags).toEqual([
      { tag: 'Spine', count: 2 },
      { tag: 'Hip', count: 1 },
      { tag: 'Knee', count: 1 },
    ]);
    tagged.delete('b');
    tagged.apply({ delete: ['a', 'c'], set: [{ doc: doc('d', { tags: ['Ankle'] }) }] });
    expect(tagged.popularTags).toEqual([{ tag: 'Ankle', count: 1 }]);
    tagged.close();
  });

  it('keeps one entry per id', () => {
    const same = buildSearchIndex([doc('same'), doc('same')]);
    expect(same.size).toBe(1);
    same.close();
  });
});

describe('incremental updates', () => {
  it('adds, replaces and removes articles by id, and the vocabulary follows', () => {
    const live = new SearchIndex();
    live.set(doc('a', { body: 'The xylophonist hurt a wrist.' }), 'key-1');
    expect(ids('xylophonist', live)).toEqual(['a']);
    expect(searchIndex(live, 'xylophonst').didYouMean).toBe('xylophonist');

    live.set(doc('a', { body: 'The drummer hurt a wrist.' }), 'key-2');
    expect(ids('xylophonist', live)).toEqual([]);
    expect(searchIndex(live, 'xylophonst').didYouMean).toBeUndefined();
    expect(ids('drummer', live)).toEqual(['a']);
    expect(live.keys()).toEqual(new Map([['a', 'key-2']]));

    live.apply({ delete: ['a'], set: [{ doc: doc('b', { body: 'A drummer again.', tags: ['music'] }), key: 'key-3' }] });
    expect(ids('drummer', live)).toEqual(['b']);
    expect(live.popularTags).toEqual([{ tag: 'music', count: 1 }]);
    expect(live.delete('b')).toBe(true);
    expect(live.delete('b')).toBe(false);
    expect(live.size).toBe(0);
    expect(ids('drummer', live)).toEqual([]);
    live.close();
  });

  it('applies a batch in one transaction: a failing batch changes nothing', () => {
    const live = buildSearchIndex([doc('kept', { body: 'spine' })]);
    const broken = { ...doc('new', { body: 'spine' }), tags: null as unknown as string[] };
    expect(() => live.apply({ delete: ['kept'], set: [{ doc: broken }] })).toThrow();
    expect(ids('spine', live)).toEqual(['kept']);
    live.close();
  });
});
