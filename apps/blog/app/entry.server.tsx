import { PassThrough } from 'node:stream';
import type { EntryContext, HandleErrorFunction } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { wantsHydration } from './lib/handle';
import { applySecurityHeaders, DEV_CACHE_CONTROL, ERROR_CACHE_CONTROL, inlineScriptHashes, PAGE_CACHE_CONTROL, strongEtag } from './lib/http.server';

// Remix's document entry only. What server.js calls in the app is exported by app/server-build.ts.

/** How long to wait for deferred data before giving up on a render (single fetch reads this). */
export const streamTimeout = 5_000;

const isDev = import.meta.env.DEV;

export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests and the client's own mistakes (405 for a POST without an action, 404s)
  // are not server errors.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  // Remix reports a client's legacy `?_data=` request through handleError; it is the client's
  // doing, not a failure of ours.
  if (error instanceof Error && error.message.includes('should not be making ?_data requests')) {
    console.warn(`[request] legacy ?_data request: ${new URL(request.url).pathname}`);
    return;
  }
  console.error(`[render] ${request.method} ${new URL(request.url).pathname}`, error);
};

/**
 * Every document response passes through here, whatever its status (200, 404, 500), so this is
 * the one place for security headers, cache policy and the ETag. The whole document is rendered
 * before responding (pages are small and fully static), which is what lets us hash it. Whether a
 * request's If-None-Match makes it a 304 is the server's decision (server/conditional.js), for
 * cached and rendered pages alike.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
): Promise<Response> {
  const hydrates = remixContext.staticHandlerContext.matches.some((match) =>
    wantsHydration(remixContext.routeModules[match.route.id]?.handle),
  );

  return new Promise((resolve, reject) => {
    let status = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} />,
      {
        onAllReady() {
          // React emits <!DOCTYPE html> itself when the root element is <html>.
          const chunks: Buffer[] = [];
          const sink = new PassThrough();
          sink.on('data', (chunk: Buffer) => chunks.push(chunk));
          sink.on('error', reject);
          sink.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve(finishDocument(request, status, responseHeaders, body, { hydrates }));
          });
          pipe(sink);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          status = 500;
          if (!request.signal.aborted) console.error('[render]', error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

function finishDocument(
  request: Request,
  status: number,
  headers: Headers,
  body: Buffer,
  { hydrates }: { hydrates: boolean },
): Response {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  // Bodies are compressed per Accept-Encoding (server.js); say so on 304s too.
  headers.set('Vary', 'Accept-Encoding');
  // No per-response nonce: a hydrating page's inline scripts (Remix's context and module loader)
  // are allowed by the hash of their exact text, so the page is the same bytes, with the same
  // ETag, for every reader and from every replica, and may be cached like any other.
  applySecurityHeaders(headers, { scriptHashes: hydrates ? inlineScriptHashes(body.toString('utf8')) : [], dev: isDev });

  if (status !== 200) {
    headers.set('Cache-Control', ERROR_CACHE_CONTROL);
  } else if (isDev) {
    headers.set('Cache-Control', DEV_CACHE_CONTROL);
  } else if (!headers.has('Cache-Control')) {
    headers.set('Cache-Control', PAGE_CACHE_CONTROL);
  }

  if (status === 200) headers.set('ETag', strongEtag(body));
  headers.set('Content-Length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status, headers });
}
