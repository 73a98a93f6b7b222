import { VFile } from 'vfile';
import { readFrontmatter } from '../frontmatter.js';
import type { ArticleListing } from '../store/types.js';
import type { Diagnostic } from '../types.js';

/**
 * Which of two files claiming one URL gets it when neither has it yet (a cold start, two new
 * files, a check without the server's state): the one published first, then the first file name.
 * A file that already serves the URL keeps it whatever this says (see judge.ts).
 */
export function claimOrder(a: { file: string; listing: ArticleListing }, b: { file: string; listing: ArticleListing }): number {
  if (a.listing.published !== b.listing.published) return a.listing.published < b.listing.published ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** `slug-duplicate` on the newcomer, at its `slug:` (or 1:1 when the slug comes from the file name). */
export function slugDuplicate(file: string, slug: string, owner: string, source: string | undefined): Diagnostic {
  const position = source === undefined ? undefined : readFrontmatter(source.replace(/^\uFEFF/, ''), new VFile({ path: file }), undefined).slugPosition;
  return {
    severity: 'error',
    ruleId: 'slug-duplicate',
    message: `Slug "${slug}" is already used by ${owner}, which had it first: this file is not published (give it another slug)`,
    file,
    line: position?.start.line ?? 1,
    column: position?.start.column ?? 1,
  };
}
