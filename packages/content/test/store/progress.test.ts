/**
 * A cold pass (more new files than `eagerLimit`: a deploy without the build-time database) says
 * how far it is: `progress()` counts the files looked at and the articles published, and is
 * settled once every file is judged and published. The log lines say it too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentProgress } from '../../src/store/index.js';
import { publishEvery } from '../../src/store/pass.js';
import { makeSite, type Site } from './fixtures.js';

let site: Site | undefined;

afterEach(async () => {
  await site?.cleanup();
  site = undefined;
});

describe('cold pass progress', () => {
  it('counts the files looked at and the articles published, and ends settled', async () => {
    site = makeSite();
    // Over 400: the pass publishes twice on its way (every 200 files) before its end.
    for (let i = 1; i <= 420; i += 1) site.write({ slug: `cold-${i}` });
    site.writeRaw('broken.md', '---\ntitle: Broken\n---\n\nNo slug, no date.\n');
    const store = site.open({ eagerLimit: 10 });
    await store.ready;

    // The store answers before it has looked at every file; nothing is published yet.
    const first = store.progress();
    expect(first).toMatchObject({ phase: 'cold-pass', total: 421, published: 0 });
    expect(first.looked).toBeLessThan(421);
    expect(first.startedAt).toBeInstanceOf(Date);
    expect(first.finishedAt).toBeUndefined();

    // Read at each snapshot published on the way: the pass still running, its counts growing.
    const seen: ContentProgress[] = [];
    store.subscribe(() => seen.push(store.progress()));
    await store.settled();
    const midway = seen.slice(0, 2);
    expect(midway.map((reading) => reading.phase)).toEqual(['cold-pass', 'cold-pass']);
    expect(midway[0]?.looked).toBeGreaterThan(first.looked);
    expect(midway[1]?.looked).toBeGreaterThan(midway[0]?.looked ?? Infinity);
    expect(midway[1]?.published).toBeGreaterThan(midway[0]?.published ?? Infinity);
    expect(midway[1]?.looked).toBeLessThan(421);

    // Settled: every file looked at, every good article published (the broken one is not).
    const last = store.progress();
    expect(last).toMatchObject({ phase: 'settled', looked: 421, total: 421, published: 420 });
    expect(last.finishedAt?.getTime()).toBeGreaterThanOrEqual(last.startedAt?.getTime() ?? Infinity);
    expect(store.snapshot().articles).toHaveLength(420);
    expect(site.logs.join('\n')).toContain('[content] cold pass done: 421 of 421 files looked at');
  });

  it('is settled with no counts when the files are few enough to publish at once', async () => {
    site = makeSite();
    for (let i = 1; i <= 3; i += 1) site.write({ slug: `few-${i}` });
    const store = site.open({ eagerLimit: 10 });
    await store.ready;
    expect(store.progress()).toEqual({ phase: 'settled', looked: 0, total: 0, published: 3 });
  });

  it('is no cold pass on a restart that finds the files known', async () => {
    site = makeSite();
    for (let i = 1; i <= 20; i += 1) site.write({ slug: `known-${i}` });
    const first = site.open({ eagerLimit: 10 });
    await first.settled();
    await first.close();

    const second = site.open({ eagerLimit: 10 });
    await second.ready;
    // Served from the last run's database at once, counted as nothing to catch up on.
    expect(second.progress()).toEqual({ phase: 'settled', looked: 0, total: 0, published: 20 });
    await second.settled();
    expect(second.progress()).toMatchObject({ phase: 'settled', published: 20 });
  });

  it('counts a second cold pass from zero (a large batch of new files while running)', async () => {
    site = makeSite();
    for (let i = 1; i <= 15; i += 1) site.write({ slug: `early-${i}` });
    const store = site.open({ eagerLimit: 10 });
    await store.settled();
    expect(store.progress()).toMatchObject({ phase: 'settled', looked: 15, total: 15, published: 15 });

    for (let i = 1; i <= 12; i += 1) site.write({ slug: `late-${i}` });
    await store.refresh();
    expect(store.progress()).toMatchObject({ phase: 'settled', looked: 27, total: 27, published: 27 });
  });
});

describe('snapshots a cold pass publishes on its way', () => {
  /** How many a pass over `files` new files publishes before its end, as passOver counts them. */
  function publishesOver(files: number): number {
    let publishes = 0;
    let since = 0;
    for (let known = 1; known <= files; known += 1) {
      since += 1;
      if (since >= publishEvery(known)) {
        since = 0;
        publishes += 1;
      }
    }
    return publishes;
  }

  it('come every 200 files on a small site, and grow fewer per file as the site grows (each costs in proportion to the site)', () => {
    expect(publishesOver(1_000)).toBe(5);
    expect(publishEvery(3_200)).toBe(200);
    expect(publishEvery(100_000)).toBe(6_250);
    // Every 200 files would be 500 snapshots of up to 100,000 articles each.
    expect(publishesOver(100_000)).toBeLessThan(80);
  });
});
