import { SearchIndex, searchIndexFile, syncSearchIndex, type SearchOptions, type SearchResults } from '@cited/content/search';
import { defaultCacheDir, type ContentSnapshot, type ContentStore } from '@cited/content/store';
import { articlesDir, contentStore } from './articles.server';

/**
 * The search index of the published articles (SQLite FTS5, @cited/content/search), kept in step
 * with the content store: each new snapshot is compared with what the index holds (slug → content
 * key, stored in the index), and only the articles that appeared, changed or went are written.
 * Their text comes from the store's disk cache (written by the compile workers), so nothing is
 * parsed here and an edit costs one article, written when the store publishes the snapshot (and
 * at the latest by the next search). The index is a file beside the store's cache: a
 * restart, or a deploy with the build-time database (`cited-content build` writes it too), finds
 * it up to date and searches at once; a damaged or outdated file is rebuilt.
 */
interface Indexer {
  store: ContentStore;
  index: SearchIndex;
  /** Snapshot version and index generation the index matches (after `syncing` resolves). */
  version: string;
  /**
   * The snapshot the index was last brought to, or the store's first after its start (what the file
   * holds after a restart on the content it last synced): the next sync compares the new one with
   * it, when the file says it holds it.
   */
  synced: ContentSnapshot | undefined;
  generation: number;
  syncing: Promise<void>;
  unsubscribe: () => void;
}

let indexer: Indexer | null = null;

/** The store's snapshot when it became ready (see Indexer.synced), until an index is opened on it. */
let atStart: { store: ContentStore; snapshot: ContentSnapshot } | undefined;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The index file beside the store's records (the blog's store uses the default cache directory). */
const indexFile = (): string => searchIndexFile(defaultCacheDir(), articlesDir());

async function sync(state: Indexer, snapshot: ContentSnapshot): Promise<void> {
  const generation = state.index.generation;
  // Damaged and emptied meanwhile: the next request starts over.
  const since = state.synced;
  if (!(await syncSearchIndex(state.index, snapshot, { readDoc: (entry) => state.store.searchDoc(entry), between: nextTurn, ...(since ? { since } : {}) }))) return;
  state.version = snapshot.version;
  state.synced = snapshot;
  state.generation = generation;
}

/** Brings the index up to the store's current snapshot, after any update already under way. */
function update(state: Indexer): Promise<void> {
  const snapshot = state.store.snapshot();
  const stale = () => state.version !== snapshot.version || state.generation !== state.index.generation;
  if (stale()) {
    // One update at a time, in order; a failed one leaves the next request to try again.
    state.syncing = state.syncing.catch(() => undefined).then(() => (stale() ? sync(state, snapshot) : undefined));
  }
  return state.syncing;
}

/** New snapshots in a burst (a cold start publishing as compiles finish) make one update. */
const updateDelayMs = 200;

function open(store: ContentStore): Indexer {
  let timer: NodeJS.Timeout | undefined;
  const state: Indexer = {
    store,
    index: new SearchIndex({ file: indexFile() }),
    version: '',
    synced: atStart?.store === store ? atStart.snapshot : undefined,
    generation: -1,
    syncing: Promise.resolve(),
    unsubscribe: () => undefined,
  };
  // Each published snapshot is written to the index in the background, so a search rarely waits.
  const unsubscribe = store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (indexer === state) update(state).catch((error: unknown) => console.error(`[search] could not update the index: ${String(error)}`));
    }, updateDelayMs).unref();
  });
  state.unsubscribe = () => {
    clearTimeout(timer);
    unsubscribe();
  };
  atStart = undefined;
  return state;
}

/** The index for the current snapshot (brought up to date first when the content changed). */
export async function getSearchIndex(): Promise<SearchIndex> {
  const store = contentStore();
  await store.ready;
  if (indexer?.store !== store) {
    closeSearchIndex();
    indexer = open(store);
  }
  const state = indexer;
  await update(state);
  return state.index;
}

/**
 * A reader's query against the current index. Never throws for any query; when the index finds
 * its file damaged during the search, it is filled again and the search asked once more.
 */
export async function searchArticles(query: string, options: SearchOptions): Promise<{ results: SearchResults; index: SearchIndex }> {
  let index = await getSearchIndex();
  const generation = index.generation;
  let results = index.search(query, options);
  if (index.generation !== generation) {
    index = await getSearchIndex();
    results = index.search(query, options);
  }
  return { results, index };
}

/** Closes the index file (graceful shutdown); the next search opens it again. */
export function closeSearchIndex(): void {
  indexer?.unsubscribe();
  indexer?.index.close();
  indexer = null;
}

/** After start-up work, before anyone searches: startup compiles and first page views go first. */
const warmDelayMs = 5_000;

/**
 * Brings the index up to date in the background once the store has settled (server start), so the
 * first search does not wait for it; a failure is logged and the next search retries. After a
 * restart with the index file in place this only compares content keys.
 */
export function warmSearchIndex(): void {
  const store = contentStore();
  void store.ready
    .then(() => {
      atStart = { store, snapshot: store.snapshot() };
      return store.settled();
    })
    .then(() => new Promise((resolve) => setTimeout(resolve, warmDelayMs).unref()))
    .then(() => getSearchIndex())
    .catch((error: unknown) => console.error(`[search] could not build the index: ${String(error)}`));
}
