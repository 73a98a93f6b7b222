import type { ReferenceField } from './schema.js';
import type { NumberedReference } from './types.js';

type CheckedReference = Pick<NumberedReference, 'id' | 'type' | 'authors' | 'title' | 'journal' | 'year' | 'url' | 'doi'>;

export interface ReferenceGap {
  ruleId: 'reference-missing-title' | 'reference-incomplete';
  message: string;
  /** The fields that are missing, to show where one was written but could not be read. */
  fields: ReferenceField[];
}

/**
 * What a reference lacks, the same for inline references and bibliography files. A reference needs
 * something to find it by (a title, URL or DOI). Authors and a year are expected, but their absence is
 * only a warning: an honest gap beats a guess. A web page is updated in place and cited by its
 * address, so it needs no year; and many (NHS, WHO pages) name no person: the site that publishes it
 * (`journal`, from CSL `container-title` or `publisher`) stands in for an author.
 */
export function referenceGaps(
  reference: CheckedReference,
  options: {
    hint: string;
    /** The field is in the source but could not be read (a date with no year). */
    written?: (field: ReferenceField) => boolean;
    /** Where the source names a web page's site, in its words (default: "publisher", as bibliography files do). */
    siteField?: string;
  },
): ReferenceGap[] {
  const gaps: ReferenceGap[] = [];
  const { id } = reference;
  if (!reference.title && !reference.url && !reference.doi) {
    gaps.push({ ruleId: 'reference-missing-title', message: `Reference "${id}" has neither a title nor a URL or DOI`, fields: ['title'] });
  }
  const webpage = reference.type === 'webpage';
  const missing: { field: ReferenceField; words: string }[] = [];
  if (!reference.authors?.length && !(webpage && reference.journal)) {
    missing.push(webpage ? { field: 'authors', words: `author or site name (${options.siteField ?? 'publisher'})` } : { field: 'authors', words: 'authors' });
  }
  if (reference.year === undefined && !webpage) missing.push({ field: 'year', words: 'year' });
  if (missing.length > 0) {
    gaps.push({
      ruleId: 'reference-incomplete',
      message: `Reference "${id}" has no ${missing.map((gap) => `${options.written?.(gap.field) ? 'readable ' : ''}${gap.words}`).join(' or ')} (${options.hint})`,
      fields: missing.map((gap) => gap.field),
    });
  }
  return gaps;
}
