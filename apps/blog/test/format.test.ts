import { describe, expect, it } from 'vitest';
import { formatArticleCount, formatCount, formatDate, formatReadingTime, memoizedSlugify, parsePageParam, slugifyCategory } from '../app/lib/format';

describe('parsePageParam', () => {
  it.each([
    [null, 1],
    ['1', 1],
    ['2', 2],
    ['0', null],
    ['-1', null],
    ['01', null],
    ['2.5', null],
    ['abc', null],
    ['', null],
    ['1e3', null],
    ['9999999999', null],
  ])('%j → %j', (value, expected) => {
    expect(parsePageParam(value)).toBe(expected);
  });
});

describe('formatting', () => {
  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2024-03-01')).toBe('1 March 2024');
  });
  it('never says 0 minutes', () => {
    expect(formatReadingTime(0.2)).toBe('1 min read');
    expect(formatReadingTime(6.4)).toBe('6 min read');
  });
  it('slugifies categories for URLs', () => {
    expect(slugifyCategory('Back & Spine')).toBe('back-spine');
    expect(slugifyCategory('Blog')).toBe('blog');
    expect(slugifyCategory('Orthopédie')).toBe('orthopedie');
  });
});

describe('memoizedSlugify', () => {
  it('gives what slugify gives, computing each distinct text once', () => {
    const seen: string[] = [];
    const slug = memoizedSlugify((text) => {
      seen.push(text);
      return slugifyCategory(text);
    });
    expect(['Back & Spine', 'Knees', 'Back & Spine', 'Sjögren'].map(slug)).toEqual(['back-spine', 'knees', 'back-spine', 'sjogren']);
    expect(seen).toEqual(['Back & Spine', 'Knees', 'Sjögren']);
  });
});

describe('formatArticleCount', () => {
  it('groups thousands as the search page does, and says "article" for one', () => {
    expect(formatArticleCount(1)).toBe('1 article');
    expect(formatArticleCount(0)).toBe('0 articles');
    expect(formatArticleCount(999)).toBe('999 articles');
    expect(formatArticleCount(100000)).toBe('100,000 articles');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
