import type { CslItem, CslName } from '../bibliography/csl.js';
import { getJson, LookupError } from './http.js';
import type { ServiceOptions } from './http.js';

/** A work as the Crossref REST API returns it (api.crossref.org/works/{doi}); the fields used here. */
export interface CrossrefWork {
  DOI: string;
  type?: string;
  title?: string[];
  'container-title'?: string[];
  'short-container-title'?: string[];
  author?: { given?: string; family?: string; name?: string }[];
  issued?: { 'date-parts'?: (number | null)[][] };
  volume?: string;
  issue?: string;
  page?: string;
  URL?: string;
  ISBN?: string[];
  publisher?: string;
  /** Notices that update this work (Crossref Crossmark / Retraction Watch): a retraction among them. */
  'updated-by'?: CrossrefUpdate[];
  /** Set on a notice: the works it updates. */
  'update-to'?: CrossrefUpdate[];
  /** Publisher-deposited relations; `is-retracted-by` names a notice without an update deposit. */
  relation?: Record<string, { 'id-type'?: string; id?: string }[] | undefined>;
}

export interface CrossrefUpdate {
  DOI: string;
  type: string;
  label?: string;
  source?: string;
  updated?: { 'date-parts'?: number[][] };
}

const crossrefTypes: Record<string, string> = {
  'journal-article': 'article-journal',
  'book-chapter': 'chapter',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  'reference-book': 'book',
  report: 'report',
  'proceedings-article': 'paper-conference',
  'posted-content': 'article',
  dataset: 'dataset',
};

export function crossrefToCsl(work: CrossrefWork): CslItem {
  const item: CslItem = { type: crossrefTypes[work.type ?? ''] ?? 'document', DOI: work.DOI };
  if (work.title?.[0]) item.title = work.title[0];
  if (work['container-title']?.[0]) item['container-title'] = work['container-title'][0];
  if (work['short-container-title']?.[0]) item['container-title-short'] = work['short-container-title'][0];
  const authors: CslName[] = (work.author ?? []).map((author) => (author.family ? { family: author.family, ...(author.given ? { given: author.given } : {}) } : { literal: author.name ?? '' }));
  if (authors.length > 0) item.author = authors;
  const parts = work.issued?.['date-parts']?.[0]?.filter((part): part is number => typeof part === 'number');
  if (parts && parts.length > 0) item.issued = { 'date-parts': [parts] };
  for (const field of ['volume', 'issue', 'page', 'publisher'] as const) if (work[field]) item[field] = work[field];
  if (work.ISBN?.[0]) item.ISBN = work.ISBN[0];
  if (work.URL) item.URL = work.URL;
  return item;
}

/** "Retracted (notice 10.x/y, 2020-05-01)" when Crossref lists a retraction of the work. */
export function crossrefRetraction(work: CrossrefWork): string | undefined {
  const retraction = work['updated-by']?.find((update) => /retract/i.test(update.type));
  if (retraction) {
    const date = retraction.updated?.['date-parts']?.[0]?.map((part) => String(part).padStart(2, '0')).join('-');
    return `retracted (notice ${retraction.DOI}${date ? `, ${date}` : ''})`;
  }
  const related = work.relation?.['is-retracted-by']?.[0];
  if (related?.id) return `retracted (notice ${related.id})`;
  const notice = work['update-to']?.find((update) => /retract/i.test(update.type));
  return notice ? `this DOI is a retraction notice for ${notice.DOI}, not the work itself` : undefined;
}

/** Looks a DOI up in Crossref; DOIs Crossref does not hold (e.g. DataCite) fall back to doi.org content negotiation. */
export async function lookupDoi(doi: string, options: ServiceOptions): Promise<{ item: CslItem; retraction?: string; source: string }> {
  try {
    const data = (await getJson(`https://api.crossref.org/works/${encodeURIComponent(doi)}`, 'Crossref', options)) as { status?: string; message?: CrossrefWork };
    if (data.status !== 'ok' || !data.message?.DOI) throw new LookupError('bad-response', 'Crossref answered without a work');
    const retraction = crossrefRetraction(data.message);
    return { item: crossrefToCsl(data.message), ...(retraction ? { retraction } : {}), source: 'Crossref' };
  } catch (error) {
    if (!(error instanceof LookupError) || error.kind !== 'not-found') throw error;
  }
  // Content negotiation answers CSL-JSON for DOIs of every registration agency.
  const item = (await getJson(`https://doi.org/${encodeURI(doi)}`, 'doi.org', options, 'application/vnd.citationstyles.csl+json')) as CslItem;
  if (typeof item !== 'object' || item === null || typeof item.title !== 'string') throw new LookupError('bad-response', 'doi.org answered without CSL-JSON');
  const { id: _id, ...rest } = item;
  return { item: { ...rest, DOI: typeof item.DOI === 'string' ? item.DOI : doi }, source: 'doi.org' };
}
