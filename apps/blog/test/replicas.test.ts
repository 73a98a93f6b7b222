/**
 * Replicas: two server.js processes over the same content, each with its own copy of the files
 * and its own cache directory, answer every page with the same bytes and the same ETag, and one
 * accepts the other's ETag (304). Again after one restarts on its warm cache. (nginx in front of
 * them: `npm run test:replicas`, in .ci/run.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageVersion } from '@cited/content';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSource, writeArticle } from './fixtures/articles';
import { appDir, freePort } from './helpers';
import { rawRequest, type RawResponse } from './server/listen';

interface Replica {
  port: number;
  child: ChildProcess;
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

const raw = (port: number, pathname: string, headers: Record<string, string> = {}) =>
  rawRequest(port, pathname, { headers: { 'accept-encoding': 'identity', ...headers } });

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

/** A noisy photo-like JPEG (a flat colour would prove little about the encoder). */
function photo(): Promise<Buffer> {
  const [width, height] = [1000, 600];
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = (index * 7919 + (index >> 9) * 31) % 256;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg().toBuffer();
}

beforeAll(async () => {
  // Each replica's site: articles/ and images/ side by side; the article shows a photo whose
  // resized copies each replica makes by itself, in its own cache.
  const siteA = mkdtempSync(path.join(tmpdir(), 'cited-replica-a-'));
  dirA = path.join(siteA, 'articles');
  mkdirSync(dirA);
  mkdirSync(path.join(siteA, 'images'));
  const bytes = await photo();
  writeFileSync(path.join(siteA, 'images', 'photo.jpg'), bytes);
  const image = `/images/photo.jpg?v=${imageVersion(bytes)}`;
  pages.push(`${image}&w=480`, `${image}&w=960`);
  // Ties everywhere an order could come from the process instead of the content: same dates, same
  // titles, shared tags, files written in reverse order of their names.
  const articles = [
    { slug: 'tie-d', title: 'Same title', published: '2024-05-01', category: 'Neck pain', tags: ['MRI'] },
    { slug: 'tie-c', title: 'Same title', published: '2024-05-01', tags: ['exercise', 'MRI'] },
    { slug: 'tie-b', title: 'Back pain and rest', published: '2024-05-01', tags: ['MRI', 'bed rest'], author: 'magaziner-center' },
    { slug: 'tie-a', title: 'Back pain and rest', published: '2024-06-01', tags: ['exercise'], author: 'magaziner-center' },
  ];
  for (const article of articles.slice(0, 3)) writeArticle(dirA, article);
  writeFileSync(
    path.join(dirA, 'tie-a.md'),
    articleSource(articles[3] as (typeof articles)[number]).replace('Staying active helps more than bed rest.', 'Staying active helps more than bed rest.\n\n![A photo](images/photo.jpg)'),
  );
  const siteB = mkdtempSync(path.join(tmpdir(), 'cited-replica-b-'));
  cpSync(siteA, siteB, { recursive: true });
  dirB = path.join(siteB, 'articles');
  cacheA = mkdtempSync(path.join(tmpdir(), 'cited-replica-a-cache-'));
  cacheB = mkdtempSync(path.join(tmpdir(), 'cited-replica-b-cache-'));
  temp.push(siteA, siteB, cacheA, cacheB);
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
