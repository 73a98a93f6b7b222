/**
 * A whole-page security audit on a real HTML parser (parse5, the WHATWG algorithm browsers use), so
 * what is checked is what a patient's browser would build from the bytes, not what a regex sees.
 *
 * `auditHtml` returns human-readable violations ([] = clean). It is deliberately independent of how
 * the blog or @cited/content work: it knows only what must never reach a browser.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Schemes that run script or smuggle a document in (data: can carry text/html or SVG with script). */
const DANGEROUS_SCHEMES = ['javascript', 'vbscript', 'data', 'livescript', 'mocha'] as const;

/** Attributes a browser resolves as a URL (navigations and fetches). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'data',
  'codebase',
  'ping',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'manifest',
  'icon',
  'srcdoc',
]);

/** Elements whose src/href/srcset/poster/data makes the browser fetch a resource (not a navigation). */
const RESOURCE_ELEMENTS = new Set([
  'img',
  'script',
  'iframe',
  'frame',
  'source',
  'video',
  'audio',
  'track',
  'embed',
  'object',
  'input',
  'image',
  'use',
  'feimage',
  'link',
  'style',
]);
const RESOURCE_ATTRIBUTES = new Set(['src', 'href', 'srcset', 'poster', 'data', 'background']);
/** <link rel> values that do not fetch anything on page load (they are links, not resources). */
const NON_FETCHING_LINK_RELS = new Set(['canonical', 'alternate', 'author', 'license', 'next', 'prev', 'help', 'search']);

/** Elements article content must never add (compared with the control page: the blog's own are allowed). */
export const CONTENT_FORBIDDEN_ELEMENTS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'portal',
  'noscript',
  'template',
] as const;
/** Elements that must not appear at all, whoever produced them. */
const NEVER_ELEMENTS = new Set(['base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal']);

export interface AuditOptions {
  /** Origin the page is served from (e.g. "http://127.0.0.1:3000"); absolute URLs to it are same-site. */
  origin: string;
  /** Extra origins the site itself uses for absolute URLs (e.g. its canonical SITE_URL). */
  siteOrigins?: readonly string[];
  /**
   * Element counts on a known-good control page of the same kind: content may not add any of
   * CONTENT_FORBIDDEN_ELEMENTS beyond what the blog itself renders there.
   */
  baseline?: ElementCounts;
  /** Article pages must carry no executable script at all; other pages may load same-origin scripts. */
  scriptPolicy?: 'ld-json-only' | 'same-origin-src';
}

export type ElementCounts = Readonly<Record<string, number>>;

/** Browsers strip ASCII tab/newline anywhere and C0 controls + space at the ends before reading a scheme. */
export function urlScheme(raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1]?.toLowerCase();
}

export function isDangerousUrl(raw: string): boolean {
  const scheme = urlScheme(raw);
  return scheme !== undefined && (DANGEROUS_SCHEMES as readonly string[]).includes(scheme);
}

/** Same-origin or relative. Protocol-relative `//host` and backslash variants are off-site. */
export function isSameOrigin(raw: string, origins: readonly string[]): boolean {
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (cleaned === '') return true;
  const first = origins[0] ?? 'http://localhost';
  let resolved: URL;
  try {
    resolved = new URL(cleaned, first + '/some/page');
  } catch {
    return true; // unparseable: the browser fetches nothing
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return !['http:', 'https:', 'ftp:', 'ws:', 'wss:'].includes(resolved.protocol) && !isDangerousUrl(cleaned);
  return origins.some((origin) => resolved.origin === new URL(origin).origin);
}

/** Dangerous constructs in CSS text (style attributes and <style> elements). */
export function cssViolations(css: string, origins: readonly string[]): string[] {
  const found: string[] = [];
  // CSS escapes (\6a avascript) are decoded by the CSS tokenizer; decode before looking.
  const decoded = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/\\(.)/g, '$1');
  const lower = decoded.toLowerCase();
  if (/@import/.test(lower)) found.push('CSS @import');
  if (/expression\s*\(/.test(lower)) found.push('CSS expression()');
  if (/-moz-binding|behavior\s*:/.test(lower)) found.push('CSS binding/behavior');
  for (const match of decoded.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    const url = match[2] ?? '';
    if (isDangerousUrl(url)) found.push(`CSS url(${url})`);
    else if (!isSameOrigin(url, origins)) found.push(`CSS url() off-site: ${url}`);
  }
  if (/url\(\s*['"]?\s*(javascript|vbscript|data):/i.test(lower)) found.push('CSS url() with a script scheme');
  return [...new Set(found)];
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  const kids: Node[] = 'childNodes' in node ? [...node.childNodes] : [];
  // <template> keeps its children in a separate fragment: still parsed, still worth auditing.
  if (isElement(node) && node.tagName === 'template' && 'content' in node) {
    kids.push(...(node as DefaultTreeAdapterTypes.Template).content.childNodes);
  }
  return kids;
}

export function walk(node: Node, visit: (element: Element) => void): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (isElement(current)) visit(current);
    stack.push(...childrenOf(current));
  }
}

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return childrenOf(node).map(textOf).join('');
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => (a.prefix ? `${a.prefix}:${a.name}` : a.name) === name)?.value;
}

export function describe(element: Element): string {
  const attrs = element.attrs
    .map((a) => `${a.prefix ? a.prefix + ':' : ''}${a.name}="${a.value.slice(0, 60)}"`)
    .join(' ');
  return `<${element.tagName}${attrs ? ' ' + attrs : ''}>`;
}

export function parseHtml(html: string): DefaultTreeAdapterTypes.Document {
  return parse(html);
}

export function countElements(html: string): ElementCounts {
  const counts: Record<string, number> = {};
  walk(parse(html), (el) => {
    if ((CONTENT_FORBIDDEN_ELEMENTS as readonly string[]).includes(el.tagName)) {
      counts[el.tagName] = (counts[el.tagName] ?? 0) + 1;
    }
    if (el.tagName === 'meta' && attr(el, 'http-equiv') !== undefined) {
      counts['meta[http-equiv]'] = (counts['meta[http-equiv]'] ?? 0) + 1;
    }
  });
  return counts;
}

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

export function auditHtml(html: string, options: AuditOptions): string[] {
  const origins = [options.origin, ...(options.siteOrigins ?? [])];
  const scriptPolicy = options.scriptPolicy ?? 'ld-json-only';
  const violations: string[] = [];
  const document = parse(html);

  walk(document, (el) => {
    const tag = el.tagName;
    const where = describe(el);

    if (NEVER_ELEMENTS.has(tag)) violations.push(`forbidden element ${where}`);
    if (tag === 'meta' && attr(el, 'http-equiv') !== undefined) violations.push(`meta http-equiv ${where}`);

    if (tag === 'script') {
      const type = (attr(el, 'type') ?? '').trim().toLowerCase();
      const text = textOf(el);
      if (type === 'application/ld+json') {
        if (attr(el, 'src') !== undefined) violations.push(`ld+json script with src ${where}`);
        try {
          JSON.parse(text);
        } catch (error) {
          violations.push(`ld+json that does not parse (${(error as Error).message}): ${text.slice(0, 120)}`);
        }
        // parse5 ends the element at the first "</script": a breakout shows up as a broken JSON text
        // plus a second script; "<!--" would put the tokenizer in escaped state in some browsers.
        if (/<\/script|<!--|<script/i.test(text)) violations.push(`ld+json text contains markup: ${text.slice(0, 120)}`);
      } else if (scriptPolicy === 'ld-json-only') {
        violations.push(`executable script ${where} ${text.slice(0, 80)}`);
      } else {
        const src = attr(el, 'src');
        if (src === undefined) {
          if (text.trim() !== '') violations.push(`inline executable script ${where} ${text.slice(0, 80)}`);
        } else if (!isSameOrigin(src, origins)) {
          violations.push(`off-site script ${where}`);
        }
      }
    }

    if (tag === 'style') {
      for (const problem of cssViolations(textOf(el), origins)) violations.push(`${problem} in <style>`);
    }

    for (const a of el.attrs) {
      const name = (a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase();
      const bare = a.name.toLowerCase();
      if (bare.startsWith('on')) violations.push(`event handler attribute ${name} on ${where}`);
      if (bare === 'style') {
        for (const problem of cssViolations(a.value, origins)) violations.push(`${problem} in style attribute of ${where}`);
      }
      if (URL_ATTRIBUTES.has(bare) && isDangerousUrl(a.value)) {
        violations.push(`dangerous URL in ${name} of ${where}`);
      }
      if (bare === 'srcset' || bare === 'imagesrcset') {
        for (const url of srcsetUrls(a.value)) {
          if (isDangerousUrl(url)) violations.push(`dangerous URL in ${name} of ${where}`);
        }
      }
      if (tag === 'meta' && bare === 'content' && /url|image|refresh/i.test(attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'http-equiv') ?? '')) {
        if (isDangerousUrl(a.value.replace(/^\s*\d+\s*;\s*url=/i, ''))) violations.push(`dangerous URL in meta content ${where}`);
      }
    }

    if (RESOURCE_ELEMENTS.has(tag)) {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const fetches = tag !== 'link' || rel.length === 0 || rel.some((r) => !NON_FETCHING_LINK_RELS.has(r));
      if (fetches) {
        for (const a of el.attrs) {
          const bare = a.name.toLowerCase();
          if (!RESOURCE_ATTRIBUTES.has(bare)) continue;
          const urls = bare === 'srcset' ? srcsetUrls(a.value) : [a.value];
          for (const url of urls) {
            if (!isSameOrigin(url, origins)) violations.push(`off-site resource ${a.name}="${url}" on ${where}`);
          }
        }
      }
    }
  });

  if (options.baseline) {
    const counts = countElements(html);
    for (const [name, count] of Object.entries(counts)) {
      const allowed = options.baseline[name] ?? 0;
      if (count > allowed) violations.push(`${count - allowed} extra <${name}> element(s) beyond the control page`);
    }
  }
  return violations;
}

/** A stack trace or server path leaking into a response body. */
export function leaksInternals(body: string): string | undefined {
  const patterns: [RegExp, string][] = [
    [/root:x:0:0/, '/etc/passwd contents'],
    [/"devDependencies"\s*:|"workspaces"\s*:/, 'package.json contents'],
    [/\bat [^\n]*\(?(\/[\w.@-]+)+\.(?:js|ts|mjs|cjs|tsx):\d+/, 'stack trace'],
    [/\/work\/main\//, 'server file path'],
    [/node_modules\//, 'server file path'],
    [/import\s+\{[^}]*\}\s+from\s+['"]/, 'source code'],
  ];
  for (const [pattern, what] of patterns) if (pattern.test(body)) return what;
  return undefined;
}
