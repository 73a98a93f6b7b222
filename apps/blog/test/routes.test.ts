/**
 * SSR tests against the production build (build/server/index.js) through Remix's request
 * handler, with the real articles in content/articles (the seed article).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileArticle, readSiteConfig, type Article } from '@cited/content';
import { beforeAll, describe, expect, it } from 'vitest';
import { slugifyCategory } from '../app/lib/format';
import {
  appDir,
  expectSecurityHeaders,
  get,
  jsonLdBlocks,
  loadHandler,
  mainText,
  scriptTags,
  type Handler,
} from './helpers';

const SITE_URL = 'https://articles.example.org';
const articlesDir = path.join(appDir, 'content/articles');

let handler: Handler;
let seed: Article;

beforeAll(async () => {
  delete process.env.CITED_ARTICLES_DIR;
  // The real content with the real site.yml (not the fixtures' copy with made-up categories).
  process.env.CITED_SITE_CONFIG = path.join(appDir, 'content/site.yml');
  process.env.SITE_URL = SITE_URL;
  handler = await loadHandler();
  const files = readdirSync(articlesDir).filter((name) => name.endsWith('.md'));
  const compiled = files
    .map((name) => compileArticle(readFileSync(path.join(articlesDir, name)), { path: path.join(articlesDir, name) }))
    .filter((article) => article.ok);
  expect(compiled.length, 'content/articles holds at least one publishable article').toBeGreaterThan(0);
  const found = compiled.find((article) => article.meta.slug === 'failed-back-surgery-syndrome');
  expect(found, 'the seed article compiles without errors').toBeDefined();
  seed = found as Article;
});

function articlePath(): string {
  return `/articles/${seed.meta.slug}`;
}

describe('article page', () => {
  let response: Response;
  let html: string;
  beforeAll(async () => {
    response = await get(handler, articlePath());
    html = await response.text();
  });

  it('renders 200 HTML with the title, description and category', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en-US">/); // site.yml locale
    expect(html).toMatch(new RegExp(`<h1[^>]*>${escapeRegExp(escapeHtml(seed.meta.title))}</h1>`));
    expect(html).toContain(`<title>${escapeHtml(seed.meta.title)} · cited</title>`);
    expect(html).toContain(`href="/category/${slugifyCategory(seed.meta.category)}"`);
    expect(mainText(html)).toContain(`${Math.max(1, Math.round(seed.readingTimeMinutes))} min read`);
  });

  it('lists every reference, in order, with its anchor', () => {
    expect(seed.references.length).toBeGreaterThan(0);
    const positions = seed.references.map((reference) => html.indexOf(`id="ref-${reference.number}"`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const text = mainText(html);
    let from = 0;
    for (const reference of seed.references) {
      if (!reference.title) continue;
      const at = text.indexOf(reference.title, from);
      expect(at, `reference ${reference.number} "${reference.title}"`).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it('links citation markers to references and shows a preview without JavaScript', () => {
    const first = seed.references[0];
    expect(first).toBeDefined();
    expect(html).toMatch(new RegExp(`<a[^>]*href="#ref-${first?.number}"[^>]*aria-label="Reference ${first?.number}"`));
    expect(html).toMatch(/popover="hint"/);
    expect(html).toMatch(/interestfor="/);
  });

  it('shows the study callout figures from the seed', () => {
    const text = mainText(html);
    for (const figure of ['17%', '44.5%', '60.7%', '91%']) expect(text).toContain(figure);
    expect(html).toMatch(/<aside[^>]*aria-labelledby[^>]*>\s*<h3[^>]*>\s*<span[^>]*>Study:<\/span>/);
  });

  it('has a contents list (ContentsList) of the h2 headings, in order', () => {
    const toc = html.slice(html.indexOf('id="contents"'), html.indexOf('</nav>', html.indexOf('id="contents"')));
    expect(html).toMatch(/<nav[^>]*aria-labelledby="([^"]+)"[^>]*id="contents"[^>]*>\s*<h2 id="\1"[^>]*>Contents<\/h2>\s*<ol/);
    const sections = seed.toc.filter((entry) => entry.depth === 2);
    expect(sections.length).toBeGreaterThan(1);
    expect([...toc.matchAll(/href="#([^"]+)"/g)].map((match) => match[1])).toEqual(sections.map((entry) => entry.id));
    for (const entry of seed.toc) expect(html).toContain(`id="${entry.id}"`);
  });

  it('shows where the article sits: Breadcrumbs Home, its category, then its title as the current page', () => {
    const trail = html.slice(html.indexOf('aria-label="Breadcrumb"'), html.indexOf('</nav>', html.indexOf('aria-label="Breadcrumb"')));
    expect(trail).toMatch(/<ol[^>]*>\s*<li[^>]*><a[^>]*href="\/"[^>]*>Home<\/a><\/li>/);
    expect(trail).toContain(`href="/category/${slugifyCategory(seed.meta.category)}"`);
    expect(trail).toMatch(new RegExp(`<li[^>]*aria-current="page"[^>]*>${escapeRegExp(escapeHtml(seed.meta.title))}</li>`));
  });

  it('shows no reviewer when the article has none (never invented), and says so in words', () => {
    expect(seed.meta.reviewedBy).toBeUndefined();
    expect(html).not.toContain('Medically reviewed by');
    expect(mainText(html)).toContain('This article has not been medically reviewed.');
    expect(mainText(html)).toContain('Published 24 November 2026');
  });

  it('discloses by the byline, and in the JSON-LD, that the clinic sells treatments the article discusses', () => {
    const text = mainText(html);
    const disclosure = text.indexOf('Disclosure This article was written by the Magaziner Center for Wellness, which offers prolotherapy');
    expect(disclosure).toBeGreaterThan(text.indexOf('Written by Magaziner Center for Wellness'));
    expect(disclosure).toBeLessThan(text.indexOf('Key points'));
    const [ld] = jsonLdBlocks(html) as Record<string, unknown>[];
    expect(ld?.publishingPrinciples).toEqual({ '@type': 'CreativeWork', name: 'Disclosure', text: seed.meta.disclosure });
  });

  it('shows the key points in the header area, before the table of contents and the body', () => {
    const text = mainText(html);
    const keyPoints = text.indexOf('Key points Many people are worse off after spine surgery.');
    expect(keyPoints).toBeGreaterThan(0);
    expect(keyPoints).toBeLessThan(text.indexOf('Contents'));
    expect(text.indexOf('Contents')).toBeLessThan(text.indexOf('There is much debate in the medical community'));
    // Taken out of the body: shown once.
    expect(text.split('Many people are worse off after spine surgery').length).toBe(2);
  });

  it('lists the care cards in the table of contents, links them to the cards, and gives the emergency one site.yml’s number', () => {
    expect(seed.careCards.map((card) => card.level)).toEqual(['emergency', 'urgent']);
    for (const card of seed.careCards) {
      expect(html).toMatch(new RegExp(`<nav[^>]*id="contents"[\\s\\S]*<a [^>]*href="#${card.id}">${escapeRegExp(card.heading)}</a>[\\s\\S]*</nav>`));
      expect(html).toMatch(new RegExp(`<section[^>]*id="${card.id}"`));
    }
    const emergency = html.slice(html.indexOf(`id="${seed.careCards[0]?.id}"`));
    const card = emergency.slice(0, emergency.indexOf('</section>'));
    expect(card).toMatch(/<a[^>]*href="tel:911"/);
    expect(mainText(`<main>${card}</main>`)).toMatch(/Call 911/);
    expect(mainText(html)).toContain('Immediate action required: Get emergency help now if, after back surgery, you have');
    expect(mainText(html)).toContain('Urgent advice: Contact your surgeon or doctor urgently if you have');
  });

  it('never renders an editorNote: not in the page, not in its JSON-LD; a reader-facing note is shown', () => {
    const source = readFileSync(path.join(articlesDir, 'failed-back-surgery-syndrome.md'), 'utf8');
    const editorNotes = [...source.matchAll(/editorNote: (?:>-\n((?: {6}.*\n)+)|(.*)\n)/g)].map((match) => (match[1] ?? match[2] ?? '').replace(/\s+/g, ' ').trim());
    expect(editorNotes.length).toBeGreaterThanOrEqual(5);
    const flat = html.replace(/\s+/g, ' ');
    for (const note of editorNotes) {
      // Any 6 words in a row of the note would do: none may reach the HTML (page or JSON-LD).
      const words = note.split(' ');
      for (let start = 0; start + 6 <= words.length; start += 3) {
        const phrase = words.slice(start, start + 6).join(' ');
        expect(flat, phrase).not.toContain(escapeHtml(phrase));
        expect(flat, phrase).not.toContain(phrase);
      }
    }
    expect(html).not.toMatch(/editorNote|editor-note/i);
    expect(mainText(html)).toContain('Published online ahead of print (pii: S1529-9430(13)01964-5).');
  });

  it('ships no executable script, modulepreload or serialized loader data', () => {
    const scripts = scriptTags(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toBe('<script type="application/ld+json">');
    expect(html).not.toMatch(/rel="modulepreload"/);
    expect(html).not.toContain('__remixContext');
    expect(html).not.toContain('window.__');
  });

  it('carries a MedicalWebPage JSON-LD with a citation per reference', () => {
    const [ld] = jsonLdBlocks(html) as Record<string, unknown>[];
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      headline: seed.meta.title,
      url: `${SITE_URL}${articlePath()}`,
      datePublished: seed.meta.published,
      dateModified: seed.meta.updated ?? seed.meta.published,
    });
    expect((ld?.citation as unknown[]).length).toBe(seed.references.length);
    expect(ld).not.toHaveProperty('reviewedBy');
    expect(ld).not.toHaveProperty('lastReviewed');
  });

  it('says in JSON-LD that the clinic wrote it (an Organization) and publishes the site', () => {
    const [ld] = jsonLdBlocks(html) as Record<string, unknown>[];
    const clinic = { '@type': 'Organization', '@id': `${SITE_URL}/authors/magaziner-center`, name: 'Magaziner Center for Wellness' };
    expect(ld?.author).toMatchObject(clinic);
    expect(ld?.publisher).toMatchObject(clinic);
    expect(ld?.inLanguage).toBe('en-US');
  });

  it('links the byline to the author page and shows the tags', () => {
    expect(html).toMatch(/Written by <span[^>]*><a[^>]*href="\/authors\/magaziner-center"[^>]*>Magaziner Center for Wellness<\/a>/);
    for (const tag of seed.meta.tags) expect(mainText(html)).toContain(tag);
    expect(html).toContain('href="/tags/platelet-rich-plasma"');
  });

  it('has canonical, Open Graph and Twitter meta from SITE_URL', () => {
    const url = `${SITE_URL}${articlePath()}`;
    expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
    expect(html).toContain(`<meta property="og:url" content="${url}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary"/>');
    expect(html).toContain(`<meta name="description" content="${escapeHtml(seed.meta.description)}"/>`);
  });

  it('has a disclaimer and exactly one call to action', () => {
    expect(mainText(html)).toContain('not medical advice');
    expect(seed.meta.cta).toBeDefined();
    expect(html.split(`>${seed.meta.cta?.heading}</h2>`)).toHaveLength(2);
  });

  it('sends security headers, a CDN cache policy and a strong ETag', () => {
    expectSecurityHeaders(response);
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400',
    );
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
  });
});

describe('conditional requests', () => {
  it('renders the full page whatever If-None-Match says: the 304 is the server’s (server/conditional.js)', async () => {
    const first = await get(handler, articlePath());
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const conditional = await get(handler, articlePath(), { 'If-None-Match': etag });
    expect(conditional.status).toBe(200);
    expect(conditional.headers.get('etag')).toBe(etag);
    expect(await conditional.text()).toBe(await first.text());
  });

  it('gives the same ETag for the same page twice (deterministic render)', async () => {
    const [a, b] = await Promise.all([get(handler, '/'), get(handler, '/')]);
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });
});

describe('index and category pages', () => {
  it('lists the article with title, description, category, date and reading time', async () => {
    const response = await get(handler, '/');
    const html = await response.text();
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    const text = mainText(html);
    expect(html).toContain(`href="/articles/${seed.meta.slug}"`);
    expect(text).toContain(seed.meta.title);
    expect(text).toContain(seed.meta.description);
    expect(text).toContain(seed.meta.category);
    expect(html).toContain(`<time dateTime="${seed.meta.published}">`);
    expect(text).toMatch(/\d+ min read/);
    expect(scriptTags(html)).toEqual([]);
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}/"/>`);
  });

  it('rejects bad page numbers with 400 and missing pages with 404, never 500', async () => {
    for (const query of ['?page=abc', '?page=0', '?page=-1', '?page=1.5', '?page=']) {
      const response = await get(handler, `/${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expectSecurityHeaders(response);
    }
    const beyond = await get(handler, '/?page=999');
    expect(beyond.status).toBe(404);
  });

  it('serves the category page and 404s an unknown category', async () => {
    const slug = slugifyCategory(seed.meta.category);
    const response = await get(handler, `/category/${slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`<h1[^>]*>${escapeRegExp(escapeHtml(seed.meta.category))}</h1>`));
    expect(html).toContain(`href="/articles/${seed.meta.slug}"`);
    expect(scriptTags(html)).toEqual([]);
    expect((await get(handler, '/category/no-such-category')).status).toBe(404);
  });

  it("shows the category's description from site.yml's registry, on the page and as its meta description", async () => {
    const siteFile = path.join(appDir, 'content/site.yml');
    const registry = readSiteConfig(readFileSync(siteFile, 'utf8'), siteFile).config?.categories ?? [];
    const description = registry.find((category) => category.name === seed.meta.category)?.description ?? '';
    expect(description, "the seed's category is in the real site.yml's registry").not.toBe('');
    const html = await (await get(handler, `/category/${slugifyCategory(seed.meta.category)}`)).text();
    expect(mainText(html)).toContain(description);
    expect(html).toContain(`<meta name="description" content="${escapeHtml(description)}"`);
  });
});

describe('search, tags, authors and contact', () => {
  it('search answers every query with a 200 page that is noindex, private and reflects no markup', async () => {
    for (const query of ['prolotherapy', '', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'a'.repeat(5000), '%ED%A0%80', '%00%01']) {
      const response = await get(handler, `/search?q=${query}`);
      expect(response.status, query.slice(0, 20)).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      expect(response.headers.get('x-robots-tag')).toBe('noindex');
      const html = await response.text();
      expect(html).toContain('<meta name="robots" content="noindex"/>');
      expect(html).not.toContain('<script>alert');
    }
    const found = await (await get(handler, '/search?q=prolo')).text();
    expect(found).toContain(`href="${articlePath()}"`);
    expect(found).toMatch(/<mark[^>]*>[Pp]rolotherapy<\/mark>/);
    // A word only in the body: its snippet is cut from the article text, read for this page's hits.
    const body = await (await get(handler, '/search?q=debate')).text();
    expect(body).toContain(`href="${articlePath()}"`);
    expect(body).toMatch(/<p class="[^"]*"[^>]*>[^<]*<mark[^>]*>debate<\/mark>/);
    // A word the index lacks: searched as its close spellings, and offered as a link.
    const typo = await (await get(handler, '/search?q=prolotheraphy')).text();
    expect(typo).toContain(`href="${articlePath()}"`);
    expect(typo).toContain('href="/search?q=prolotherapy"');
    expect(mainText(typo)).toMatch(/Did you mean prolotherapy\?/);
  });

  it('serves a page per tag, lists tags, authors and /contact in the sitemap, 404s unknown ones', async () => {
    const tag = await get(handler, '/tags/mri');
    expect(tag.status).toBe(200);
    expect(await tag.text()).toContain(`href="${articlePath()}"`);
    expect((await get(handler, '/tags/nope')).status).toBe(404);
    expect((await get(handler, '/tags/mri?page=2')).status).toBe(404);
    expect((await get(handler, '/authors/nobody')).status).toBe(404);
    const sitemap = await (await get(handler, '/sitemap.xml')).text();
    for (const loc of ['/tags/mri', '/tags/platelet-rich-plasma', '/authors/magaziner-center', '/contact']) {
      expect(sitemap).toContain(`<loc>${SITE_URL}${loc}</loc>`);
    }
    expect(sitemap).not.toContain('/search');
  });

  it('/contact shows the publisher from site.yml and no invented contact details', async () => {
    const response = await get(handler, '/contact');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(mainText(html)).toContain('Magaziner Center for Wellness');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main).not.toMatch(/href="(?:tel|mailto):/);
    // The only telephone link on the page is site.yml's emergency number, in the footer.
    expect([...html.matchAll(/href="(tel:[^"]*|mailto:[^"]*)"/g)].map((match) => match[1])).toEqual(['tel:911']);
  });
});

describe('not found and errors', () => {
  it.each(['/articles/no-such-article', '/no/such/path', '/articles/'])('%s → helpful 404', async (pathname) => {
    const response = await get(handler, pathname);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).toContain('<title>Page not found · cited</title>');
    expect(html).toMatch(/<h1[^>]*>We can’t find that page<\/h1>/);
    expect(html).toContain('href="/"');
    expect(html).toContain(`href="/category/${slugifyCategory(seed.meta.category)}"`);
    expect(scriptTags(html)).toEqual([]);
  });
});

describe('feeds and crawler files', () => {
  it('serves RSS', async () => {
    const response = await get(handler, '/rss.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain(`<link>${SITE_URL}/articles/${seed.meta.slug}</link>`);
    expect(xml).toContain(escapeXmlText(seed.meta.title));
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('serves a sitemap', async () => {
    const response = await get(handler, '/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(`<loc>${SITE_URL}/articles/${seed.meta.slug}</loc>`);
    expect(xml).toContain(`<loc>${SITE_URL}/</loc>`);
  });

  it('serves robots.txt pointing at the sitemap', async () => {
    const response = await get(handler, '/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
