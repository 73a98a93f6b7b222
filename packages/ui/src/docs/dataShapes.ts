/*
 * The data shapes a docs page must explain field by field (react-docgen-typescript documents a
 * component's props, not the shape inside an array prop). dataShapes.test.ts checks these lists
 * against the TypeScript interfaces, so a new or renamed field fails the tests until it is here.
 */
import type { FieldDoc } from './blocks';

export const referenceDataFields: readonly FieldDoc[] = [
  { name: 'id', type: 'string', required: true, description: 'Stable key of the reference, e.g. "bodiu2014" (not the DOM id).' },
  { name: 'number', type: 'number', required: true, description: 'The number shown and cited; the entry’s DOM id is referenceIdPrefix + number ("ref-3").' },
  { name: 'type', type: 'ReferenceType', required: false, description: '"article-journal" (default), "book", "chapter", "report" or "webpage": decides the punctuation, e.g. "[Internet]" for web pages.' },
  { name: 'authors', type: 'readonly string[]', required: false, description: '"Family Initials" each, e.g. "Bodiu A". More than six are shortened to six and "et al.".' },
  { name: 'title', type: 'string', required: false, description: 'Title of the article, book, chapter, report or page.' },
  { name: 'journal', type: 'string', required: false, description: 'The container: journal (abbreviated as in PubMed), the book of a chapter, or the site of a web page.' },
  { name: 'year', type: 'string | number', required: false, description: 'Year of publication.' },
  { name: 'month', type: 'string', required: false, description: 'As printed, e.g. "Oct-Dec" or "Jul 15"; shown only with a year.' },
  { name: 'volume', type: 'string', required: false, description: 'Journal volume.' },
  { name: 'issue', type: 'string', required: false, description: 'Journal issue, shown in brackets after the volume.' },
  { name: 'pages', type: 'string', required: false, description: 'Page range in NLM short form, e.g. "533-7".' },
  { name: 'doi', type: 'string', required: false, description: 'The DOI, bare or as a doi.org address; linked to https://doi.org/.' },
  { name: 'pmid', type: 'string', required: false, description: 'PubMed id; linked to PubMed.' },
  { name: 'url', type: 'string', required: false, description: 'Web address, shown as "Available from: …"; linked only if it is http(s).' },
  { name: 'note', type: 'string', required: false, description: 'Editorial note after the citation, e.g. "Details not confirmed." Say what is missing instead of inventing it.' },
  { name: 'backlinks', type: 'readonly string[]', required: false, description: 'DOM ids of the Citation markers that cite this reference, in document order: one gives "↑", several "↑ a b c".' },
];

export const ctaActionFields: readonly FieldDoc[] = [
  { name: 'href', type: 'string', required: true, description: 'A real address: relative ("/contact"), https:, tel: or mailto:.' },
  { name: 'label', type: 'ReactNode', required: true, description: 'What happens, in words: "Call 555-0100", "Book an appointment"; never "Click here".' },
];

export const personRefFields: readonly FieldDoc[] = [
  { name: 'name', type: 'string', required: true, description: 'The name as it should be read: "Magaziner Center for Wellness", a person’s full name.' },
  { name: 'href', type: 'string', required: false, description: 'Their profile page; the name becomes a link to it.' },
  { name: 'credentials', type: 'string', required: false, description: 'Shown after the name and a comma: "MD", "PhD, RN". Only what is confirmed.' },
];
