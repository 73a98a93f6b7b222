/**
 * A rename and a new title in the same save, on the production build: the article keeps its
 * identity, as a WordPress or Ghost editor expects (the old URL answers 301 to the new one). The
 * store knows it is the same article by its title or, when the title changed too, by its body
 * (the text after the frontmatter, unchanged in that save); with a new body as well, the
 * frontmatter's `redirectFrom:` says so (packages/content/AUTHORING.md, "Moving and removing").
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleSource, makeArticlesDir, type FixtureArticle } from './fixtures/articles';
import { get, loadHandler, mainText, settle, type Handler } from './helpers';

let handler: Handler;
let dir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

/** A fixture article with a body of its own (`body` names it), optionally without a `slug:` line (the URL is then the file name). */
function write(fileName: string, article: FixtureArticle, { body, slugLine = true, extra = '' }: { body: string; slugLine?: boolean; extra?: string }): void {
  let source = articleSource(article).replace('Staying active helps more than bed rest.', `Staying active helps more than bed rest (${body}).`);
  if (!slugLine) source = source.replace(/^slug: .*\n/m, '');
  if (extra) source = source.replace('\n---\n', `\n${extra}\n---\n`);
  writeFileSync(path.join(dir, fileName), source);
}

const redirectOf = async (pathname: string): Promise<{ status: number; to: string }> => {
  const response = await get(handler, pathname);
  return { status: response.status, to: new URL(response.headers.get('location') ?? '/', 'http://blog.test').pathname };
};

beforeAll(async () => {
  dir = makeArticlesDir();
  write('retitled-old.md', { slug: 'retitled-old', title: 'Retitled article', published: '2024-01-01' }, { body: 'retitled' });
  write('from-file.md', { slug: 'unused', title: 'Named by its file', published: '2024-01-02' }, { body: 'from file', slugLine: false });
  write('kept-a.md', { slug: 'kept-slug', title: 'Same slug, new file', published: '2024-01-03' }, { body: 'kept' });
  write('rewritten.md', { slug: 'rewritten', title: 'Rewritten article', published: '2024-01-04' }, { body: 'rewritten' });
  write('lost.md', { slug: 'lost', title: 'Lost article', published: '2024-01-05' }, { body: 'lost' });
  process.env.CITED_ARTICLES_DIR = dir;
  handler = await loadHandler();
  await settle();
  for (const slug of ['retitled-old', 'from-file', 'kept-slug', 'rewritten', 'lost']) expect((await get(handler, `/articles/${slug}`)).status, slug).toBe(200);
  // Each save renames the file and changes the title (and the slug, or the body) at once.
  rmSync(path.join(dir, 'retitled-old.md'));
  write('retitled-new.md', { slug: 'retitled-new', title: 'A new title for the retitled article', published: '2024-01-01' }, { body: 'retitled' });
  rmSync(path.join(dir, 'from-file.md'));
  write('to-file.md', { slug: 'unused', title: 'Named by its new file', published: '2024-01-02' }, { body: 'from file', slugLine: false });
  rmSync(path.join(dir, 'kept-a.md'));
  write('kept-b.md', { slug: 'kept-slug', title: 'Same slug, new file, new title', published: '2024-01-03' }, { body: 'kept' });
  rmSync(path.join(dir, 'rewritten.md'));
  write('rewritten-anew.md', { slug: 'rewritten-anew', title: 'Rewritten anew', published: '2024-01-04' }, { body: 'rewritten, and more', extra: 'redirectFrom: [rewritten]' });
  rmSync(path.join(dir, 'lost.md'));
  write('found.md', { slug: 'found', title: 'Found article', published: '2024-01-05' }, { body: 'found, not lost' });
  await settle();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  errors.mockRestore();
});

describe('a file renamed with a new title in the same save', () => {
  it('and a new slug: the old URL answers 301 to the new one, which serves the new title', async () => {
    expect(await redirectOf('/articles/retitled-old')).toEqual({ status: 301, to: '/articles/retitled-new' });
    const page = await get(handler, '/articles/retitled-new');
    expect(page.status).toBe(200);
    expect(mainText(await page.text())).toContain('A new title for the retitled article');
  });

  it('with the URL from the file name: the old file name’s URL answers 301 to the new one', async () => {
    expect(await redirectOf('/articles/from-file')).toEqual({ status: 301, to: '/articles/to-file' });
    expect((await get(handler, '/articles/to-file')).status).toBe(200);
  });

  it('keeping its `slug:`: the URL stays, serving the new title (the new file is not refused as a newcomer)', async () => {
    const page = await get(handler, '/articles/kept-slug');
    expect(page.status).toBe(200);
    expect(mainText(await page.text())).toContain('Same slug, new file, new title');
  });

  it('only the new URLs are in the sitemap', async () => {
    const sitemap = await (await get(handler, '/sitemap.xml')).text();
    for (const slug of ['retitled-new', 'to-file', 'kept-slug', 'rewritten-anew', 'found']) expect(sitemap).toContain(`/articles/${slug}</loc>`);
    for (const slug of ['retitled-old', 'from-file', 'rewritten', 'lost']) expect(sitemap).not.toContain(`/articles/${slug}</loc>`);
  });
});

describe('a new title and a new body in the same save', () => {
  it('with `redirectFrom:` naming the old slug: a 301 to the new URL', async () => {
    expect(await redirectOf('/articles/rewritten')).toEqual({ status: 301, to: '/articles/rewritten-anew' });
  });

  it('without it: nothing says it is the same article, so the old URL answers 410 Gone', async () => {
    expect((await get(handler, '/articles/lost')).status).toBe(410);
    expect((await get(handler, '/articles/found')).status).toBe(200);
  });
});
