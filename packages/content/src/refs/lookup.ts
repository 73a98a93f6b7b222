import type { CslItem } from '../bibliography/csl.js';
import { lookupDoi } from './crossref.js';
import type { ServiceOptions } from './http.js';
import type { Identifier } from './identifiers.js';
import { lookupIsbn } from './isbn.js';
import { lookupPmcid, lookupPmid } from './pubmed.js';

export interface LookupResult {
  item: CslItem;
  /** Set when the service reports a retraction (Crossref updated-by, PubMed "Retracted Publication"). */
  retraction?: string;
  source: string;
}

/** Looks an identifier up in the service of record: Crossref/doi.org, PubMed, PMC, Open Library. */
export function lookup(identifier: Identifier, options: ServiceOptions): Promise<LookupResult> {
  switch (identifier.kind) {
    case 'doi':
      return lookupDoi(identifier.value, options);
    case 'pmid':
      return lookupPmid(identifier.value, options);
    case 'pmcid':
      return lookupPmcid(identifier.value, options);
    case 'isbn':
      return lookupIsbn(identifier.value, options);
  }
}
