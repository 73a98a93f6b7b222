import { stringify } from 'yaml';
import { cslToReferenceFields } from '../bibliography/csl.js';
import { loadCitationJs } from '../bibliography/load-citation-js.js';
import type { CslItem } from '../bibliography/csl.js';
import { formatOf, parseBibliography } from '../bibliography/parse.js';
import type { ServiceOptions } from './http.js';
import { parseIdentifier } from './identifiers.js';
import { lookup } from './lookup.js';

export interface AddOptions extends ServiceOptions {
  /** Bibliography file to append to (.bib or .json); without it the entry is returned as inline YAML. */
  to?: string;
  /** Current text of `to`, undefined when the file does not exist yet. */
  existing?: string;
}

export interface AddResult {
  key: string;
  /** The new text of `to`, or the YAML for the frontmatter `references:` list. */
  text: string;
  /** What was appended (the entry alone), for the CLI to show. */
  entry: string;
  source: string;
  retraction?: string;
}

export class AddError extends Error {
  override name = 'AddError';
}

/** "epstein2013": first author's family name (ASCII, lower case) and year; "b", "c"… when taken. */
export function citationKey(item: CslItem, taken: ReadonlySet<string>): string {
  const first = item.author?.[0];
  const name = first?.family ?? first?.literal ?? item.title?.split(/\s+/)[0] ?? 'ref';
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? '';
  const base = `${name.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'ref'}${year}`;
  if (!taken.has(base)) return base;
  for (let index = 0; ; index += 1) {
    const key = `${base}${String.fromCharCode(98 + (index % 25))}${index >= 25 ? Math.floor(index / 25) : ''}`;
    if (!taken.has(key)) return key;
  }
}

/**
 * Looks an identifier up and returns the bibliography with a complete entry appended (or, without a
 * target, the entry as inline YAML). Refuses to add a work the file already holds.
 */
export async function addReference(input: string, options: AddOptions): Promise<AddResult> {
  const identifier = parseIdentifier(input);
  if (!identifier) throw new AddError(`"${input}" is not a DOI (10.NNNN/…), PMID (digits), PMCID (PMC…) or ISBN`);
  const format = options.to === undefined ? undefined : formatOf(options.to);
  if (options.to !== undefined && format !== 'bibtex' && format !== 'csl-json') throw new AddError(`--to must name a .bib or .json file, not "${options.to}"`);

  const taken = new Set<string>();
  const known = new Map<string, string>();
  if (options.existing !== undefined && options.existing.trim() !== '' && format) {
    const parsed = parseBibliography(options.existing, format);
    if (!parsed.ok) throw new AddError(`${options.to} is not valid (${parsed.problem.line}:${parsed.problem.column}: ${parsed.problem.message}); fix it before adding to it`);
    for (const entry of parsed.entries) {
      taken.add(entry.key);
      for (const value of [entry.item.DOI, entry.item.PMID]) if (value !== undefined) known.set(String(value).toLowerCase(), entry.key);
    }
  }

  const found = await lookup(identifier, options);
  const duplicate = [found.item.DOI, found.item.PMID].map((value) => (value === undefined ? undefined : known.get(String(value).toLowerCase()))).find(Boolean);
  if (duplicate) throw new AddError(`${options.to} already has this work, as "${duplicate}"`);
  const key = citationKey(found.item, taken);
  const item: CslItem = { id: key, 'citation-key': key, ...found.item };
  const base = { key, source: found.source, ...(found.retraction ? { retraction: found.retraction } : {}) };

  if (format === 'csl-json') {
    const list = options.existing?.trim() ? (JSON.parse(options.existing) as unknown[]) : [];
    const { 'citation-key': _key, ...entryItem } = item;
    list.push(entryItem);
    return { ...base, text: `${JSON.stringify(list, null, 2)}\n`, entry: JSON.stringify(entryItem, null, 2) };
  }
  if (format === 'bibtex') {
    const citationJs = loadCitationJs('bibtex');
    if ('missing' in citationJs) throw new AddError(`Writing to ${options.to}: ${citationJs.missing}`);
    const entry = new citationJs.Cite([item]).format('biblatex', { format: 'text' }).trim();
    const existing = options.existing ?? '';
    const separator = existing === '' ? '' : existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
    return { ...base, text: `${existing}${separator}${entry}\n`, entry };
  }
  const entry = stringify([{ id: key, ...cslToReferenceFields(found.item) }], { lineWidth: 0 }).trimEnd();
  return { ...base, text: `${entry}\n`, entry };
}
