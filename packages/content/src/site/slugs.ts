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

/**
 * How the owner came by the URL: it serves it (it had it first); this file has errors, so the
 * owner gets it; or neither is published there and the owner comes first by claimOrder (its date,
 * else its file name), as on a server without records of the site (a fresh deploy, a check
 * without the server's cache); else it simply takes it (another file moved off it first).
 */
export type SlugOwnership =
  | { kind: 'serves' }
  | { kind: 'this-has-errors' }
  | { kind: 'comes-first'; ownerPublished: string; published: string }
  | { kind: 'takes-it' };

function ownershipWords(owner: string, ownership: SlugOwnership): string {
  switch (ownership.kind) {
    case 'serves':
      return `is already used by ${owner}, which had it first`;
    case 'this-has-errors':
      return `is also the slug of ${owner}, which gets the URL while this file has errors`;
    case 'comes-first': {
      const why = ownership.ownerPublished !== ownership.published ? `is dated earlier (${ownership.ownerPublished})` : 'has the same date and its file name comes first';
      return `is also the slug of ${owner}, which gets the URL: neither is published there yet and ${owner} ${why}`;
    }
    case 'takes-it':
      return `is also the slug of ${owner}, which gets the URL`;
  }
}

/** `slug-duplicate` on the newcomer, at its `slug:` (or 1:1 when the slug comes from the file name). */
export function slugDuplicate(file: string, slug: string, owner: string, source: string | undefined, ownership: SlugOwnership = { kind: 'serves' }): Diagnostic {
  const position = source === undefined ? undefined : readFrontmatter(source.replace(/^\uFEFF/, ''), new VFile({ path: file }), undefined).slugPosition;
  return {
    severity: 'error',
    ruleId: 'slug-duplicate',
    message: `Slug "${slug}" ${ownershipWords(owner, ownership)}: this file is not published (give it another slug)`,
    file,
    line: position?.start.line ?? 1,
    column: position?.start.column ?? 1,
  };
}
