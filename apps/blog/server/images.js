// @ts-check
/**
 * The site's images (content/images/, beside the articles) at /images/<name>, read from disk on each
 * request: a file added or replaced is served at once, with no rebuild. Articles point at
 * `/images/<name>?v=<version>` (the compiler's imageVersion of the bytes): that exact version may
 * be cached for a year; any other request (no or an old `v`) only briefly, so a replaced file shows.
 */
import { imageVersion, localImageName } from '@cited/content';
import express from 'express';
import { HttpError } from './errors.js';
import { contentEtag, perFileVersion } from './static-files.js';

export const immutableCache = 'public, max-age=31536000, immutable';
export const shortCache = 'public, max-age=300, must-revalidate';

/**
 * Middleware for `app.use('/images', …)`. Names the compiler would refuse (`..`, hidden files,
 * anything outside the folder) are refused here too, and a missing file is a 404, never a 500.
 *
 * @param {string} dir the images folder
 * @param {{ headers: Record<string, string> }} options headers every image answer carries
 * @returns {import('express').RequestHandler[]}
 */
export function serveImages(dir, { headers }) {
  // One read per file version gives both validators: the ETag and the `?v=` the articles carry.
  const identityOf = perFileVersion((bytes) => ({ etag: contentEtag(bytes), version: imageVersion(bytes) }));
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
    (req, _res, next) => {
      // req.path is still encoded here; the compiler's rule reads the decoded name.
      const name = localImageName(`/images${req.path}`);
      if (typeof name !== 'string') return next(new HttpError(404, 'no such image'));
      return next();
    },
    files,
    (_req, _res, next) => next(new HttpError(404, 'no such image')),
  ];
}
