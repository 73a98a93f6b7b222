// @ts-check
/**
 * What the server answers by itself, without Remix: a malformed request (400: bad Host, an
 * undecodable path), a method other than GET or HEAD (405), a bad Range (416), a crash outside
 * Remix (500). A plain page with the app's own security headers, never Express's default handler
 * (its own CSP, and a stack trace outside production). Only 5xx are logged: a client's malformed
 * request is not our error.
 */

/** An error with the HTTP status to answer, as Express's own errors carry it. */
export class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @type {Record<number, [title: string, text: string]>} */
const errorCopy = {
  400: ['Bad request', 'The address could not be read. Check it for typing mistakes.'],
  404: ['Page not found', 'There is no page at this address.'],
  405: ['Method not allowed', 'This site only serves pages to read (GET and HEAD requests).'],
  415: ['Image not available', 'This image file could not be read, so no resized copy of it can be shown.'],
  416: ['Range not satisfiable', 'The requested part of this file does not exist.'],
  500: ['Something went wrong', 'The page could not be shown just now. Please try again in a few minutes.'],
};

/** Headers a plain error page keeps from what was set before it (405's Allow, 416's Content-Range). */
const keptHeaders = new Set(['vary', 'allow', 'content-range']);

/**
 * @param {import('express').Response} res
 * @param {number} status
 * @param {Record<string, string>} securityHeaders
 */
export function sendPlainError(res, status, securityHeaders) {
  const [title, text] = errorCopy[status] ?? errorCopy[status >= 500 ? 500 : 400] ?? ['', ''];
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · cited</title><meta name="robots" content="noindex"></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Go to all articles</a></p></main></body></html>`;
  res.status(status);
  for (const name of res.getHeaderNames()) {
    if (!keptHeaders.has(name)) res.removeHeader(name);
  }
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

/**
 * A reading site: only GET and HEAD reach the app; OPTIONS says so, anything else is a 405.
 *
 * @param {Record<string, string>} securityHeaders
 * @returns {import('express').RequestHandler}
 */
export function readOnlyMethods(securityHeaders) {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    res.setHeader('Allow', 'GET, HEAD');
    if (req.method === 'OPTIONS') {
      for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
      return res.status(204).end();
    }
    return sendPlainError(res, 405, securityHeaders);
  };
}

/**
 * The last middleware: Express's own errors (400 for an undecodable path, 416 for a bad Range),
 * HttpErrors, and anything thrown outside Remix (500).
 *
 * @param {Record<string, string>} securityHeaders
 * @returns {import('express').ErrorRequestHandler}
 */
export function errorPages(securityHeaders) {
  // Four parameters: that is how Express recognises an error handler.
  return (error, req, res, _next) => {
    const status = Number(error?.status ?? error?.statusCode);
    const code = status >= 400 && status < 600 ? status : 500;
    if (code >= 500) console.error(`[server] ${req.method} ${req.originalUrl}`, error);
    if (res.headersSent) return res.destroy();
    return sendPlainError(res, code, securityHeaders);
  };
}
