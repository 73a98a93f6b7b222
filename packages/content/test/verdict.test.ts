/**
 * The check gives the server's verdict: for each case, what `checkArticles` (the CLI's engine) says
 * of a file (published, scheduled, a draft, held at its last good version, not published, and the
 * rule ids why) equals what the content store, set up as the blog sets it up (the same site
 * discovery, routes, people registry), publishes. Cases with a `before` step are files the server
 * saw first: the check reads its cache to know that.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArticles } from '../src/check.js';
import { readPeopleRegistry } from '../src/people/registry.js';
import { siteLayout } from '../src/site/layout.js';
import type { Outcome } from '../src/site/verdict.js';
import { createContentStore } from '../src/store/index.js';
import type { ContentSnapshot } from '../src/store/types.js';
import { contentRoot } from '@cited/test-utils/workspace';
import { source, type Fixture } from './store/fixtures.js';

const now = new Date('2026-12-01T12:00:00Z');
/** The real site's routes, found the way the check finds them (from its content folder). */
const blogRoutes = siteLayout(contentRoot(), { env: {} }).routes;
const people = 'jane-doe:\n  type: person\n  name: Jane Doe\nthe-clinic:\n  type: organization\n  name: The Clinic\n';

interface Said {
  outcome: Outcome;
  ruleIds: string[];
}

interface Case {
  name: string;
  /** Files the server published first (it saw them before the rest). */
  before?: Record<string, Fixture>;
  /** The articles folder as it is checked (added to, or replacing, `before`). */
  files: Record<string, Fixture>;
  /** Files of `before` deleted before the check. */
  removed?: string[];
  expected: Record<string, Said>;
  /** What the server then answers at earlier URLs: a 301 to a slug, or a 410. */
  redirects?: Record<string, string>;
  gone?: Record<string, 'withdrawn' | 'removed'>;
}

const published = (): Said => ({ outcome: 'published', ruleIds: [] });
const notPublished = (...ruleIds: string[]): Said => ({ outcome: 'not-published', ruleIds });

const cases: Case[] = [
  {
    name: 'an unknown author',
    files: { 'unknown-author.md': { slug: 'unknown-author', extra: 'author: nobody\n' }, 'known.md': { slug: 'known', extra: 'author: the-clinic\nreviewedBy: jane-doe\n' } },
    expected: { 'unknown-author.md': notPublished('person-unknown'), 'known.md': published() },
  },
  {
    name: 'an unknown reviewer edited into a live article',
    before: { 'reviewed.md': { slug: 'reviewed', extra: 'reviewedBy: jane-doe\n' } },
    files: { 'reviewed.md': { slug: 'reviewed', title: 'Typo in the reviewer', extra: 'reviewedBy: jane-do\n' } },
    expected: { 'reviewed.md': { outcome: 'held', ruleIds: ['person-unknown'] } },
  },
  {
    name: 'a link to a page the site does not have',
    files: { 'to-nowhere.md': { slug: 'to-nowhere', body: 'Write to [us](/contcat).' } },
    expected: { 'to-nowhere.md': notPublished('link-broken') },
  },
  {
    name: 'links to the blog\'s own pages',
    files: { 'to-pages.md': { slug: 'to-pages', body: 'See [search](/search), [contact](/contact), [Jane](/authors/jane-doe) and [more](/category/back-pain).' } },
    expected: { 'to-pages.md': published() },
  },
  {
    name: 'page names in another case, as the router matches them; a slug or category as written',
    files: {
      'cased.md': { slug: 'cased', body: 'See [contact](/Contact), [search](/SEARCH), [more](/Category/back-pain) and [this](/Articles/plain).' },
      'plain.md': { slug: 'plain' },
      'wrong-slug.md': { slug: 'wrong-slug', body: 'See [this](/articles/Plain).' },
      'wrong-category.md': { slug: 'wrong-category', body: 'See [more](/category/Back-Pain).' },
    },
    expected: { 'cased.md': published(), 'plain.md': published(), 'wrong-slug.md': notPublished('link-broken'), 'wrong-category.md': notPublished('link-broken') },
  },
  {
    name: 'a duplicate slug: the file that had the URL first keeps it, whatever the names and dates',
    before: { 'zz-original.md': { slug: 'twin', title: 'Original', published: '2024-03-01' } },
    files: { 'aa-newcomer.md': { slug: 'twin', title: 'Newcomer', published: '2024-01-01' } },
    expected: { 'zz-original.md': published(), 'aa-newcomer.md': notPublished('slug-duplicate') },
  },
  {
    name: 'a duplicate slug between two new files: the first published gets it',
    files: { 'b-first.md': { slug: 'twin', published: '2024-01-01' }, 'a-second.md': { slug: 'twin', published: '2024-02-01' } },
    expected: { 'b-first.md': published(), 'a-second.md': notPublished('slug-duplicate') },
  },
  {
    name: 'a link to a draft, and the draft',
    files: { 'linker.md': { slug: 'linker', body: 'See [the draft](/articles/secret).' }, 'secret.md': { slug: 'secret', extra: 'draft: true\n' } },
    expected: { 'linker.md': notPublished('link-broken'), 'secret.md': { outcome: 'draft', ruleIds: [] } },
  },
  {
    name: 'a link to an article that is not published (its author is unknown)',
    files: { 'linker.md': { slug: 'linker', body: 'See [that one](/articles/held-back).' }, 'held-back.md': { slug: 'held-back', extra: 'author: nobody\n' } },
    expected: { 'linker.md': notPublished('link-broken'), 'held-back.md': notPublished('person-unknown') },
  },
  {
    name: 'a scheduled article, and a link to it',
    files: { 'soon.md': { slug: 'soon', published: '2027-01-15' }, 'early.md': { slug: 'early', body: 'See [soon](/articles/soon).' } },
    expected: { 'soon.md': { outcome: 'scheduled', ruleIds: [] }, 'early.md': notPublished('link-broken') },
  },
  {
    name: 'a changed slug: the old URL redirects to the new one, and links to it stay good',
    before: { 'moved.md': { slug: 'old-place', title: 'Moved' }, 'linker.md': { slug: 'linker', body: 'See [moved](/articles/old-place).' } },
    files: { 'moved.md': { slug: 'new-place', title: 'Moved' } },
    expected: { 'moved.md': published(), 'linker.md': published() },
    redirects: { 'old-place': 'new-place' },
  },
  {
    name: 'a renamed file (same title, new slug): the old URL redirects to the new file',
    before: { 'sciatica.md': { slug: 'sciatica', title: 'Sciatica' } },
    removed: ['sciatica.md'],
    files: { 'sciatica-guide.md': { slug: 'sciatica-guide', title: 'Sciatica' } },
    expected: { 'sciatica-guide.md': published() },
    redirects: { sciatica: 'sciatica-guide' },
  },
  {
    name: 'a live article made a draft: withdrawn (a warning, 410), and a link to it is an error in the linking article',
    before: { 'live.md': { slug: 'live' }, 'linker.md': { slug: 'linker', body: 'See [live](/articles/live).' } },
    files: { 'live.md': { slug: 'live', extra: 'draft: true\n' } },
    expected: { 'live.md': { outcome: 'withdrawn', ruleIds: [] }, 'linker.md': { outcome: 'published', ruleIds: ['link-broken'] } },
    gone: { live: 'withdrawn' },
  },
  {
    name: 'a live article given a future date: withdrawn until that day',
    before: { 'live.md': { slug: 'live' } },
    files: { 'live.md': { slug: 'live', published: '2027-06-01' } },
    expected: { 'live.md': { outcome: 'withdrawn', ruleIds: [] } },
    gone: { live: 'withdrawn' },
  },
  {
    name: 'a deleted article: its URL is gone (410), and a link to it is an error in the linking article',
    before: { 'deleted.md': { slug: 'deleted' }, 'linker.md': { slug: 'linker', body: 'See [that](/articles/deleted).' } },
    removed: ['deleted.md'],
    files: {},
    expected: { 'linker.md': { outcome: 'published', ruleIds: ['link-broken'] } },
    gone: { deleted: 'removed' },
  },
  {
    name: 'redirectFrom: an earlier URL by hand; never over a live article\'s URL',
    files: {
      'kept.md': { slug: 'kept' },
      'by-hand.md': { slug: 'by-hand', extra: 'redirectFrom: [old-by-hand]\n' },
      'shadowing.md': { slug: 'shadowing', extra: 'redirectFrom: kept\n' },
    },
    expected: { 'kept.md': published(), 'by-hand.md': published(), 'shadowing.md': notPublished('redirect-shadows-article') },
    redirects: { 'old-by-hand': 'by-hand' },
  },
  {
    name: 'a new article takes the URL a live article\u2019s redirectFrom names (the live one, unchanged, is told at once)',
    before: { 'moved.md': { slug: 'moved', extra: 'redirectFrom: [taken-later]\n' } },
    files: { 'taker.md': { slug: 'taken-later' } },
    expected: { 'moved.md': { outcome: 'published', ruleIds: ['redirect-shadows-article'] }, 'taker.md': published() },
  },
];

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A site as the blog lays it out: people.yml and articles/ in the content root, routes in the package.json above it. */
function makeSite(): { root: string; articles: string; cacheDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'cited-verdict-'));
  roots.push(root);
  mkdirSync(path.join(root, 'content/articles'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'a-blog', cited: { content: 'content', routes: blogRoutes } }));
  writeFileSync(path.join(root, 'content/people.yml'), people);
  return { root, articles: path.join(root, 'content/articles'), cacheDir: path.join(root, 'cache') };
}

const write = (dir: string, files: Record<string, Fixture>): void => {
  for (const [name, fixture] of Object.entries(files)) writeFileSync(path.join(dir, name), source(fixture));
};

/** What the store does with a file, read from what it serves and reports. */
function storeSays(snapshot: ContentSnapshot, file: string, slug: string): Said {
  const report = snapshot.reports.find((candidate) => candidate.file === file);
  const ruleIds = [...new Set((report?.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.ruleId))].sort();
  const state = report?.state ?? 'published';
  if (state === 'unpublished') return { outcome: 'not-published', ruleIds };
  const served = report?.slug ?? slug;
  const entry = snapshot.entry(served) ?? snapshot.unpublished.find((candidate) => candidate.slug === served);
  if (entry?.file !== file) return { outcome: 'not-published', ruleIds };
  if (state === 'last-good') return { outcome: 'held', ruleIds };
  if (entry.visibility !== 'published' && snapshot.goneAt(entry.slug)?.file === file) return { outcome: 'withdrawn', ruleIds };
  return { outcome: entry.visibility, ruleIds };
}

describe('the check says what the server does with each file', () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const site = makeSite();
    const layout = siteLayout(path.join(site.root, 'content'), { env: {} });
    const registry = readPeopleRegistry(readFileSync(layout.peopleFile, 'utf8'), layout.peopleFile).registry;
    // The store as the blog runs it (the app's articles.server.ts), on the same layout.
    const store = createContentStore({
      dir: layout.articlesDir,
      cacheDir: site.cacheDir,
      clock: () => now,
      mode: 'production',
      routes: layout.routes,
      articlePath: (slug) => `/articles/${slug}`,
      people: () => registry as NonNullable<typeof registry>,
      workers: 0,
      watch: false,
      log: () => undefined,
    });
    if (entry.before) {
      write(site.articles, entry.before);
      await store.ready;
    }
    write(site.articles, entry.files);
    for (const name of entry.removed ?? []) rmSync(path.join(site.articles, name));
    const snapshot = entry.before ? await store.refresh() : (await store.ready, store.snapshot());
    await store.close();
    for (const [from, to] of Object.entries(entry.redirects ?? {})) expect(snapshot.redirectFor(from)?.to, `redirect from ${from}`).toBe(to);
    for (const [slug, reason] of Object.entries(entry.gone ?? {})) expect(snapshot.goneAt(slug)?.reason, `410 at ${slug}`).toBe(reason);
    // The old URLs are not listed (the sitemap and feeds list these articles): redirects replace them.
    for (const from of Object.keys(entry.redirects ?? {})) expect(snapshot.articles.map((article) => article.slug)).not.toContain(from);

    const slugs = { ...entry.before, ...entry.files };
    const options = { site: layout, now, readability: false, cwd: site.root };
    const withCache = await checkArticles(layout.articlesDir, { ...options, cacheDir: site.cacheDir });
    const coldStart = await checkArticles(layout.articlesDir, options);
    for (const [file, expected] of Object.entries(entry.expected)) {
      const checked = withCache.files.find((candidate) => candidate.file === `content/articles/${file}`);
      const said = { outcome: checked?.verdict.outcome, ruleIds: checked?.verdict.ruleIds };
      expect(said, `check (with the server's cache) on ${file}`).toEqual(expected);
      expect(storeSays(snapshot, file, (slugs[file] as Fixture).slug), `store on ${file}`).toEqual(expected);
      // Without the cache the check knows no earlier version: the same as a server's cold start.
      if (!entry.before) {
        const cold = coldStart.files.find((candidate) => candidate.file === `content/articles/${file}`)?.verdict;
        expect({ outcome: cold?.outcome, ruleIds: cold?.ruleIds }, `check (cold) on ${file}`).toEqual(expected);
      }
    }
  });
});
