/**
 * CSP (with frame-ancestors), X-Content-Type-Options and Referrer-Policy on every HTML response,
 * whatever its status — 200, 400, 404, 405 and 500 — through Remix's request handler and through
 * the real server (whose Express layer can answer on its own).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectNone, expectSecurityHeaders } from './assertions';
import { CONTROL_FIXTURE, CONTROL_SLUG } from '@cited/test-utils/hostile';
import { get, loadRequestHandler, rawRequest, startProductionServer, type Handler, type RunningServer } from './harness';
import { auditHtml, leaksInternals } from '@cited/test-utils/html-audit';

let handle: Handler;
let articlesDir: string;
let notADirectory: string;
let previousDir: string | undefined;

beforeAll(async () => {
  handle = await loadRequestHandler();
  articlesDir = mkdtempSync(path.join(os.tmpdir(), 'cited-headers-'));
  copyFileSync(CONTROL_FIXTURE, path.join(articlesDir, `${CONTROL_SLUG}.md`));
  // Pointing the articles directory at a regular file makes readdir fail (ENOTDIR): a real 500.
  notADirectory = path.join(articlesDir, 'not-a-directory');
  writeFileSync(notADirectory, 'x');
  previousDir = process.env.CITED_ARTICLES_DIR;
  process.env.CITED_ARTICLES_DIR = articlesDir;
});

afterAll(() => {
  if (previousDir === undefined) delete process.env.CITED_ARTICLES_DIR;
  else process.env.CITED_ARTICLES_DIR = previousDir;
  rmSync(articlesDir, { recursive: true, force: true });
});

const htmlRoutes: [string, number, RequestInit?][] = [
  ['/', 200],
  [`/articles/${CONTROL_SLUG}`, 200],
  ['/category/control', 200],
  ['/articles/no-such-article', 404],
  ['/category/no-such-category', 404],
  ['/no/such/page', 404],
  ['/?page=two', 400],
  ['/?page=999', 404],
  [`/articles/${CONTROL_SLUG}`, 405, { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
];

describe('through the request handler', () => {
  it.each(htmlRoutes)('%s → %i carries the security headers', async (target, status, init) => {
    const response = await handle(target, init);
    const body = await response.text();
    expect(response.status, body.slice(0, 300)).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expectSecurityHeaders(response.headers, `${target} (${status})`);
    expectNone(auditHtml(body, { origin: 'http://blog.test' }), target);
  });

  it('a 500 page (articles directory unreadable) carries them too, without a stack or a path', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    process.env.CITED_ARTICLES_DIR = notADirectory;
    try {
      for (const target of ['/', `/articles/${CONTROL_SLUG}`, '/nope']) {
        const response = await handle(target);
        const body = await response.text();
        expect(response.status, target).toBe(500);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expectSecurityHeaders(response.headers, `${target} (500)`);
        expect(leaksInternals(body), target).toBeUndefined();
        expect(body).not.toContain(notADirectory);
        expect(body).not.toMatch(/ENOTDIR|scandir/);
        expectNone(auditHtml(body, { origin: 'http://blog.test' }), `${target} (500)`);
      }
    } finally {
      process.env.CITED_ARTICLES_DIR = articlesDir;
      errors.mockRestore();
    }
  });

  it('feeds and robots are not sniffable as HTML', async () => {
    for (const target of ['/rss.xml', '/sitemap.xml', '/robots.txt']) {
      const response = await handle(target);
      expect(response.status, target).toBe(200);
      expect(response.headers.get('content-type'), target).not.toMatch(/html/);
      expect(response.headers.get('x-content-type-options'), target).toBe('nosniff');
    }
  });
});

describe('through the real server (Express answers some requests itself)', () => {
  let server: RunningServer;
  let broken: RunningServer;

  beforeAll(async () => {
    [server, broken] = await Promise.all([
      startProductionServer({ CITED_ARTICLES_DIR: articlesDir }),
      startProductionServer({ CITED_ARTICLES_DIR: notADirectory }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([server?.stop(), broken?.stop()]);
  });

  it('every HTML response on the real server carries the headers, whatever the status', async () => {
    const requests = [
      get('/'),
      get(`/articles/${CONTROL_SLUG}`),
      get('/nope'),
      get('/?page=two'),
      get('/articles/%E0%A4%A'),
      get('/assets/%E0%A4%A'),
      get('/%'),
      get('/', [], 'TRACE'),
      get('/', [], 'PROPFIND'),
      get('/', [], 'DELETE'),
      ['GET / HTTP/1.1', 'Host: [', 'Connection: close', '', ''].join('\r\n'),
      get('/', ['X-Forwarded-Proto: ht tp']),
    ];
    const problems: string[] = [];
    for (const request of requests) {
      const response = await rawRequest(server.port, request);
      const line = request.split('\r\n').slice(0, 2).join(' | ');
      if (response.status >= 500) problems.push(`${line} → ${response.status}`);
      if (/html/.test(response.headers['content-type'] ?? '')) {
        try {
          expectSecurityHeaders(response.headers, line);
        } catch (error) {
          problems.push(`${line} → ${response.status}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
    expectNone(problems, 'HTML responses of the real server');
  });

  it('a 500 from the real server is the app’s error page with the headers, no stack, no path', async () => {
    for (const target of ['/', `/articles/${CONTROL_SLUG}`, '/nope']) {
      const response = await rawRequest(broken.port, get(target));
      expect(response.status, target).toBe(500);
      expect(response.headers['content-type'], target).toMatch(/text\/html/);
      expectSecurityHeaders(response.headers, `${target} (500)`);
      expect(leaksInternals(response.body), target).toBeUndefined();
      expect(response.body).not.toMatch(/ENOTDIR|scandir/);
      expect(response.body).not.toContain(notADirectory);
    }
  });
});
