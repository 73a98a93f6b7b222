/**
 * Vancouver (NLM "Citing Medicine") formatting of a reference, as plain text and as ordered parts
 * so that the ReferenceList can render the same text with links for the DOI, PMID and URL.
 * No React here: the content package and tests use these functions on the server.
 */

export const referenceTypes = ['article-journal', 'book', 'chapter', 'report', 'webpage'] as const;
export type ReferenceType = (typeof referenceTypes)[number];

export interface ReferenceData {
  /** Stable key, e.g. 'bodiu2014' (not the DOM id). */
  id: string;
  /** Displayed number; the entry's DOM id is `${referenceIdPrefix}${number}`. */
  number: number;
  /** Defaults to 'article-journal'. */
  type?: ReferenceType;
  /** "Family Initials", e.g. "Bodiu A". */
  authors?: readonly string[];
  title?: string;
  /** Container title: the journal, or the book of a chapter, or the site of a web page. */
  journal?: string;
  year?: number | string;
  /** As printed, e.g. "Oct-Dec" or "Jul 15". Only shown together with a year. */
  month?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  pmid?: string;
  url?: string;
  /** Editorial note shown after the citation, e.g. "Details not confirmed." */
  note?: string;
  /** DOM ids of the citation markers that cite this reference, in document order. */
  backlinks?: readonly string[];
}

/** Vancouver lists up to six authors; with more, the first six are followed by "et al.". */
export const maxListedAuthors = 6;

export function formatAuthors(authors: readonly string[]): string {
  const names = authors.map((name) => name.trim()).filter((name) => name.length > 0);
  if (names.length > maxListedAuthors) {
    return `${names.slice(0, maxListedAuthors).join(', ')}, et al.`;
  }
  return names.join(', ');
}

/**
 * One piece of a formatted reference. `text` is what is shown; `href` makes it a link.
 * `before` and `after` are punctuation outside the link (so a link never swallows the full stop).
 */
export interface VancouverPart {
  kind: 'authors' | 'title' | 'container' | 'source' | 'doi' | 'pmid' | 'url';
  text: string;
  before?: string;
  after: string;
  href?: string;
}

/** A field's text without surrounding space; '' when the field is missing or blank. */
const clean = (value: string | number | undefined): string => (value === undefined ? '' : String(value).trim());

/** Only web addresses become links: reference data must never inject `javascript:` URLs. */
const isWebAddress = (url: string): boolean => /^https?:\/\/[^\s]+$/i.test(url);

/** Close a sentence with a full stop unless it already ends with terminal punctuation. */
const endSentence = (text: string): string => (/[.?!]$/.test(text) ? '' : '.');

/** "2014 Oct-Dec;7(4):533-7" and its partial forms; '' when nothing is known. */
function formatSource(ref: ReferenceData, pagesPrefix: string): string {
  const year = clean(ref.year);
  const month = clean(ref.month);
  const date = year && month ? `${year} ${month}` : year;
  const issue = clean(ref.issue);
  const volumeIssue = clean(ref.volume) + (issue ? `(${issue})` : '');
  const pages = clean(ref.pages);

  if (pagesPrefix) {
    // Books and chapters: "2019. p. 12-20."
    return [date, pages && `${pagesPrefix}${pages}`].filter(Boolean).join('. ');
  }
  let source = date;
  if (volumeIssue) source += `${source ? ';' : ''}${volumeIssue}`;
  if (pages) source += `${source ? ':' : ''}${pages}`;
  return source;
}

/**
 * The reference as ordered parts. Missing fields are skipped together with their punctuation,
 * so an entry with only a URL is "Available from: https://…" and nothing else.
 */
export function vancouverParts(ref: ReferenceData): VancouverPart[] {
  const type = ref.type ?? 'article-journal';
  const parts: VancouverPart[] = [];
  const push = (kind: VancouverPart['kind'], text: string, extra?: Partial<VancouverPart>) => {
    parts.push({ kind, text, after: endSentence(text), ...extra });
  };

  const authors = formatAuthors(ref.authors ?? []);
  if (authors) push('authors', authors);

  const title = clean(ref.title);
  if (title) {
    // Web pages are marked as such: "Title [Internet]."
    push('title', type === 'webpage' ? `${title} [Internet]` : title);
  }

  const container = clean(ref.journal);
  if (container) {
    push('container', type === 'chapter' ? `In: ${container}` : container);
  }

  const source = formatSource(ref, type === 'book' || type === 'chapter' || type === 'report' ? 'p. ' : '');
  if (source) push('source', source);

  // Accept "https://doi.org/10.x/y" as well as the bare DOI.
  const doi = clean(ref.doi).replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  if (doi) {
    push('doi', doi, {
      before: 'doi: ',
      // Encode each segment so "#" or "?" inside a DOI cannot cut the address short.
      href: `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`,
      after: '.',
    });
  }
  const pmid = clean(ref.pmid);
  if (pmid) {
    push('pmid', pmid, {
      before: 'PMID: ',
      href: `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`,
      after: '.',
    });
  }
  const url = clean(ref.url);
  if (url) {
    // NLM puts no full stop after a URL: it could be mistaken for part of the address.
    push('url', url, { before: 'Available from: ', after: '', ...(isWebAddress(url) ? { href: url } : {}) });
  }
  return parts;
}

/** Plain-text Vancouver citation, e.g. "Bodiu A. Diagnosis … J Med Life. 2014 Oct-Dec;7(4):533-7." */
export function formatVancouver(ref: ReferenceData): string {
  return vancouverParts(ref)
    .map((part) => `${part.before ?? ''}${part.text}${part.after}`)
    .join(' ');
}
