import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../server/errors.js';
import { isValidHost, validateHost, validatePath } from '../../server/request-checks.js';

describe('isValidHost', () => {
  it.each([
    'localhost',
    'localhost:3000',
    'example.com',
    'Example.COM.',
    'blog.example.com:443',
    'my_service:8080',
    '127.0.0.1',
    '127.0.0.1:65535',
    '[::1]',
    '[::1]:3000',
    '[2001:db8::1]:8443',
    'example.com:',
  ])('accepts %s', (host) => {
    expect(isValidHost(host)).toBe(true);
  });

  it.each(['', '[', 'a b', 'evil.example:99999', 'user@evil.example', 'a/b', 'a\\b', 'a?b', 'a#b', '[zz::1]', '[::1', 'a..b', '.a', 'a:b:c', 'ex%41mple.com'])(
    'refuses %j',
    (host) => {
      expect(isValidHost(host)).toBe(false);
    },
  );
});

/** What validateHost passes to `next`, and the request as it leaves it. */
function run(headers: Record<string, string>, protocol = 'http'): { error: unknown; req: Request } {
  const req = { headers: { ...headers }, protocol } as unknown as Request;
  const next = vi.fn<(error?: unknown) => void>();
  validateHost(req, {} as Response, next as NextFunction);
  expect(next).toHaveBeenCalledTimes(1);
  return { error: next.mock.calls[0]?.[0], req };
}

describe('validateHost', () => {
  it('lets a well-formed request through untouched', () => {
    const { error, req } = run({ host: 'blog.example:8080', 'x-forwarded-host': 'cdn.example, edge.example:443' }, 'https');
    expect(error).toBeUndefined();
    expect(req.headers.host).toBe('blog.example:8080');
  });

  it('answers 400 to a malformed Host, X-Forwarded-Host entry or forwarded protocol', () => {
    for (const [headers, protocol] of [
      [{ host: 'a b' }, 'http'],
      [{ host: 'evil.example:99999' }, 'http'],
      [{ host: '127.0.0.1', 'x-forwarded-host': 'a.example, b.example:99999' }, 'http'],
      [{ host: '127.0.0.1', 'x-forwarded-host': '<script>' }, 'http'],
      [{ host: '127.0.0.1' }, 'ht tp'],
      [{ host: '127.0.0.1' }, 'javascript'],
    ] as const) {
      const { error } = run(headers, protocol);
      expect(error, JSON.stringify(headers) + protocol).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(400);
    }
  });

  it('names an HTTP/1.0 request without Host localhost', () => {
    const { error, req } = run({});
    expect(error).toBeUndefined();
    expect(req.headers.host).toBe('localhost');
  });
});

describe('validatePath', () => {
  const run = (path: string) => {
    const next = vi.fn<(error?: unknown) => void>();
    validatePath({ path } as Request, {} as Response, next as NextFunction);
    return next.mock.calls[0]?.[0];
  };

  it('answers 400 to a path that does not decode, and lets any other through', () => {
    for (const path of ['/articles/%zz', '/articles/%', '/articles/%E0%A4%A', '/articles/%c0%af', '/articles/%ff%fe%fd']) {
      expect((run(path) as HttpError | undefined)?.status, path).toBe(400);
    }
    for (const path of ['/', '/articles/back-pain', '/articles/caf%C3%A9', '/articles/%2e%2e%2fetc', '/category/back%20%26%20spine']) {
      expect(run(path), path).toBeUndefined();
    }
  });
});
