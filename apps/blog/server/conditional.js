// @ts-check
/**
 * Conditional GET, in one place: whether a request's If-None-Match makes a 200 a 304. The app only
 * puts a strong ETag on its responses (app/lib/http.server.ts); the server decides, for pages from
 * the rendered-HTML cache and pages Remix has just rendered alike.
 */
import fresh from 'fresh';

/**
 * True when the client already has this representation. `fresh` is Express's own check (RFC 9110
 * §13.1.2 weak comparison: `W/"x"` matches `"x"`; lists and `*`; anything unparseable does not
 * match), and a request with `Cache-Control: no-cache` (a forced reload) always gets the 200.
 * If-Modified-Since is left out: the pages carry no Last-Modified, and RFC 9110 §13.1.3 has it
 * ignored when If-None-Match is present.
 *
 * @param {{ method: string, headers: import('node:http').IncomingHttpHeaders }} req
 * @param {{ status: number, etag: string | null | undefined }} response
 */
export function isNotModified(req, { status, etag }) {
  if (status !== 200 || !etag || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const { 'if-none-match': ifNoneMatch, 'cache-control': cacheControl } = req.headers;
  if (!ifNoneMatch) return false;
  return fresh({ 'if-none-match': ifNoneMatch, 'cache-control': cacheControl }, { etag });
}

/** What describes the body a 304 does not send (RFC 9110 §15.4.5); every other header stays. */
const bodyHeaders = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding', 'content-range']);

/**
 * Turns the 200 whose headers are already set on `res` into a 304 and ends it: the validators,
 * caching and security headers stay, the body and the headers describing it go.
 *
 * @param {import('express').Response} res
 */
export function sendNotModified(res) {
  res.status(304);
  for (const name of res.getHeaderNames()) {
    if (bodyHeaders.has(name)) res.removeHeader(name);
  }
  res.end();
}
