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
 * the body. A version with compile errors is left to them.
 */
export function storeSiteRuleDiagnostics(record: FileRecord, context: StoreSiteRules): Diagnostic[] {
  // A version with compile errors is held back already, and its source may be one the parser had
  // to refuse (too deep, too complex): it is not read again here. Its site rules are judged once it compiles.
  if ((!context.site && !context.people) || !record.ok) return [];
  // A full pass judges every file again: the same version under the same rules is not read twice.
  const signature = signatureOf(context.site, context.people);
  const known = judged.get(record);
  if (known?.signature === signature) return known.diagnostics;
  const diagnostics = checkSiteRules(record.listing, {
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
  judged.set(record, { signature, diagnostics });
  return diagnostics;
}

/** Per record object (one per file version): the rules' signature and what they found. */
const judged = new WeakMap<FileRecord, { signature: string; diagnostics: Diagnostic[] }>();
/** The signature of a site/people pair, computed once per config object (they are replaced when edited). */
const signatures = new WeakMap<object, WeakMap<object, string>>();
const none = {};

function signatureOf(site: SiteRules | undefined, people: PeopleRegistry | undefined): string {
  const bySite = signatures.get(site ?? none) ?? new WeakMap<object, string>();
  signatures.set(site ?? none, bySite);
  let signature = bySite.get(people ?? none);
  if (signature === undefined) {
    signature = JSON.stringify(siteRulesSignature(site, people));
    bySite.set(people ?? none, signature);
  }
  return signature;
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
