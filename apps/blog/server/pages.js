// @ts-check
/**
 * Pages in production: what the server adds around the Express adapter (@remix-run/express) for
 * GET and HEAD. Two middlewares, mounted apart:
 *  - `serveHits`, first: a page in the rendered-HTML cache is answered from memory, before
 *    compression and static files are consulted;
 *  - `renderMisses`, after static files: the adapter renders the page, once, with its response
 *    held back until it is complete; a cacheable GET is stored and answered from its entry, any
 *    other response is released as the adapter wrote it.
 * Every request is rendered at most once, whatever its method or conditional headers (the app
 * renders the full 200; whether it becomes a 304 is decided here, by ./conditional.js, for hits
 * and misses alike). A HEAD miss is rendered as a HEAD and not stored: it has no body.
 */
import { isNotModified, sendNotModified } from './conditional.js';
import { isCacheable } from './html-cache.js';

/** @typedef {import('./html-cache.js').HtmlCache} HtmlCache */
/** @typedef {import('./html-cache.js').CacheEntry} CacheEntry */
/** @typedef {import('express').Request} Req */
/** @typedef {import('express').Response} Res */

/**
 * br when the client accepts it (it is the smaller), else gzip, else the plain bytes.
 * `req.acceptsEncodings` honours q=0 refusals and `*`. Between two accepted codings RFC 9110
 * §12.5.3 leaves the choice to the server; browsers list gzip first with the same weight as br.
 *
 * @param {Req} req
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function chooseEncoding(req) {
  if (req.acceptsEncodings('br')) return 'br';
  if (req.acceptsEncodings('gzip')) return 'gzip';
  return 'identity';
}

/**
 * @param {Req} req
 * @param {Res} res
 * @param {HtmlCache} cache
 * @param {CacheEntry} entry
 * @param {'hit' | 'miss'} cacheStatus
 */
async function sendEntry(req, res, cache, entry, cacheStatus) {
  res.status(200);
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  res.setHeader('X-HTML-Cache', cacheStatus);
  if (isNotModified(req, { status: 200, etag: entry.etag })) {
    sendNotModified(res);
    return;
  }
  const encoding = chooseEncoding(req);
  const body = encoding === 'identity' ? entry.body : await cache.encode(entry, encoding);
  // With Content-Encoding set, the compression middleware leaves the body as it is.
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(body.byteLength));
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

/** @param {unknown} chunk @param {unknown} encoding */
function toBuffer(chunk, encoding) {
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8');
  return Buffer.from(/** @type {Uint8Array} */ (chunk));
}

/**
 * Runs an Express handler with the response body held back: resolves with what it wrote once it
 * has ended the response; nothing has reached the client then (status and headers are set on
 * `res`, unsent). The adapter has no hook between rendering and sending, so, like the compression
 * middleware, this wraps `res.write` and `res.end`. The app's pages are rendered whole before they
 * are sent anyway (entry.server.tsx), so holding them back delays nothing.
 *
 * @param {import('express').RequestHandler} handler
 * @param {Req} req
 * @param {Res} res
 * @returns {Promise<Buffer>}
 */
function renderHeld(handler, req, res) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    const { write, end } = res;
    const release = () => Object.assign(res, { write, end });
    Object.assign(res, {
      /** @param {unknown} chunk @param {unknown} [encoding] */
      write(chunk, encoding) {
        chunks.push(toBuffer(chunk, encoding));
        return true;
      },
      /** @param {unknown} [chunk] @param {unknown} [encoding] */
      end(chunk, encoding) {
        if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
        release();
        resolve(Buffer.concat(chunks));
        return res;
      },
    });
    Promise.resolve(
      handler(req, res, (error) => {
        release();
        reject(error ?? new Error(`the request handler passed ${req.method} ${req.originalUrl} on`));
      }),
    ).catch((error) => {
      release();
      reject(error);
    });
  });
}

/**
 * @param {object} options
 * @param {import('express').RequestHandler} options.adapter  the Express adapter's request handler (createRequestHandler)
 * @param {(request: Request) => Promise<Response>} options.renderPage  Remix's Fetch handler, for warm-up (no client, no Express request)
 * @param {HtmlCache} options.cache
 * @param {() => Promise<string>} options.contentVersion  from the server build; rejects when the articles are unreadable
 */
export function createPages({ adapter, renderPage, cache, contentVersion }) {
  /**
   * The cache key, or null when there is no content version (articles unreadable): such a
   * request goes to the adapter as it is, and Remix answers it with its error page.
   *
   * @param {string} url  path and query, as requested
   */
  async function keyOf(url) {
    try {
      return `${await contentVersion()}\n${url}`;
    } catch {
      return null;
    }
  }

  /** @type {import('express').RequestHandler} */
  const serveHits = async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    try {
      // Taken before any render: a page is never stored under a newer version than it shows.
      const key = await keyOf(req.originalUrl);
      res.locals.pageKey = key;
      const entry = key === null ? undefined : cache.get(key);
      if (entry) await sendEntry(req, res, cache, entry, 'hit');
      else next();
    } catch (error) {
      next(error);
    }
  };

  /** @type {import('express').RequestHandler} */
  const renderMisses = async (req, res, next) => {
    const key = /** @type {unknown} */ (res.locals.pageKey);
    if (typeof key !== 'string') return next();
    try {
      const body = await renderHeld(adapter, req, res);
      if (req.method === 'GET' && isCacheable(res.statusCode, (name) => res.getHeader(name))) {
        const headers = Object.entries(res.getHeaders()).map(
          ([name, value]) => /** @type {[string, string | string[]]} */ ([name, Array.isArray(value) ? value : String(value)]),
        );
        await sendEntry(req, res, cache, cache.store(key, { headers, body }), 'miss');
      } else if (isNotModified(req, { status: res.statusCode, etag: String(res.getHeader('etag') ?? '') })) {
        sendNotModified(res);
      } else {
        res.end(body);
      }
    } catch (error) {
      next(error);
    }
  };

  /**
   * Renders and stores one page as a request for it would (warm-up), without a client.
   *
   * @param {string} pathname
   */
  async function prime(pathname) {
    const key = await keyOf(pathname);
    if (key === null) return;
    const response = await renderPage(new Request(new URL(pathname, 'http://localhost')));
    const body = Buffer.from(await response.arrayBuffer());
    if (isCacheable(response.status, (name) => response.headers.get(name))) cache.store(key, { headers: response.headers, body });
  }

  return { serveHits, renderMisses, prime };
}
