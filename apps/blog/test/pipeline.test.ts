/**
 * The publishing pipeline through the production build: an edit that breaks a live article keeps
 * the last good version everywhere (page, index, feed, sitemap), a fix replaces it, drafts and
 * future-dated articles stay out until due (injected clock), deleted files and broken same-site
 * links are not published. Changes are awaited with `settle()`, never slept on.
 */
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleSource, makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, mainText, setClock, settle, type Handler } from './helpers';

let handler: Handler;
let dir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

function withFrontmatter(source: string, extra: string): string {
  return source.replace(/\n---\n/, `\n${extra}\n---\n`);
}

async function text(pathname: string): Promise<string> {
  return (await get(handler, pathname)).text();
}

async function listedEverywhere(slug: string): Promise<boolean[]> {
  return [
    (await text('/')).includes(`/articles/${slug}"`),
    (await text('/rss.xml')).includes(`/articles/${slug}<`),
    (await text('/sitemap.xml')).includes(`/articles/${slug}<`),
  ];
}

beforeAll(async () => {
  dir = makeArticlesDir();
  writeArticle(dir, { slug: 'live-article', title: 'Live article v1', published: '2024-05-01' });
  writeArticle(dir, { slug: 'to-delete', title: 'To delete', published: '2024-04-01' });
  writeFileSync(
    path.join(dir, 'secret-draft.md'),
    withFrontmatter(articleSource({ slug: 'secret-draft', title: 'Secret draft', published: '2024-06-01' }), 'draft: true'),
  );
  writeArticle(dir, { slug: 'next-month', title: 'Next month', published: '2026-12-01' });
  process.env.CITED_ARTICLES_DIR = dir;
  handler = await loadHandler();
  setClock(new Date('2026-11-27T12:00:00Z'));
});

afterAll(async () => {
  setClock(null);
  rmSync(dir, { recursive: true, force: true });
  errors.mockRestore();
});

describe('last good version', () => {
  it('keeps serving a live article (200, index, feed, sitemap) when an edit breaks it', async () => {
    expect(mainText(await text('/articles/live-article'))).toContain('Live article v1');
    writeFileSync(
      path.join(dir, 'live-article.md'),
      articleSource({ slug: 'live-article', title: 'Live article v2', published: '2024-05-01' }).replace(
        'Staying active helps',
        'Staying active:cite[nokey] helps',
      ),
    );
    await settle();
    const page = await get(handler, '/articles/live-article');
    expect(page.status).toBe(200);
    expect(mainText(await page.text())).toContain('Live article v1');
    expect(await listedEverywhere('live-article')).toEqual([true, true, true]);
    const logged = errors.mock.calls.map((call) => call.join(' ')).join('\n');
    expect(logged).toMatch(/live-article\.md has errors: still serving its last good version\n {2}live-article\.md:\d+:\d+ error .*cite-unknown-key/);
  });

  it('serves the fixed version once the edit is fixed', async () => {
    writeArticle(dir, { slug: 'live-article', title: 'Live article v3, fixed', published: '2024-05-01' });
    await settle();
    expect(mainText(await text('/articles/live-article'))).toContain('Live article v3, fixed');
    expect(await text('/')).toContain('Live article v3, fixed');
  });
});

describe('drafts and scheduling', () => {
  it('never lists, feeds, maps or serves a draft in production', async () => {
    expect((await get(handler, '/articles/secret-draft')).status).toBe(404);
    expect(await listedEverywhere('secret-draft')).toEqual([false, false, false]);
    expect((await get(handler, '/_content')).status).toBe(404);
  });

  it('publishes a future-dated article when its day comes, without a restart', async () => {
    expect((await get(handler, '/articles/next-month')).status).toBe(404);
    expect(await listedEverywhere('next-month')).toEqual([false, false, false]);
    setClock(new Date('2026-12-01T00:00:00Z'));
    expect((await get(handler, '/articles/next-month')).status).toBe(200);
    expect(await listedEverywhere('next-month')).toEqual([true, true, true]);
  });
});

describe('unpublishing and links', () => {
  it('unpublishes a deleted file: its URL answers 410 Gone', async () => {
    expect((await get(handler, '/articles/to-delete')).status).toBe(200);
    unlinkSync(path.join(dir, 'to-delete.md'));
    await settle();
    expect((await get(handler, '/articles/to-delete')).status).toBe(410);
    expect(await listedEverywhere('to-delete')).toEqual([false, false, false]);
  });

  it('does not publish an article whose cited bibliography entry is broken, logs the bibliography file’s line, and shows readers no source', async () => {
    writeFileSync(path.join(dir, 'refs.bib'), '@article{hayden2005,\n  author = {Hayden, J. A.},\n  title = {Exercise therapy},\n  year = {2005},\n  doi = {10.7326 bad}\n}\n');
    writeFileSync(
      path.join(dir, 'bad-bib.md'),
      withFrontmatter(articleSource({ slug: 'bad-bib', title: 'Bad bib', published: '2024-07-02' }), 'bibliography: refs.bib').replace(
        'Staying active helps',
        'Staying active [@hayden2005] helps',
      ),
    );
    await settle();
    const response = await get(handler, '/articles/bad-bib');
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).not.toContain('10.7326 bad');
    expect(html).not.toContain('refs.bib');
    expect(html).not.toContain('<mark>');
    const logged = errors.mock.calls.map((call) => call.join(' ')).join('\n');
    expect(logged).toMatch(/refs\.bib:5:9 error Reference "hayden2005": `doi` "10\.7326 bad"/);
  });

  it('does not publish a new article with a same-site link to nothing, and logs where it is', async () => {
    writeFileSync(
      path.join(dir, 'bad-link.md'),
      articleSource({ slug: 'bad-link', title: 'Bad link', published: '2024-07-01' }).replace(
        'Staying active helps more than bed rest.',
        'Read [the live one](/articles/live-articel) or [contact us](/contact).',
      ),
    );
    await settle();
    expect((await get(handler, '/articles/bad-link')).status).toBe(404);
    const logged = errors.mock.calls.map((call) => call.join(' ')).join('\n');
    expect(logged).toMatch(/bad-link\.md:\d+:6 error Link "\/articles\/live-articel" points at no published article \(did you mean `\/articles\/live-article`\?\) \(link-broken\)/);
  });
});
