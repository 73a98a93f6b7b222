import type { ReferenceType } from '../types.js';

/** The subset of a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) we map. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
  literal?: string;
  season?: number | string;
}

export interface CslItem {
  id?: string | number;
  'citation-key'?: string;
  type?: string;
  author?: CslName[];
  title?: string;
  'container-title'?: string;
  'container-title-short'?: string;
  'journalAbbreviation'?: string;
  issued?: CslDate;
  volume?: string | number;
  issue?: string | number;
  page?: string | number;
  DOI?: string;
  PMID?: string | number;
  PMCID?: string;
  ISBN?: string;
  URL?: string;
  note?: string;
  publisher?: string;
  [field: string]: unknown;
}

/** CSL item types onto the model's types; types with no counterpart keep no type (rendered generically). */
const typeMap: Record<string, ReferenceType> = {
  'article-journal': 'article-journal',
  article: 'article-journal',
  'article-magazine': 'article-journal',
  'article-newspaper': 'article-journal',
  review: 'article-journal',
  'review-book': 'article-journal',
  book: 'book',
  chapter: 'chapter',
  'paper-conference': 'chapter',
  'entry-encyclopedia': 'chapter',
  'entry-dictionary': 'chapter',
  report: 'report',
  thesis: 'report',
  standard: 'report',
  webpage: 'webpage',
  'post-weblog': 'webpage',
  post: 'webpage',
};

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const seasonNames: Record<string, string> = { '1': 'Spring', '2': 'Summer', '3': 'Autumn', '4': 'Winter' };

/** "Nancy E." → "NE", "Jean-Pierre" → "JP", "K. A." → "KA": Vancouver initials without punctuation. */
export function initials(given: string): string {
  return given
    .split(/[\s.\-‐]+/u)
    .filter((part) => part !== '')
    .map((part) => (part === part.toUpperCase() && part.length <= 3 ? part : (part[0] ?? '')).toUpperCase())
    .join('');
}

/** A CSL name as the model writes it: "Family Initials" (Vancouver), or the literal (organisations). */
export function vancouverName(name: CslName): string | undefined {
  if (name.literal?.trim()) return name.literal.trim();
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ').trim();
  if (!family) return undefined;
  const given = name.given ? initials(name.given) : '';
  return given ? `${family} ${given}` : family;
}

function datePart(value: number | string | undefined): number | undefined {
  const number = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return number !== undefined && Number.isFinite(number) ? number : undefined;
}

function monthDay(parts: readonly (number | string)[] | undefined): string | undefined {
  const month = datePart(parts?.[1]);
  if (month === undefined || month < 1 || month > 12) return undefined;
  const day = datePart(parts?.[2]);
  return day === undefined ? monthNames[month - 1] : `${monthNames[month - 1]} ${day}`;
}

/** `issued` → year and month as printed in Vancouver ("Jul 15", "Oct-Dec", "Spring"). */
export function yearAndMonth(date: CslDate | undefined): { year?: number; month?: string } {
  if (!date) return {};
  const parts = date['date-parts'];
  const start = parts?.[0];
  let year = datePart(start?.[0]);
  if (year === undefined) {
    const match = /\b(\d{4})\b/.exec(date.raw ?? date.literal ?? '');
    year = match ? Number(match[1]) : undefined;
  }
  let month = monthDay(start);
  const end = parts?.[1];
  const endMonth = monthDay(end);
  if (month && endMonth && endMonth !== month) month = `${month}-${endMonth}`;
  if (!month && date.season !== undefined) month = seasonNames[String(date.season)] ?? String(date.season);
  return { ...(year !== undefined ? { year } : {}), ...(month ? { month } : {}) };
}

/** "https://doi.org/10.1/x" or "doi:10.1/x" → "10.1/x". */
export function bareDoi(doi: string): string {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** Zotero keeps fields CSL lacks in `note`/`extra` as "Key: value" lines (e.g. "PMID: 24171109"). */
function noteFields(note: string | undefined): { fields: Map<string, string>; rest: string | undefined } {
  const fields = new Map<string, string>();
  const rest: string[] = [];
  for (const line of (note ?? '').split(/\r?\n/)) {
    const match = /^\s*(PMID|PMCID|DOI|ISBN|tex\.[\w-]+|[A-Za-z][\w-]*):\s*(\S.*)$/.exec(line);
    if (match && /^(PMID|PMCID|DOI|ISBN)$/i.test(match[1] ?? '')) fields.set((match[1] ?? '').toUpperCase(), (match[2] ?? '').trim());
    else if (line.trim() !== '') rest.push(line.trim());
  }
  return { fields, rest: rest.length > 0 ? rest.join(' ') : undefined };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * A CSL-JSON item → the fields of an inline reference (same names and shapes as YAML `references:`),
 * to be validated by the same schemas. The journal is the abbreviation when one is given, as Vancouver
 * prints it; nothing is invented for fields the item lacks.
 */
export function cslToReferenceFields(item: CslItem): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const type = item.type ? typeMap[item.type] : undefined;
  if (type) fields.type = type;
  const authors = (Array.isArray(item.author) ? item.author : []).map(vancouverName).filter((name): name is string => name !== undefined);
  if (authors.length > 0) fields.authors = authors;
  const title = textOf(item.title);
  if (title) fields.title = title;
  const short = textOf(item['container-title-short']) ?? textOf(item.journalAbbreviation);
  const container = textOf(item['container-title']);
  const journal = type === 'article-journal' || type === undefined ? (short ?? container) : (container ?? short);
  if (journal) fields.journal = journal;
  // A web page's site is often only its publisher (BibLaTeX `organization`, "NHS"): it names the page's source.
  else if (type === 'book' || type === 'report' || type === 'webpage') {
    const publisher = textOf(item.publisher);
    if (publisher) fields.journal = publisher;
  }
  Object.assign(fields, yearAndMonth(item.issued));
  for (const [from, to] of [
    ['volume', 'volume'],
    ['issue', 'issue'],
    ['page', 'pages'],
  ] as const) {
    const value = textOf(item[from]);
    if (value) fields[to] = from === 'page' ? value.replace(/\s*[–—]\s*|\s*--\s*/g, '-') : value;
  }
  const { fields: extra, rest } = noteFields(typeof item.note === 'string' ? item.note : undefined);
  const doi = textOf(item.DOI) ?? extra.get('DOI');
  if (doi) fields.doi = bareDoi(doi);
  const pmid = textOf(item.PMID) ?? extra.get('PMID');
  if (pmid) fields.pmid = pmid;
  const url = textOf(item.URL);
  if (url) fields.url = url;
  if (rest) fields.note = rest;
  return fields;
}
