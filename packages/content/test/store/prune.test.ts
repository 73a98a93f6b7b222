/**
 * Cache pruning: old versions go, whatever any store sharing the cache still serves stays, and
 * nothing younger than the grace period is touched.
 */
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSite, source, type Site } from './fixtures.js';

let site: Site;
afterEach(async () => {
  await site?.cleanup();
});

/** Keys of the cache entries on disk (one key per body, summary…). */
function cachedKeys(cacheDir: string): Set<string> {
  const keys = new Set<string>();
  for (const entry of readdirSync(path.join(cacheDir, 'objects'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) keys.add(entry.name.slice(0, entry.name.indexOf('.')));
  }
  return keys;
}

/** Makes every cache file and every directory's records look `ageMs` old (the grace period spares younger ones). */
function age(cacheDir: string, ageMs: number): void {
  const time = new Date(Date.now() - ageMs);
  for (const entry of readdirSync(cacheDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), time, time);
  }
  const db = new Database(path.join(cacheDir, 'content.sqlite'), { timeout: 5000 });
  db.prepare('UPDATE sites SET saved_at = ?').run(time.getTime());
  db.close();
}

describe('cache pruning', () => {
  it('removes the versions no longer on disk or served, keeps the current and the last good one', async () => {
    site = makeSite();
    site.write({ slug: 'live', title: 'v1' });
    site.write({ slug: 'gone' });
    const store = site.open({ pruneGraceMs: 60_000, pruneAfterMs: false });
    await store.ready;
    const v1 = store.snapshot().entry('live')?.key as string;
    const gone = store.snapshot().entry('gone')?.key as string;

    site.write({ slug: 'live', title: 'v2' });
    rmSync(path.join(site.dir, 'gone.md'));
    await store.refresh();
    const v2 = store.snapshot().entry('live')?.key as string;
    site.write({ slug: 'live', title: 'v3 broken', body: 'A claim.:cite[nokey]' });
    await store.refresh();
    expect(store.snapshot().entry('live')?.servingLastGood).toBe(true);

    // Within the grace period nothing goes: another process may have just written it.
    expect((await store.prune()).removed).toBe(0);
    expect(cachedKeys(site.cacheDir)).toContain(v1);

    age(site.cacheDir, 120_000);
    const result = await store.prune();
    const keys = cachedKeys(site.cacheDir);
    expect(keys).not.toContain(v1);
    expect(keys).not.toContain(gone);
    expect(keys).toContain(v2); // the last good version, still served
    expect(keys.size).toBe(2); // and the broken v3 on disk (its diagnostics)
    expect(result.removed).toBe(6); // v1 and gone: body, search text and summary each
    expect((await store.article('live'))?.meta.title).toBe('v2');
    expect(site.logs.join('\n')).toContain('cache pruned: 6 old entries removed');
  });

  it('keeps what another articles directory sharing the cache uses, until that directory is gone', async () => {
    site = makeSite();
    site.write({ slug: 'mine' });
    const otherDir = path.join(path.dirname(site.dir), 'other-articles');
    mkdirSync(otherDir);
    writeFileSync(path.join(otherDir, 'theirs.md'), source({ slug: 'theirs' }));
    const other = site.open({ dir: otherDir, pruneGraceMs: 1000, pruneAfterMs: false });
    await other.ready;
    const theirs = other.snapshot().entry('theirs')?.key as string;
    await other.close();

    const mine = site.open({ pruneGraceMs: 1000, pruneAfterMs: false });
    await mine.ready;
    age(site.cacheDir, 5000);
    expect((await mine.prune()).removed).toBe(0);
    expect(cachedKeys(site.cacheDir)).toContain(theirs);

    rmSync(otherDir, { recursive: true });
    age(site.cacheDir, 5000);
    const result = await mine.prune();
    expect(result).toMatchObject({ removed: 3, statesRemoved: 1 });
    expect(cachedKeys(site.cacheDir)).not.toContain(theirs);
    expect((await mine.article('mine'))?.meta.slug).toBe('mine');
  });

  it('prunes by itself after the start, and a restart afterwards compiles nothing', async () => {
    site = makeSite();
    site.write({ slug: 'a', title: 'one' });
    const first = site.open();
    await first.ready;
    site.write({ slug: 'a', title: 'two' });
    await first.refresh();
    await first.close();
    age(site.cacheDir, 60_000);

    const second = site.open({ pruneGraceMs: 1000, pruneAfterMs: 0 });
    await second.ready;
    await vi.waitFor(() => expect(site.logs.join('\n')).toContain('cache pruned: 3 old entries removed'));
    expect(cachedKeys(site.cacheDir).size).toBe(1);
    expect(second.stats.compiled).toBe(0);
  });
});
