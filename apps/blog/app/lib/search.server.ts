import { readFile } from 'node:fs/promises';
import {
  buildSearchIndex,
  searchDocFromMarkdown,
  type SearchDoc,
  type SearchIndex,
} from '@cited/content';
import type { Catalog, CatalogEntry } from './articles.server';

/**
 * The search index of the published articles, built once per catalog version from whatever the
 * catalog lists (the index needs plain docs only: buildSearchIndex in @cited/content). Docs are
 * cached per file version, so an edit re-reads one file; the index itself is rebuilt per version.
 */
const docsByVersion = new Map<string, SearchDoc>();
let current: { version: string; index: Promise<SearchIndex> } | null = null;

async function docFor({ file, version, listing }: CatalogEntry): Promise<SearchDoc | null> {
  if (!listing) return null;
  const known = docsByVersion.get(version);
  if (known) return known;
  try {
    const doc = searchDocFromMarkdown(listing.meta, await readFile(file, 'utf8'));
    docsByVersion.set(version, doc);
    return doc;
  } catch {
    return null; // vanished between scan and read: the next version drops it anyway
  }
}

async function build(catalog: Catalog): Promise<SearchIndex> {
  const published = new Set(catalog.articles.map((article) => article.meta.slug));
  const entries = [...catalog.bySlug.values()].filter((entry) => entry.listing && published.has(entry.slug));
  const docs: SearchDoc[] = [];
  for (const entry of entries) {
    const doc = await docFor(entry);
    if (doc) docs.push(doc);
  }
  const live = new Set(entries.map((entry) => entry.version));
  for (const version of docsByVersion.keys()) if (!live.has(version)) docsByVersion.delete(version);
  return buildSearchIndex(docs);
}

export function getSearchIndex(catalog: Catalog): Promise<SearchIndex> {
  if (current?.version !== catalog.version) {
    const index = build(catalog);
    current = { version: catalog.version, index };
    index.catch(() => {
      if (current?.index === index) current = null;
    });
  }
  return current.index;
}
