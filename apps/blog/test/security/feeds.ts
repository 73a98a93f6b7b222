/**
 * Checks for the XML the blog serves (RSS, sitemap). There is no XML parser in the tree; these
 * feeds are simple enough that a strict allow-list of element names catches any injected element,
 * and CDATA is removed exactly as an XML parser ends it (at the first "]]>").
 */
import { auditHtml } from '@cited/test-utils/html-audit';

const RSS_ELEMENTS = new Set([
  'rss',
  'channel',
  'title',
  'link',
  'description',
  'item',
  'guid',
  'pubDate',
  'category',
  'lastBuildDate',
  'docs',
  'generator',
  'language',
  'copyright',
  'image',
  'url',
  'atom:link',
  'content:encoded',
  'dc:creator',
  'author',
  'ttl',
]);
const SITEMAP_ELEMENTS = new Set(['urlset', 'url', 'loc', 'lastmod', 'changefreq', 'priority']);

function decodeXmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

interface XmlCheck {
  violations: string[];
  /** Text values of the named elements (CDATA and entities decoded). */
  values: (name: string) => string[];
}

function checkXml(xml: string, allowed: ReadonlySet<string>): XmlCheck {
  const violations: string[] = [];
  const cdata: string[] = [];
  const withoutCdata = xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => {
    cdata.push(inner);
    return `\u{E000}${cdata.length - 1}\u{E001}`;
  });
  if (/<!\[CDATA\[|\]\]>/.test(withoutCdata)) violations.push('unbalanced CDATA section');
  for (const match of withoutCdata.matchAll(/<\/?([A-Za-z_][\w.:-]*)/g)) {
    const name = match[1] ?? '';
    if (!allowed.has(name)) violations.push(`unexpected element <${name}>`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(withoutCdata)) violations.push('DOCTYPE/ENTITY declaration');
  const restore = (text: string) =>
    text.replace(/\u{E000}(\d+)\u{E001}/gu, (_, index: string) => cdata[Number(index)] ?? '');
  return {
    violations,
    values: (name) =>
      [...withoutCdata.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => {
        const raw = m[1] ?? '';
        // CDATA content is literal; everything else is entity-decoded.
        return raw.includes('\u{E000}') ? restore(raw) : decodeXmlText(raw);
      }),
  };
}

/**
 * RSS: no injected elements, and every title/description — which feed readers render as HTML —
 * is free of script when read as HTML.
 */
export function auditRss(xml: string, origin: string): string[] {
  const check = checkXml(xml, RSS_ELEMENTS);
  const violations = [...check.violations];
  for (const name of ['title', 'description', 'category']) {
    for (const value of check.values(name)) {
      for (const problem of auditHtml(`<!DOCTYPE html><html><body>${value}</body></html>`, { origin })) {
        violations.push(`RSS <${name}> read as HTML: ${problem}`);
      }
    }
  }
  for (const value of [...check.values('link'), ...check.values('guid')]) {
    if (!/^https?:\/\//.test(value.trim())) violations.push(`RSS link that is not http(s): ${value}`);
  }
  return violations;
}

export function auditSitemap(xml: string): string[] {
  const check = checkXml(xml, SITEMAP_ELEMENTS);
  const violations = [...check.violations];
  for (const loc of check.values('loc')) {
    if (!/^https?:\/\/[^/\s]+\/[^\s<>"]*$/.test(loc.trim())) violations.push(`sitemap <loc> that is not a plain http(s) URL: ${loc}`);
  }
  return violations;
}
