import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { storeDatabasePath } from '../src/store/database.js';
import { createContentStore } from '../src/store/index.js';
import { temporaryDirectories } from '@cited/test-utils/temporary';
import { contentRoot } from '@cited/test-utils/workspace';
import { article, builtPackage, packageDir, seedPath } from './helpers.js';

const bin = join(packageDir, 'bin/cited-content.js');
const temporary = temporaryDirectories();

// The bin runs the compiled CLI.
beforeAll(() => {
  builtPackage();
});

afterAll(() => temporary.removeAll());

function tempDir(files: Record<string, string> = {}): string {
  return temporary.make('content-cli', files);
}

/** The CLI, run from a folder outside any site (so only what a test sets up is found). */
function run(...args: string[]) {
  return runIn(tmpdir(), ...args);
}

function runIn(cwd: string, ...args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CITED_')));
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env });
}

describe('cited-content check', () => {
  it('exits 0 on the seed article and prints its warnings with positions and rule ids', () => {
    const dir = tempDir();
    copyFileSync(seedPath, join(dir, 'failed-back-surgery-syndrome.md'));
    const result = run('check', '--route', '/contact', dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/failed-back-surgery-syndrome\.md: published at \/articles\/failed-back-surgery-syndrome\n/);
    expect(result.stdout).toMatch(/\d+:\d+(?:-\d+:\d+)?\s+warning\s+Paragraph states "17%" without a citation.*claim-without-citation/);
    // 4 content warnings, then the readability ones: 28 paragraphs and the article above grade 8.
    expect(result.stdout).toContain('0 errors, 33 warnings in 1 article');
    expect(result.stdout).toMatch(/warning\s+Paragraph reads at grade [\d.]+ \(reading age \d+\), above the target grade 8.*readability-paragraph/);
    expect(result.stdout).toMatch(/failed-back-surgery-syndrome\.md: readability grade 13 \(reading age 18\), above the target grade 8/);
    const relaxed = run('check', '--route', '/contact', dir, '--grade', '30');
    expect(relaxed.stdout).toContain('0 errors, 4 warnings in 1 article');
    expect(relaxed.stdout).toContain('within the target grade 30');
  });

  it('reads bibliography files next to the articles', () => {
    const dir = tempDir({
      'refs.bib': '@article{doe2020, author = {Doe, Jane}, title = {A study of backs}, journaltitle = {J Backs}, date = {2020}}\n',
      'cited.md': article('Text [@doe2020] and :cite[a2020].', 'bibliography: refs.bib\n'),
    });
    const result = run('check', dir);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('no problems');
  });

  it('shows a bibliography field\'s problem at its line:column in the bibliography file', () => {
    const dir = tempDir({
      'refs.bib': '@article{doe2020,\n  author = {Doe, Jane},\n  title = {A study of backs},\n  date = {2020},\n  doi = {10.1000 bad}\n}\n',
      'refs.json': '[\n  {\n    "id": "roe2021",\n    "title": "Backs",\n    "author": [{ "family": "Roe" }],\n    "issued": { "date-parts": [[2021]] },\n    "DOI": "not-a-doi"\n  }\n]\n',
      'cited.md': article('Text [@doe2020; @roe2021] and :cite[a2020].', 'bibliography: [refs.bib, refs.json]\n'),
    });
    const result = run('check', dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/refs\.bib:5:9\s+error\s+Reference "doe2020": `doi` "10\.1000 bad"/);
    expect(result.stdout).toMatch(/refs\.json:7:12\s+error\s+Reference "roe2021": `doi` "not-a-doi"/);
  });

  it('--people: an unknown author id is an error at its position; --site: the config is checked', () => {
    const dir = tempDir({ 'a.md': article('Text.:cite[a2020]', 'author: nobody\n') });
    const people = join(tempDir({ 'people.yml': 'clinic:\n  type: organization\n  name: Clinic\n' }), 'people.yml');
    const site = join(tempDir({ 'site.yml': 'name: x\n' }), 'site.yml');
    const result = run('check', dir, '--people', people, '--site', site);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/a\.md[\s\S]*6:9\s+error\s+`author` "nobody" is not in the people registry.*person-unknown/);
    expect(result.stdout).toMatch(/site\.yml[\s\S]*error.*site-config-invalid/);
    const fixed = run('check', tempDir({ 'a.md': article('Text.:cite[a2020]', 'author: clinic\n') }), '--people', people);
    expect(fixed.status, fixed.stdout).toBe(0);
  });

  it('--site and --people: the seed meets the blog’s site.yml; an article that breaks its rules is an error', () => {
    const blogContent = contentRoot();
    const dir = tempDir();
    copyFileSync(seedPath, join(dir, 'failed-back-surgery-syndrome.md'));
    const configs = ['--people', join(blogContent, 'people.yml'), '--site', join(blogContent, 'site.yml')];
    const seed = run('check', '--route', '/contact', dir, ...configs);
    expect(seed.status, seed.stdout).toBe(0);
    expect(seed.stdout).toMatch(/0 errors, \d+ warnings in 1 article/);
    // site.yml's readability.allow: "prolotherapy" is not a hard word there.
    expect(seed.stdout).not.toMatch(/long words[^;]*“[Pp]rolotherapy”/);
    const broken = tempDir({
      'back.md': article('Prolotherapy may help.:cite[a2020]', 'author: magaziner-center\n').replace('category: Test', 'category: Back pain'),
    });
    const result = run('check', broken, ...configs);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/back\.md[\s\S]*4:11\s+error\s+Articles in the category "Back pain" need a care card.*care-card-missing/);
    expect(result.stdout).toMatch(/6:1\s+error\s+The article discusses prolotherapy, which Magaziner Center for Wellness offers.*disclosure-missing/);
  });

  it('exits 0 on a clean directory', () => {
    const result = run('check', tempDir({ 'clean.md': article('Text.:cite[a2020]') }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('no problems');
  });

  it('exits 1 when any article has an error', () => {
    const dir = tempDir({ 'clean.md': article('Text.:cite[a2020]'), 'broken.md': article('Text.:cite[nope2020]') });
    const result = run('check', dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/broken\.md/);
    expect(result.stdout).toMatch(/14:6(?:-14:\d+)?\s+error\s+Citation key "nope2020" is not in the frontmatter references\s+cite-unknown-key/);
    expect(result.stdout).toContain('1 error');
  });

  it('exits 1 on duplicate slugs across files', () => {
    const dir = tempDir({ 'a.md': article('Text.:cite[a2020]', 'slug: same\n'), 'b.md': article('Text.:cite[a2020]', 'slug: same\n') });
    const result = run('check', dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('slug-duplicate');
  });

  it('exits 2 on usage errors', () => {
    expect(run().status).toBe(2);
    expect(run('lint', '.').status).toBe(2);
    expect(run('check').status).toBe(2);
    expect(run('check', '--nope', '.').status).toBe(2);
    expect(run('check', '--route', 'contact', '.').status).toBe(2);
    expect(run('refs').status).toBe(2);
    expect(run('refs', 'add', 'not-an-identifier').status).toBe(2);
    const missing = run('check', join(tmpdir(), 'does-not-exist-cited'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('is not a file or directory');
    expect(run('--help').status).toBe(0);
  });
});

/** A site laid out as the blog's: package.json with its pages, content/people.yml, content/articles/. */
function blogSite(articles: Record<string, string>, routes: unknown[] = ['/', '/contact', '/search', '/category/:category', '/authors/:person']) {
  const root = tempDir();
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'a-blog', cited: { content: 'content', routes } }, null, 2));
  mkdirSync(join(root, 'content/articles'), { recursive: true });
  writeFileSync(join(root, 'content/people.yml'), 'the-clinic:\n  type: organization\n  name: The Clinic\njane-doe:\n  type: person\n  name: Jane Doe\n');
  for (const [name, text] of Object.entries(articles)) {
    mkdirSync(join(root, 'content/articles', name, '..'), { recursive: true });
    writeFileSync(join(root, 'content/articles', name), text);
  }
  return { root, articles: join(root, 'content/articles') };
}

describe('cited-content check gives the server\'s verdict', () => {
  it('finds the site of a single file (people.yml, its pages) as the server does, and says what it does with it', () => {
    const site = blogSite({
      'x.md': article('See [search](/search) and [Jane](/authors/jane-doe).:cite[a2020]', 'slug: x\nreviewedBy: nobody\n'),
      'y.md': article('Text.:cite[a2020]', 'slug: y\nauthor: the-clinic\n').replace('title: Test article', 'title: Another article'),
      'z.md': article('Text.:cite[a2020]', 'slug: z\ndraft: true\n').replace('title: Test article', 'title: A draft'),
    });
    const result = runIn(site.root, 'check', 'content/articles/x.md');
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('Site: content (people.yml; pages from package.json); articles in content/articles');
    expect(result.stdout).toContain('content/articles/x.md: would not be published (1 error: person-unknown)');
    expect(result.stdout).toMatch(/content\/articles\/x\.md:7:13 {2}error {2}`reviewedBy` "nobody" is not in the people registry.* {2}person-unknown/);
    expect(result.stdout).not.toContain('link-broken');
    expect(result.stdout).not.toContain('y.md'); // only the file asked for
    const clean = runIn(site.root, 'check', 'content/articles');
    expect(clean.stdout).toContain('content/articles/y.md: published at /articles/y');
    expect(clean.stdout).toContain('3 articles checked in content/articles: 1 published, 1 draft, 1 not published');
  });

  it('checks a folder outside the site as if added to it, from the site of the working directory', () => {
    const site = blogSite({ 'live.md': article('Text.:cite[a2020]', 'slug: live\n') });
    const drafts = tempDir({
      'draft.md': article('[Contact us](/contact), see [live](/articles/live) and [the other](/articles/other).:cite[a2020]', 'slug: draft\n'),
      'other.md': article('Text.:cite[a2020]', 'slug: other\n'),
    });
    const result = runIn(site.root, 'check', join(drafts, 'draft.md'));
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toContain(`${join(drafts, 'draft.md')}: if added to content/articles: published at /articles/draft`);
    // Without a site (run elsewhere), the folder is checked on its own: /contact is not known there.
    const alone = run('check', join(drafts, 'draft.md'));
    expect(alone.stdout).toContain('Site: none found');
    expect(alone.stdout).toMatch(/Link "\/contact" points at no page of this site/);
  });

  it('content kept apart from the blog (its own site.yml, no package.json above it) is checked against the pages of the blog it is run from', () => {
    const site = blogSite({});
    const apart = tempDir({
      'people.yml': 'the-clinic:\n  type: organization\n  name: The Clinic\n',
      'site.yml': readFileSync(join(contentRoot(), 'site.yml'), 'utf8'),
      'articles/x.md': article('[Contact us](/contact), [search](/search), [nowhere](/nowhere).:cite[a2020]', 'slug: x\nauthor: the-clinic\n'),
    });
    const target = join(apart, 'articles/x.md');
    const fromBlog = runIn(site.root, 'check', target);
    expect(fromBlog.stdout).toContain('pages from package.json');
    expect(fromBlog.stdout).not.toMatch(/Link "\/contact"/);
    expect(fromBlog.stdout).not.toMatch(/Link "\/search"/);
    expect(fromBlog.stdout).toMatch(/Link "\/nowhere" points at no page of this site/);
    // From the repository's root, whose package.json points at the blog's content: the blog's pages too.
    const repository = tempDir({ 'package.json': JSON.stringify({ name: 'a-repo', cited: { content: 'blog/content' } }) });
    const blog = blogSite({});
    mkdirSync(join(repository, 'blog'));
    copyFileSync(join(blog.root, 'package.json'), join(repository, 'blog/package.json'));
    mkdirSync(join(repository, 'blog/content'));
    copyFileSync(join(blog.root, 'content/people.yml'), join(repository, 'blog/content/people.yml'));
    const fromRepository = runIn(repository, 'check', target);
    expect(fromRepository.stdout).toContain('pages from blog/package.json');
    expect(fromRepository.stdout).not.toMatch(/Link "\/contact"/);
    // Run from anywhere else it has only "/", and says so.
    const alone = run('check', target);
    expect(alone.stdout).toContain('no "cited.routes" in a package.json above it');
    expect(alone.stdout).toMatch(/Link "\/contact" points at no page of this site/);
  });

  it('says which version the server keeps, from its cache (--cache), and "would not be published" without it', async () => {
    const site = blogSite({ 'live.md': article('Text.:cite[a2020]', 'slug: live\n') });
    const cache = tempDir();
    const store = createContentStore({ dir: site.articles, cacheDir: cache, workers: 0, watch: false, log: () => undefined });
    await store.ready;
    await store.close();
    writeFileSync(join(site.articles, 'live.md'), article('Text.:cite[nope2020]', 'slug: live\n'));
    const held = runIn(site.root, 'check', 'content/articles', '--cache', cache);
    expect(held.status).toBe(1);
    expect(held.stdout).toContain(`what the server serves now: from its cache ${cache}`);
    expect(held.stdout).toContain('content/articles/live.md: held: readers keep getting its last good version at /articles/live; this version has 1 error: cite-unknown-key');
    const unknown = runIn(site.root, 'check', 'content/articles');
    expect(unknown.stdout).toContain('content/articles/live.md: would not be published (1 error: cite-unknown-key)');
  });

  it('says why a cache given does not tell what the server serves: none there, or another build of @cited/content wrote it', async () => {
    const site = blogSite({ 'live.md': article('Text.:cite[a2020]', 'slug: live\n') });
    const empty = tempDir();
    const none = runIn(site.root, 'check', 'content/articles', '--cache', empty);
    expect(none.stdout).toContain(`what the server serves now: unknown: the cache ${empty} holds no store database (no server has run with it; give the server's cache with --cache or CITED_CACHE_DIR)`);

    const cache = tempDir();
    const store = createContentStore({ dir: site.articles, cacheDir: cache, workers: 0, watch: false, log: () => undefined });
    await store.ready;
    await store.close();
    // As a server of an older @cited/content leaves it.
    const db = new Database(storeDatabasePath(cache));
    db.prepare("UPDATE sites SET compiler = 'an-older-build'").run();
    db.close();
    const foreign = runIn(site.root, 'check', 'content/articles', '--cache', cache);
    expect(foreign.stdout).toContain(`what the server serves now: unknown: the server that wrote the cache ${cache} runs another build of @cited/content than this check`);
    expect(foreign.stdout).not.toContain('give its cache with --cache');
  });

  it('finds the server\'s cache where the blog keeps it by default (node_modules/.cache of the package declaring its pages)', async () => {
    const site = blogSite({ 'live.md': article('Text.:cite[a2020]', 'slug: live\n') });
    const cache = join(site.root, 'node_modules/.cache/cited-content');
    const store = createContentStore({ dir: site.articles, cacheDir: cache, workers: 0, watch: false, log: () => undefined });
    await store.ready;
    await store.close();
    writeFileSync(join(site.articles, 'live.md'), article('Text.:cite[nope2020]', 'slug: live\n'));
    const held = runIn(site.root, 'check', 'content/articles');
    expect(held.stdout).toContain('what the server serves now: from its cache node_modules/.cache/cited-content');
    expect(held.stdout).toContain('content/articles/live.md: held: readers keep getting its last good version at /articles/live; this version has 1 error: cite-unknown-key');
  });

  it('article-not-read: a file in the articles folder\'s tree the server never reads', () => {
    const site = blogSite({ 'drafts/later.md': article('Text.:cite[a2020]', 'slug: later\n') });
    const result = runIn(site.root, 'check', 'content/articles');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('content/articles/drafts/later.md: not published: the server reads only .md files directly in content/articles (moved there: published at /articles/later)');
    expect(result.stdout).toMatch(/drafts\/later\.md:1:1 {2}warning {2}The server reads only \.md files directly in content\/articles: this file is never published {2}article-not-read/);
  });

  it('checks the pages the package.json declares: a link to a category needs a published article in it', () => {
    const site = blogSite(
      {
        'a.md': article('See [tests](/category/test) and [hips](/category/hips).:cite[a2020]', 'slug: a\n'),
        // Published, so its category "Test" has a page.
        'b.md': article('Text.:cite[a2020]', 'slug: b\n'),
      },
      ['/', '/category/:category', '/bad/*/route'],
    );
    const result = runIn(site.root, 'check', 'content/articles');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/package\.json:\d+:\d+ {2}error {2}`cited\.routes`: route "\/bad\/\*\/route" may only end in "\/\*" {2}site-config-invalid/);
    expect(result.stdout).toMatch(/Link "\/category\/hips" points at no category with a published article \("hips"\)/);
    expect(result.stdout).not.toContain('"/category/test" points');
  });
});
