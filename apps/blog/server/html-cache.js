// @ts-check
/**
 * The rendered-HTML cache. Articles change rarely, so a page is rendered once per (content
 * version, URL) and then served from memory: a hit runs no Remix, no React and no compression.
 * The key starts with the app's content version (a hash of what readers can see), so an edited
 * article is never served stale. Only public 200s with an ETag and no cookie are stored.
 *
 * Compression, one step: an entry keeps the page's bytes and each encoding a client asks for is
 * computed once, on the first request that wants it (in zlib's thread pool, so the event loop keeps
 * answering meanwhile), then reused; requests arriving while it is computed wait for the same one.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import vary from 'vary';

/** @typedef {'br' | 'gzip'} Encoding */
/** @typedef {(body: Buffer, encoding: Encoding) => Promise<Buffer>} Compress */

/**
 * @typedef {object} CacheEntry
 * @property {[name: string, value: string | string[]][]} headers  the response's headers, without Content-Length
 * @property {string} etag
 * @property {Buffer} body
 * @property {Map<Encoding, Buffer>} encoded  encodings computed so far
 * @property {Map<Encoding, Promise<Buffer>>} pending  encodings being computed
 */

const brotliCompressAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli 5: on the blog's pages within 1% of qualities 6–9 and 15% above 11, at a fraction of the
 * CPU (a 44 kB article: about 2 ms, against 100 ms or more for quality 11). The first reader of a
 * page waits for it, once per content version; the bytes saved by 11 are not worth that wait.
 * gzip keeps zlib's default level (6), within 1% of 9 here.
 *
 * @type {Compress}
 */
export function compress(body, encoding) {
  if (encoding === 'gzip') return gzipAsync(body);
  return brotliCompressAsync(body, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 5,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/**
 * Whether a response may be stored and served to everyone: a 200 with an ETag, public, no cookie.
 *
 * @param {number} status
 * @param {(name: string) => unknown} header  the response's header by lower-case name
 */
export function isCacheable(status, header) {
  return status === 200 && Boolean(header('etag')) && /\bpublic\b/.test(String(header('cache-control') ?? '')) && !header('set-cookie');
}

/**
 * @param {{ maxEntries?: number, maxBytes?: number, compress?: Compress }} [options]
 */
export function createHtmlCache({ maxEntries = 1000, maxBytes = 64 * 1024 * 1024, compress: compressBody = compress } = {}) {
  /** @type {LRUCache<string, CacheEntry>} */
  const entries = new LRUCache({
    max: maxEntries,
    maxSize: maxBytes,
    // The encodings are smaller than the body and computed only when asked for: twice the body bounds them.
    sizeCalculation: (entry) => 2 * entry.body.byteLength + 512,
  });

  return {
    /** @param {string} key */
    get: (key) => entries.get(key),

    /**
     * Stores a rendered page that `isCacheable` accepted.
     *
     * @param {string} key
     * @param {{ headers: Iterable<[string, string | string[]]>, body: Buffer }} page  header names in lower case
     * @returns {CacheEntry}
     */
    store(key, { headers, body }) {
      const all = [...headers];
      const kept = all.filter(([name]) => name !== 'content-length' && name !== 'vary');
      const varyValue = all.find(([name]) => name === 'vary')?.[1] ?? '';
      // The body differs by Accept-Encoding, whatever the route said (feeds and the sitemap say nothing).
      kept.push(['vary', vary.append(String(varyValue), 'Accept-Encoding')]);
      const etag = String(kept.find(([name]) => name === 'etag')?.[1] ?? '');
      /** @type {CacheEntry} */
      const entry = { headers: kept, etag, body, encoded: new Map(), pending: new Map() };
      entries.set(key, entry);
      return entry;
    },

    /**
     * The entry's body in `encoding`: at once if computed, else computed once (concurrent callers share it).
     *
     * @param {CacheEntry} entry
     * @param {Encoding} encoding
     * @returns {Buffer | Promise<Buffer>}
     */
    encode(entry, encoding) {
      const ready = entry.encoded.get(encoding);
      if (ready) return ready;
      let pending = entry.pending.get(encoding);
      if (!pending) {
        pending = compressBody(entry.body, encoding).then(
          (encoded) => {
            entry.encoded.set(encoding, encoded);
            entry.pending.delete(encoding);
            return encoded;
          },
          (error) => {
            entry.pending.delete(encoding); // the next request tries again
            throw error;
          },
        );
        entry.pending.set(encoding, pending);
      }
      return pending;
    },
  };
}

/** @typedef {ReturnType<typeof createHtmlCache>} HtmlCache */
