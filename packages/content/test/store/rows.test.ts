import { describe, expect, it } from 'vitest';
import { RowDecoder, encodeRow } from '../../src/store/rows.js';
import type { FileRecord } from '../../src/store/snapshot.js';
import type { ArticleListing } from '../../src/store/types.js';

const listing = (title: string): ArticleListing => ({
  slug: 'back-pain',
  title,
  description: 'What helps.',
  category: 'Back pain',
  tags: ['exercise'],
  published: '2024-01-01',
  readingTimeMinutes: 1,
  wordCount: 120,
  draft: false,
});

const key = 'a'.repeat(64);
const earlier = 'b'.repeat(64);

function record(fields: Partial<FileRecord>): FileRecord {
  return { file: 'back-pain.md', mtimeMs: 1, size: 2, key, ok: true, listing: listing('Back pain'), links: [], diagnostics: [], siteDiagnostics: [], ...fields };
}

/** What a start reads back of a record the store saved. */
const roundTrip = (saved: FileRecord): FileRecord => new RowDecoder().decode(encodeRow(saved));

describe("a record's row", () => {
  it('comes back as it was saved: judged, served as on disk', () => {
    const saved = record({ judgedKey: key, liveSlugs: ['back-pain'] });
    saved.good = { key, listing: saved.listing };
    const read = roundTrip(saved);
    expect(read).toEqual({ ...saved, sourceKey: key });
    // One listing object, as when it was saved (the version served is the one on disk).
    expect(read.good?.listing).toBe(read.listing);
  });

  it('comes back as it was saved: a broken edit over an earlier good version, judged for an earlier key', () => {
    const saved = record({ ok: false, listing: listing('Back pain (broken)'), judgedKey: earlier, good: { key: earlier, listing: listing('Back pain') } });
    const read = roundTrip(saved);
    expect(read).toEqual({ ...saved, sourceKey: key });
    expect(read.good?.listing.title).toBe('Back pain');
    expect(read.judgedKey).toBe(earlier);
  });

  it('comes back unjudged and with no good version when it had neither', () => {
    const read = roundTrip(record({ ok: false }));
    expect(read.judgedKey).toBeUndefined();
    expect(read.good).toBeUndefined();
  });

  it('holds its version key once, in its column, not again in the JSON a start parses', () => {
    const saved = record({ judgedKey: key });
    saved.good = { key, listing: saved.listing };
    const row = encodeRow(saved);
    expect(row.key).toBe(key);
    expect(row.good_key).toBe(key);
    expect(row.data).not.toContain(key);
  });
});

describe('rows read by one decoder (a start)', () => {
  it('share one frozen list of care levels per combination', () => {
    const decoder = new RowDecoder();
    const withLevels = (file: string, careLevels: ArticleListing['careLevels']) =>
      decoder.decode(encodeRow(record({ file, listing: { ...listing(file), careLevels } }))).listing.careLevels;
    const first = withLevels('a.md', ['urgent', 'emergency']);
    const second = withLevels('b.md', ['urgent', 'emergency']);
    const other = withLevels('c.md', ['emergency']);
    expect(first).toEqual(['urgent', 'emergency']);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(other).toEqual(['emergency']);
    expect(other).not.toBe(first);
  });
});
