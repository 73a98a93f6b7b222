import { checkPersonIds } from '../people/check.js';
import type { PeopleRegistry } from '../people/registry.js';
import type { ArticleListing } from '../store/types.js';
import type { Diagnostic, SiteLink } from '../types.js';
import { categoryRule, titleRule } from './editorial.js';
import { checkSiteLinks, type GoneReason } from './links.js';
import { trustRule, type SiteRules } from './trust.js';

/** What a site rule knows of the rest of the site while it judges one file. */
export interface SiteFacts {
  /** The site's pages besides articles (see routes.ts). */
  routes: readonly string[];
  articlePath: (slug: string) => string;
  /** The people registry (people.yml); person ids are unchecked without it. */
  people?: PeopleRegistry;
  /** What readers can reach: articles that are (or are about to be) published, with their taxonomy. */
  reachable: { slugs: ReadonlySet<string>; categories: ReadonlySet<string>; tags: ReadonlySet<string> };
  /** URLs of articles published before and not now (410 Gone), and why. */
  gone?: ReadonlyMap<string, GoneReason>;
  /** The clock reading the judgement is for (what is published depends on it). */
  now: Date;
  /** What site.yml asks of every article (care cards, medical review, the publisher); unchecked without it. */
  site?: SiteRules;
  /** Files by title (by titleKey in editorial.ts), for title-duplicate; unchecked without it. */
  titles?: Pick<ReadonlyMap<string, readonly string[]>, 'get'>;
}

/** One file version as the site rules see it (the compile's summary of it, no body). */
export interface SiteFile {
  /** As the diagnostics name it. */
  file: string;
  listing: ArticleListing;
  links: readonly SiteLink[];
  /** The file's text, read only when a rule needs a position in it; undefined when unreadable. */
  source: () => string | undefined;
  /** The compile found no error (false: its frontmatter may be placeholders). */
  ok?: boolean;
}

/**
 * A rule that needs the rest of the site (the compile checks one file alone). Its errors keep a
 * version from being published, exactly like compile errors, in the server and in
 * `cited-content check` alike: both run `siteRules`.
 */
export interface SiteRule {
  /** The rule ids it reports (documented in AUTHORING.md). */
  ruleIds: readonly string[];
  check(file: SiteFile, facts: SiteFacts): Diagnostic[];
}

/** `link-broken`: same-site links to an article readers cannot reach, or to no page of the site. */
export const linkRule: SiteRule = {
  ruleIds: ['link-broken'],
  check: (file, facts) =>
    checkSiteLinks(file.links, file.file, {
      slugs: facts.reachable.slugs,
      ...(facts.gone ? { gone: facts.gone } : {}),
      categories: facts.reachable.categories,
      tags: facts.reachable.tags,
      routes: facts.routes,
      articlePath: facts.articlePath,
      ...(facts.people ? { people: facts.people } : {}),
    }),
};

/** `person-unknown`: an author or reviewer id the registry does not hold (positions read from the file, only then). */
export const peopleRule: SiteRule = {
  ruleIds: ['person-unknown'],
  check(file, facts) {
    const registry = facts.people;
    const { author, reviewedBy } = file.listing;
    if (!registry || [author, reviewedBy].every((id) => id === undefined || registry.has(id))) return [];
    const source = file.source();
    return source === undefined ? [] : checkPersonIds(source, file.file, registry);
  },
};

/**
 * Every site-wide rule, in the order their findings are listed. A new rule that needs the rest of
 * the site (the registry, other articles, the site's pages) goes here: the store and the check
 * both judge by this list.
 */
export const siteRules: readonly SiteRule[] = [linkRule, peopleRule, trustRule, categoryRule, titleRule];

export function runSiteRules(file: SiteFile, facts: SiteFacts, rules: readonly SiteRule[] = siteRules): Diagnostic[] {
  return rules.flatMap((rule) => rule.check(file, facts));
}
