// @ts-check
/**
 * The built client files (build/client): fingerprinted assets and the few files that keep their
 * names (favicon). Express's own validators come from the file's modification time and size
 * (`W/"size-mtime"`, Last-Modified), so two replicas built or unpacked at different times disagree
 * and one's ETag is a 200 from the other. Here the ETag is a hash of the bytes, as for pages, and
 * there is no Last-Modified: every replica of one build answers alike.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';

/**
 * `compute(bytes)` of a file, read once per file version (size and mtime) and kept until the file
 * changes: the files are a few kB to a few hundred kB, read on their first request.
 *
 * @template T
 * @param {(bytes: Buffer) => T} compute
 * @returns {(filePath: string, stat: { size: number, mtimeMs: number }) => T}
 */
export function perFileVersion(compute) {
  /** @type {Map<string, { stamp: string, value: T }>} */
  const known = new Map();
  return (filePath, stat) => {
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const cached = known.get(filePath);
    if (cached?.stamp === stamp) return cached.value;
    const value = compute(readFileSync(filePath));
    known.set(filePath, { stamp, value });
    return value;
  };
}

/** A strong ETag from a file's bytes. @param {Buffer} bytes */
export function contentEtag(bytes) {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
}

/**
 * express.static for `dir` with content ETags, no Last-Modified, and the given headers.
 *
 * @param {string} dir
 * @param {{ maxAge: string, immutable?: boolean, headers: Record<string, string> }} options
 */
export function serveStatic(dir, { maxAge, immutable = false, headers }) {
  const etagOf = perFileVersion(contentEtag);
  return express.static(dir, {
    maxAge,
    immutable,
    index: false,
    lastModified: false,
    // Called before `send` sets its own validators, which it then leaves alone, and before it
    // compares If-None-Match: the conditional GET uses this ETag.
    setHeaders(res, filePath, stat) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.setHeader('ETag', etagOf(filePath, stat));
    },
  });
}
