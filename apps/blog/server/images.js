// @ts-check
/**
 * The site's images (content/images/, beside the articles) at /images/<name>, read from disk on each
 * request: a file added or replaced is served at once, with no rebuild. Articles point at
 * `/images/<name>?v=<version>` (the compiler's imageVersion of the bytes): that exact version may
 * be cached for a year; any other request (no or an old `v`) only briefly, so a replaced file shows.
 * `&w=<width>` asks for a resized copy, made and kept by image-variants.js.
 */
import path from 'node:path';
import { defaultCacheDir, imageVersion, localImageName } from '@cited/content/images';
import express from 'express';
import { HttpError } from './errors.js';
import { imageVariants } from './image-variants.js';
import { contentEtag, perFileVersion } from './static-files.js';

export const immutableCache = 'public, max-age=31536000, immutable';
export const shortCache = 'public, max-age=300, must-revalidate';

/**
 * Middleware for `app.use('/images', …)`. Names the compiler would refuse (`..`, hidden files,
 * anything outside the folder) are refused here too, and a missing file is a 404, never a 500.
 *
 * @param {string} dir the images folder
 * @param {{ headers: Record<string, string>, cacheDir?: string }} options headers every image answer
 *   carries; the content cache, where resized copies are kept (default: the content store's)
 * @returns {import('express').RequestHandler[]}
 */
export function serveImages(dir, { headers, cacheDir = defaultCacheDir() }) {
  // One read per file version gives both validators: the ETag and the `?v=` the articles carry.
  const identityOf = perFileVersion((bytes) => ({ etag: contentEtag(bytes), version: imageVersion(bytes) }));
  const serveVariant = imageVariants({ cacheDir, identityOf, headers, cacheControl: immutableCache });
  const files = express.static(dir, {
    index: false,
    lastModified: false,
    dotfiles: 'deny',
    redirect: false,
    fallthrough: true,
    setHeaders(res, filePath, stat) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      const { etag, version } = identityOf(filePath, stat);
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', res.req.query.v === version ? immutableCache : shortCache);
    },
  });
  return [
    (req, res, next) => {
      // req.path is still encoded here; the compiler's rule reads the decoded name.
      const name = localImageName(`/images${req.path}`);
      if (typeof name !== 'string') return next(new HttpError(404, 'no such image'));
      return serveVariant(path.join(dir, name), req, res, next);
    },
    files,
    (_req, _res, next) => next(new HttpError(404, 'no such image')),
  ];
}
