/**
 * Replicas: two server.js processes over the same content, each with its own copy of the files
 * and its own cache directory, answer every page with the same bytes and the same ETag, and one
 * accepts the other's ETag (304). Again after one restarts on its warm cache. (nginx in front of
 * them: `npm run test:replicas`, in .ci/run.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticlesDir, writeArticle } from './fixtures/articles';
import { appDir, freePort } from './helpers';

interface Replica {
  port: number;
  child: ChildProcess;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Every kind of page the site serves to readers, and pages it does not have. */
const pages = [
  '/',
  '/articles/tie-a',
  '/category/back-pain',
  '/category/neck-pain',
  '/tags/mri',
  '/tags/exercise',
  '/authors/magaziner-center',
  '/search?q=active',
  '/search?q=actve+pain',
  '/contact',
  '/sitemap.xml',
  '/rss.xml',
  '/robots.txt',
  '/favicon.svg',
  '/articles/no-such-article',
  '/sitemaps/1.xml',
];
const missing = new Set(['/articles/no-such-article', '/sitemaps/1.xml']);
/** What may differ between two answers of one page: when it was sent and from which cache layer. */
const perResponse = new Set(['date', 'connection', 'keep-alive', 'x-html-cache']);

const temp: string[] = [];
const running = new Set<Replica>();
let dirA: string;
let dirB: string;
let cacheA: string;
let cacheB: string;

function raw(port: number, pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: pathname, headers: { 'accept-encoding': 'identity', ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

async function startReplica(articlesDir: string, cacheDir: string): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(appDir, 'server.js')], {
    cwd: appDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', CITED_ARTICLES_DIR: articlesDir, CITED_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const replica = { port, child };
  running.add(replica);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) break;
    try {
      if ((await raw(port, '/robots.txt')).status === 200) return replica;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server.js did not start: ${stderr}`);
}

async function stopReplica(replica: Replica): Promise<void> {
  running.delete(replica);
  if (replica.child.exitCode !== null || replica.child.signalCode !== null) return;
  const exited = once(replica.child, 'exit');
  replica.child.kill('SIGTERM');
  await exited;
}

function comparableHeaders(response: RawResponse): [string, unknown][] {
  return Object.entries(response.headers)
    .filter(([name]) => !perResponse.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

async function expectIdentical(a: Replica, b: Replica): Promise<void> {
  for (const pathname of pages) {
    for (const encoding of ['identity', 'br', 'gzip']) {
      const [fromA, fromB] = [await raw(a.port, pathname, { 'accept-encoding': encoding }), await raw(b.port, pathname, { 'accept-encoding': encoding })];
      const what = `${pathname} (${encoding})`;
      expect(fromB.status, what).toBe(fromA.status);
      expect(fromB.headers.etag, what).toBe(fromA.headers.etag);
      expect(fromB.body.equals(fromA.body), `${what}: the bodies differ`).toBe(true);
      expect(comparableHeaders(fromB), what).toEqual(comparableHeaders(fromA));
    }
    const fromA = await raw(a.port, pathname);
    // Each page is what it should be on A (and so on B): a comparison of two 404s proves little.
    expect(fromA.status, pathname).toBe(missing.has(pathname) ? 404 : 200);
    if (fromA.status === 200) {
      expect(fromA.headers.etag, pathname).toBeTruthy();
      const conditional = await raw(b.port, pathname, { 'if-none-match': String(fromA.headers.etag) });
      expect(conditional.status, `${pathname}: B answers A's ETag`).toBe(304);
    }
  }
}

beforeAll(() => {
  dirA = makeArticlesDir();
  // Ties everywhere an order could come from the process instead of the content: same dates, same
  // titles, shared tags, files written in reverse order of their names.
  const articles = [
    { slug: 'tie-d', title: 'Same title', published: '2024-05-01', category: 'Neck pain', tags: ['MRI'] },
    { slug: 'tie-c', title: 'Same title', published: '2024-05-01', tags: ['exercise', 'MRI'] },
    { slug: 'tie-b', title: 'Back pain and rest', published: '2024-05-01', tags: ['MRI', 'bed rest'], author: 'magaziner-center' },
    { slug: 'tie-a', title: 'Back pain and rest', published: '2024-06-01', tags: ['exercise'], author: 'magaziner-center' },
  ];
  for (const article of articles) writeArticle(dirA, article);
  dirB = mkdtempSync(path.join(tmpdir(), 'cited-replica-b-'));
  cpSync(dirA, dirB, { recursive: true });
  cacheA = mkdtempSync(path.join(tmpdir(), 'cited-replica-a-cache-'));
  cacheB = mkdtempSync(path.join(tmpdir(), 'cited-replica-b-cache-'));
  temp.push(dirA, dirB, cacheA, cacheB);
});

afterAll(async () => {
  await Promise.all([...running].map(stopReplica));
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('two replicas over the same content, each with its own copy and cache', () => {
  it('answer every page with the same status, headers, bytes and ETag, and accept each other’s ETags', async () => {
    const [a, b] = await Promise.all([startReplica(dirA, cacheA), startReplica(dirB, cacheB)]);
    await expectIdentical(a, b);
    await stopReplica(a);
  });

  it('still do when one restarts on its warm cache and the other starts cold', async () => {
    rmSync(cacheB, { recursive: true, force: true });
    const [a, b] = await Promise.all([startReplica(dirA, cacheA), startReplica(dirB, cacheB)]);
    await expectIdentical(a, b);
  });
});
