import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PeopleRegistry } from '../people/registry.js';
import { checkSiteRules, type SiteRules } from '../rules/site.js';
import type { Diagnostic } from '../types.js';
import type { FileRecord } from './snapshot.js';

export interface StoreSiteRules {
  dir: string;
  site?: SiteRules;
  people?: PeopleRegistry;
}

/**
 * The site's rules (rules/site.ts) for one file version, from its listing: the source is read
 * only when one fires (for its position) or when the publisher's offers must be looked for in
 * the body. A version whose frontmatter could not be read is left to its own errors.
 */
export function storeSiteRuleDiagnostics(record: FileRecord, context: StoreSiteRules): Diagnostic[] {
  if (!context.site && !context.people) return [];
  // Only a failed compile's diagnostics are read here: an ok record's warnings stay on disk.
  if (!record.ok && record.diagnostics.some((d) => d.severity === 'error' && d.ruleId.startsWith('frontmatter-'))) return [];
  return checkSiteRules(record.listing, {
    file: record.file,
    site: context.site,
    people: context.people,
    source: () => {
      try {
        return readFileSync(path.join(context.dir, record.file), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
}

/** What the judged site rules depend on, for the store's restart signature. */
export function siteRulesSignature(site: SiteRules | undefined, people: PeopleRegistry | undefined): unknown {
  return {
    careCards: site?.careCards ?? null,
    review: site?.review ?? null,
    publisher: site?.publisher?.id ?? null,
    offers: people ? [...people.values()].filter((record) => record.offers).map((record) => [record.id, record.offers]) : null,
  };
}
