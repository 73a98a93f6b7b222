/**
 * The category registry on the real site, as an editor meets it: a typo in `category:` ("Back
 * pian") is `category-unknown` with "did you mean" at file:line:column in `cited-content check`,
 * and the production server does exactly what the check says: a new article is not published, an
 * edit to a live one keeps its last good version, and no "Back pian" page or menu item appears.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSource } from './fixtures/articles';
import { appDir, startProductionServer } from './helpers';

const run = promisify(execFile);
const cli = path.resolve(appDir, '../../packages/content/bin/cited-content.js');
const realSiteConfig = path.join(appDir, 'content/site.yml');
const seed = readFileSync(path.join(appDir, 'content/articles/failed-back-surgery-syndrome.md'), 'utf8');

/** A copy of the real article under its own slug and title, filed under `category`. */
function realArticleCopy(title: string, category: string): string {
  return seed
    .replace(/^title: .*$/m, `title: ${title}\nslug: back-pain-copy`)
    .replace(/^category: .*$/m, `category: ${category}`);
}

/** 1-based line and column of the `category:` value in `source`. */
function categoryPosition(source: string): string {
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.startsWith('category: '));
  return `${index + 1}:${'category: '.length + 1}`;
}

const site = mkdtempSync(path.join(tmpdir(), 'cited-categories-site-'));
const articlesDir = path.join(site, 'articles');
const cacheDir = path.join(site, 'cache');
// The real site.yml, not the tests' copy with made-up categories (site-config.setup.ts).
const env = { CITED_ARTICLES_DIR: articlesDir, CITED_CACHE_DIR: cacheDir, CITED_SITE_CONFIG: realSiteConfig, CITED_COMPILE_WORKERS: '0' };
const editedSource = realArticleCopy('Back pain copy, edited', 'Back pian');
let server: { child: ChildProcess; port: number; output: () => string } | undefined;

/** Until the server has taken the save either way: it logged `held`, or it serves `published` (then the tests below fail, not hang). */
async function untilTaken({ held, published }: { held: string; published: () => Promise<boolean> }): Promise<void> {
  while (!server?.output().includes(held) && !(await published())) await new Promise((resolve) => setTimeout(resolve, 50));
}

const page = async (pathname: string) => {
  const response = await fetch(`http://127.0.0.1:${server?.port}${pathname}`);
  return { status: response.status, html: await response.text() };
};

beforeAll(async () => {
  mkdirSync(articlesDir, { recursive: true });
  mkdirSync(cacheDir);
  writeFileSync(path.join(articlesDir, 'failed-back-surgery-syndrome.md'), seed);
  writeFileSync(path.join(articlesDir, 'back-pain-copy.md'), realArticleCopy('Back pain copy', 'Back pain'));
  server = await startProductionServer(env);
  expect((await page('/articles/back-pain-copy')).status).toBe(200);
  // The editor's saves on the running site: a typo in a live article, and a new article with it.
  writeFileSync(path.join(articlesDir, 'back-pain-copy.md'), editedSource);
  writeFileSync(path.join(articlesDir, 'typo-new.md'), articleSource({ slug: 'typo-new', title: 'A new article with a typo', category: 'Back pian', published: '2024-01-01' }));
  await untilTaken({
    held: '[content] back-pain-copy.md has errors: still serving its last good version',
    published: async () => (await page('/articles/back-pain-copy')).html.includes('Back pain copy, edited'),
  });
  await untilTaken({ held: '[content] not publishing typo-new.md', published: async () => (await page('/articles/typo-new')).status === 200 });
});

afterAll(() => {
  if (server?.child.pid) server.child.kill('SIGTERM');
  rmSync(site, { recursive: true, force: true });
});

describe('category: Back pian', () => {
  it('cited-content check: category-unknown, "did you mean `Back pain`", at file:line:column, with what the server does', async () => {
    const checked = await run(process.execPath, [cli, 'check', articlesDir], { cwd: appDir, env: { ...process.env, ...env } }).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
    );
    expect(checked.code).toBe(1);
    const didYouMean = 'error  Category "Back pian" is not in site.yml\'s categories (did you mean `Back pain`?)';
    expect(checked.output).toContain(`${path.join(articlesDir, 'back-pain-copy.md')}:${categoryPosition(editedSource)}  ${didYouMean}`);
    expect(checked.output).toContain(`${path.join(articlesDir, 'typo-new.md')}:5:11  ${didYouMean}`);
    expect(checked.output).toContain('back-pain-copy.md: held: readers keep getting its last good version at /articles/back-pain-copy; this version has 1 error: category-unknown');
    expect(checked.output).toContain('typo-new.md: not published (1 error: category-unknown)');
    expect(checked.output).toContain('failed-back-surgery-syndrome.md: published at /articles/failed-back-surgery-syndrome');
  });

  it('the server agrees: the live article keeps its last good version, the new one is not published', async () => {
    const live = await page('/articles/back-pain-copy');
    expect(live.status).toBe(200);
    expect(live.html).toContain('Back pain copy</h1>');
    expect(live.html).not.toContain('Back pain copy, edited');
    expect((await page('/articles/typo-new')).status).toBe(404);
    expect((await page('/articles/failed-back-surgery-syndrome')).status).toBe(200);
  });

  it('adds no "Back pian" page or menu item; the Back pain page lists both published articles with its description', async () => {
    expect((await page('/category/back-pian')).status).toBe(404);
    const index = await page('/');
    expect(index.html).not.toContain('Back pian');
    const category = await page('/category/back-pain');
    expect(category.status).toBe(200);
    expect(category.html).toContain('Articles about back pain and its treatments.');
    expect(category.html).toContain('href="/articles/back-pain-copy"');
    expect(category.html).toContain('href="/articles/failed-back-surgery-syndrome"');
  });
});
