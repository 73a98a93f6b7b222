// Page weight: what a phone downloads for one page. Parses the HTML (parse5, as a browser
// would), lists every subresource a browser requests, fetches each, and sums bytes per type,
// raw and gzip. Inline <script> and <style> count as JavaScript and CSS; JSON-LD does not.
import { parse } from 'parse5';
import { gzipSync } from 'node:zlib';
import { request } from './http.js';

// Script types a browser executes; anything else (application/ld+json, importmap…) is data.
const EXECUTABLE_SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/ecmascript']);

function attributesOf(node) {
  return Object.fromEntries((node.attrs ?? []).map((attr) => [attr.name.toLowerCase(), attr.value]));
}

function textOf(node) {
  return (node.childNodes ?? []).map((child) => (child.nodeName === '#text' ? child.value : '')).join('');
}

function* walk(node, ancestors = []) {
  yield { node, ancestors };
  const children = node.nodeName === 'template' ? node.content?.childNodes ?? [] : node.childNodes ?? [];
  for (const child of children) yield* walk(child, [...ancestors, node.nodeName]);
}

function relTokens(value) {
  return new Set((value ?? '').toLowerCase().split(/\s+/).filter(Boolean));
}

// media="print" (or any query that cannot match a phone screen) does not block rendering.
function mediaBlocksRendering(media) {
  return !/^(print|speech)$/.test((media ?? '').trim().toLowerCase());
}

/**
 * Lists what a browser would fetch for this HTML and what blocks first render.
 * @returns {{ resources: Array<{kind:string,url:string,renderBlocking:boolean}>, inlineScriptBytes:number,
 *   inlineScripts:number, inlineStyleBytes:number, jsonDataBytes:number, hasIconLink:boolean }}
 */
export function analyzeHtml(html, pageUrl) {
  const document = parse(html);
  const resources = [];
  let inlineScriptBytes = 0;
  let inlineScripts = 0;
  let inlineStyleBytes = 0;
  let jsonDataBytes = 0;
  let hasIconLink = false;
  const add = (kind, href, renderBlocking) => {
    if (!href || href.startsWith('data:') || href.startsWith('#')) return;
    const url = new URL(href, pageUrl).href;
    resources.push({ kind, url, renderBlocking });
  };

  for (const { node, ancestors } of walk(document)) {
    const attrs = attributesOf(node);
    const inHead = ancestors.includes('head');
    switch (node.nodeName) {
      case 'link': {
        const rel = relTokens(attrs.rel);
        if (rel.has('stylesheet') && !rel.has('alternate') && !('disabled' in attrs)) {
          add('stylesheet', attrs.href, mediaBlocksRendering(attrs.media));
        } else if (rel.has('modulepreload')) {
          add('script', attrs.href, false);
        } else if (rel.has('preload')) {
          const as = (attrs.as ?? '').toLowerCase();
          add(as === 'style' ? 'stylesheet' : as === 'script' ? 'script' : as === 'font' ? 'font' : as === 'image' ? 'image' : 'other', attrs.href, false);
        } else if (rel.has('icon') || rel.has('apple-touch-icon')) {
          // A phone fetches one icon; count it once (the first), as Chrome does.
          if (!hasIconLink) add('icon', attrs.href, false);
          hasIconLink = true;
        } else if (rel.has('manifest')) {
          add('other', attrs.href, false);
        }
        break;
      }
      case 'script': {
        const type = (attrs.type ?? '').trim().toLowerCase();
        if (!EXECUTABLE_SCRIPT_TYPES.has(type)) {
          jsonDataBytes += Buffer.byteLength(textOf(node));
        } else if (attrs.src) {
          const isClassicSync = type !== 'module' && !('async' in attrs) && !('defer' in attrs);
          add('script', attrs.src, inHead && isClassicSync);
        } else {
          inlineScripts += 1;
          inlineScriptBytes += Buffer.byteLength(textOf(node));
        }
        break;
      }
      case 'style':
        inlineStyleBytes += Buffer.byteLength(textOf(node));
        break;
      case 'img':
        if ((attrs.loading ?? '').toLowerCase() !== 'lazy') add('image', attrs.src, false);
        else add('image-lazy', attrs.src, false);
        break;
      case 'video':
        if (attrs.poster) add('image', attrs.poster, false);
        break;
      default:
        break;
    }
  }
  // Same URL listed twice (preload + stylesheet) is one request.
  const unique = new Map();
  for (const resource of resources) {
    const seen = unique.get(resource.url);
    if (!seen) unique.set(resource.url, resource);
    else seen.renderBlocking ||= resource.renderBlocking;
  }
  return { resources: [...unique.values()], inlineScriptBytes, inlineScripts, inlineStyleBytes, jsonDataBytes, hasIconLink };
}

/** @import and url() references in a stylesheet (fonts, images, more CSS), data: URIs excluded. */
export function cssReferences(css, cssUrl) {
  const references = [];
  const importPattern = /@import\s+(?:url\()?\s*["']?([^"')\s;]+)["']?\s*\)?/g;
  const urlPattern = /url\(\s*["']?([^"')]+?)["']?\s*\)/g;
  const imports = new Set();
  for (const match of css.matchAll(importPattern)) {
    imports.add(match[1]);
    references.push({ kind: 'stylesheet', url: new URL(match[1], cssUrl).href, renderBlocking: true });
  }
  for (const match of css.matchAll(urlPattern)) {
    if (match[1].startsWith('data:') || match[1].startsWith('#') || imports.has(match[1])) continue;
    const kind = /\.(woff2?|ttf|otf|eot)(\?|$)/i.test(match[1]) ? 'font' : 'image';
    references.push({ kind, url: new URL(match[1], cssUrl).href, renderBlocking: false });
  }
  return references;
}

const gzipBytes = (buffer) => gzipSync(buffer, { level: 9 }).length;

/**
 * Fetches `pageUrl` and everything it references; returns per-type totals (raw and gzip -9),
 * the request count and the render-blocking requests.
 */
export async function measurePageWeight(pageUrl) {
  const identity = { 'accept-encoding': 'identity' };
  const page = await request(pageUrl, { headers: identity });
  if (page.status !== 200) throw new Error(`page weight: ${pageUrl} answered ${page.status}`);
  const html = page.body.toString('utf8');
  const analysis = analyzeHtml(html, pageUrl);
  const totals = {
    html: { raw: page.body.length, gzip: gzipBytes(page.body) },
    css: { raw: 0, gzip: 0 },
    js: { raw: 0, gzip: 0 },
    font: { raw: 0, gzip: 0 },
    image: { raw: 0, gzip: 0 },
    other: { raw: 0, gzip: 0 },
  };
  // Inline code ships inside the HTML: its bytes are already in html; js/css totals include it
  // too (so "0 bytes of JavaScript" cannot hide in an inline script).
  const inlineJs = Buffer.from(extractInline(html, 'script'));
  const inlineCss = Buffer.from(extractInline(html, 'style'));
  totals.js.raw += analysis.inlineScriptBytes;
  totals.js.gzip += analysis.inlineScriptBytes > 0 ? gzipBytes(inlineJs) : 0;
  totals.css.raw += analysis.inlineStyleBytes;
  totals.css.gzip += analysis.inlineStyleBytes > 0 ? gzipBytes(inlineCss) : 0;

  const fetched = [];
  const queue = [...analysis.resources];
  const seen = new Set([pageUrl]);
  while (queue.length > 0) {
    const resource = queue.shift();
    if (seen.has(resource.url)) continue;
    seen.add(resource.url);
    const response = await request(resource.url, { headers: identity });
    const entry = {
      ...resource,
      status: response.status,
      contentType: response.headers['content-type'] ?? null,
      cacheControl: response.headers['cache-control'] ?? null,
      raw: response.body.length,
      gzip: gzipBytes(response.body),
    };
    fetched.push(entry);
    const bucket = { stylesheet: 'css', script: 'js', font: 'font', image: 'image', 'image-lazy': 'image', icon: 'image' }[resource.kind] ?? 'other';
    totals[bucket].raw += entry.raw;
    totals[bucket].gzip += entry.gzip;
    if (resource.kind === 'stylesheet' && response.status === 200) {
      queue.push(...cssReferences(response.body.toString('utf8'), resource.url).map((ref) => ({
        ...ref,
        renderBlocking: ref.renderBlocking && resource.renderBlocking,
      })));
    }
  }
  // Without <link rel="icon">, every browser asks for /favicon.ico on its own.
  if (!analysis.hasIconLink) {
    const faviconUrl = new URL('/favicon.ico', pageUrl).href;
    const response = await request(faviconUrl, { headers: identity });
    fetched.push({ kind: 'icon (implicit /favicon.ico)', url: faviconUrl, renderBlocking: false, status: response.status,
      contentType: response.headers['content-type'] ?? null, cacheControl: response.headers['cache-control'] ?? null,
      raw: response.body.length, gzip: gzipBytes(response.body) });
  }
  const renderBlocking = fetched.filter((entry) => entry.renderBlocking);
  return {
    url: pageUrl,
    htmlCacheControl: page.headers['cache-control'] ?? null,
    totals,
    inlineScripts: analysis.inlineScripts,
    inlineScriptBytes: analysis.inlineScriptBytes,
    inlineStyleBytes: analysis.inlineStyleBytes,
    jsonDataBytes: analysis.jsonDataBytes,
    requests: 1 + fetched.length,
    renderBlocking: {
      stylesheets: renderBlocking.filter((entry) => entry.kind === 'stylesheet').length,
      scripts: renderBlocking.filter((entry) => entry.kind === 'script').length,
      urls: renderBlocking.map((entry) => entry.url),
    },
    resources: fetched,
    failedResources: fetched.filter((entry) => entry.status !== 200).map((entry) => `${entry.status} ${entry.url}`),
  };
}

/** Concatenated text of inline (no src) executable scripts or of <style> elements. */
function extractInline(html, tagName) {
  const document = parse(html);
  let text = '';
  for (const { node } of walk(document)) {
    if (node.nodeName !== tagName) continue;
    const attrs = attributesOf(node);
    if (tagName === 'script' && (attrs.src || !EXECUTABLE_SCRIPT_TYPES.has((attrs.type ?? '').trim().toLowerCase()))) continue;
    text += textOf(node);
  }
  return text;
}
