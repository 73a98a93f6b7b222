/**
 * A large site (forced here with CITED_EAGER_VALIDATION_LIMIT=0) answers from frontmatter
 * listings at once and validates every article in a worker thread: an article broken only in its
 * body leaves the index, feed and sitemap once its turn comes, and its page 404s.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, type Handler } from './helpers';

let handler: Handler;
let dir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  dir = makeArticlesDir();
  for (let i = 1; i <= 5; i += 1) {
    writeArticle(dir, { slug: `good-${i}`, title: `Good article ${i}`, published: `2024-03-0${i}` });
  }
  writeFileSync(
    path.join(dir, 'broken-body.md'),
    '---\ntitle: Broken body\ndescription: Cites a reference that does not exist.\nslug: broken-body\ncategory: Back pain\npublished: 2024-03-09\n---\n\nA claim.:cite[nosuchkey]\n',
  );
  process.env.CITED_ARTICLES_DIR = dir;
  process.env.CITED_EAGER_VALIDATION_LIMIT = '0';
  handler = await loadHandler();
});

afterAll(() => {
  delete process.env.CITED_EAGER_VALIDATION_LIMIT;
  rmSync(dir, { recursive: true, force: true });
  errors.mockRestore();
});

async function indexHtml(): Promise<string> {
  const response = await get(handler, '/');
  expect(response.status).toBe(200);
  return response.text();
}

describe('background validation of a large site', () => {
  it('lists from frontmatter at once, then drops the article that fails to compile', async () => {
    // The first answer comes from listings: every file with valid frontmatter is listed.
    expect(await indexHtml()).toContain('/articles/good-1');

    // The worker validates all six; poll until the broken one is gone. The bound only catches a hang:
    // under turbo's parallel load on 2 cores everything runs many times slower than alone.
    const deadline = Date.now() + 120_000;
    let html = await indexHtml();
    while (html.includes('/articles/broken-body') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      html = await indexHtml();
    }
    expect(html).not.toContain('/articles/broken-body');
    for (let i = 1; i <= 5; i += 1) expect(html).toContain(`/articles/good-${i}`);
    expect(await (await get(handler, '/rss.xml')).text()).not.toContain('broken-body');
    expect(await (await get(handler, '/sitemap.xml')).text()).not.toContain('broken-body');
    expect((await get(handler, '/articles/broken-body')).status).toBe(404);
    expect((await get(handler, '/articles/good-3')).status).toBe(200);

    const logged = errors.mock.calls.map((call) => call.join(' ')).join('\n');
    expect(logged).toMatch(/broken-body\.md:\d+:\d+ error .*cite-unknown-key/);
    expect(logged).not.toContain('validating on the main thread'); // the worker really ran
  });
});
