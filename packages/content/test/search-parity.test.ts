import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { compileArticle, SearchIndex, searchDocFromMarkdown, type SearchDoc } from '../src/index.js';
import type { EngineResult, MatchDetail } from '../src/search/engine.js';
import { normalize, processTerm, querySettings, searchFields, stopWords, tokenize } from '../src/search/terms.js';
import { seedPath } from './helpers.js';

// The compact index must rank exactly as the plain MiniSearch it replaced. The reference here is
// MiniSearch configured as the index was before, updated with `remove` (exact removal), and
// queried as before: AND, then OR when AND finds nothing; score, then newer first.

const seedText = readFileSync(seedPath, 'utf8');
const seedDoc = searchDocFromMarkdown(compileArticle(new TextEncoder().encode(seedText), { path: 'seed.md' }).meta, seedText);

/** Deterministic PRNG (mulberry32), so every run builds the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Seed words, plus words that are awkward as object keys or sort first among them (numbers).
const vocabulary = [
  ...new Set(tokenize(seedDoc.body).map((word) => word.toLowerCase())),
  'constructor',
  'toString',
  'hasOwnProperty',
  'proto',
  '2026',
  '10',
  'Sjögren',
  'rehabilitation',
];

/** Some copies of the seed (ties), the rest drawn from its words with repeats, Zipf-like. */
function corpus(count: number, next: () => number, prefix = 'doc'): SearchDoc[] {
  const pick = () => vocabulary[Math.floor(Math.exp(next() * Math.log(vocabulary.length))) - 1] ?? 'spine';
  const words = (n: number) => Array.from({ length: n }, pick).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const id = `${prefix}-${i}`;
    const published = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 5)).padStart(2, '0')}`;
    if (i % 15 === 0) return { ...seedDoc, id, published: i % 30 === 0 ? seedDoc.published : published };
    return {
      id,
      title: `${words(3)} ${i % 4 === 0 ? 'and the' : ''} ${words(2)}`,
      description: `What the evidence says about ${words(6)}.`,
      tags: Array.from({ length: 1 + Math.floor(next() * 3) }, () => words(1 + Math.floor(next() * 2))),
      category: `Category ${i % 7}`,
      headings: Array.from({ length: Math.floor(next() * 4) }, () => words(3)),
      body: words(20 + Math.floor(next() * 300)),
      published,
    };
  });
}

/** The index as it was: plain MiniSearch, same fields and words, exact removal. */
class Reference {
  readonly engine = new MiniSearch<SearchDoc>({
    fields: [...searchFields],
    extractField: (doc, field) => {
      const value = doc[field as keyof SearchDoc];
      return Array.isArray(value) ? value.join(' \n ') : String(value ?? '');
    },
    tokenize,
    processTerm,
  });
  readonly docs = new Map<string, SearchDoc>();

  set(doc: SearchDoc): void {
    this.delete(doc.id);
    this.engine.add(doc);
    this.docs.set(doc.id, doc);
  }

  delete(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.engine.remove(doc);
    this.docs.delete(id);
  }

  rank(query: string) {
    const settings = querySettings(tokenize(query).filter((word) => !stopWords.has(normalize(word))).length);
    let results = this.engine.search(query, { ...settings, combineWith: 'AND' });
    if (results.length === 0) results = this.engine.search(query, { ...settings, combineWith: 'OR' });
    const published = (id: string) => this.docs.get(id)?.published ?? '';
    return results.sort((a, b) => b.score - a.score || published(String(b.id)).localeCompare(published(String(a.id))));
  }
}

interface Ranked {
  id: string;
  score: number;
  terms: string[];
  queryTerms: string[];
  match: Record<string, string[]>;
}

/**
 * Same results, same scores (within 1e-9), same order. With `strict` false, results whose scores
 * and dates are equal may come in another order among themselves: deleting and re-adding words
 * reorders MiniSearch's vocabulary tree (which only breaks such exact ties), not the compact one's.
 */
function expectSameRanking(
  actual: readonly (EngineResult & MatchDetail)[],
  expected: readonly Ranked[],
  published: (id: string) => string,
  strict: boolean,
) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((want, i) => {
    const got = actual[i]!;
    expect(Math.abs(got.score - want.score)).toBeLessThan(1e-9);
    if (strict) expect(got.id).toBe(String(want.id));
  });
  for (let i = 0; i < expected.length; ) {
    let j = i + 1;
    const tied = (k: number) =>
      Math.abs(expected[k]!.score - expected[i]!.score) < 1e-9 &&
      published(String(expected[k]!.id)) === published(String(expected[i]!.id));
    while (j < expected.length && tied(j)) j += 1;
    const ids = (list: readonly Ranked[]) =>
      list
        .slice(i, j)
        .map((r) => String(r.id))
        .sort();
    expect(ids(actual)).toEqual(ids(expected));
    i = j;
  }
  const byId = new Map(actual.map((r) => [r.id, r]));
  for (const want of expected) {
    const got = byId.get(String(want.id))!;
    if (strict) expect(got.terms).toEqual(want.terms);
    else expect([...got.terms].sort()).toEqual([...want.terms].sort());
    expect(got.match).toEqual(want.match);
    expect([...got.queryTerms].sort()).toEqual([...want.queryTerms].sort());
  }
}

/** Typos of corpus words: one letter changed, dropped or doubled. */
function typos(next: () => number, count: number): string[] {
  const long = vocabulary.filter((word) => word.length >= 5);
  return Array.from({ length: count }, () => {
    const word = long[Math.floor(next() * long.length)]!;
    const at = 1 + Math.floor(next() * (word.length - 2));
    const edit = Math.floor(next() * 3);
    if (edit === 0) return word.slice(0, at) + 'x' + word.slice(at + 1);
    if (edit === 1) return word.slice(0, at) + word.slice(at + 1);
    return word.slice(0, at) + word[at] + word.slice(at);
  });
}

const queries = [
  // exact, prefix, typo
  'prolotherapy',
  'surgery',
  'spine',
  'prolo',
  'surg',
  'reh',
  'prolotheraphy',
  'sciatca',
  'surgary',
  'sjogren',
  // several words, the last one a prefix
  'spine surgery',
  'stem cell therapy',
  'failed back surgery syndrome',
  'stem cell thera',
  'back pain after spine surgery with prolotherapy and stem cells in older patients',
  // stop words
  'the',
  'what is the treatment',
  'of and the',
  // nothing
  'qqqxxxzzz',
  '',
  // hostile or odd
  '<script>alert(1)</script> spine',
  "' OR 1=1 --",
  '__proto__ constructor',
  'toString hasOwnProperty',
  '2026 10',
  'a'.repeat(300),
  'spine\u0000surgery\u202e',
  '💥 prolotherapy',
];

function compareAll(index: SearchIndex, reference: Reference, list: readonly string[], strict: boolean) {
  const published = (id: string) => reference.docs.get(id)?.published ?? '';
  for (const query of list) {
    const { results, details } = index.rank(query);
    const detailed = details(results).map((detail, i) => ({ ...detail, ...results[i]! }));
    expectSameRanking(detailed, reference.rank(query) as unknown as Ranked[], published, strict);
  }
}

describe('compact index parity with MiniSearch', () => {
  const next = random(7);
  const docs = corpus(300, next);
  const index = new SearchIndex();
  const reference = new Reference();
  for (const doc of docs) {
    index.set(doc);
    reference.set(doc);
  }
  const moreQueries = [...queries, ...typos(next, 40), ...vocabulary.filter((_, i) => i % 17 === 0)];

  it('ranks a freshly built index identically, order included', () => {
    expect(index.engine.size).toBe(reference.engine.documentCount);
    compareAll(index, reference, moreQueries, true);
    index.reclaim();
    compareAll(index, reference, moreQueries, true);
  });

  it('stays identical through replacements and deletions, before and after compaction', () => {
    const edits = corpus(60, next, 'doc'); // same ids as the first 60: replacements
    for (const doc of edits.slice(0, 30)) {
      index.set(doc);
      reference.set(doc);
    }
    for (const doc of docs.slice(100, 125)) {
      index.delete(doc.id);
      reference.delete(doc.id);
    }
    // 55 dead out of 330 numbers: below the compaction threshold, so they are still in the postings.
    expect(index.engine.deletedCount).toBe(55);
    compareAll(index, reference, moreQueries, false);
    for (const doc of corpus(40, next, 'new')) {
      index.set(doc);
      reference.set(doc);
    }
    for (const doc of docs.slice(200, 260)) {
      index.delete(doc.id);
      reference.delete(doc.id);
    }
    // Past the threshold: compacted on its own (documents and terms renumbered).
    expect(index.engine.deletedCount).toBeLessThan(55);
    compareAll(index, reference, moreQueries, false);
    index.engine.compact();
    compareAll(index, reference, moreQueries, false);
    expect(index.size).toBe(reference.engine.documentCount);
  });

  it('deleting everything leaves an empty index that fills again', () => {
    for (const id of [...reference.docs.keys()]) {
      index.delete(id);
      reference.delete(id);
    }
    expect(index.size).toBe(0);
    expect(index.rank('spine').results).toEqual([]);
    for (const doc of corpus(20, next, 'again')) {
      index.set(doc);
      reference.set(doc);
    }
    compareAll(index, reference, moreQueries, false);
  });
});
