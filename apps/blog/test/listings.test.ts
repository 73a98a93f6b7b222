/**
 * Listing pages (index, category, tag, author) read their page from the store's database: every
 * page lists exactly what the in-memory newest-first list (the blog's ordering before the
 * database) puts there, with ties on a day broken by title then slug, drafts and scheduled
 * articles left out; a page past the end is a 404 as before.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleSource, makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, loadServerBuild, type Handler } from './helpers';

let handler: Handler;
let dir: string;
let peopleDir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

// Titles whose 'en' order differs from byte order (case, accents): SQL alone would order them otherwise.
const titles = ['apple', 'Banana', 'Éclair', 'eclair', 'Zebra', 'zoo'];

beforeAll(async () => {
  dir = makeArticlesDir();
  for (let i = 0; i < 47; i += 1) {
    writeArticle(dir, {
      slug: `listed-${String(i).padStart(2, '0')}`,
      title: `${titles[i % titles.length]} ${i % 4}`,
      // Seven days: many articles share one, so pages end inside a day.
      published: `2024-03-0${(i % 7) + 1}`,
      category: i % 3 === 0 ? 'Back pain' : i % 3 === 1 ? 'Knee pain' : 'Knee Pain',
      tags: [i % 2 === 0 ? 'MRI' : 'mri', ...(i % 5 === 0 ? ['Exercise'] : [])],
      ...(i % 2 === 0 ? { author: 'jane-roe' } : {}),
    });
  }
  writeFileSync(path.join(dir, 'a-draft.md'), articleSource({ slug: 'a-draft', title: 'apple draft', published: '2024-03-01', tags: ['MRI'], author: 'jane-roe' }).replace('published:', 'draft: true\npublished:'));
  writeArticle(dir, { slug: 'far-future', title: 'apple later', published: '2999-01-01', tags: ['MRI'], author: 'jane-roe' });
  peopleDir = makeArticlesDir();
  writeFileSync(path.join(peopleDir, 'people.yml'), 'jane-roe:\n  type: person\n  name: Dr Jane Roe\n  credentials: MD\n  role: Medical reviewer\n');
  process.env.CITED_PEOPLE_FILE = path.join(peopleDir, 'people.yml');
  process.env.CITED_ARTICLES_DIR = dir;
  handler = await loadHandler();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(peopleDir, { recursive: true, force: true });
  delete process.env.CITED_PEOPLE_FILE;
  errors.mockRestore();
});

function listedSlugs(html: string): string[] {
  return [...html.matchAll(/<h[23][^>]*><a[^>]*href="\/articles\/([^"]+)"/g)].map((m) => m[1] ?? '');
}

async function expectPages(basePath: string, expected: string[]): Promise<void> {
  const pageCount = Math.max(1, Math.ceil(expected.length / 20));
  for (let page = 1; page <= pageCount; page += 1) {
    const response = await get(handler, page === 1 ? basePath : `${basePath}?page=${page}`);
    expect(response.status, `${basePath} page ${page}`).toBe(200);
    expect(listedSlugs(await response.text()), `${basePath} page ${page}`).toEqual(expected.slice((page - 1) * 20, page * 20));
  }
  expect((await get(handler, `${basePath}?page=${pageCount + 1}`)).status).toBe(404);
}

describe('listing pages from the store database', () => {
  it('list every page as the in-memory newest-first list does, read from the database', async () => {
    await get(handler, '/');
    const snapshot = (await loadServerBuild()).contentStore().snapshot();
    const all = snapshot.articles;
    expect(all).toHaveLength(47);
    expect(snapshot.page({ offset: 0, limit: 20 }).from).toBe('database');
    const slugs = (filter: (a: (typeof all)[number]) => boolean) => all.filter(filter).map((a) => a.slug);

    await expectPages('/', slugs(() => true));
    await expectPages('/category/back-pain', slugs((a) => a.category === 'Back pain'));
    // "Knee pain" and "Knee Pain" are one category, as before.
    await expectPages('/category/knee-pain', slugs((a) => a.category.toLowerCase() === 'knee pain'));
    await expectPages('/tags/mri', slugs((a) => a.tags.some((t) => t.toLowerCase() === 'mri')));
    await expectPages('/tags/exercise', slugs((a) => a.tags.includes('Exercise')));
    const author = await (await get(handler, '/authors/jane-roe')).text();
    expect(listedSlugs(author)).toEqual(slugs((a) => a.author === 'jane-roe'));
    expect(listedSlugs(author)).not.toContain('a-draft');
    expect(listedSlugs(author)).not.toContain('far-future');
  });

  it('answers a bad or past-the-end page number as before', async () => {
    expect((await get(handler, '/?page=0')).status).toBe(400);
    expect((await get(handler, '/?page=abc')).status).toBe(400);
    expect((await get(handler, '/category/back-pain?page=999999')).status).toBe(404);
    expect((await get(handler, '/tags/mri?page=4')).status).toBe(404);
  });
});
