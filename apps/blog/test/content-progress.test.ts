/**
 * /_content during a cold pass (a start without the build-time database, forced here with
 * CITED_EAGER_VALIDATION_LIMIT=0): the server answers at once and publishes as it goes, and the
 * editors' page says how far it is, never cached meanwhile. Once settled it says nothing of it and
 * sends the page's usual cache headers.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, mainText, settle, type Handler } from './helpers';

let handler: Handler;
let dir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  dir = makeArticlesDir();
  for (let i = 1; i <= 6; i += 1) {
    writeArticle(dir, { slug: `progress-${i}`, title: `Progress article ${i}`, published: `2024-04-0${i}` });
  }
  process.env.CITED_ARTICLES_DIR = dir;
  process.env.CITED_EAGER_VALIDATION_LIMIT = '0';
  process.env.CITED_PREVIEW = '1';
  handler = await loadHandler();
});

afterAll(() => {
  delete process.env.CITED_EAGER_VALIDATION_LIMIT;
  delete process.env.CITED_PREVIEW;
  rmSync(dir, { recursive: true, force: true });
  errors.mockRestore();
});

describe('/_content during a cold pass', () => {
  it('shows the counts while the pass runs, is not cached meanwhile, and says nothing once settled', async () => {
    // The first request starts the store, which answers before it has looked at the files.
    const during = await get(handler, '/_content');
    expect(during.status).toBe(200);
    expect(during.headers.get('cache-control')).toBe('no-store');
    const text = mainText(await during.text());
    const counts = /Publishing is still catching up (\d+) of 6 files looked at; (\d+) articles? published so far/.exec(text);
    expect(counts, text).not.toBeNull();
    expect(Number(counts?.[1])).toBeLessThan(6);
    // The page's own count of published articles is the one the notice gives.
    expect(text).toContain(`${counts?.[2]} published ${counts?.[2] === '1' ? 'article' : 'articles'};`);
    expect(text).toContain('an article not looked at yet answers 404 Not found');

    await settle();
    const after = await get(handler, '/_content');
    expect(after.status).toBe(200);
    const settledText = mainText(await after.text());
    expect(settledText).toContain('6 published articles');
    expect(settledText).not.toContain('catching up');
    expect(settledText).not.toContain('files looked at');
    // The headers any settled page gets (/_content's own, before the pass notice existed).
    const index = await get(handler, '/');
    expect(after.headers.get('cache-control')).toBe(index.headers.get('cache-control'));
    expect(after.headers.get('cache-control')).not.toBe('no-store');
  });
});
