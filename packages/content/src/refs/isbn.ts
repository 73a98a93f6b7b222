import type { CslItem } from '../bibliography/csl.js';
import { getJson, LookupError } from './http.js';
import type { ServiceOptions } from './http.js';

interface OpenLibraryBook {
  title?: string;
  subtitle?: string;
  authors?: { name: string }[];
  publishers?: { name: string }[];
  publish_places?: { name: string }[];
  publish_date?: string;
  url?: string;
}

/** Books by ISBN from the Open Library Books API (Crossref and PubMed hold few books). */
export async function lookupIsbn(isbn: string, options: ServiceOptions): Promise<{ item: CslItem; source: string }> {
  const key = `ISBN:${isbn}`;
  const data = (await getJson(`https://openlibrary.org/api/books?bibkeys=${encodeURIComponent(key)}&format=json&jscmd=data`, 'Open Library', options)) as Record<string, OpenLibraryBook>;
  const book = data[key];
  if (!book?.title) throw new LookupError('not-found', `Open Library: ISBN ${isbn} not found`);
  const item: CslItem = { type: 'book', ISBN: isbn, title: book.subtitle ? `${book.title}: ${book.subtitle}` : book.title };
  const authors = (book.authors ?? []).map((author) => {
    const parts = author.name.trim().split(/\s+/);
    return parts.length > 1 ? { family: parts[parts.length - 1] ?? '', given: parts.slice(0, -1).join(' ') } : { literal: author.name.trim() };
  });
  if (authors.length > 0) item.author = authors;
  if (book.publishers?.[0]) item.publisher = book.publishers[0].name;
  if (book.publish_places?.[0]) item['publisher-place'] = book.publish_places[0].name;
  const year = /\b(\d{4})\b/.exec(book.publish_date ?? '')?.[1];
  if (year) item.issued = { 'date-parts': [[Number(year)]] };
  if (book.url) item.URL = book.url;
  return { item, source: 'Open Library' };
}
