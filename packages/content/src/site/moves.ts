import { VFile } from 'vfile';
import { readFrontmatter } from '../frontmatter.js';
import type { Diagnostic } from '../types.js';
import type { SiteFile } from './rules.js';

/** The line of a top-level frontmatter key (`draft:`, `published:`), or 1. */
function keyLine(source: string | undefined, key: string): number {
  const lines = (source ?? '').split(/\r\n|\n|\r/);
  const index = lines.findIndex((line, i) => i > 0 && line.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 1;
}

/**
 * `article-withdrawn` (a warning): a version that takes a published article offline (a draft, a
 * future date). It is accepted (editors withdraw on purpose) and its URLs answer 410 Gone meanwhile.
 */
export function articleWithdrawn(file: SiteFile, options: { liveSlugs: readonly string[]; articlePath: (slug: string) => string }): Diagnostic {
  const source = file.source();
  const how = file.listing.draft ? { key: 'draft', why: 'it is now `draft: true`' } : { key: 'published', why: `its \`published:\` date (${file.listing.published}) is in the future` };
  const at = options.liveSlugs.map((slug) => options.articlePath(slug)).join(', ');
  return {
    severity: 'warning',
    ruleId: 'article-withdrawn',
    message: `withdrawn: this article was published at ${at}, and ${how.why}: readers get 410 Gone there (and links to it from other articles are errors) until it is published again`,
    file: file.file,
    line: keyLine(source, how.key),
    column: 1,
  };
}

/** `redirect-shadows-article`: a `redirectFrom:` slug that another article has (a redirect never takes a live article's URL). */
export function redirectShadows(file: SiteFile, ownerOf: (slug: string) => string | undefined): Diagnostic[] {
  const slugs = file.listing.redirectFrom ?? [];
  const taken = slugs.map((slug, index) => ({ slug, index, owner: slug === file.listing.slug ? file.file : ownerOf(slug) })).filter((entry) => entry.owner !== undefined);
  if (taken.length === 0) return [];
  const source = file.source();
  const positions = source === undefined ? undefined : readFrontmatter(source.replace(/^\uFEFF/, ''), new VFile({ path: file.file }), undefined).redirectFromPositions;
  return taken.map(({ slug, index, owner }) => ({
    severity: 'error',
    ruleId: 'redirect-shadows-article',
    message:
      owner === file.file
        ? `redirectFrom "${slug}" is this article's own slug: remove it`
        : `redirectFrom "${slug}" is the URL of ${owner}: a redirect never takes a live article's URL (remove it, or give that article another slug first)`,
    file: file.file,
    line: positions?.[index]?.start.line ?? 1,
    column: positions?.[index]?.start.column ?? 1,
  }));
}
