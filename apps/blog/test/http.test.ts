import { describe, expect, it } from 'vitest';
import {
  cachedTextResponse,
  contentSecurityPolicy,
  ifNoneMatchMatches,
  strongEtag,
} from '../app/lib/http.server';

describe('ifNoneMatchMatches', () => {
  const etag = '"abc123"';
  it.each([
    ['"abc123"', true],
    ['W/"abc123"', true],
    ['"zzz", "abc123"', true],
    ['"zzz",W/"abc123" ', true],
    ['*', true],
    ['"abc1234"', false],
    ['abc123', false],
    ['garbage', false],
    ['"', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(expected);
  });
  it('ignores a missing header', () => {
    expect(ifNoneMatchMatches(null, etag)).toBe(false);
  });
});

describe('strongEtag', () => {
  it('is a quoted hash without W/ that changes with the body', () => {
    const a = strongEtag('<p>a</p>');
    expect(a).toMatch(/^"[\w-]{32}"$/);
    expect(strongEtag('<p>a</p>')).toBe(a);
    expect(strongEtag('<p>b</p>')).not.toBe(a);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only same-origin scripts without a nonce', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });
  it('adds a nonce only for hydrating pages', () => {
    expect(contentSecurityPolicy({ nonce: 'n0nce' })).toContain("script-src 'self' 'nonce-n0nce';");
  });
});

describe('cachedTextResponse', () => {
  it('answers 304 to a matching If-None-Match and 200 otherwise', async () => {
    const first = cachedTextResponse(new Request('http://x/robots.txt'), 'hello', { contentType: 'text/plain' });
    const etag = first.headers.get('etag') ?? '';
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('hello');
    const again = cachedTextResponse(new Request('http://x/robots.txt', { headers: { 'If-None-Match': etag } }), 'hello', {
      contentType: 'text/plain',
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });
});
