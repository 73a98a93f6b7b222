import { createHash } from 'node:crypto';

/**
 * HTTP policy in one place: entry.server.tsx applies it to every document response and the
 * resource routes (feeds, sitemap, robots) use `cachedTextResponse`. Responses carry a strong
 * ETag; answering If-None-Match with 304 is the server's part (apps/blog/server/conditional.js),
 * because the server answers most requests from its rendered-HTML cache without the app.
 */

/** Pages: browsers revalidate after 5 min, CDNs keep an hour and may serve stale for a day while refreshing. */
export const PAGE_CACHE_CONTROL = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400';
/** 404s, 400s and errors must not stick in caches once the content appears or the bug is fixed. */
export const ERROR_CACHE_CONTROL = 'no-store';
/** Dev: always revalidate, so an edited article shows on reload. */
export const DEV_CACHE_CONTROL = 'no-cache';

export interface CspOptions {
  /**
   * The inline scripts a hydrating page may run, as CSP hash sources (`sha256-…`, see
   * inlineScriptHashes). Hashes, not a per-response nonce: the page stays the same bytes for every
   * reader and every replica, so it can be cached and revalidated like any other, and a script
   * runs only if its exact text is what the server rendered.
   */
  scriptHashes?: readonly string[];
  /** Vite's dev server injects inline styles and an HMR websocket. */
  dev?: boolean;
}

export function contentSecurityPolicy({ scriptHashes = [], dev = false }: CspOptions = {}): string {
  const script = ["'self'", ...scriptHashes.map((hash) => `'${hash}'`), ...(dev ? ["'unsafe-inline'"] : [])];
  const style = ["'self'", ...(dev ? ["'unsafe-inline'"] : [])];
  const connect = ["'self'", ...(dev ? ['ws:', 'wss:'] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    `style-src ${style.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `<script …>text</script>`: its attributes and its text, which is raw (no entities) in HTML. */
const scriptElement = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** Script types a browser runs (none, module, a JavaScript MIME type); JSON-LD is data, never run. */
const executableType = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

/**
 * The CSP hash sources (`sha256-<base64>`, CSP Level 3 §8.4) of the inline scripts a browser
 * would run in this document, in order, each once. A script with `src` is covered by 'self'.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', text = ''] of html.matchAll(scriptElement)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    const type = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(` ${attributes}`);
    if (!executableType.test((type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim())) continue;
    hashes.add(`sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

/** Headers every HTML response carries, including 404 and 500 pages. */
export function applySecurityHeaders(headers: Headers, options: CspOptions = {}): void {
  headers.set('Content-Security-Policy', contentSecurityPolicy(options));
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
}

/** The document security headers, for the responses server.js makes without Remix (errors, 405, assets). */
export function documentSecurityHeaders({ dev = import.meta.env.DEV }: { dev?: boolean } = {}): Record<string, string> {
  const headers = new Headers();
  applySecurityHeaders(headers, { dev });
  return Object.fromEntries(headers.entries());
}

/** Strong ETag: a hash of the exact bytes sent. */
export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** For resource routes: a content type, a cache policy and the ETag. */
export function cachedTextResponse(
  request: Request,
  body: string,
  {
    contentType,
    cacheControl = PAGE_CACHE_CONTROL,
    etag = strongEtag(body),
  }: { contentType: string; cacheControl?: string; /** Precomputed with the body (see sitemap.server.ts). */ etag?: string },
): Response {
  const headers = new Headers({
    'Content-Type': contentType,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });
  headers.set('ETag', etag);
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
