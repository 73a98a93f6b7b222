import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNotModified, sendNotModified } from '../../server/conditional.js';
import { listen, type Listening } from './listen';

const etag = '"abc123"';
const request = (headers: Record<string, string>, method = 'GET') => ({ method, headers });

describe('isNotModified', () => {
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
    ['W/', false],
    [',,,,,', false],
    ['', false],
  ])('If-None-Match %j → %s', (header, expected) => {
    expect(isNotModified(request({ 'if-none-match': header }), { status: 200, etag })).toBe(expected);
  });

  it('is false without If-None-Match, with If-Modified-Since only, and on a forced reload', () => {
    expect(isNotModified(request({}), { status: 200, etag })).toBe(false);
    expect(isNotModified(request({ 'if-modified-since': 'Sun, 06 Dec 2026 00:00:00 GMT' }), { status: 200, etag })).toBe(false);
    expect(isNotModified(request({ 'if-none-match': etag, 'cache-control': 'no-cache' }), { status: 200, etag })).toBe(false);
  });

  it('applies only to a 200 with an ETag, for GET and HEAD', () => {
    expect(isNotModified(request({ 'if-none-match': etag }, 'HEAD'), { status: 200, etag })).toBe(true);
    expect(isNotModified(request({ 'if-none-match': etag }), { status: 404, etag })).toBe(false);
    expect(isNotModified(request({ 'if-none-match': '*' }), { status: 200, etag: null })).toBe(false);
    expect(isNotModified(request({ 'if-none-match': etag }, 'POST'), { status: 200, etag })).toBe(false);
  });
});

describe('sendNotModified', () => {
  let server: Listening;
  beforeAll(async () => {
    const app = express();
    app.get('/', (_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Length', '12');
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Content-Security-Policy', "default-src 'self'");
      sendNotModified(res);
    });
    server = await listen(app);
  });
  afterAll(() => server.close());

  it('keeps the validators, caching and security headers and drops the body and what describes it', async () => {
    const response = await server.request('/');
    expect(response.status).toBe(304);
    expect(response.body.byteLength).toBe(0);
    expect(response.headers.etag).toBe(etag);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['content-security-policy']).toBe("default-src 'self'");
    expect(response.headers['content-type']).toBeUndefined();
    expect(response.headers['content-length']).toBeUndefined();
  });
});
