/**
 * Moving and removing articles: the store remembers every slug readers reached a file at, across
 * restarts (the state file and its journal), so a changed slug redirects, a withdrawn or deleted
 * article answers 410, and the articles linking to it are told at once (in the log).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSite, type Site } from './fixtures.js';

let site: Site;
afterEach(async () => site.cleanup());

const now = new Date('2026-12-01T12:00:00Z');

describe('moved and removed articles', () => {
  it('a changed slug redirects after a restart too, and the old slug is not listed', async () => {
    site = makeSite();
    site.write({ slug: 'old-place', title: 'Moved' }, 'moved.md');
    const first = site.open({ clock: () => now });
    await first.ready;
    site.write({ slug: 'new-place', title: 'Moved' }, 'moved.md');
    await first.refresh();
    await first.close();

    const again = site.open({ clock: () => now });
    await again.ready;
    const snapshot = await again.settled();
    expect(snapshot.redirectFor('old-place')).toMatchObject({ from: 'old-place', to: 'new-place', file: 'moved.md', by: 'history' });
    expect(snapshot.entry('old-place')).toBeUndefined();
    expect(snapshot.articles.map((article) => article.slug)).toEqual(['new-place']);
  });

  it('a deleted article is a tombstone (410) across restarts, and comes back when the file does', async () => {
    site = makeSite();
    site.write({ slug: 'deleted', title: 'Deleted' });
    site.write({ slug: 'linker', body: 'See [that](/articles/deleted).' });
    const first = site.open({ clock: () => now });
    await first.ready;
    rmSync(path.join(site.dir, 'deleted.md'));
    const snapshot = await first.refresh();
    expect(snapshot.goneAt('deleted')).toMatchObject({ reason: 'removed', file: 'deleted.md', removedOn: '2026-12-01' });
    expect(snapshot.goneAt('deleted')?.listing.title).toBe('Deleted');
    // The linking article stays online, and its new error is logged when the other article goes.
    expect(snapshot.entry('linker')).toBeDefined();
    expect(site.logs.join('\n')).toMatch(/linker\.md has errors[\s\S]*points at an article that was removed/);
    await first.close();

    const again = site.open({ clock: () => now });
    expect((await again.settled()).goneAt('deleted')?.reason).toBe('removed');
    site.write({ slug: 'deleted', title: 'Deleted' });
    const back = await again.refresh();
    expect(back.goneAt('deleted')).toBeUndefined();
    expect(back.entry('deleted')).toBeDefined();
  });

  it('withdrawing a live article logs it; publishing it again brings the URL back', async () => {
    site = makeSite();
    site.write({ slug: 'live' });
    const store = site.open({ clock: () => now });
    await store.ready;
    site.write({ slug: 'live', extra: 'draft: true\n' });
    const withdrawn = await store.refresh();
    expect(withdrawn.goneAt('live')?.reason).toBe('withdrawn');
    expect(site.logs.join('\n')).toContain('[content] withdrawn: live.md was published at /articles/live, and it is now `draft: true`: readers get 410 Gone there');
    site.write({ slug: 'live', published: '2099-01-01' });
    await store.refresh();
    expect(site.logs.join('\n')).toContain('[content] withdrawn: live.md was published at /articles/live, and its `published:` date (2099-01-01) is in the future: readers get 410 Gone there');
    site.write({ slug: 'live' });
    const back = await store.refresh();
    expect(back.goneAt('live')).toBeUndefined();
    expect(back.entry('live')?.visibility).toBe('published');
  });

  it('an article that was never published is a plain 404 when deleted or a draft', async () => {
    site = makeSite();
    site.write({ slug: 'never', extra: 'draft: true\n' });
    const store = site.open({ clock: () => now });
    await store.ready;
    rmSync(path.join(site.dir, 'never.md'));
    const snapshot = await store.refresh();
    expect(snapshot.goneAt('never')).toBeUndefined();
    expect(snapshot.gone).toEqual([]);
  });

  it('a file renamed with a new title in the same save keeps its URLs: the same body says it is the same article, across a restart', async () => {
    site = makeSite();
    site.write({ slug: 'old-name', title: 'Old title', body: 'The body of the renamed article.' }, 'old-name.md');
    site.write({ slug: 'other', body: 'Another body.' });
    const first = site.open({ clock: () => now });
    await first.ready;
    await first.close();
    // The rename happens while no server runs: the tombstone and its body digest come from the database.
    rmSync(path.join(site.dir, 'old-name.md'));
    site.write({ slug: 'new-name', title: 'New title', body: 'The body of the renamed article.' }, 'new-name.md');
    const again = site.open({ clock: () => now });
    const snapshot = await again.settled();
    expect(snapshot.redirectFor('old-name')).toMatchObject({ from: 'old-name', to: 'new-name', file: 'new-name.md', by: 'history' });
    expect(snapshot.goneAt('old-name')).toBeUndefined();
  });

  it('with a new title and a new body, or a body two files share, nothing says which article it is: 410', async () => {
    site = makeSite();
    site.write({ slug: 'rewritten', title: 'Rewritten', body: 'First words.' });
    site.write({ slug: 'copied', title: 'Copied', body: 'Words two files will share.' });
    const store = site.open({ clock: () => now });
    await store.ready;
    rmSync(path.join(site.dir, 'rewritten.md'));
    site.write({ slug: 'rewritten-anew', title: 'Rewritten anew', body: 'Other words.' });
    rmSync(path.join(site.dir, 'copied.md'));
    site.write({ slug: 'copy-a', title: 'Copy A', body: 'Words two files will share.' });
    site.write({ slug: 'copy-b', title: 'Copy B', body: 'Words two files will share.' });
    const snapshot = await store.refresh();
    expect(snapshot.goneAt('rewritten')?.reason).toBe('removed');
    expect(snapshot.goneAt('copied')?.reason).toBe('removed');
  });
});
