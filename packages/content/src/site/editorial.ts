import { rules } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import type { Diagnostic } from '../types.js';
import type { SiteFacts, SiteFile, SiteRule } from './rules.js';
import { taxonomySlug } from './taxonomy.js';
import { positionOf } from './trust.js';

/**
 * `category-unknown`: with a category registry in site.yml, an article's category must be one of
 * its names (case and spacing aside, as the URL is): "Back pian" would otherwise add a menu item
 * and a page of its own beside "Back pain", silently.
 */
export const categoryRule: SiteRule = {
  ruleIds: ['category-unknown'],
  check(file: SiteFile, facts: SiteFacts): Diagnostic[] {
    const registry = facts.site?.categories;
    // A version with compile errors may carry a placeholder category: it is judged once it compiles.
    if (!registry || file.ok === false) return [];
    const written = file.listing.category;
    const slug = taxonomySlug(written);
    if (registry.some((category) => taxonomySlug(category.name) === slug)) return [];
    const names = registry.map((category) => category.name);
    const message =
      `Category "${written}" is not in site.yml's categories${didYouMean(written, names)}: ` +
      `use one of ${names.map((name) => `"${name}"`).join(', ')}, or add it to \`categories\` in site.yml with a description`;
    return [{ severity: rules['category-unknown'].severity, ruleId: 'category-unknown', message, file: file.file, ...positionOf(file.source(), 'category', 'value') }];
  },
};

/** Titles compared as readers see them: case, spacing and final punctuation aside. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/[\s.!?:;]+$/, '').trim();
}

/** What `title-duplicate` tells a file of the others with its title (none: undefined). */
export function titleDuplicateMessage(file: { file: string; listing: { title: string } }, titles: NonNullable<SiteFacts['titles']>): string | undefined {
  const others = (titles.get(titleKey(file.listing.title)) ?? []).filter((other) => other !== file.file);
  if (others.length === 0) return undefined;
  return `Title "${file.listing.title}" is also the title of ${others.join(', ')}: readers cannot tell them apart in lists and search results; give each its own title`;
}

/** `title-duplicate`: another article has the same title; readers cannot tell them apart in lists and search. */
export const titleRule: SiteRule = {
  ruleIds: ['title-duplicate'],
  check(file: SiteFile, facts: SiteFacts): Diagnostic[] {
    if (!facts.titles || file.ok === false) return [];
    const message = titleDuplicateMessage(file, facts.titles);
    if (message === undefined) return [];
    return [{ severity: rules['title-duplicate'].severity, ruleId: 'title-duplicate', message, file: file.file, ...positionOf(file.source(), 'title', 'value') }];
  },
};
