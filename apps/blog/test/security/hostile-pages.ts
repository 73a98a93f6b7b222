/**
 * The whole-page suite for hostile fixtures (hostile-pages-*.test.ts pick the categories, so the
 * corpus renders in parallel workers). Every hostile fixture, rendered as WHOLE PAGES through Remix's request handler on the production
 * build, with the fixture and a known-good control article as the only articles
 * (CITED_ARTICLES_DIR, which the blog reads on every request), then parsed with parse5.
 *
 * Either the article renders with nothing executable, nothing off-site and its marker paragraphs
 * intact, or it is rejected: a clean 404 page while the control article still returns 200. An
 * article that @cited/content accepts must be served (never silently dropped).
 */
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPersonIds, compileArticle, readPeopleRegistry } from '@cited/content';
import { checkSiteLinks } from '@cited/content/store';
import { siteRoutes } from '../../app/lib/articles.server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectNone, expectSecurityHeaders } from './assertions';
import { CONTROL_FIXTURE, CONTROL_MARKER, CONTROL_SLUG, HOSTILE_PEOPLE_FILE, hostileCases, readCase, type HostileCase } from '@cited/test-utils/hostile';
import { writeFixtureSiteConfig } from '@cited/test-utils/site-config';
import { auditRss, auditSitemap } from './feeds';
import { HANDLER_ORIGIN, loadRequestHandler, settleContent, type Handler } from './harness';
import { attr, auditHtml, countElements, leaksInternals, parseHtml, textOf, walk, type ElementCounts } from '@cited/test-utils/html-audit';

export type HostileCategory = HostileCase['category'];

const realSiteConfig = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content/site.yml');

/** The hostile corpus's people registry: `hostile-author`, with markup in every field. */
const hostilePeopleFile = HOSTILE_PEOPLE_FILE;
const hostilePeople = (() => {
  const { registry, diagnostics } = readPeopleRegistry(readFileSync(hostilePeopleFile, 'utf8'), hostilePeopleFile);
  if (!registry) throw new Error(`hostile people.yml is invalid: ${JSON.stringify(diagnostics)}`);
  return registry;
})();

/** Registers the suite for the given corpus categories in the calling test file. */
export function hostilePageSuite(categories: readonly HostileCategory[]): void {
  let handle: Handler;
  let articlesDir: string;
  let previousDir: string | undefined;
  let previousSiteConfig: string | undefined;
  let siteDir: string | undefined;
  const baselines: Record<'article' | 'list' | 'error', ElementCounts> = { article: {}, list: {}, error: {} };

  async function html(pathAndQuery: string): Promise<{ status: number; body: string; headers: Headers }> {
    const response = await handle(pathAndQuery);
    return { status: response.status, body: await response.text(), headers: response.headers };
  }

  function mainText(body: string): string {
    let text = '';
    walk(parseHtml(body), (el) => {
      if (el.tagName === 'main') text += textOf(el);
    });
    return text;
  }

  function categoryLinks(body: string): string[] {
    const links = new Set<string>();
    walk(parseHtml(body), (el) => {
      const href = el.tagName === 'a' ? attr(el, 'href') : undefined;
      if (href?.startsWith('/category/')) links.add(href);
    });
    return [...links];
  }

  // The store logs every rejected fixture: captured here (and checked), not dumped into the test log.
  const logged: string[] = [];
  const consoleError = vi.spyOn(console, 'error');

  beforeAll(async () => {
    consoleError.mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    handle = await loadRequestHandler();
    articlesDir = mkdtempSync(path.join(os.tmpdir(), 'cited-hostile-pages-'));
    writeFileSync(path.join(articlesDir, `${CONTROL_SLUG}.md`), readFileSync(CONTROL_FIXTURE));
    previousDir = process.env.CITED_ARTICLES_DIR;
    process.env.CITED_ARTICLES_DIR = articlesDir;
    process.env.CITED_PEOPLE_FILE = hostilePeopleFile;
    // The corpus's categories (one is markup) are in the registry of this suite's site.yml, so a
    // fixture the compiler accepts is published and its category page rendered.
    const corpusCategories = hostileCases
      .filter((entry) => categories.includes(entry.category))
      .flatMap((entry) => /^category:[ \t]*(.+?)[ \t]*$/m.exec(readCase(entry))?.[1] ?? []);
    previousSiteConfig = process.env.CITED_SITE_CONFIG;
    siteDir = mkdtempSync(path.join(os.tmpdir(), 'cited-hostile-site-'));
    process.env.CITED_SITE_CONFIG = writeFixtureSiteConfig({ from: previousSiteConfig ?? realSiteConfig, dir: siteDir, categories: corpusCategories });

    const control = await html(`/articles/${CONTROL_SLUG}`);
    expect(control.status, control.body.slice(0, 500)).toBe(200);
    expect(control.body).toContain(CONTROL_MARKER);
    baselines.article = countElements(control.body);
    baselines.list = countElements((await html('/')).body);
    baselines.error = countElements((await html('/articles/no-such-article')).body);
  });

  afterAll(() => {
    delete process.env.CITED_PEOPLE_FILE;
    if (previousSiteConfig === undefined) delete process.env.CITED_SITE_CONFIG;
    else process.env.CITED_SITE_CONFIG = previousSiteConfig;
    consoleError.mockRestore();
    if (previousDir === undefined) delete process.env.CITED_ARTICLES_DIR;
    else process.env.CITED_ARTICLES_DIR = previousDir;
    rmSync(articlesDir, { recursive: true, force: true });
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
  });

  function auditPage(body: string, baseline: ElementCounts): string[] {
    return auditHtml(body, { origin: HANDLER_ORIGIN, siteOrigins: ['http://localhost:3000'], baseline });
  }

  async function checkCase(entry: HostileCase): Promise<void> {
    const source = readCase(entry);
    const file = path.join(articlesDir, `${entry.id}.md`);
    writeFileSync(file, source);
    await settleContent();
    try {
      const articlePath = `/articles/${encodeURIComponent(entry.slug)}`;
      const page = await html(articlePath);
      const context = `${entry.id} (${entry.description}) → GET ${articlePath} ${page.status}`;

      expect(page.status, `${context}\n${page.body.slice(0, 300)}`).not.toBeGreaterThanOrEqual(500);
      expect(leaksInternals(page.body), context).toBeUndefined();
      expectSecurityHeaders(page.headers, context);

      if (page.status === 200) {
        // Published: whole and harmless.
        expectNone(auditPage(page.body, baselines.article), context);
        const text = mainText(page.body);
        expect(text, `${context}: start marker`).toContain(entry.startMarker);
        if (entry.endMarker) expect(text, `${context}: end marker`).toContain(entry.endMarker);
      } else {
        // Not published: only acceptable when @cited/content rejects it with an error diagnostic
        // (reported, never silently dropped); the 404 page is clean and the control still serves.
        // What the blog publishes by: the compile, author/reviewer ids against its registry, and the
        // site-wide checks the store adds (same-site links that lead nowhere).
        const compiled = compileArticle(source, { path: file });
        const unknownPeople = checkPersonIds(source, file, hostilePeople);
        const linkErrors = checkSiteLinks(compiled.siteLinks, file, {
          slugs: new Set([CONTROL_SLUG, entry.slug]),
          routes: siteRoutes,
          articlePath: (slug) => `/articles/${slug}`,
        });
        const errors = [...compiled.diagnostics, ...unknownPeople, ...linkErrors].filter((d) => d.severity === 'error');
        const accepted = compiled.ok && unknownPeople.length === 0 && linkErrors.length === 0;
        expect(accepted, `${context}: accepted by @cited/content but not served`).toBe(false);
        expect(errors.length, `${context}: not ok without an error diagnostic`).toBeGreaterThan(0);
        expect(page.status, context).toBe(404);
        expectNone(auditPage(page.body, baselines.error), context);
        expect(page.body, `${context}: a rejected article leaked into the 404 page`).not.toContain(entry.startMarker);
        const control = await html(`/articles/${CONTROL_SLUG}`);
        expect(control.status, `${context}: control article`).toBe(200);
        expect(logged.join('\n'), `${context}: the rejection is logged`).toContain(`not publishing ${entry.id}.md`);
      }

      if (entry.pages.includes('index')) {
        const index = await html('/');
        expect(index.status, `${entry.id}: index`).toBe(200);
        expectNone(auditPage(index.body, baselines.list), `${entry.id}: index page`);
        if (entry.pages.includes('category')) {
          for (const link of categoryLinks(index.body)) {
            const category = await html(link);
            expect(category.status, `${entry.id}: GET ${link}`).toBeLessThan(500);
            const baseline = category.status === 200 ? baselines.list : baselines.error;
            expectNone(auditPage(category.body, baseline), `${entry.id}: ${link}`);
            expectSecurityHeaders(category.headers, `${entry.id}: ${link}`);
          }
        }
      }
      if (entry.pages.includes('rss')) {
        const rss = await html('/rss.xml');
        expect(rss.status, `${entry.id}: rss`).toBe(200);
        expectNone(auditRss(rss.body, HANDLER_ORIGIN), `${entry.id}: rss.xml`);
      }
      if (entry.pages.includes('sitemap')) {
        const sitemap = await html('/sitemap.xml');
        expect(sitemap.status, `${entry.id}: sitemap`).toBe(200);
        expectNone(auditSitemap(sitemap.body), `${entry.id}: sitemap.xml`);
      }
    } finally {
      unlinkSync(file);
      await settleContent();
    }
  }

  for (const category of categories) {
    describe(`hostile ${category} articles render harmlessly as whole pages`, () => {
      it.each(hostileCases.filter((entry) => entry.category === category).map((entry) => [entry.id, entry] as const))(
        '%s',
        async (_id, entry) => {
          await checkCase(entry);
        },
      );
    });
  }

  describe('after the corpus', () => {
    it('the control article, the index and the feeds still serve 200', async () => {
      for (const target of [`/articles/${CONTROL_SLUG}`, '/', '/rss.xml', '/sitemap.xml', '/robots.txt']) {
        const response = await html(target);
        expect(response.status, target).toBe(200);
      }
    });
  });
}
