import { bareDoi } from '../bibliography/csl.js';
import { doiPattern } from '../schema.js';

export type Identifier =
  | { kind: 'doi'; value: string }
  | { kind: 'pmid'; value: string }
  | { kind: 'pmcid'; value: string }
  | { kind: 'isbn'; value: string };

/** ISBN-10 or ISBN-13 with a valid check digit (hyphens and spaces ignored). */
export function isIsbn(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((total, char, index) => total + (char === 'X' ? 10 : Number(char)) * (10 - index), 0);
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(digits)) {
    const sum = [...digits].reduce((total, char, index) => total + Number(char) * (index % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0;
  }
  return false;
}

/** "10.1/x", "doi:10.1/x", "https://doi.org/10.1/x", "PMID: 123", "123", "PMC123", "isbn 978-…" → an identifier. */
export function parseIdentifier(input: string): Identifier | undefined {
  const text = input.trim();
  const doi = bareDoi(text);
  if (doiPattern.test(doi)) return { kind: 'doi', value: doi };
  const pmcid = /^(?:pmcid:\s*)?(PMC\d{1,10})$/i.exec(text);
  if (pmcid?.[1]) return { kind: 'pmcid', value: pmcid[1].toUpperCase() };
  const isbn = /^(?:isbn(?:-1[03])?:?\s*)?([\d\s-]{9,17}[\dXx])$/i.exec(text);
  if (isbn?.[1] && isIsbn(isbn[1]) && (/^isbn/i.test(text) || isbn[1].replace(/[\s-]/g, '').length >= 10)) {
    // A bare 10-digit number could be a PMID too; PMIDs are 1 to 8 digits today, so 10+ digits is an ISBN.
    return { kind: 'isbn', value: isbn[1].replace(/[\s-]/g, '').toUpperCase() };
  }
  const pmid = /^(?:pmid:?\s*)?(\d{1,9})$/i.exec(text);
  if (pmid?.[1]) return { kind: 'pmid', value: pmid[1] };
  return undefined;
}
