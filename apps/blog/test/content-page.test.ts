/**
 * /_content (dev, or CITED_PREVIEW=1 outside production) lists what an editor must know of the
 * site's URLs: articles held back, withdrawn and removed ones (410), redirects (301), and each
 * draft with its signed preview link, or how to turn preview links on.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { previewTokenValid } from '../server/preview-token.js';
import { articleSource, makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, mainText, setClock, settle, type Handler } from './helpers';

const secret = 'the-content-page-test-secret-0123456789abcdef';
let handler: Handler;
let dir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  dir = makeArticlesDir();
  writeArticle(dir, { slug: 'old-place', title: 'Moved article', published: '2024-01-01' }, 'moved.md');
  writeArticle(dir, { slug: 'live', title: 'Live article', published: '2024-01-02' });
  writeArticle(dir, { slug: 'doomed', title: 'Doomed article', published: '2024-01-03' });
  writeArticle(dir, { slug: 'steady', title: 'Steady article', published: '2024-01-04' });
  writeFileSync(path.join(dir, 'draft.md'), articleSource({ slug: 'draft', title: 'A draft', published: '2024-01-05' }).replace('\n---\n', '\ndraft: true\n---\n'));
  writeFileSync(
    path.join(dir, 'linker.md'),
    articleSource({ slug: 'linker', title: 'Linker', published: '2024-01-06' }).replace('Staying active helps', 'See [doomed](/articles/doomed). Staying active helps'),
  );
  process.env.CITED_ARTICLES_DIR = dir;
  process.env.CITED_PREVIEW = '1';
  handler = await loadHandler();
  setClock(new Date('2026-11-27T12:00:00Z'));
  await settle();
  writeArticle(dir, { slug: 'new-place', title: 'Moved article', published: '2024-01-01' }, 'moved.md');
  writeArticle(dir, { slug: 'live', title: 'Live article', published: '2027-06-01' });
  rmSync(path.join(dir, 'doomed.md'));
  writeFileSync(path.join(dir, 'steady.md'), articleSource({ slug: 'steady', title: 'Steady article', published: '2024-01-04' }).replace('Staying active helps', 'Staying active:cite[nobody2020] helps'));
  await settle();
});

afterAll(() => {
  delete process.env.CITED_PREVIEW;
  delete process.env.CITED_PREVIEW_SECRET;
  setClock(null);
  rmSync(dir, { recursive: true, force: true });
  errors.mockRestore();
});

describe('/_content', () => {
  it('lists held-back, withdrawn and removed articles, and redirects', async () => {
    const text = mainText(await (await get(handler, '/_content')).text());
    expect(text).toContain('Held back steady.md: readers keep getting its last good version at /articles/steady');
    expect(text).toContain('/articles/live: “Live article” (live.md) withdrawn');
    expect(text).toContain('/articles/doomed: “Doomed article” (doomed.md) removed on 27 November 2026');
    expect(text).toContain('/articles/old-place → /articles/new-place (moved.md, an earlier slug)');
  });

  it('shows the error of an article linking to the removed one, at once', async () => {
    const text = mainText(await (await get(handler, '/_content')).text());
    expect(text).toContain('Link "/articles/doomed" points at an article that was removed');
  });

  it('says how to turn preview links on when there is no secret', async () => {
    const text = mainText(await (await get(handler, '/_content')).text());
    expect(text).toContain('Preview links are off (CITED_PREVIEW_SECRET is not set)');
  });

  it('gives each draft and scheduled article a signed preview link when there is one', async () => {
    process.env.CITED_PREVIEW_SECRET = secret;
    const html = await (await get(handler, '/_content')).text();
    const match = /href="\/articles\/draft\?preview=([^"]+)"/.exec(html);
    expect(match).not.toBeNull();
    expect(previewTokenValid({ secret, slug: 'draft', token: match?.[1] ?? '', now: new Date() })).toBe(true);
    expect(html).toMatch(/href="\/articles\/live\?preview=/);
    expect(mainText(html)).not.toContain('Preview links are off');
  });
});
