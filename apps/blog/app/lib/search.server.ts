import { SearchIndex } from '@cited/content';
import type { ContentSnapshot, ContentStore } from '@cited/content/store';
import { contentStore } from './articles.server';

/**
 * The search index of the published articles, kept in step with the content store: each new
 * snapshot is compared with what is indexed (slug → content key), and only the articles that
 * appeared, changed or went are added or removed. Their text comes from the store's disk cache
 * (written by the compile workers), so nothing is parsed here and an edit costs one article.
 */
interface Indexer {
  store: ContentStore;
  index: SearchIndex;
  /** Content key indexed per slug. */
  keys: Map<string, string>;
  /** Snapshot version the index matches (after `syncing` resolves). */
  version: string;
  syncing: Promise<void>;
}

let indexer: Indexer | null = null;

/** Yields to the event loop between batches: a first build of thousands of articles must not stall requests. */
const addsPerTurn = 25;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function sync(state: Indexer, snapshot: ContentSnapshot): Promise<void> {
  const wanted = new Map<string, string>();
  for (const article of snapshot.articles) {
    const entry = snapshot.entry(article.slug);
    if (entry?.visibility === 'published') wanted.set(article.slug, entry.key);
  }
  for (const [slug, key] of state.keys) {
    if (wanted.get(slug) === key) continue;
    state.index.delete(slug);
    state.keys.delete(slug);
  }
  let added = 0;
  for (const [slug, key] of wanted) {
    if (state.keys.has(slug)) continue;
    const entry = snapshot.entry(slug);
    const doc = entry ? await state.store.searchDoc(entry) : null;
    if (doc) state.index.set({ ...doc, id: slug });
    state.keys.set(slug, key);
    if (++added % addsPerTurn === 0) await nextTurn();
  }
  // A first build leaves the postings with room to grow into; give it back once.
  if (added > 0) state.index.reclaim();
  state.version = snapshot.version;
}

/** The index for the current snapshot (brought up to date first when the content changed). */
export async function getSearchIndex(): Promise<SearchIndex> {
  const store = contentStore();
  await store.ready;
  if (indexer?.store !== store) {
    indexer = { store, index: new SearchIndex(), keys: new Map(), version: '', syncing: Promise.resolve() };
  }
  const state = indexer;
  const snapshot = store.snapshot();
  if (state.version !== snapshot.version) {
    // One update at a time, in order; a failed one leaves the next request to try again.
    state.syncing = state.syncing.catch(() => undefined).then(() => (state.version === snapshot.version ? undefined : sync(state, snapshot)));
  }
  await state.syncing;
  return state.index;
}

/**
 * The text of an indexed article, read back from the store's disk cache for the hits being shown
 * (the index keeps no article text). Null when the article is gone or unreadable: the snippet then
 * comes from its description.
 */
export async function searchText(slug: string): Promise<string | null> {
  const store = indexer?.store;
  const entry = store?.snapshot().entry(slug);
  if (!store || !entry) return null;
  try {
    return (await store.searchDoc(entry))?.body ?? null;
  } catch {
    return null;
  }
}

/** After start-up work, before anyone searches: startup compiles and first page views go first. */
const warmDelayMs = 5_000;

/**
 * Builds the index in the background once the store has settled (server start), so the first
 * search does not wait for it; a failure is logged and the next search retries.
 */
export function warmSearchIndex(): void {
  const store = contentStore();
  void store.ready
    .then(() => store.settled())
    .then(() => new Promise((resolve) => setTimeout(resolve, warmDelayMs).unref()))
    .then(() => getSearchIndex())
    .catch((error: unknown) => console.error(`[search] could not build the index: ${String(error)}`));
}
