/**
 * The content store: once per file version, last good version, drafts and scheduling (injected
 * clock), deletions, restarts from the disk cache, site links, the watcher and the worker pool.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteIndex } from '../../src/site/site-index.js';
import type { FileRecord } from '../../src/store/snapshot.js';
import { fixturesDir } from '../helpers.js';
import { makeSite, source, type Site } from './fixtures.js';

let site: Site;
afterEach(async () => {
  await site?.cleanup();
});

const slugsOf = (listings: readonly { slug: string }[]): string[] => listings.map((listing) => listing.slug);

describe('a directory as a snapshot', () => {
  it('lists published articles newest first, with listing fields, and serves bodies', async () => {
    site = makeSite();
    site.write({ slug: 'older', published: '2024-01-01' });
    site.write({ slug: 'newer', published: '2024-02-01' });
    const store = site.open();
    await store.ready;
    const snapshot = store.snapshot();
    expect(slugsOf(snapshot.articles)).toEqual(['newer', 'older']);
    expect(snapshot.articles[0]).toMatchObject({ title: 'Article newer', category: 'Back pain', tags: ['back'], draft: false });
    expect(snapshot.articles[0]?.readingTimeMinutes).toBeGreaterThanOrEqual(1);
    const article = await store.article('older');
    expect(article?.meta.slug).toBe('older');
    expect(article?.toc.map((entry) => entry.id)).toEqual(['when-to-get-help']);
    expect(await store.article('missing')).toBeNull();
    expect(store.stats.compiled).toBe(2);
  });

  it('does no compile work on a restart with unchanged content', async () => {
    site = makeSite();
    for (let i = 1; i <= 3; i += 1) site.write({ slug: `a-${i}` });
    const first = site.open();
    await first.ready;
    const version = first.snapshot().version;
    await first.close();

    const second = site.open();
    await second.ready;
    expect(second.stats).toMatchObject({ compiled: 0, fromCache: 0 });
    expect(second.snapshot().version).toBe(version);
    expect((await second.article('a-2'))?.meta.slug).toBe('a-2');
  });

  it('keeps the progress of an interrupted cold start: no file is compiled twice', async () => {
    site = makeSite();
    for (let i = 1; i <= 60; i += 1) site.write({ slug: `cold-${i}` });
    const first = site.open({ eagerLimit: 10 });
    await first.ready; // a large cold start answers before compiling everything
    await first.close();
    const second = site.open({ eagerLimit: 10 });
    await second.settled();
    expect(first.stats.compiled + second.stats.compiled).toBe(60);
    expect(second.snapshot().articles).toHaveLength(60);
  });

  it('gives the same version and the same cached bytes on another machine (directory, cache)', async () => {
    site = makeSite();
    site.write({ slug: 'same' });
    const store = site.open();
    await store.ready;
    const other = makeSite();
    other.write({ slug: 'same' });
    const otherStore = other.open();
    await otherStore.ready;
    try {
      expect(otherStore.snapshot().version).toBe(store.snapshot().version);
      const objects = (root: string): string[] =>
        readdirSync(path.join(root, 'objects'), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
      expect(objects(other.cacheDir)).toEqual(objects(site.cacheDir));
    } finally {
      await other.cleanup();
    }
  });
});

describe('bibliography files', () => {
  it('compiles an article that cites a bibliography file beside it', async () => {
    site = makeSite();
    copyFileSync(path.join(fixturesDir, 'bibliography/library.bib'), path.join(site.dir, 'library.bib'));
    site.write({ slug: 'with-bib', extra: 'bibliography: library.bib\n', body: 'A finding.[@epstein2013]' });
    const store = site.open();
    await store.ready;
    expect(slugsOf(store.snapshot().articles)).toEqual(['with-bib']);
    expect((await store.article('with-bib'))?.references.map((reference) => reference.id)).toEqual(['epstein2013']);
  });

  /** The fixture library with epstein2013's title replaced (or the entry renamed, which breaks the citation). */
  const library = readFileSync(path.join(fixturesDir, 'bibliography/library.bib'), 'utf8');
  const retitled = (title: string): string => library.replace(/title = \{Are Recommended Spine Operations[^\n]*\n/, `title = {${title}},\n`);
  const titleOf = async (store: { article: (slug: string) => Promise<{ references: { title?: string }[] } | null> }) =>
    (await store.article('with-bib'))?.references[0]?.title;

  it('re-validates the articles citing a bibliography file when it changes: last good kept on a break, fix taken', async () => {
    site = makeSite();
    site.writeRaw('library.bib', retitled('First title'));
    site.write({ slug: 'with-bib', extra: 'bibliography: library.bib\n', body: 'A finding.[@epstein2013]' });
    site.write({ slug: 'plain' });
    const store = site.open();
    await store.ready;
    expect(await titleOf(store)).toBe('First title');

    site.writeRaw('library.bib', retitled('Second title'));
    let snapshot = await store.refresh();
    expect(await titleOf(store)).toBe('Second title');
    expect(store.stats.compiled).toBe(3); // the article citing it, not the other one

    // The cited entry renamed away: the article breaks, its last good version stays served.
    site.writeRaw('library.bib', library.replace('@article{epstein2013,', '@article{epstein2014,'));
    snapshot = await store.refresh();
    expect(snapshot.entry('with-bib')?.servingLastGood).toBe(true);
    expect(snapshot.reports.find((r) => r.file === 'with-bib.md')?.diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'cite-unknown-key', severity: 'error' }),
    );
    expect(await titleOf(store)).toBe('Second title');

    // Back to an earlier bibliography: that version is in the cache already, nothing compiles.
    site.writeRaw('library.bib', retitled('First title'));
    snapshot = await store.refresh();
    expect(snapshot.entry('with-bib')?.servingLastGood).toBe(false);
    expect(await titleOf(store)).toBe('First title');
    expect(store.stats.compiled).toBe(4);
  });

  it('notices articles added, edited and deleted while the server was down, and nothing else', async () => {
    site = makeSite();
    for (const slug of ['kept', 'edited', 'deleted']) site.write({ slug });
    const first = site.open();
    await first.ready;
    await first.close();

    site.write({ slug: 'edited', body: 'Edited while the server was down.' });
    site.write({ slug: 'added' });
    unlinkSync(path.join(site.dir, 'deleted.md'));
    const second = site.open();
    await second.settled();
    // Only the two new versions are compiled; the unchanged file is not even read again.
    expect(second.stats).toMatchObject({ compiled: 2, fromCache: 0 });
    expect(slugsOf(second.snapshot().articles).sort()).toEqual(['added', 'edited', 'kept']);
    expect(JSON.stringify((await second.article('edited'))?.hast)).toContain('Edited while the server was down.');
  });

  it('notices a bibliography edited while the server was down, and compiles nothing on an unchanged restart', async () => {
    site = makeSite();
    mkdirSync(path.join(site.dir, 'refs'));
    site.writeRaw('refs/library.bib', retitled('Before'));
    site.write({ slug: 'with-bib', extra: 'bibliography: refs/library.bib\n', body: 'A finding.[@epstein2013]' });
    const first = site.open();
    await first.ready;
    await first.close();

    const unchanged = site.open();
    await unchanged.ready;
    await unchanged.settled();
    expect(unchanged.stats).toMatchObject({ compiled: 0, fromCache: 0 });
    await unchanged.close();

    site.writeRaw('refs/library.bib', retitled('While down'));
    const second = site.open();
    await second.settled();
    expect(second.stats.compiled).toBe(1);
    expect(await titleOf(second)).toBe('While down');
  });

  it('picks up a bibliography edit through the file watcher, in a subdirectory too', async () => {
    site = makeSite();
    mkdirSync(path.join(site.dir, 'refs'));
    site.writeRaw('refs/library.bib', retitled('Watched before'));
    site.write({ slug: 'with-bib', extra: 'bibliography: refs/library.bib\n', body: 'A finding.[@epstein2013]' });
    const store = site.open({ watch: true });
    await store.ready;
    const updated = new Promise((resolve) => store.subscribe(resolve));
    site.writeRaw('refs/library.bib', retitled('Watched after'));
    await updated;
    expect(await titleOf(store)).toBe('Watched after');
  });
});

describe('last good version', () => {
  it('keeps serving a published article when an edit breaks it, then takes the fix', async () => {
    site = makeSite();
    site.write({ slug: 'live', title: 'Live v1' });
    const store = site.open();
    await store.ready;

    site.write({ slug: 'live', title: 'Live v2 broken', body: 'A claim.:cite[nokey]' });
    const broken = await store.refresh();
    expect(slugsOf(broken.articles)).toEqual(['live']);
    expect(broken.articles[0]?.title).toBe('Live v1');
    expect(broken.entry('live')?.servingLastGood).toBe(true);
    expect((await store.article('live'))?.meta.title).toBe('Live v1');
    const report = broken.reports.find((r) => r.file === 'live.md');
    expect(report?.state).toBe('last-good');
    expect(report?.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'cite-unknown-key', file: 'live.md', line: 10 }));
    expect(site.logs.join('\n')).toMatch(/live\.md has errors: still serving its last good version\n {2}live\.md:10:\d+ error .*cite-unknown-key/);

    site.write({ slug: 'live', title: 'Live v3 fixed' });
    const fixed = await store.refresh();
    expect(fixed.articles[0]?.title).toBe('Live v3 fixed');
    expect(fixed.entry('live')?.servingLastGood).toBe(false);
    expect((await store.article('live'))?.meta.title).toBe('Live v3 fixed');
    expect(fixed.reports.find((r) => r.file === 'live.md')).toBeUndefined();
  });

  it('still serves the last good version after a restart with the broken file on disk', async () => {
    site = makeSite();
    site.write({ slug: 'live', title: 'Good' });
    const first = site.open();
    await first.ready;
    site.write({ slug: 'live', title: 'Broken', body: 'A claim.:cite[nokey]' });
    await first.refresh();
    await first.close();

    const second = site.open();
    await second.ready;
    expect(second.snapshot().articles[0]?.title).toBe('Good');
    expect((await second.article('live'))?.meta.title).toBe('Good');
  });

  it('never publishes a brand-new broken article, and unpublishes a deleted file', async () => {
    site = makeSite();
    site.write({ slug: 'keep' });
    site.write({ slug: 'gone' });
    const store = site.open();
    await store.ready;
    site.write({ slug: 'new-broken', body: 'A claim.:cite[nokey]' });
    unlinkSync(path.join(site.dir, 'gone.md'));
    const snapshot = await store.refresh();
    expect(slugsOf(snapshot.articles)).toEqual(['keep']);
    expect(snapshot.entry('new-broken')).toBeUndefined();
    expect(snapshot.entry('gone')).toBeUndefined();
    expect(await store.article('gone')).toBeNull();
    expect(snapshot.reports.find((r) => r.file === 'new-broken.md')?.state).toBe('unpublished');
    expect(site.logs.join('\n')).toContain('not publishing new-broken.md');
  });

  it('publishes neither of two files with one slug silently: the first file keeps it', async () => {
    site = makeSite();
    site.write({ slug: 'twin', title: 'First' }, 'a.md');
    site.write({ slug: 'twin', title: 'Second' }, 'b.md');
    const store = site.open();
    await store.ready;
    const snapshot = store.snapshot();
    expect(snapshot.articles.map((a) => a.title)).toEqual(['First']);
    expect(snapshot.reports.find((r) => r.file === 'b.md')?.diagnostics[0]?.ruleId).toBe('slug-duplicate');
  });
});

describe('one URL, one article', () => {
  it('keeps a URL with the file that had it first, whatever the names and dates, and hands it over when that file goes', async () => {
    site = makeSite();
    site.write({ slug: 'twin', title: 'Original', published: '2024-03-01' }, 'zz-original.md');
    const first = site.open();
    await first.ready;
    // A newcomer with an earlier date and a first file name: the original still keeps the URL.
    site.write({ slug: 'twin', title: 'Newcomer', published: '2024-01-01' }, 'aa-newcomer.md');
    const both = await first.refresh();
    expect(both.entry('twin')?.file).toBe('zz-original.md');
    const report = both.reports.find((r) => r.file === 'aa-newcomer.md');
    expect(report?.state).toBe('unpublished');
    expect(report?.diagnostics).toEqual([expect.objectContaining({ ruleId: 'slug-duplicate', line: 4, column: 7, message: expect.stringContaining('already used by zz-original.md') })]);
    expect(site.logs.join('\n')).toContain('not publishing aa-newcomer.md');
    await first.close();

    // After a restart too; then the original is deleted: the newcomer gets the URL at once.
    const store = site.open({ watch: true });
    await store.ready;
    expect(store.snapshot().entry('twin')?.file).toBe('zz-original.md');
    const handedOver = new Promise<void>((resolve) => {
      store.subscribe((snapshot) => {
        if (snapshot.entry('twin')?.file === 'aa-newcomer.md') resolve();
      });
    });
    unlinkSync(path.join(site.dir, 'zz-original.md'));
    await handedOver;
    expect(store.snapshot().entry('twin')?.listing.title).toBe('Newcomer');
  });
});

describe('drafts and scheduling', () => {
  it('publishes an article linking to a scheduled one when that one goes live, without a restart', async () => {
    site = makeSite();
    site.write({ slug: 'soon', published: '2026-12-01' });
    site.write({ slug: 'early', body: 'See [soon](/articles/soon).' });
    let now = new Date('2026-11-30T23:59:00Z');
    const store = site.open({ clock: () => now });
    await store.ready;
    expect(slugsOf(store.snapshot().articles)).toEqual([]);
    expect(store.snapshot().reports.find((r) => r.file === 'early.md')?.diagnostics[0]?.ruleId).toBe('link-broken');
    now = new Date('2026-12-01T00:00:00Z');
    expect(slugsOf(store.snapshot().articles)).toEqual(['soon']);
    // Files waiting for it are judged again in the background.
    expect(slugsOf((await store.settled()).articles).sort()).toEqual(['early', 'soon']);
  });

  it('never lists or serves a draft in production; preview serves it marked as a draft', async () => {
    site = makeSite();
    site.write({ slug: 'public' });
    site.write({ slug: 'secret', extra: 'draft: true\n' });
    const production = site.open();
    await production.ready;
    expect(slugsOf(production.snapshot().articles)).toEqual(['public']);
    expect(production.snapshot().entry('secret')).toBeUndefined();
    expect(await production.article('secret')).toBeNull();

    const preview = site.open({ mode: 'preview' });
    await preview.ready;
    expect(slugsOf(preview.snapshot().articles)).toEqual(['public']);
    expect(preview.snapshot().entry('secret')?.visibility).toBe('draft');
    expect((await preview.article('secret'))?.meta.draft).toBe(true);
  });

  it('publishes a future-dated article when its day comes, without a restart or a rescan', async () => {
    site = makeSite();
    site.write({ slug: 'today', published: '2026-11-20' });
    site.write({ slug: 'soon', published: '2026-12-01' });
    let now = new Date('2026-11-30T23:59:00Z');
    const store = site.open({ clock: () => now });
    await store.ready;
    const before = store.snapshot();
    expect(slugsOf(before.articles)).toEqual(['today']);
    expect(before.entry('soon')).toBeUndefined();
    expect(before.unpublished.map((e) => [e.slug, e.visibility])).toEqual([['soon', 'scheduled']]);

    now = new Date('2026-12-01T00:00:00Z');
    const after = store.snapshot();
    expect(slugsOf(after.articles)).toEqual(['soon', 'today']);
    expect(after.version).not.toBe(before.version);
    expect((await store.article('soon'))?.meta.slug).toBe('soon');
    expect(store.stats.compiled).toBe(2);
  });
});

describe('site links', () => {
  it('does not publish a new article whose same-site link resolves to nothing, and says where', async () => {
    site = makeSite();
    site.write({ slug: 'target' });
    site.write({ slug: 'linker', body: 'See [the other one](/articles/targte) and [contact us](/contact).' });
    site.write({ slug: 'nowhere', body: 'Write to [us](/contcat).' });
    const store = site.open();
    await store.ready;
    const snapshot = store.snapshot();
    expect(slugsOf(snapshot.articles)).toEqual(['target']);
    const linker = snapshot.reports.find((r) => r.file === 'linker.md')?.diagnostics ?? [];
    expect(linker).toEqual([
      expect.objectContaining({ ruleId: 'link-broken', line: 10, column: 5, message: expect.stringContaining('did you mean `/articles/target`?') }),
    ]);
    const nowhere = snapshot.reports.find((r) => r.file === 'nowhere.md')?.diagnostics ?? [];
    expect(nowhere[0]?.message).toContain('did you mean `/contact`?');
  });

  it('rechecks every link on a restart whose routes changed, and only then', async () => {
    site = makeSite();
    site.write({ slug: 'linker', body: 'Write to [us](/contact).' });
    const first = site.open();
    await first.ready;
    expect(first.snapshot().reports).toEqual([]);
    await first.close();

    const same = site.open();
    await same.settled();
    expect(same.snapshot().reports).toEqual([]);
    await same.close();

    const fewerRoutes = site.open({ routes: ['/'] });
    await fewerRoutes.settled();
    const report = fewerRoutes.snapshot().reports.find((r) => r.file === 'linker.md');
    expect(report?.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'link-broken', line: 10 }));
    // Published before the route went: kept (never taken down by another change), and said so.
    expect(site.logs.join('\n')).toContain('linker.md has errors: still serving its last good version');
  });

  it('judges what changed while it was down as a save would be: those files and the ones they touch, not the whole site', async () => {
    site = makeSite();
    site.write({ slug: 'target' });
    site.write({ slug: 'linker', body: 'See [the target](/articles/target).' });
    for (let i = 1; i <= 3; i += 1) site.write({ slug: `other-${i}` });
    const first = site.open();
    await first.ready;
    expect(first.snapshot().reports).toEqual([]);
    await first.close();

    site.write({ slug: 'target', extra: 'draft: true\n' });
    // The judgement's targets as it hands them to the site index (the set grows after the call).
    const judged: string[][] = [];
    const brokenLinkers = SiteIndex.prototype.brokenLinkers;
    const spy = vi.spyOn(SiteIndex.prototype, 'brokenLinkers').mockImplementation(function (this: SiteIndex<FileRecord>, targets, reach) {
      judged.push([...targets].map((record) => record.file).sort());
      return brokenLinkers.call(this, targets, reach);
    });
    const second = site.open();
    await second.settled();
    spy.mockRestore();
    expect(judged).toEqual([['target.md']]);
    // The article linking to it is told at once, and keeps its last good version.
    expect(slugsOf(second.snapshot().articles).sort()).toEqual(['linker', 'other-1', 'other-2', 'other-3']);
    expect(second.snapshot().reports.find((r) => r.file === 'linker.md')?.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'link-broken', line: 10 }));
    expect(site.logs.join('\n')).toContain('linker.md has errors: still serving its last good version');
  });

  it('tells an article linking to a category page at once when the last article leaves that category, as the check does', async () => {
    site = makeSite();
    const inCategory = (category: string) => source({ slug: 'sciatica-guide' }).replace('category: Back pain', `category: ${category}`);
    site.writeRaw('sciatica-guide.md', inCategory('Sciatica'));
    site.write({ slug: 'linker', body: 'More in [the sciatica section](/category/sciatica).' });
    const store = site.open({ routes: ['/', '/category/:category'], watch: true });
    await store.ready;
    expect(store.snapshot().reports).toEqual([]);

    // A save of the other file alone (the watcher's path): only it is compiled and judged.
    const updated = new Promise((resolve) => store.subscribe(resolve));
    site.writeRaw('sciatica-guide.md', inCategory('Leg pain'));
    await updated;
    await store.settled();
    const report = store.snapshot().reports.find((r) => r.file === 'linker.md');
    expect(report?.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'link-broken', line: 10, message: expect.stringContaining('"/category/sciatica"') }));
    expect(site.logs.join('\n')).toContain('linker.md has errors: still serving its last good version');
  });

  it('tells the other files at once of a title or a URL a save takes or gives up, as the check does', async () => {
    site = makeSite();
    site.write({ slug: 'basics', title: 'Back pain basics' });
    site.write({ slug: 'other', title: 'Something else' });
    site.write({ slug: 'moved', extra: 'redirectFrom: [taken-later]\n' });
    const store = site.open({ watch: true });
    await store.ready;
    expect(store.snapshot().reports).toEqual([]);
    const reportOf = (file: string) => store.snapshot().reports.find((r) => r.file === file)?.diagnostics.map((d) => `${d.ruleId}: ${d.message}`) ?? [];
    // Each a save of one file (the watcher's path): only it changed, the others are told.
    const saved = async (write: () => void) => {
      const updated = new Promise((resolve) => store.subscribe(resolve));
      write();
      await updated;
      await store.settled();
    };

    await saved(() => site.write({ slug: 'other', title: 'Back pain basics' }));
    expect(reportOf('basics.md')).toEqual([expect.stringMatching(/^title-duplicate: .*also the title of other\.md:/)]);
    await saved(() => site.write({ slug: 'other', title: 'Something else' }));
    expect(reportOf('basics.md')).toEqual([]);

    await saved(() => site.write({ slug: 'taken-later' }));
    expect(reportOf('moved.md')).toEqual([expect.stringMatching(/^redirect-shadows-article: redirectFrom "taken-later" is the URL of taken-later\.md/)]);
  });

  it('accepts links between two new articles and to known routes', async () => {
    site = makeSite();
    site.write({ slug: 'first', body: 'See [second](/articles/second#when-to-get-help), [feed](/rss.xml) and [top](#when-to-get-help).' });
    site.write({ slug: 'second', body: 'See [first](/articles/first).' });
    const store = site.open();
    await store.ready;
    expect(slugsOf(store.snapshot().articles).sort()).toEqual(['first', 'second']);
  });
});

describe('change detection', () => {
  it('picks up an edit through the file watcher, without refresh()', async () => {
    site = makeSite();
    site.write({ slug: 'watched', title: 'Before' });
    const store = site.open({ watch: true });
    await store.ready;
    const updated = new Promise((resolve) => store.subscribe(resolve));
    site.write({ slug: 'watched', title: 'After the edit' });
    await updated;
    expect(store.snapshot().articles[0]?.title).toBe('After the edit');
  });

  it('takes an editor\'s save during a long pass (a cold start of many files) before the rest of the pass', async () => {
    site = makeSite();
    site.write({ slug: 'live', title: 'Before' });
    const first = site.open();
    await first.ready;
    await first.close();

    // 60 new files: a long pass, compiled one by one on this thread (workers: 0).
    for (let i = 1; i <= 60; i += 1) site.write({ slug: `bulk-${i}` });
    const store = site.open({ watch: true, workers: 0, eagerLimit: 10 });
    await store.ready;
    const seen = new Promise<number>((resolve) => {
      store.subscribe((snapshot) => {
        if (snapshot.entry('live')?.listing.title === 'After the edit') resolve(store.stats.compiled);
      });
    });
    site.write({ slug: 'live', title: 'After the edit' });
    const compiledWhenSeen = await seen;
    // Published while the pass still had files to compile (it used to wait for all 60).
    expect(compiledWhenSeen).toBeLessThan(61);
    await store.settled();
    expect(store.stats.compiled).toBe(61);
    expect(store.snapshot().articles).toHaveLength(61);
    // The cold pass reported its progress with counts.
    expect(site.logs.join('\n')).toContain('cold pass done: 61 of 61 files looked at');
    expect(store.snapshot().entry('live')?.listing.title).toBe('After the edit');
  });

  it('compiles in worker threads and writes each version to the disk cache', async () => {
    site = makeSite();
    for (let i = 1; i <= 4; i += 1) site.write({ slug: `w-${i}` });
    const store = site.open({ workers: 2 });
    await store.ready;
    expect(store.stats.workers).toBe(2);
    expect(store.stats.compiled).toBe(4);
    expect(store.snapshot().articles).toHaveLength(4);
    expect(existsSync(path.join(site.cacheDir, 'objects'))).toBe(true);
    rmSync(path.join(site.cacheDir, 'objects'), { recursive: true });
    // A cleared cache: the body is rebuilt from the file it came from.
    expect((await store.article('w-3'))?.meta.slug).toBe('w-3');
    expect(source({ slug: 'x' })).toContain('slug: x');
  });
});
