/**
 * server.js itself (Express, the Remix adapter, compression, the rendered-HTML cache): a cache hit
 * must be the same page with the same ETag as a miss, conditional requests get a 304 from cache and
 * render alike, and no page outlives an edit to its article.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticlesDir, writeArticle } from './fixtures/articles';
import { appDir, expectSecurityHeaders, freePort } from './helpers';

let server: ChildProcess;
let origin: string;
let dir: string;
/** The server's own copy of people.yml (a test edits it). */
let peopleFile: string;

beforeAll(async () => {
  dir = makeArticlesDir();
  writeArticle(dir, { slug: 'cached-article', title: 'Cached article', published: '2024-02-01' });
  writeArticle(dir, { slug: 'by-the-center', title: 'By the center', published: '2024-01-15', author: 'magaziner-center' });
  peopleFile = path.join(makeArticlesDir(), 'people.yml');
  copyFileSync(path.join(appDir, 'content/people.yml'), peopleFile);
  // Newer ones: the server renders the newest three before it listens (warm-up), not this one.
  for (const n of [1, 2, 3]) writeArticle(dir, { slug: `newer-${n}`, title: `Newer ${n}`, published: `2024-03-0${n}` });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(appDir, 'server.js')], {
    cwd: appDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CITED_ARTICLES_DIR: dir, CITED_PEOPLE_FILE: peopleFile, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${origin}/robots.txt`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server.js did not start: ${stderr}`);
});

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.dirname(peopleFile), { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** Raw bytes over node:http (fetch would transparently decompress and hide Content-Encoding). */
function raw(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}${pathname}`, { method, headers: { 'accept-encoding': 'identity', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        resolve({ status: res.statusCode ?? 0, headers: responseHeaders, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * The first answer at `pathname` whose body has `text`, polled (bounded) after an edit the server
 * learns of from a watcher: the test then checks it was a cache miss, never a stale hit.
 */
async function firstAnswerWith(pathname: string, text: string): Promise<RawResponse> {
  let answer = await raw(pathname);
  for (let attempt = 0; attempt < 200 && !answer.body.toString().includes(text); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await raw(pathname);
  }
  return answer;
}

describe('server.js rendered-HTML cache', () => {
  it('has the newest articles and the home page rendered before it takes connections (warm-up)', async () => {
    for (const pathname of ['/', '/articles/newer-3', '/articles/newer-2', '/articles/newer-1']) {
      expect((await raw(pathname)).headers.get('x-html-cache'), pathname).toBe('hit');
    }
  });

  it('serves the same bytes, ETag and headers on a hit as on the miss', async () => {
    const miss = await raw('/articles/cached-article');
    const hit = await raw('/articles/cached-article');
    expect(miss.headers.get('x-html-cache')).toBe('miss');
    expect(hit.headers.get('x-html-cache')).toBe('hit');
    expect(hit.body.equals(miss.body)).toBe(true);
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    expectSecurityHeaders(new Response(null, { headers: hit.headers }));
    expect(hit.headers.get('cache-control')).toBe(miss.headers.get('cache-control'));
  });

  it('serves precompressed br and gzip that decode to the same page', async () => {
    const plain = await raw('/articles/cached-article');
    const br = await raw('/articles/cached-article', { 'accept-encoding': 'br, gzip' });
    const gzip = await raw('/articles/cached-article', { 'accept-encoding': 'gzip' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  });

  it('answers If-None-Match with a 304 on a hit, and a forced reload or another ETag with the page', async () => {
    const first = await raw('/articles/cached-article');
    const etag = first.headers.get('etag') ?? '';
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const conditional = await raw('/articles/cached-article', { 'if-none-match': header });
      expect(conditional.status, header).toBe(304);
      expect(conditional.headers.get('etag')).toBe(etag);
      expect(conditional.body.byteLength).toBe(0);
    }
    for (const header of ['garbage', '"other"', etag.slice(0, -2) + '"']) {
      expect((await raw('/articles/cached-article', { 'if-none-match': header })).status, header).toBe(200);
    }
    expect((await raw('/articles/cached-article', { 'if-none-match': etag, 'cache-control': 'no-cache' })).status).toBe(200);
  });

  it('answers a conditional or HEAD request for a page it does not store (search) from one render', async () => {
    const page = await raw('/search?q=cached');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-cache');
    expect(page.headers.get('x-html-cache')).toBeNull();
    const etag = page.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const conditional = await raw('/search?q=cached', { 'if-none-match': etag });
    expect([conditional.status, conditional.body.byteLength]).toEqual([304, 0]);
    const head = await raw('/search?q=cached', {}, 'HEAD');
    expect([head.status, head.headers.get('etag'), head.body.byteLength]).toEqual([200, etag, 0]);
  });

  it('does not cache 404s, and shows an edited article at once', async () => {
    const missing = await raw('/articles/not-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-html-cache')).toBeNull();

    const before = await raw('/articles/cached-article');
    const file = writeArticle(dir, { slug: 'cached-article', title: 'Cached article, revised', published: '2024-02-01' });
    const future = new Date(Date.now() + 10_000);
    utimesSync(file, future, future);
    // The server learns of the edit from its file watcher.
    const after = await firstAnswerWith('/articles/cached-article', 'revised');
    expect(after.headers.get('x-html-cache')).toBe('miss');
    expect(after.body.toString()).toContain('Cached article, revised');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('shows an edit to people.yml at once: a byline is never a stale hit', async () => {
    const before = await raw('/articles/by-the-center');
    expect((await raw('/articles/by-the-center')).headers.get('x-html-cache')).toBe('hit');
    expect(before.body.toString()).toContain('Magaziner Center for Wellness');
    writeFileSync(peopleFile, readFileSync(peopleFile, 'utf8').replace('name: Magaziner Center for Wellness', 'name: Magaziner Center for Wellness and Rehabilitation'));
    const future = new Date(Date.now() + 10_000);
    utimesSync(peopleFile, future, future);
    // The server learns of the edit from its directory watch.
    const after = await firstAnswerWith('/articles/by-the-center', 'and Rehabilitation');
    expect(after.headers.get('x-html-cache')).toBe('miss');
    expect(after.body.toString()).toContain('Magaziner Center for Wellness and Rehabilitation');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('links exactly one stylesheet on an article page, styling both @cited/ui and the blog', async () => {
    const page = (await raw('/articles/cached-article')).body.toString();
    const stylesheets = [...page.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map((match) => match[0]);
    expect(stylesheets).toHaveLength(1);
    const href = /href="([^"]+)"/.exec(stylesheets[0] ?? '')?.[1] ?? '';
    const css = (await raw(href)).body.toString();
    // The design system's precompiled stylesheet: its stable theme properties and its classes…
    expect(css).toContain('--cited-color-text:');
    const usedClasses = [...page.matchAll(/class="([^"]+)"/g)].flatMap((match) => match[1]?.split(' ') ?? []);
    const uiClasses = [...new Set(usedClasses.filter((name) => name.startsWith('cited_')))];
    expect(uiClasses.length).toBeGreaterThan(0);
    expect(uiClasses.filter((name) => !css.includes(`.${name}`))).toEqual([]);
    // …and the blog's own vanilla-extract styles, in the same file.
    expect(usedClasses.filter((name) => !name.startsWith('cited_') && !css.includes(`.${name}`))).toEqual([]);
  });

  it('serves fingerprinted assets as immutable for a year', async () => {
    const page = (await raw('/')).body.toString();
    const asset = page.match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
    expect(asset).toBeDefined();
    const response = await raw(asset ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
