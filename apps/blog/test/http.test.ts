import { describe, expect, it } from 'vitest';
import { cachedTextResponse, contentSecurityPolicy, documentSecurityHeaders, strongEtag } from '../app/lib/http.server';

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

describe('documentSecurityHeaders', () => {
  it('are the headers every page carries, as a plain object for responses made without Remix', () => {
    const headers = documentSecurityHeaders({ dev: false });
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy());
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(documentSecurityHeaders({ dev: true })['content-security-policy']).toContain("'unsafe-inline'");
  });
});

describe('cachedTextResponse', () => {
  it('sends the body with its content type, cache policy and the ETag of its bytes; HEAD without the body', async () => {
    const response = cachedTextResponse(new Request('http://x/robots.txt'), 'hello', { contentType: 'text/plain' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('cache-control')).toMatch(/^public,/);
    expect(response.headers.get('etag')).toBe(strongEtag('hello'));
    expect(await response.text()).toBe('hello');
    const head = cachedTextResponse(new Request('http://x/robots.txt', { method: 'HEAD' }), 'hello', { contentType: 'text/plain' });
    expect(head.headers.get('etag')).toBe(strongEtag('hello'));
    expect(await head.text()).toBe('');
  });
});
