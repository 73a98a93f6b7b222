/**
 * When readers first see an article (site/visibility.ts): the start of its published day, UTC, read
 * from the date's digits, and the same instant Date.parse gives for any text (0 when it gives none).
 */
import { describe, expect, it } from 'vitest';
import { liveAt, visibilityOf } from '../src/site/visibility.js';
import type { ArticleListing } from '../src/store/types.js';

const listing = (published: string, draft = false) => ({ published, draft }) as ArticleListing;
const byDateParse = (published: string): number => {
  const parsed = Date.parse(`${published}T00:00:00Z`);
  return Number.isNaN(parsed) ? 0 : parsed;
};

describe('go-live time', () => {
  it('is the start of the published day, UTC', () => {
    expect(new Date(liveAt(listing('2027-03-01'))).toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(new Date(liveAt(listing('2024-02-29'))).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('agrees with Date.parse on every day of three centuries and on text that is not a plain date', () => {
    const days: string[] = [];
    for (let time = Date.UTC(1900, 0, 1); time < Date.UTC(2200, 0, 1); time += 86_400_000) days.push(new Date(time).toISOString().slice(0, 10));
    const odd = ['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-01-32', '0099-01-01', '0100-03-01', '2024-0a-01', '2024-1-01', '2024-01-3 ', '+02024-01-01', '2024-01-01T10:00', 'soon', ''];
    const differing = [...days, ...odd].filter((published) => liveAt(listing(published)) !== byDateParse(published));
    expect(differing).toEqual([]);
    expect(liveAt(listing('soon'))).toBe(0);
  });

  it('makes a dated article scheduled until its day, and a draft never visible', () => {
    const now = Date.UTC(2024, 5, 1, 12);
    expect(visibilityOf(listing('2024-06-01'), now)).toBe('published');
    expect(visibilityOf(listing('2024-06-02'), now)).toBe('scheduled');
    expect(visibilityOf(listing('2024-01-01', true), now)).toBe('draft');
  });
});
