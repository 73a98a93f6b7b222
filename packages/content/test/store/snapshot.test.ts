/**
 * The snapshot of records that serve one URL twice (left by a large cold start, whose first pass
 * serves before judging, or by an older store): one file keeps the URL, the others are reported
 * as duplicates of it and served nowhere.
 */
import { describe, expect, it } from 'vitest';
import { buildSnapshot, type FileRecord } from '../../src/store/snapshot.js';
import type { ArticleListing } from '../../src/store/types.js';

const now = new Date('2024-06-01T12:00:00Z');

function record(file: string, { slug, published, provisional = false }: { slug: string; published: string; provisional?: boolean }): FileRecord {
  const listing: ArticleListing = { slug, title: `Title of ${file}`, description: 'd', category: 'Back pain', tags: [], published, readingTimeMinutes: 1, wordCount: 10, draft: false };
  const key = `${file}@1`;
  return {
    file,
    key,
    ok: true,
    mtimeMs: 0,
    size: 1,
    diagnostics: [],
    listing,
    links: [],
    siteDiagnostics: [],
    provisional,
    ...(provisional ? {} : { good: { key, listing } }),
  };
}

const build = (records: FileRecord[]) => buildSnapshot(records, { dir: '/site', now, preview: false }).snapshot;

describe('a URL served by several files', () => {
  const records = [
    record('a-served-before-judging.md', { slug: 'knee', published: '2024-01-01', provisional: true }),
    record('b-newer.md', { slug: 'knee', published: '2024-03-01' }),
    record('c-older.md', { slug: 'knee', published: '2024-02-01' }),
    record('d-same-day.md', { slug: 'knee', published: '2024-02-01' }),
    record('e-alone.md', { slug: 'hip', published: '2024-01-15' }),
  ];

  it('goes to the judged file dated first (then by file name), whatever order the records come in', () => {
    for (const order of [records, [...records].reverse(), [records[3], records[0], records[4], records[2], records[1]] as FileRecord[]]) {
      const snapshot = build(order);
      expect(snapshot.entry('knee')?.file).toBe('c-older.md');
      expect(snapshot.entry('hip')?.file).toBe('e-alone.md');
      expect(snapshot.articles.map((listing) => listing.slug)).toEqual(['knee', 'hip']);
      expect(snapshot.articles[0]).toBe(records[2]?.listing);
    }
  });

  it('reports each other file as unpublished, a duplicate of the one that keeps the URL', () => {
    const reports = build(records).reports;
    const said = Object.fromEntries(reports.map((report) => [report.file, { state: report.state, rules: report.diagnostics.map((d) => d.ruleId), names: report.diagnostics.map((d) => d.message.includes('c-older.md')) }]));
    expect(said).toEqual({
      'a-served-before-judging.md': { state: 'unpublished', rules: ['slug-duplicate'], names: [true] },
      'b-newer.md': { state: 'unpublished', rules: ['slug-duplicate'], names: [true] },
      'd-same-day.md': { state: 'unpublished', rules: ['slug-duplicate'], names: [true] },
    });
  });

  it('goes to a file served before judging only when no judged file serves it', () => {
    const snapshot = build([record('z-provisional.md', { slug: 'knee', published: '2024-01-01', provisional: true }), record('y-provisional.md', { slug: 'knee', published: '2024-01-02', provisional: true })]);
    expect(snapshot.entry('knee')?.file).toBe('z-provisional.md');
    expect(snapshot.reports.map((report) => [report.file, report.state])).toEqual([['y-provisional.md', 'unpublished']]);
  });
});
