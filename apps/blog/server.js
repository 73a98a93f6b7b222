// Production and dev server for the blog: Express + compression + the Remix request handler.
//   node server.js         serves build/ (run `npm run build` first; scripts/start.js does it for you)
//   node server.js --dev   Vite dev middleware, edits show on reload
// Env: PORT (default 3000), HOST (default 0.0.0.0), SITE_URL (canonical origin),
//      CITED_ARTICLES_DIR (articles directory), HTML_CACHE=0 (disable the rendered-HTML cache).
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createReadableStreamFromReadable, createRequestHandler } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { LRUCache } from 'lru-cache';

const appDir = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
process.env.NODE_ENV ??= dev ? 'development' : 'production';

/** Express request → Fetch Request for Remix. */
function toFetchRequest(req, res) {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
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
  for (const [name, value] of response.headers.entries()) {
    if (name !== 'set-cookie') res.append(name, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie);
  if (response.body) {
    await pipeline(Readable.fromWeb(response.body), res);
  } else {
    res.end();
  }
}

/**
 * Rendered-HTML cache. Articles change rarely, so a page is rendered once per (URL, content
 * version) and then served from memory. The key includes the app's content version (a hash of
 * every article file's path, mtime and size), so an edited article is never served stale. Only
 * public 200s with an ETag are stored, and conditional requests are answered with the same ETag
 * rules as the app (`ifNoneMatchMatches` from the server build).
 */
function createHtmlCache(entryModule) {
  const cache = new LRUCache({
    max: 1000,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (entry) => entry.body.byteLength + 512,
  });
  return {
    async key(req) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return null;
      return `${await entryModule.contentVersion()}\n${req.originalUrl}`;
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
      const entry = { status: 200, headers: [...response.headers.entries()], body };
      cache.set(key, entry);
      return entry;
    },
    send(req, res, entry, status = 'hit') {
      const etag = entry.headers.find(([name]) => name === 'etag')?.[1];
      const notModified = etag && entryModule.ifNoneMatchMatches(req.get('if-none-match') ?? null, etag);
      res.status(notModified ? 304 : entry.status);
      for (const [name, value] of entry.headers) {
        if (notModified && (name === 'content-length' || name === 'content-type')) continue;
        res.setHeader(name, value);
      }
      res.setHeader('X-HTML-Cache', status);
      if (notModified || req.method === 'HEAD') res.end();
      else res.end(entry.body);
    },
  };
}

async function main() {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(compression());

  let handleRemix;
  if (dev) {
    const vite = await import('vite');
    const viteServer = await vite.createServer({ root: appDir, server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
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

  app.listen(port, host, () => {
    const shownHost = host === '0.0.0.0' ? 'localhost' : host;
    console.log(`cited blog (${dev ? 'dev' : 'production'}) listening on http://${shownHost}:${port}`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
