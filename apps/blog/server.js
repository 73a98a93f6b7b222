// Production and dev server for the blog: Express + compression + the Remix request handler.
//   node server.js         serves build/ (run `npm run build` first; scripts/start.js does it for you)
//   node server.js --dev   Vite dev middleware, edits show on reload
// Env: PORT (default 3000), HOST (default 0.0.0.0), SITE_URL (canonical origin),
//      CITED_ARTICLES_DIR (articles directory), HTML_CACHE=0 (disable the rendered-HTML cache).
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { createReadableStreamFromReadable, createRequestHandler } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { LRUCache } from 'lru-cache';

const appDir = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
process.env.NODE_ENV ??= dev ? 'development' : 'production';

/**
 * The origin of the Fetch Request. Host and X-Forwarded-Proto come from the client, so anything
 * that is not a plain host[:port] falls back to localhost: nothing in the app reads the request's
 * origin (canonical URLs come from SITE_URL), but `new URL` must never throw on it.
 */
function requestOrigin(req) {
  const protocol = req.protocol === 'https' ? 'https' : 'http';
  const host = req.get('host') ?? '';
  const valid = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host);
  const port = Number(host.match(/:(\d+)$/)?.[1] ?? 0);
  return valid && port <= 65535 ? `${protocol}://${host}` : `${protocol}://localhost`;
}

/** Express request → Fetch Request for Remix. */
function toFetchRequest(req, res) {
  const url = new URL(req.originalUrl, requestOrigin(req));
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = 'half';
  }
  return new Request(url.href, init);
}

async function sendFetchResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // setHeader, not append: the response's headers replace the defaults set earlier.
  for (const [name, value] of response.headers.entries()) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie);
  if (response.body) {
    try {
      await pipeline(Readable.fromWeb(response.body), res);
    } catch (error) {
      // The client went away mid-response (a closed tab, a load generator stopping): the
      // pipeline has already cleaned up both ends; that is not a server error worth a stack.
      if (error?.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  } else {
    res.end();
  }
}

/** br or gzip if the client accepts it (q > 0), else null (identity). */
function preferredEncoding(acceptEncoding) {
  const accepted = new Map();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (coding) accepted.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding) => accepted.get(coding) ?? (accepted.has('*') ? accepted.get('*') : 0);
  if (weightOf('br') > 0) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return null;
}

/**
 * Rendered-HTML cache. Articles change rarely, so a page is rendered once per (URL, content
 * version) and then served from memory. The key includes the app's content version (a hash of
 * every article file's path, mtime and size), so an edited article is never served stale. Only
 * public 200s with an ETag are stored, and conditional requests are answered with the same ETag
 * rules as the app (`ifNoneMatchMatches` from the server build).
 */
const brotliCompressAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Bodies up to this size get the best compression too (off the event loop, after the miss). */
const bestCompressionMaxBytes = 256 * 1024;

/**
 * Best-compression upgrades, one at a time: brotli 11 of a page costs tens of ms of a core, and
 * after a start many first views miss at once. Run together they would take both cores of a small
 * server from the requests being answered; in a queue they take at most one thread of zlib's pool.
 */
function createUpgradeQueue() {
  let tail = Promise.resolve();
  return {
    add(task) {
      tail = tail.then(task).catch(() => undefined); // a failed upgrade keeps the fast compression
    },
  };
}

function createHtmlCache(entryModule) {
  const upgrades = createUpgradeQueue();
  const cache = new LRUCache({
    max: 1000,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (entry) => entry.body.byteLength + 512,
  });
  return {
    async key(req) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return null;
      try {
        return `${await entryModule.contentVersion()}\n${req.originalUrl}`;
      } catch {
        return null; // articles unreadable: no caching; the app renders (and logs) its 500 page
      }
    },
    lookup: (key) => cache.get(key),
    async store(key, response) {
      const cacheControl = response.headers.get('cache-control') ?? '';
      if (
        response.status !== 200 ||
        !response.headers.has('etag') ||
        !/\bpublic\b/.test(cacheControl) ||
        response.headers.has('set-cookie')
      ) {
        return null;
      }
      const body = Buffer.from(await response.arrayBuffer());
      // Compressed once per page version. The miss itself is answered with fast settings (brotli 4,
      // gzip 6: tens of ms for a 2 MB sitemap, where brotli 11 takes seconds); the best
      // compression (brotli 11, gzip 9) is then computed off the event loop, in zlib's thread
      // pool, and replaces it for every later hit.
      const brotliParams = (quality) => ({
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: quality,
          [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      });
      // In zlib's thread pool: the event loop keeps answering while a large page (the sitemap) compresses.
      const [br, gz] = await Promise.all([brotliCompressAsync(body, brotliParams(4)), gzipAsync(body, { level: 6 })]);
      const encoded = { br, gzip: gz };
      // Only for pages: brotli 11 of a 10,000-URL sitemap (~1.5 MB) takes seconds of a core (one
      // of two on a small server) once per content version, for a file crawlers fetch rarely.
      if (body.byteLength <= bestCompressionMaxBytes) {
        upgrades.add(async () => {
          encoded.br = await brotliCompressAsync(body, brotliParams(11));
          encoded.gzip = await gzipAsync(body, { level: 9 });
        });
      }
      const headers = [...response.headers.entries()].filter(([name]) => name !== 'content-length');
      const entry = { status: 200, headers, body, encoded };
      cache.set(key, entry);
      return entry;
    },
    send(req, res, entry, status = 'hit') {
      const etag = entry.headers.find(([name]) => name === 'etag')?.[1];
      const notModified = etag && entryModule.ifNoneMatchMatches(req.get('if-none-match') ?? null, etag);
      res.status(notModified ? 304 : entry.status);
      for (const [name, value] of entry.headers) {
        if (notModified && name === 'content-type') continue;
        res.setHeader(name, value);
      }
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('X-HTML-Cache', status);
      if (notModified) return res.end();
      const encoding = preferredEncoding(req.get('accept-encoding') ?? '');
      const body = encoding ? entry.encoded[encoding] : entry.body;
      // A Content-Encoding header makes the compression middleware leave the body alone.
      if (encoding) res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', String(body.byteLength));
      if (req.method === 'HEAD') res.end();
      else res.end(body);
    },
  };
}

const errorCopy = {
  400: ['Bad request', 'The address could not be read. Check it for typing mistakes.'],
  404: ['Page not found', 'There is no page at this address.'],
  405: ['Method not allowed', 'This site only serves pages to read (GET and HEAD requests).'],
  416: ['Range not satisfiable', 'The requested part of this file does not exist.'],
  500: ['Something went wrong', 'The page could not be shown just now. Please try again in a few minutes.'],
};

/**
 * What Express answers by itself (undecodable paths, bad Range headers, disallowed methods,
 * crashes outside Remix): a plain page with the same security headers as the app's pages,
 * never Express's default handler (its own CSP, and a stack trace outside production).
 */
function sendPlainError(res, status, securityHeaders) {
  const [title, text] = errorCopy[status] ?? errorCopy[status >= 500 ? 500 : 400];
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · cited</title><meta name="robots" content="noindex"></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Go to all articles</a></p></main></body></html>`;
  res.status(status);
  for (const name of res.getHeaderNames()) {
    if (!['vary', 'allow', 'content-range'].includes(name)) res.removeHeader(name);
  }
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

/**
 * Renders the newest articles and the home page before the server takes connections, through the
 * same path as a request (render, then the HTML cache with its compression). A fresh process
 * renders its first pages several times slower than later ones: V8 has not compiled the render
 * path yet and the per-snapshot indexes (tags, related articles) are not built. Measured at 10,000
 * articles, that made a reader's first article view 50–90 ms. A failure here only costs the warm-up.
 */
const warmUpArticles = 3;

async function warmUp(render, entryModule) {
  try {
    const store = entryModule.contentStore();
    await store.ready;
    const newest = store.snapshot().articles.slice(0, warmUpArticles);
    for (const pathname of [...newest.map((article) => `/articles/${encodeURIComponent(article.slug)}`), '/']) await render(pathname);
  } catch (error) {
    console.error(`[server] warm-up render failed (pages are still served): ${String(error)}`);
  }
}

async function main() {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(compression());

  // The app's own security headers (entry.server.tsx) for responses Express makes itself.
  let securityHeaders = {};
  app.use((req, res, next) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    // A reading site: only GET and HEAD reach the app.
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    res.setHeader('Allow', 'GET, HEAD');
    if (req.method === 'OPTIONS') return res.status(204).end();
    return sendPlainError(res, 405, securityHeaders);
  });

  let handleRemix;
  let warm;
  let closeContent = async () => {};
  if (dev) {
    const vite = await import('vite');
    const viteServer = await vite.createServer({ root: appDir, server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
    const devBuild = await viteServer.ssrLoadModule('virtual:remix/server-build');
    securityHeaders = devBuild.entry.module.documentSecurityHeaders({ dev: true });
    closeContent = async () => (await viteServer.ssrLoadModule('virtual:remix/server-build')).entry.module.closeContent();
    // Re-import the build on every request: edits to routes and articles show on reload.
    handleRemix = async (req, res) => {
      const build = await viteServer.ssrLoadModule('virtual:remix/server-build');
      const response = await createRequestHandler(build, 'development')(toFetchRequest(req, res));
      await sendFetchResponse(res, response);
    };
  } else {
    const buildPath = path.join(appDir, 'build/server/index.js');
    const build = await import(pathToFileURL(buildPath).href);
    const handler = createRequestHandler(build, 'production');
    const htmlCache = process.env.HTML_CACHE === '0' ? null : createHtmlCache(build.entry.module);
    securityHeaders = build.entry.module.documentSecurityHeaders();
    closeContent = () => build.entry.module.closeContent();
    // The search index is built in the background once the content is ready, so the first search
    // does not wait for it (requests are served meanwhile: the build yields between batches).
    build.entry.module.warmSearchIndex();
    warm = () =>
      warmUp(async (pathname) => {
        // The key before the render, as for a request: a page is never stored under a newer version than it shows.
        const key = htmlCache ? await htmlCache.key({ method: 'GET', originalUrl: pathname }) : null;
        const response = await handler(new Request(`http://localhost${pathname}`));
        if (key) await htmlCache.store(key, response);
        if (!response.bodyUsed) await response.arrayBuffer(); // not cacheable (a 404): read and dropped
      }, build.entry.module);

    // Fingerprinted assets never change: cache for a year, immutable.
    app.use(
      '/assets',
      express.static(path.join(appDir, 'build/client/assets'), { immutable: true, maxAge: '1y', index: false }),
    );
    // Other public files (favicon) keep their names: an hour, then revalidate.
    app.use(express.static(path.join(appDir, 'build/client'), { maxAge: '1h', index: false }));

    handleRemix = async (req, res) => {
      const key = htmlCache ? await htmlCache.key(req) : null;
      const hit = key ? htmlCache.lookup(key) : undefined;
      if (hit) return htmlCache.send(req, res, hit);

      // Cache misses render a full 200 so the stored entry is complete; the If-None-Match check
      // then happens on the stored entry.
      const request = toFetchRequest(req, res);
      if (key) {
        const headers = new Headers(request.headers);
        headers.delete('if-none-match');
        const response = await handler(new Request(request.url, { method: 'GET', headers, signal: request.signal }));
        const entry = await htmlCache.store(key, response.clone());
        if (entry) {
          return htmlCache.send(req, res, entry, 'miss');
        }
        if (request.headers.has('if-none-match') || req.method === 'HEAD') {
          // Not cacheable: let the app answer the real (conditional / HEAD) request itself.
          return sendFetchResponse(res, await handler(toFetchRequest(req, res)));
        }
        return sendFetchResponse(res, response);
      }
      return sendFetchResponse(res, await handler(request));
    };
  }

  app.all('*', (req, res, next) => {
    handleRemix(req, res).catch(next);
  });

  // Express's own errors (e.g. 400 for an undecodable path, 416 for a bad Range) and anything
  // thrown outside Remix. Only 5xx are logged: a client's malformed request is not our error.
  // Four parameters: that is how Express recognises an error handler.
  app.use((error, req, res, _next) => {
    const status = Number(error?.status ?? error?.statusCode);
    const code = status >= 400 && status < 600 ? status : 500;
    if (code >= 500) console.error(`[server] ${req.method} ${req.originalUrl}`, error);
    if (res.headersSent) return res.destroy();
    sendPlainError(res, code, securityHeaders);
  });

  if (!dev && warm) await warm();
  const server = app.listen(port, host, () => {
    const shownHost = host === '0.0.0.0' ? 'localhost' : host;
    console.log(`cited blog (${dev ? 'dev' : 'production'}) listening on http://${shownHost}:${port}`);
  });

  // On shutdown the content store stops compiling and saves what it knows (the next start then
  // compiles nothing that was already compiled); a second signal exits at once.
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      server.close();
      const exit = () => process.exit(0);
      setTimeout(exit, 5_000).unref();
      closeContent().then(exit, exit);
      process.once(signal, exit);
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
