// @ts-check
/**
 * Malformed requests, answered with a 400 before anything reads them further.
 *
 * Host validation, before anything builds a URL from the request. The Express adapter
 * (`createRemixRequest` in @remix-run/express) makes the Fetch request's URL from `req.protocol`,
 * `req.hostname` and the port of X-Forwarded-Host or Host, and `new URL` throws on a malformed
 * one: without this, `Host: a b` would be a 500. RFC 9112 §3.2: a request with an invalid Host is
 * a 400. Nothing in the app reads the request's origin (canonical URLs come from SITE_URL); this
 * only keeps hostile headers from reaching URL parsing.
 */
import { HttpError } from './errors.js';

/** A DNS name (letters, digits, `-`, `_`, optional trailing dot), an IPv4 or a bracketed IPv6 literal, and an optional port. */
const hostPattern = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])(?::(\d{0,5}))?$/i;

/** @param {string} value a Host header, or one entry of X-Forwarded-Host */
export function isValidHost(value) {
  const match = hostPattern.exec(value);
  if (!match || Number(match[1] ?? 0) > 65535) return false;
  try {
    new URL(`http://${value}/`); // what the pattern lets through, e.g. a malformed IPv6 literal
    return true;
  } catch {
    return false;
  }
}

/**
 * Express middleware: 400 for a malformed Host, any malformed entry of X-Forwarded-Host (the
 * adapter reads its port whether or not the proxy is trusted), or a protocol other than http or
 * https from a trusted proxy's X-Forwarded-Proto (`req.protocol` already applies "trust proxy").
 * HTTP/1.0 allows no Host at all: such a request is for this server, named `localhost`.
 *
 * @type {import('express').RequestHandler}
 */
export function validateHost(req, _res, next) {
  const host = req.headers.host;
  if (host === undefined) req.headers.host = 'localhost';
  else if (!isValidHost(host)) return next(new HttpError(400, `invalid Host header`));
  const forwardedHost = req.headers['x-forwarded-host'];
  if (forwardedHost !== undefined && !String(forwardedHost).split(',').every((entry) => isValidHost(entry.trim()))) {
    return next(new HttpError(400, `invalid X-Forwarded-Host header`));
  }
  if (!/^https?$/i.test(req.protocol)) return next(new HttpError(400, `invalid X-Forwarded-Proto header`));
  return next();
}

/**
 * Express middleware: 400 for a path that does not decode (`/articles/%zz`, overlong UTF-8). Remix
 * would match it as a 404 and log a warning for every such request; it is the client's mistake.
 *
 * @type {import('express').RequestHandler}
 */
export function validatePath(req, _res, next) {
  try {
    decodeURIComponent(req.path);
  } catch {
    return next(new HttpError(400, 'undecodable path'));
  }
  return next();
}
