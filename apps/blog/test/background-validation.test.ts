/**
 * A large site's cold start (forced here with CITED_EAGER_VALIDATION_LIMIT=0): the server answers
 * at once and publishes each article as the worker pool finishes compiling it. An article broken
 * only in its body is never listed, fed, mapped or served, not even briefly, and its problem is
 * logged with file:line:column.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, settle, type Handler } from './helpers';

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

describe('cold start of a large site', () => {
  it('answers at once, publishes what compiles, and never the article that does not', async () => {
    // The first answer comes before the compiles finish: a page, never an error or a broken article.
    expect(await indexHtml()).not.toContain('/articles/broken-body');

    await settle();
    const html = await indexHtml();
    expect(html).not.toContain('/articles/broken-body');
    for (let i = 1; i <= 5; i += 1) expect(html).toContain(`/articles/good-${i}`);
    expect(await (await get(handler, '/rss.xml')).text()).not.toContain('broken-body');
    expect(await (await get(handler, '/sitemap.xml')).text()).not.toContain('broken-body');
    expect((await get(handler, '/articles/broken-body')).status).toBe(404);
    expect((await get(handler, '/articles/good-3')).status).toBe(200);

    const logged = errors.mock.calls.map((call) => call.join(' ')).join('\n');
    expect(logged).toMatch(/not publishing broken-body\.md\n {2}broken-body\.md:\d+:\d+ error .*cite-unknown-key/);
  });
});
