// Minimal HTTP client on node:http: exact bytes on the wire (no automatic decompression),
// raw header names, per-request timing.
import http from 'node:http';

/** What Chrome sends; used for every load-test row so the three rows serve the same bytes. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/**
 * GET (or another method) `url`; resolves with status, headers (lower-cased), rawHeaders
 * (as sent, in order), body (Buffer, still content-encoded) and ms (time to last byte).
 */
export function request(url, { method = 'GET', headers = {}, timeoutMs = 30_000, agent } = {}) {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const req = http.request(url, { method, headers, agent: agent ?? false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
          ms: performance.now() - startedAt,
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on('error', reject);
    req.end();
  });
}
