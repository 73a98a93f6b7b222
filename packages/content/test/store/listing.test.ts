/**
 * Listing pages from the store's database (store/listing.ts): the same pages as the snapshot's
 * newest-first list for every filter and offset (ties broken by title, then slug, as newestFirst),
 * drafts and scheduled articles left out by the one visibility rule, and queries that use an index.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeDatabasePath } from '../../src/store/database.js';
import { boundarySql, pageFromDatabase, pageFromMemory } from '../../src/store/listing.js';
import type { ContentSnapshot, ListingQuery } from '../../src/store/types.js';
import { makeSite, source, type Site } from './fixtures.js';

let site: Site;
afterEach(async () => {
  await site?.cleanup();
});

const now = new Date('2024-03-01T12:00:00Z');
// Titles whose 'en' order differs from SQLite's byte order (case, accents): ties on a day are sorted by the collator.
const titles = ['apple', 'Banana', 'Éclair', 'eclair', 'Zebra', 'zoo'];
const categories = ['Back pain', 'Knee pain', 'Sports injuries'];

/** 40 articles on few days (many ties), in three categories, with tags, authors, a draft and a scheduled one. */
function writeSite(): void {
  for (let i = 0; i < 40; i += 1) {
    const text = source({
      slug: `article-${String(i).padStart(2, '0')}`,
      title: `${titles[i % titles.length]}${i % 4 === 0 ? '' : ` ${i}`}`,
      published: `2024-02-0${(i % 5) + 1}`,
      extra: `author: ${i % 2 === 0 ? 'the-clinic' : 'another-clinic'}\n${i === 7 ? 'draft: true\n' : ''}`,
    })
      .replace('category: Back pain', `category: ${categories[i % 3]}`)
      .replace('tags: [back]', `tags: [${i % 2 === 0 ? 'MRI' : 'mri'}, ${i % 3 === 0 ? 'exercise' : 'rest'}]`);
    site.writeRaw(`article-${i}.md`, text);
  }
  site.writeRaw('later.md', source({ slug: 'later', published: '2024-04-01' }));
}

function open(db: Database.Database): number {
  return db.prepare('SELECT id FROM sites').pluck().get() as number;
}

const queries: Omit<ListingQuery, 'offset' | 'limit'>[] = [
  {},
  { categories: ['Knee pain'] },
  { categories: ['Back pain', 'Sports injuries'] },
  { tags: ['MRI', 'mri'] },
  { tags: ['exercise'] },
  { author: 'the-clinic' },
  { categories: ['Back pain'], tags: ['rest'] },
  { categories: ['No such category'] },
];

describe('listing pages from the database', () => {
  it('gives every page of every filter exactly as the in-memory newest-first list, without drafts or scheduled articles', async () => {
    site = makeSite();
    writeSite();
    const store = site.open({ clock: () => now });
    await store.ready;
    const snapshot: ContentSnapshot = store.snapshot();
    expect(snapshot.articles).toHaveLength(39);
    await store.close();
    const db = new Database(storeDatabasePath(site.cacheDir), { readonly: true });
    try {
      const siteId = open(db);
      for (const filter of queries) {
        for (const limit of [1, 4, 7]) {
          for (let offset = 0; offset <= 42; offset += 1) {
            const query = { ...filter, offset, limit };
            const fromDb = pageFromDatabase(db, siteId, query, now.getTime());
            const fromMemory = pageFromMemory(snapshot.articles, query);
            expect(fromDb.total).toBe(fromMemory.total);
            expect(fromDb.items.map((a) => a.slug), JSON.stringify(query)).toEqual(fromMemory.items.map((a) => a.slug));
          }
        }
      }
      const all = pageFromDatabase(db, siteId, { offset: 0, limit: 100 }, now.getTime());
      expect(all.items.map((a) => a.slug)).not.toContain('article-07');
      expect(all.items.map((a) => a.slug)).not.toContain('later');
      // The scheduled article is listed from its day on, by the same rule.
      const onItsDay = pageFromDatabase(db, siteId, { offset: 0, limit: 1 }, Date.parse('2024-04-01T00:00:00Z'));
      expect(onItsDay.items.map((a) => a.slug)).toEqual(['later']);
    } finally {
      db.close();
    }
  });

  it('serves snapshot pages equal to slices of `articles`, and an empty page past the end', async () => {
    site = makeSite();
    writeSite();
    const store = site.open({ clock: () => now });
    await store.ready;
    const snapshot = store.snapshot();
    const first = snapshot.page({ offset: 0, limit: 10 });
    expect(first).toMatchObject({ total: 39, from: 'database' });
    expect(first.items).toEqual(snapshot.articles.slice(0, 10));
    expect(snapshot.page({ offset: 30, limit: 10 }).items).toEqual(snapshot.articles.slice(30, 40));
    expect(snapshot.page({ offset: 39, limit: 10 })).toEqual({ items: [], total: 39, from: 'database' });
    const knee = snapshot.page({ categories: ['Knee pain'], offset: 0, limit: 100 });
    expect(knee.items).toEqual(snapshot.articles.filter((a) => a.category === 'Knee pain'));
  });

  it('finds each listed article\'s position in `articles`, and none for a draft, a scheduled article or an unknown slug', async () => {
    site = makeSite();
    writeSite();
    for (const mode of ['production', 'preview'] as const) {
      const store = site.open({ clock: () => now, mode });
      await store.ready;
      const snapshot = store.snapshot();
      expect(snapshot.articles.map((article) => snapshot.positionOf(article.slug))).toEqual(snapshot.articles.map((_, position) => position));
      // A draft and a scheduled article are entries in preview, never in `articles`.
      expect(snapshot.entry('article-07') !== undefined).toBe(mode === 'preview');
      for (const slug of ['article-07', 'later', 'no-such-article']) expect(snapshot.positionOf(slug), `${mode} ${slug}`).toBe(-1);
      await store.close();
    }
  });

  it('shows an edit on the next page asked for, and pages from memory when the cache cannot hold a database', async () => {
    site = makeSite();
    writeSite();
    const store = site.open({ clock: () => now });
    await store.ready;
    site.writeRaw('article-0.md', source({ slug: 'article-00', title: 'Renamed', published: '2024-02-06' }));
    await store.refresh();
    const edited = store.snapshot();
    expect(edited.page({ offset: 0, limit: 5 })).toMatchObject({ from: 'database', items: edited.articles.slice(0, 5) });
    expect(edited.page({ offset: 0, limit: 1 }).items[0]?.title).toBe('Renamed');

    // A directory where the database file would be: none can be made; the store keeps its records in memory.
    const blocked = path.join(site.dir, '..', 'blocked-cache');
    mkdirSync(storeDatabasePath(blocked), { recursive: true });
    const memoryOnly = site.open({ clock: () => now, cacheDir: blocked });
    await memoryOnly.ready;
    const page = memoryOnly.snapshot().page({ offset: 0, limit: 5 });
    expect(page).toMatchObject({ from: 'memory', total: 39 });
    expect(page.items.map((a) => a.slug)).toEqual(edited.articles.slice(0, 5).map((a) => a.slug));
  });

  it('finds a page through an index, with no sort of the whole site', async () => {
    site = makeSite();
    writeSite();
    const store = site.open({ clock: () => now });
    await store.ready;
    await store.close();
    const db = new Database(storeDatabasePath(site.cacheDir), { readonly: true });
    try {
      const plan = (query: ListingQuery): string => {
        const { sql, params } = boundarySql(open(db), query, now.getTime());
        const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, query.offset) as { detail: string }[];
        return steps.map((step) => step.detail).join(' | ');
      };
      const index = plan({ offset: 20, limit: 10 });
      expect(index).toMatch(/SEARCH r USING (COVERING )?INDEX records_live \(site=\? AND live_at<\?\)/);
      expect(index).not.toContain('TEMP B-TREE');
      expect(index).not.toMatch(/\bSCAN r\b/);
      const category = plan({ categories: ['Knee pain'], offset: 20, limit: 10 });
      expect(category).toMatch(/SEARCH r USING (COVERING )?INDEX records_category_live \(site=\? AND category=\? AND live_at<\?\)/);
      expect(category).not.toContain('TEMP B-TREE');
      expect(plan({ author: 'the-clinic', offset: 0, limit: 10 })).toContain('records_author_live');
      const tagged = plan({ tags: ['MRI'], offset: 0, limit: 10 });
      expect(tagged).toContain('SEARCH t USING PRIMARY KEY (site=? AND tag=?)');
      expect(tagged).not.toContain('CORRELATED');
    } finally {
      db.close();
    }
  });
});
