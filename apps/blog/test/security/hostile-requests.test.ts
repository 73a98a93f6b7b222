/**
 * Hostile requests against the real production server (Express parses the URL, serves static
 * files and routes methods before Remix sees anything, so this cannot be done on the handler).
 * Whatever is sent: a 4xx or a correct response, never a 5xx, never file contents or source,
 * never a stack trace.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNone, expectSecurityHeaders } from './assertions';
import { leaksInternals } from '@cited/test-utils/html-audit';
import { get, rawRequest, startProductionServer, type RawResponse, type RunningServer } from './harness';
import { CONTROL_FIXTURE, CONTROL_SLUG } from '@cited/test-utils/hostile';

let server: RunningServer;
let articlesDir: string;

beforeAll(async () => {
  articlesDir = mkdtempSync(path.join(os.tmpdir(), 'cited-hostile-requests-'));
  copyFileSync(CONTROL_FIXTURE, path.join(articlesDir, `${CONTROL_SLUG}.md`));
  server = await startProductionServer({ CITED_ARTICLES_DIR: articlesDir });
});

afterAll(async () => {
  await server?.stop();
  rmSync(articlesDir, { recursive: true, force: true });
});

/** What is wrong with a response to a hostile request, if anything. */
function problemOf(response: RawResponse, what: string): string | undefined {
  const head = `${what} → ${response.status} ${response.statusText}`;
  if (response.closedWithoutResponse) return `${what}: connection closed without an HTTP response`;
  if (response.status < 200 || response.status >= 500) return `${head}: ${response.body.replace(/\s+/g, ' ').slice(0, 160)}`;
  const leak = leaksInternals(response.body);
  if (leak) return `${head}: leaks ${leak}`;
  if (/root:x:0:0|"name":\s*"@cited|createRequestHandler|CITED_ARTICLES_DIR/.test(response.body)) return `${head}: leaks file contents`;
  if (/html/.test(response.headers['content-type'] ?? '')) {
    try {
      expectSecurityHeaders(response.headers, head);
    } catch (error) {
      return (error as Error).message.split('\n')[0];
    }
  }
  return undefined;
}

function expectSafe(response: RawResponse, what: string): void {
  const problem = problemOf(response, what);
  expectNone(problem ? [problem] : [], what);
}

/** Sends every request, then reports all the bad answers at once. */
async function expectAllSafe(requests: [what: string, request: string][]): Promise<void> {
  const problems: string[] = [];
  for (const [what, request] of requests) {
    const problem = problemOf(await rawRequest(server.port, request), what);
    if (problem) problems.push(problem);
  }
  expectNone(problems, `${problems.length} of ${requests.length} requests`);
}

// Each of these tries to reach a file outside the article route: /etc/passwd, the repo's
// package.json, server.js, the server build, the article sources.
const traversalTargets = [
  '/articles/../../../../../../etc/passwd',
  '/articles/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  '/articles/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/articles/%2e%2e/%2e%2e/%2e%2e/package.json',
  '/articles/%252e%252e%252f%252e%252e%252fpackage.json',
  '/articles/%25252e%25252e%25252fpackage.json',
  '/articles/..\\..\\..\\package.json',
  '/articles/..%5c..%5c..%5cpackage.json',
  '/articles/..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd',
  `/articles/${CONTROL_SLUG}%00`,
  `/articles/${CONTROL_SLUG}%00.md`,
  '/articles/%00',
  '/articles/..%00/package.json',
  '/articles/%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afetc%c0%afpasswd',
  '/articles/..%c0%af..%c0%afpackage.json',
  '/articles/%ff%fe%fd',
  '/articles/%E0%A4%A',
  '/articles/%',
  '/articles/%zz',
  `/articles/${CONTROL_SLUG}/../../package.json`,
  `/articles/${CONTROL_SLUG}.md`,
  '/category/..%2f..%2fpackage.json',
  '/category/%2e%2e%2f%2e%2e%2fserver.js',
  '/../package.json',
  '/../../../../etc/passwd',
  '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/%2e%2e%2f%2e%2e%2fpackage.json',
  '/assets/../../package.json',
  '/assets/..%2f..%2f..%2fpackage.json',
  '/assets/%2e%2e/%2e%2e/%2e%2e/server.js',
  '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fserver.js',
  '/assets/..%5c..%5c..%5cserver.js',
  '/assets/%252e%252e%252f%252e%252e%252fserver.js',
  '/assets/....//....//....//server.js',
  '/assets/%00../../server.js',
  '/favicon.svg/..%2f..%2fpackage.json',
  '/build/server/index.js',
  '/server/index.js',
  '/server.js',
  '/package.json',
  '/app/root.tsx',
  '/app/lib/articles.server.ts',
  '/content/articles/',
  '/.env',
  '/.git/config',
  '//etc/passwd',
  '///etc/passwd',
  '/\\etc\\passwd',
  '/?page=../../../../etc/passwd',
  '/?page=%00',
  '/?page=-1',
  '/?page=1e309',
  '/?page=99999999999999999999999',
  '/?page[]=1&page[]=2',
  '/?page=2&page=3',
  '/rss.xml/../../package.json',
  '/robots.txt%00.json',
  '/sitemap.xml%2f..%2f..%2fpackage.json',
  '/file:///etc/passwd',
  '/articles/file:%2f%2f%2fetc%2fpasswd',
  '/articles/%2Fetc%2Fpasswd',
  '/articles/%2fetc%2fpasswd%00',
  // Remix data requests (single fetch .data and the older ?_data=) with the same tricks.
  `/articles/${CONTROL_SLUG}.data`,
  '/_root.data',
  '/articles/..%2f..%2fpackage.json.data',
  '/?_data=root',
  '/?_data=..%2f..%2fpackage.json',
  `/articles/${CONTROL_SLUG}?_data=routes%2Farticles.%24slug`,
  '/?_routes=root,routes/_index,../../package.json',
];

describe('path traversal and hostile encodings reach no file and break nothing', () => {
  it.each(traversalTargets)('GET %s', async (target) => {
    expectSafe(await rawRequest(server.port, get(target)), target);
  });

  it('the server is still healthy after all of them', async () => {
    const response = await rawRequest(server.port, get(`/articles/${CONTROL_SLUG}`));
    expect(response.status).toBe(200);
    expect(response.body).toContain('CONTROL-MARKER');
  });
});

// Search queries carrying SQLite FTS5 query syntax (quotes, NEAR, column filters, `*`, `^`,
// parentheses, boolean operators) and SQL: the index searches their words as words, so every one
// is a 200 search page, never an FTS5 syntax error or a 500.
const searchQueries = [
  '"',
  '"unbalanced',
  'NEAR(back pain, 2)',
  'title:back',
  '{title body}:pain',
  '-title:pain',
  '*',
  'pain*',
  '^pain',
  '((((pain',
  'pain)))',
  'AND OR NOT',
  'pain NOT back',
  "'; DROP TABLE articles; --",
  'rowid=1 OR 1=1',
  '\u0002pain\u0003',
];

describe('search queries are words, never query syntax', () => {
  it('answers every FTS5-syntax query with a search page', async () => {
    const targets = [
      ...searchQueries.map((query) => `/search?q=${encodeURIComponent(query)}`),
      '/search?q=%22&page=2',
      '/search?q[]=pain&q[]=back',
      '/search?q=pain&q=%22',
      '/search?q=%ED%A0%80%22',
      `/search?q=${'%22'.repeat(3000)}`,
    ];
    const problems: string[] = [];
    for (const target of targets) {
      const response = await rawRequest(server.port, get(target));
      const problem = problemOf(response, target) ?? (response.status === 200 ? undefined : `${target} → ${response.status}`);
      if (problem) problems.push(problem);
    }
    expectNone(problems, `${problems.length} of ${targets.length} searches`);
  });
});

describe('oversized and malformed requests', () => {
  it('a 10 KB URL gets a 4xx or a page, not a crash', async () => {
    for (const target of [`/articles/${'a'.repeat(10_000)}`, `/?q=${'%41'.repeat(3_400)}`, `/category/${'..%2f'.repeat(2_000)}`]) {
      expectSafe(await rawRequest(server.port, get(target)), `${target.slice(0, 40)}… (${target.length} chars)`);
    }
  });

  it('a URL beyond the header limit is refused with 431 (or 414)', async () => {
    const response = await rawRequest(server.port, get(`/articles/${'a'.repeat(70_000)}`));
    expectSafe(response, '70 KB URL');
    expect([414, 431]).toContain(response.status);
  });

  it('oversized headers are refused with 431', async () => {
    const response = await rawRequest(server.port, get('/', [`X-Padding: ${'x'.repeat(20_000)}`]));
    expect(response.status).toBe(431);
    const many = await rawRequest(server.port, get('/', Array.from({ length: 3_000 }, (_, i) => `X-H${i}: ${i}`)));
    expectSafe(many, '3,000 headers');
  });

  it.each([
    ['PROPFIND', '/'],
    ['PROPFIND', `/articles/${CONTROL_SLUG}`],
    ['TRACE', '/'],
    ['TRACE', `/articles/${CONTROL_SLUG}`],
    ['TRACK', '/'],
    ['OPTIONS', '/'],
    ['DELETE', `/articles/${CONTROL_SLUG}`],
    ['PUT', `/articles/${CONTROL_SLUG}`],
    ['PATCH', '/rss.xml'],
    ['MKCOL', '/x'],
    ['LOCK', '/'],
    ['SEARCH', '/'],
    ['PURGE', '/'],
    ['BREW', '/'],
  ])('%s %s', async (method, target) => {
    const response = await rawRequest(server.port, get(target, [], method));
    // Node's parser may refuse an unknown method outright with 400: that is a 4xx too.
    expectSafe(response, `${method} ${target}`);
  });

  it('POST with a body to every kind of route', async () => {
    const body = 'a=1&'.repeat(1000);
    await expectAllSafe(
      ['/', `/articles/${CONTROL_SLUG}`, '/rss.xml', '/nope', `/articles/${CONTROL_SLUG}?_data=root`, `/articles/${CONTROL_SLUG}.data`].map(
        (target): [string, string] => [
          `POST ${target}`,
          [
            `POST ${target} HTTP/1.1`,
            'Host: 127.0.0.1',
            'Content-Type: application/x-www-form-urlencoded',
            `Content-Length: ${body.length}`,
            'Connection: close',
            '',
            body,
          ].join('\r\n'),
        ],
      ),
    );
  });

  it('garbage Host and forwarding headers', async () => {
    const variants = [
      ['Host: ['],
      ['Host: a b'],
      ['Host: evil.example:99999'],
      ['Host: user@evil.example'],
      ['Host: 127.0.0.1', 'X-Forwarded-Proto: ht tp'],
      ['Host: 127.0.0.1', 'X-Forwarded-Proto: javascript'],
      ['Host: 127.0.0.1', 'X-Forwarded-Host: evil.example'],
      ['Host: 127.0.0.1', 'X-Forwarded-For: <script>'],
    ];
    await expectAllSafe([
      ...variants.map((headers): [string, string] => [
        headers.join(' | '),
        ['GET / HTTP/1.1', ...headers, 'Connection: close', '', ''].join('\r\n'),
      ]),
      // HTTP/1.0 without any Host header.
      ['HTTP/1.0 without Host', 'GET / HTTP/1.0\r\n\r\n'],
    ]);
  });

  it('absolute-form and asterisk-form request targets', async () => {
    await expectAllSafe(
      ['http://evil.example/articles/x', 'http://127.0.0.1/../../etc/passwd', '*', 'file:///etc/passwd'].map((target) => [target, get(target)]),
    );
  });

  it('garbage If-None-Match and Range on pages, feeds and static files', async () => {
    const targets = ['/', `/articles/${CONTROL_SLUG}`, '/rss.xml', '/sitemap.xml', '/favicon.svg', '/nope'];
    const garbage = [
      'If-None-Match: "',
      'If-None-Match: W/',
      'If-None-Match: ,,,,,',
      `If-None-Match: ${'"x",'.repeat(2_000)}`,
      'If-None-Match: *',
      'If-Modified-Since: yesterday',
      'Range: bytes=abc',
      'Range: bytes=999999999-',
      'Range: bytes=-0',
      `Range: bytes=${Array.from({ length: 500 }, () => '0-1').join(',')}`,
      'Range: pages=1-2',
      'Accept-Encoding: gzip;q=NaN, br;q=-1, *;q=1e999',
      'Accept: */*;q=abc',
      'Cookie: =; ==; a',
    ];
    await expectAllSafe(
      targets.flatMap((target) => garbage.map((header): [string, string] => [`${target} with ${header.slice(0, 50)}`, get(target, [header])])),
    );
  });

  it('HEAD answers every route with the GET status and no body', async () => {
    const targets = ['/', '/?page=2', `/articles/${CONTROL_SLUG}`, '/rss.xml', '/sitemap.xml', '/robots.txt', '/nope', '/favicon.svg'];
    for (const target of targets) {
      const [head, getResponse] = [
        await rawRequest(server.port, get(target, [], 'HEAD')),
        await rawRequest(server.port, get(target)),
      ];
      expectSafe(head, `HEAD ${target}`);
      expect(head.status, `HEAD ${target}`).toBe(getResponse.status);
      expect(head.body, `HEAD ${target} has a body`).toBe('');
    }
  });

  it('header-injection characters in the path are never reflected as headers', async () => {
    const response = await rawRequest(server.port, get('/articles/x%0d%0aSet-Cookie:%20pwned=1'));
    expectSafe(response, 'CRLF in path');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('never logged a server error for any of the above', () => {
    // A 4xx is fine; an exception that reached Express's error handler is not.
    const lines = server.output().split('\n');
    const errorLines = lines.flatMap((line, index) => {
      const previous = lines[index - 1] ?? '';
      // The first frame of a stack, with the message above it.
      if (/^\s+at /.test(line) && !/^\s+at /.test(previous)) return [`${previous.trim()} ${line.trim()}`];
      return /TypeError|RangeError|URIError|Internal Server Error/.test(line) ? [line.trim()] : [];
    });
    expectNone([...new Set(errorLines)].slice(0, 30), 'server log');
  });
});
