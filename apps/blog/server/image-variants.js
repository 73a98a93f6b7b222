// @ts-check
/**
 * Resized copies of the site's images, `/images/<name>?v=<version>&w=<width>`, the URLs the
 * compiler writes into `srcset` (@cited/content's responsive-images). A copy is made with sharp
 * on its first request and kept in the content cache (CITED_CACHE_DIR/image-variants/), named by
 * the original's version and the width: the next request, and the next start, read it from disk.
 * Its bytes follow from the original's bytes and the width alone (fixed encoder settings, no
 * metadata), so every replica makes the same bytes and the same ETag, and it is cached for a year.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat as statFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseImageVariantWidth } from '@cited/content/images';
import { isNotModified, sendNotModified } from './conditional.js';
import { HttpError } from './errors.js';
import { contentEtag } from './static-files.js';

/** @type {Promise<typeof import('sharp')> | undefined} */
let loadingSharp;

/**
 * sharp (libvips: 10 MB resident) is loaded by the first copy made, not at the start: most
 * requests for a copy read it from the cache, and many servers never make one.
 */
function loadSharp() {
  loadingSharp ??= import('sharp').then(({ default: sharp }) => {
    // The server shares two cores with page rendering: one libvips thread, and no libvips memory
    // cache (each copy is made once, then read from disk).
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  });
  return loadingSharp;
}

/** An original larger than this many pixels is refused (a decompression bomb's memory). */
const maxInputPixels = 50_000_000;

/** Fixed encoder settings per format: the same input gives the same bytes on every replica. */
const encoders = {
  png: (/** @type {import('sharp').Sharp} */ image) => image.png({ compressionLevel: 9, adaptiveFiltering: false }),
  jpeg: (/** @type {import('sharp').Sharp} */ image) => image.jpeg({ quality: 80, mozjpeg: true }),
  webp: (/** @type {import('sharp').Sharp} */ image) => image.webp({ quality: 80, effort: 4 }),
};

/** The Content-Type of a copy, from its first bytes (the cached file carries no extension). @param {Buffer} bytes */
function contentTypeOf(bytes) {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

/**
 * Resizes `bytes` to `width` pixels wide in its own format, or throws an HttpError (415: not a
 * PNG, JPEG or WebP, or unreadable; 400: not wider than the copy asked for).
 *
 * @param {Buffer} bytes @param {number} width
 */
async function resize(bytes, width) {
  const sharp = await loadSharp();
  const input = () => sharp(bytes, { failOn: 'error', limitInputPixels: maxInputPixels });
  const { format, width: originalWidth } = await input().metadata();
  if (format !== 'png' && format !== 'jpeg' && format !== 'webp') {
    throw new HttpError(415, 'only PNG, JPEG and WebP images have resized copies');
  }
  if (!originalWidth || width >= originalWidth) throw new HttpError(400, `this image is not wider than ${width} pixels`);
  // autoOrient: the copy has no EXIF orientation left, so its pixels are turned as the original is shown.
  return encoders[format](input().autoOrient().resize({ width, withoutEnlargement: true })).toBuffer();
}

/**
 * @param {{ cacheDir: string, identityOf: (filePath: string, stat: { size: number, mtimeMs: number }) => { version: string },
 *   headers: Record<string, string>, cacheControl: string }} options
 *   identityOf: the per-file-version `?v=` of an original (shared with the originals' handler)
 * @returns {(filePath: string, req: import('express').Request, res: import('express').Response, next: import('express').NextFunction) => Promise<void>}
 *   answers a request with `w` for the original at filePath (anything else goes on to `next`)
 */
export function imageVariants({ cacheDir, identityOf, headers, cacheControl }) {
  const variantsDir = path.join(cacheDir, 'image-variants');
  /** Copies being made: concurrent requests for one copy wait for the same work. @type {Map<string, Promise<Buffer>>} */
  const inFlight = new Map();
  /** Originals sharp could not read, by version and width: refused again without decoding. @type {Map<string, HttpError>} */
  const refused = new Map();

  /** @param {string} filePath @param {string} key @param {number} width @param {string} version */
  async function make(filePath, key, width, version) {
    const target = path.join(variantsDir, key);
    const cached = await readFile(target).catch(() => undefined);
    if (cached) return cached;
    const original = await readFile(filePath);
    // The file may have been replaced since its version was read: never store old bytes under a new name.
    if (identityOf(filePath, await statFile(filePath)).version !== version) throw new HttpError(404, 'no such version of this image');
    let bytes;
    try {
      bytes = await resize(original, width);
    } catch (error) {
      if (error instanceof HttpError) throw error;
      console.warn(`[images] ${filePath} could not be resized to ${width}px: ${error instanceof Error ? error.message : String(error)}`);
      throw new HttpError(415, 'this image file could not be read');
    }
    // Atomic: another process reading the cache sees the whole copy or none of it.
    const temporary = `${target}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await mkdir(variantsDir, { recursive: true });
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      console.error(`[images] could not keep the resized copy ${target}:`, error);
    }
    return bytes;
  }

  /** @param {string} filePath @param {number} width @param {string} version */
  function variant(filePath, width, version) {
    const key = `${version}-${width}`;
    const known = refused.get(key);
    if (known) return Promise.reject(known);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = make(filePath, key, width, version)
        .catch((error) => {
          if (error instanceof HttpError && error.status === 415) refused.set(key, error);
          throw error;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }

  return async (filePath, req, res, next) => {
    try {
      const parsed = parseImageVariantWidth(req.query.w);
      if ('error' in parsed) throw new HttpError(400, parsed.error);
      if (parsed.width === undefined) return next();
      const stat = await statFile(filePath).catch(() => undefined);
      if (!stat?.isFile()) throw new HttpError(404, 'no such image');
      // A copy is only made of the version asked for: an old or missing `v` names nothing to resize.
      const { version } = identityOf(filePath, stat);
      if (req.query.v !== version) throw new HttpError(404, 'no such version of this image');
      const bytes = await variant(filePath, parsed.width, version);
      for (const [header, value] of Object.entries(headers)) res.setHeader(header, value);
      res.setHeader('Content-Type', contentTypeOf(bytes));
      res.setHeader('Cache-Control', cacheControl);
      const etag = contentEtag(bytes);
      res.setHeader('ETag', etag);
      if (isNotModified(req, { status: 200, etag })) return sendNotModified(res);
      res.setHeader('Content-Length', String(bytes.length));
      res.end(req.method === 'HEAD' ? undefined : bytes);
    } catch (error) {
      next(error);
    }
  };
}
