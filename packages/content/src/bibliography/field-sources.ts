import type { Position } from 'unist';
import type { ReferenceField } from '../schema.js';
import type { BibliographyFormat } from './parse.js';

/**
 * Which fields of a file a reference field is read from (csl.ts maps them; BibTeX names lower-cased,
 * as citation-js reads them; RIS tags), in the order csl.ts prefers them: a problem with `doi` is shown at the
 * file's `doi = {…}` or `"DOI": …`. A field the file lacks is shown at the entry's key.
 */
const sources: Record<BibliographyFormat, Partial<Record<ReferenceField, readonly string[]>>> = {
  'csl-json': {
    type: ['type'],
    authors: ['author'],
    title: ['title'],
    journal: ['container-title-short', 'journalAbbreviation', 'container-title', 'publisher'],
    year: ['issued'],
    month: ['issued'],
    volume: ['volume'],
    issue: ['issue'],
    pages: ['page'],
    doi: ['DOI', 'note'],
    pmid: ['PMID', 'note'],
    url: ['URL'],
    note: ['note'],
  },
  bibtex: {
    authors: ['author'],
    title: ['title'],
    journal: ['shortjournal', 'journaltitle', 'journal', 'booktitle', 'publisher', 'organization', 'institution'],
    year: ['date', 'year'],
    month: ['date', 'month'],
    volume: ['volume'],
    issue: ['number', 'issue'],
    pages: ['pages'],
    doi: ['doi', 'note'],
    pmid: ['pmid', 'eprint', 'note'],
    url: ['url', 'howpublished'],
    note: ['note', 'addendum'],
  },
  ris: {
    type: ['TY'],
    authors: ['AU', 'A1'],
    title: ['TI', 'T1'],
    journal: ['J2', 'JA', 'JO', 'JF', 'T2', 'PB'],
    year: ['PY', 'Y1', 'DA'],
    month: ['DA', 'PY', 'Y1'],
    volume: ['VL'],
    issue: ['IS'],
    pages: ['SP'],
    doi: ['DO'],
    pmid: ['AN'],
    url: ['UR'],
    note: ['N1'],
  },
};

/** Where each reference field was read from, given where the file's own fields are. */
export function referenceFieldPositions(format: BibliographyFormat, written: ReadonlyMap<string, Position>): Map<ReferenceField, Position> {
  const positions = new Map<ReferenceField, Position>();
  for (const [field, names] of Object.entries(sources[format]) as [ReferenceField, readonly string[]][]) {
    const found = names.map((name) => written.get(name)).find((position) => position !== undefined);
    if (found) positions.set(field, found);
  }
  return positions;
}
