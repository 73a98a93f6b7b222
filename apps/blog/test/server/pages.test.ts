/**
 * The page middlewares around a stand-in for the Express adapter that writes its response the
 * way @remix-run/express does (status, appended headers, the body in chunks, end), counting renders.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import compression from 'compression';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { compress, createHtmlCache, type Compress } from '../../server/html-cache.js';
import { createPages } from '../../server/pages.js';
import { listen, type Listening } from './listen';

interface Page {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const article = `<!DOCTYPE html><html><body>${'<p>Staying active helps more than bed rest.</p>'.repeat(100)}</body></html>`;
const pages: Record<string, Page> = {
  '/article': {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', etag: '"article-v1"', 'cache-control': 'public, max-age=300', vary: 'Accept-Encoding' },
    body: article,
  },
  '/search': {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', etag: '"search"', 'cache-control': 'private, no-cache' },
    body: article.replace('bed rest', 'search results'),
  },
  '/missing': { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: article.replace('bed rest', 'not found') },
};

let renders: string[] = [];
let version: string | Error = 'v1';
const compressions = vi.fn<Compress>(compress);

/** Answers like the adapter: Remix sends no body for HEAD. */
const adapter: RequestHandler = async (req, res, next) => {
  renders.push(`${req.method} ${req.path}`);
  await new Promise((resolve) => setImmediate(resolve)); // rendering is asynchronous
  if (req.path === '/boom') return next(new Error('render failed'));
  const page = pages[req.path] ?? pages['/missing']!;
  res.status(page.status);
  for (const [name, value] of Object.entries(page.headers)) res.append(name, value);
  res.append('content-length', String(Buffer.byteLength(page.body)));
  if (req.method !== 'HEAD') {
    const bytes = Buffer.from(page.body);
    res.write(bytes.subarray(0, 100));
    res.write(bytes.subarray(100));
  }
  res.end();
};

const renderPage = async (request: Request) => {
  renders.push(`prime ${new URL(request.url).pathname}`);
  const page = pages[new URL(request.url).pathname] ?? pages['/missing']!;
  return new Response(page.body, { status: page.status, headers: page.headers });
};

let server: Listening;
let prime: (pathname: string) => Promise<void>;

beforeAll(async () => {
  const built = createPages({
    adapter,
    renderPage,
    cache: createHtmlCache({ compress: compressions }),
    contentVersion: async () => {
      if (version instanceof Error) throw version;
      return version;
    },
  });
  prime = built.prime;
  const app = express();
  app.use(built.serveHits);
  app.use(compression());
  app.use(built.renderMisses);
  app.all('*', adapter);
  const errors: ErrorRequestHandler = (error: Error, _req, res, _next) => {
    res.status(500).end(`error: ${error.message}`);
  };
  app.use(errors);
  server = await listen(app);
});

afterAll(() => server.close());

beforeEach(() => {
  renders = [];
  compressions.mockClear();
});

const get = (path: string, headers: Record<string, string> = {}) => server.request(path, { headers });

describe('a cacheable page', () => {
  it('is rendered once, then served from memory with the same bytes and headers', async () => {
    version = 'first';
    const miss = await get('/article');
    const hit = await get('/article');
    expect(renders).toEqual(['GET /article']);
    expect([miss.headers['x-html-cache'], hit.headers['x-html-cache']]).toEqual(['miss', 'hit']);
    for (const response of [miss, hit]) {
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe(article);
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(article)));
      expect(response.headers.etag).toBe('"article-v1"');
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(response.headers['content-encoding']).toBeUndefined();
    }
  });

  it('is compressed once per encoding, br first, as the client accepts', async () => {
    version = 'encodings';
    const chrome = 'gzip, deflate, br, zstd';
    const answers = [];
    for (const acceptEncoding of [chrome, chrome, 'gzip', 'gzip;q=1, br;q=0', 'br;q=0, gzip;q=0', '*', 'identity', chrome]) {
      const response = await get('/article', { 'accept-encoding': acceptEncoding });
      answers.push(response.headers['content-encoding'] ?? 'identity');
      const decoded =
        response.headers['content-encoding'] === 'br'
          ? brotliDecompressSync(response.body)
          : response.headers['content-encoding'] === 'gzip'
            ? gunzipSync(response.body)
            : response.body;
      expect(decoded.toString()).toBe(article);
      expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
    }
    expect(answers).toEqual(['br', 'br', 'gzip', 'gzip', 'identity', 'br', 'identity', 'br']);
    expect(renders).toEqual(['GET /article']);
    expect(compressions.mock.calls.map(([, encoding]) => encoding)).toEqual(['br', 'gzip']);
  });

  it('answers If-None-Match with a 304, on the miss and on hits, and a forced reload with the page', async () => {
    version = 'conditional';
    const miss = await get('/article', { 'if-none-match': 'W/"article-v1"' });
    expect([miss.status, miss.headers['x-html-cache'], miss.body.byteLength]).toEqual([304, 'miss', 0]);
    const hit = await get('/article', { 'if-none-match': '"other", "article-v1"' });
    expect([hit.status, hit.headers['x-html-cache'], hit.body.byteLength]).toEqual([304, 'hit', 0]);
    expect(hit.headers.etag).toBe('"article-v1"');
    expect(hit.headers['content-type']).toBeUndefined();
    const reload = await get('/article', { 'if-none-match': '"article-v1"', 'cache-control': 'no-cache' });
    expect([reload.status, reload.body.toString()]).toEqual([200, article]);
    expect((await get('/article', { 'if-none-match': '"stale"' })).status).toBe(200);
    expect(renders).toEqual(['GET /article']);
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    version = 'head';
    await get('/article');
    const head = await server.request('/article', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect([head.status, head.headers['x-html-cache'], head.headers.etag, head.body.byteLength]).toEqual([200, 'hit', '"article-v1"', 0]);
    expect(head.headers['content-encoding']).toBe('br');
    expect(renders).toEqual(['GET /article']);
  });

  it('is rendered again when the content version changes', async () => {
    version = 'before-edit';
    await get('/article');
    await get('/article');
    version = 'after-edit';
    expect((await get('/article')).headers['x-html-cache']).toBe('miss');
    expect(renders).toEqual(['GET /article', 'GET /article']);
  });

  it('can be rendered and stored before any request (warm-up)', async () => {
    version = 'warm';
    await prime('/article');
    const first = await get('/article');
    expect([first.headers['x-html-cache'], first.body.toString()]).toEqual(['hit', article]);
    expect(renders).toEqual(['prime /article']);
  });
});

describe('a page that is not stored', () => {
  it('is rendered once for a HEAD request, which gets no body', async () => {
    const head = await server.request('/search', { method: 'HEAD' });
    expect([head.status, head.headers.etag, head.body.byteLength]).toEqual([200, '"search"', 0]);
    expect(head.headers['x-html-cache']).toBeUndefined();
    expect(renders).toEqual(['HEAD /search']);
  });

  it('is rendered once for a conditional request: 304 if it matches, the compressed page if not', async () => {
    expect((await get('/search', { 'if-none-match': '"search"' })).status).toBe(304);
    const other = await get('/search', { 'if-none-match': '"old"', 'accept-encoding': 'gzip' });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('gzip'); // by the compression middleware
    expect(gunzipSync(other.body).toString()).toBe(pages['/search']!.body);
    expect(renders).toEqual(['GET /search', 'GET /search']);
  });

  it('keeps its status, and is rendered on every request', async () => {
    version = 'missing';
    for (let i = 0; i < 2; i += 1) {
      const missing = await get('/missing');
      expect(missing.status).toBe(404);
      expect(missing.body.toString()).toBe(pages['/missing']!.body);
      expect(missing.headers['x-html-cache']).toBeUndefined();
    }
    expect(renders).toEqual(['GET /missing', 'GET /missing']);
  });

  it('goes to the adapter untouched when the articles are unreadable (no content version)', async () => {
    version = new Error('EACCES');
    const response = await get('/article');
    expect([response.status, response.body.toString(), response.headers['x-html-cache']]).toEqual([200, article, undefined]);
    expect(renders).toEqual(['GET /article']);
    version = 'readable';
  });

  it('passes a render failure to the error handler', async () => {
    const response = await get('/boom');
    expect([response.status, response.body.toString()]).toEqual([500, 'error: render failed']);
  });
});
