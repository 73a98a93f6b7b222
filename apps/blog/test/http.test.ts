import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cachedTextResponse, contentSecurityPolicy, documentSecurityHeaders, inlineScriptHashes, strongEtag } from '../app/lib/http.server';

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
  it('allows the inline scripts of a hydrating page by hash, never by nonce or unsafe-inline', () => {
    const csp = contentSecurityPolicy({ scriptHashes: ['sha256-abc=', 'sha256-def='] });
    expect(csp).toContain("script-src 'self' 'sha256-abc=' 'sha256-def=';");
    expect(csp).not.toMatch(/nonce|unsafe-inline/);
  });
});

describe('inlineScriptHashes', () => {
  const hashOf = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

  it('hashes the exact text of each inline script a browser would run, once each, in order', () => {
    const context = 'window.__remixContext = {"state":{"loaderData":{"root":{"name":"café &amp; <b>"}}}};';
    const loader = 'import "/assets/entry.client-abc.js";';
    const html = `<html><head><script>${context}</script></head><body><script type="module" async="">${loader}</script><script>${context}</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([hashOf(context), hashOf(loader)]);
  });

  it('leaves out scripts loaded by src (covered by self) and data blocks such as JSON-LD', () => {
    const html = [
      '<script src="/assets/a.js"></script>',
      '<script type="module" src="/assets/b.js"></script>',
      '<script type="application/ld+json">{"@type":"Article"}</script>',
      "<script type='text/javascript'>run()</script>",
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([hashOf('run()')]);
  });

  it('is the same for the same page: no per-response value', () => {
    const html = '<script>a()</script>';
    expect(inlineScriptHashes(html)).toEqual(inlineScriptHashes(html));
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
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
