/**
 * Keeping a search index in step with the content store's snapshots (search/sync.ts): the index
 * records the snapshot version a completed sync brought it to, so a restart on unchanged content
 * compares nothing, and the next sync compares two snapshots instead of reading every key the
 * index holds. Any other write, or a version that could not be read, makes it compare with the
 * index again.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex, searchIndex, syncSearchIndex } from '../src/search/index.js';
import type { ContentSnapshot, ContentStore } from '../src/store/index.js';
import { makeSite, type Site } from './store/fixtures.js';

let site: Site;
const indexes: SearchIndex[] = [];
afterEach(async () => {
  for (const index of indexes.splice(0)) index.close();
  await site?.cleanup();
});

async function openSite(): Promise<{ store: ContentStore; file: string }> {
  site = makeSite();
  site.write({ slug: 'spine', body: 'The spine carries weight.' });
  site.write({ slug: 'knee', body: 'The knee bends.' });
  site.write({ slug: 'hip', body: 'The hip joint moves.' });
  const store = site.open();
  await store.ready;
  return { store, file: path.join(site.cacheDir, 'search', 'index.sqlite') };
}

function open(file: string): SearchIndex {
  const index = new SearchIndex({ file, log: () => undefined });
  indexes.push(index);
  return index;
}

const ids = (index: SearchIndex, query: string) => searchIndex(index, query).hits.map((hit) => hit.id).sort();
const sync = (index: SearchIndex, store: ContentStore, snapshot: ContentSnapshot, since?: ContentSnapshot) =>
  syncSearchIndex(index, snapshot, { readDoc: (entry) => store.searchDoc(entry), ...(since ? { since } : {}) });

describe('a search index in step with the content snapshots', () => {
  it('records the version it was brought to: a restart on unchanged content reads no keys and writes nothing', async () => {
    const { store, file } = await openSite();
    const snapshot = store.snapshot();
    expect(await sync(open(file), store, snapshot)).toBe(true);
    indexes.pop()?.close();

    const restarted = open(file);
    expect(restarted.syncedVersion).toBe(snapshot.version);
    const keys = vi.spyOn(restarted, 'keys');
    const apply = vi.spyOn(restarted, 'apply');
    expect(await sync(restarted, store, snapshot)).toBe(true);
    expect(keys).not.toHaveBeenCalled();
    expect(apply).not.toHaveBeenCalled();
    expect(ids(restarted, 'joint')).toEqual(['hip']);
  });

  it('writes an edit, a new article and a removed one by comparing the two snapshots, never the index\u2019s keys', async () => {
    const { store, file } = await openSite();
    const index = open(file);
    const before = store.snapshot();
    await sync(index, store, before);

    site.write({ slug: 'spine', body: 'The spine bends backwards.' });
    site.write({ slug: 'neck', body: 'The neck turns.' });
    site.write({ slug: 'hip', body: 'The hip joint moves.', extra: 'draft: true\n' });
    await store.refresh();
    const after = store.snapshot();
    const keys = vi.spyOn(index, 'keys');
    const apply = vi.spyOn(index, 'apply');
    expect(await sync(index, store, after, before)).toBe(true);
    expect(keys).not.toHaveBeenCalled();
    const written = apply.mock.calls.flatMap(([changes]) => (changes.set ?? []).map((change) => change.doc.id)).sort();
    expect(written).toEqual(['neck', 'spine']);
    expect(apply.mock.calls.flatMap(([changes]) => changes.delete ?? [])).toEqual(['hip']);
    expect(ids(index, 'bends')).toEqual(['knee', 'spine']);
    expect(ids(index, 'joint')).toEqual([]);
    expect(index.syncedVersion).toBe(after.version);
  });

  it('compares with the index again after a write no sync made', async () => {
    const { store, file } = await openSite();
    const index = open(file);
    const snapshot = store.snapshot();
    await sync(index, store, snapshot);
    index.apply({ delete: ['knee'] });
    expect(index.syncedVersion).toBeUndefined();

    const keys = vi.spyOn(index, 'keys');
    expect(await sync(index, store, snapshot, snapshot)).toBe(true);
    expect(keys).toHaveBeenCalled();
    expect(ids(index, 'knee')).toEqual(['knee']);
    expect(index.syncedVersion).toBe(snapshot.version);
  });

  it('does not record a version whose text could not be read: the next sync writes what is missing', async () => {
    const { store, file } = await openSite();
    const index = open(file);
    const snapshot = store.snapshot();
    const failing = await syncSearchIndex(index, snapshot, { readDoc: async (entry) => (entry.slug === 'knee' ? null : store.searchDoc(entry)) });
    expect(failing).toBe(true);
    expect(ids(index, 'knee')).toEqual([]);
    expect(index.syncedVersion).toBeUndefined();

    expect(await sync(index, store, snapshot)).toBe(true);
    expect(ids(index, 'knee')).toEqual(['knee']);
    expect(index.syncedVersion).toBe(snapshot.version);
  });
});
