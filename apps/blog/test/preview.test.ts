/**
 * Dev preview (CITED_PREVIEW=1, what `npm run dev` gets from NODE_ENV=development) on the
 * production build: a broken article shows its diagnostics server-rendered (rule id, message,
 * file:line:column, the source with the spot marked); fixing the file shows the article; drafts
 * and scheduled articles show with a banner and noindex; /_content lists every problem.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleSource, makeArticlesDir, writeArticle } from './fixtures/articles';
import { get, loadHandler, mainText, scriptTags, setClock, settle, type Handler } from './helpers';

let handler: Handler;
let dir: string;
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  dir = makeArticlesDir();
  writeArticle(dir, { slug: 'fine', title: 'Fine', published: '2024-01-01' });
  writeFileSync(
    path.join(dir, 'broken.md'),
    articleSource({ slug: 'broken', title: 'Broken', published: '2024-01-02' }).replace('Staying active helps', 'Staying active:cite[hayden2005] helps'),
  );
  writeFileSync(
    path.join(dir, 'draft.md'),
    articleSource({ slug: 'draft', title: 'A draft', published: '2024-01-03' }).replace('\n---\n', '\ndraft: true\n---\n'),
  );
  writeArticle(dir, { slug: 'later', title: 'Later', published: '2027-03-01' });
  process.env.CITED_ARTICLES_DIR = dir;
  process.env.CITED_PREVIEW = '1';
  handler = await loadHandler();
  setClock(new Date('2026-11-27T12:00:00Z'));
});

afterAll(async () => {
  delete process.env.CITED_PREVIEW;
  setClock(null);
  rmSync(dir, { recursive: true, force: true });
  errors.mockRestore();
});

describe('dev diagnostics', () => {
  it('shows a broken article’s problems in the page, without JavaScript', async () => {
    const response = await get(handler, '/articles/broken');
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(scriptTags(html)).toEqual([]);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    const text = mainText(html);
    expect(text).toContain('This article has errors');
    expect(text).toContain('cite-unknown-key');
    expect(text).toContain('Citation key "hayden2005" is not in the frontmatter references');
    expect(text).toContain(`${path.join(dir, 'broken.md')}:13:15`);
    // The source line, marked, with a caret under the column.
    expect(html).toMatch(/<mark>13 \| Staying active:cite\[hayden2005\] helps more than bed rest\.<\/mark>\n {19}\^ here/);
  });

  it('shows the article once the file is fixed and the page reloaded', async () => {
    writeArticle(dir, { slug: 'broken', title: 'Broken no more', published: '2024-01-02' });
    await settle();
    const response = await get(handler, '/articles/broken');
    expect(response.status).toBe(200);
    expect(mainText(await response.text())).toContain('Broken no more');
  });

  it('lists every problem, draft and scheduled article on /_content', async () => {
    writeFileSync(path.join(dir, 'bad-yaml.md'), '---\ntitle: [unclosed\n---\n\nBody.\n');
    await settle();
    const response = await get(handler, '/_content');
    expect(response.status).toBe(200);
    const text = mainText(await response.text());
    expect(text).toContain(`${path.join(dir, 'bad-yaml.md')}:`);
    expect(text).toContain('Not published: readers get a 404 until this is fixed.');
    expect(text).toContain('A draft: draft');
    expect(text).toContain('Later: scheduled for March 1, 2027');
  });
});

describe('drafts and scheduled articles in dev', () => {
  it('shows a draft with a banner and noindex, and never lists it', async () => {
    const html = await (await get(handler, '/articles/draft')).text();
    expect(mainText(html)).toContain('Draft: not published.');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(await (await get(handler, '/')).text()).not.toContain('/articles/draft"');
  });

  it('shows a scheduled article with its date', async () => {
    const html = await (await get(handler, '/articles/later')).text();
    expect(mainText(html)).toContain('Scheduled for March 1, 2027: not published yet.');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('indexes a published article as usual', async () => {
    const html = await (await get(handler, '/articles/fine')).text();
    expect(html).not.toContain('noindex');
  });
});
