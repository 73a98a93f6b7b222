import { distance } from 'fastest-levenshtein';
import { VFile } from 'vfile';
import { cslToReferenceFields } from '../bibliography/csl.js';
import { loadReferences } from '../bibliography/load.js';
import { formatOf, parseBibliography } from '../bibliography/parse.js';
import { readFrontmatter } from '../frontmatter.js';
import { decodeSource } from '../source.js';
import { LookupError } from './http.js';
import type { ServiceOptions } from './http.js';
import type { Identifier } from './identifiers.js';
import { lookup } from './lookup.js';

export interface ReferenceToVerify {
  id: string;
  title?: string;
  year?: number | string;
  doi?: string;
  pmid?: string;
}

export type VerifyStatus = 'ok' | 'mismatch' | 'retracted' | 'not-found' | 'rate-limited' | 'unreachable' | 'error';

export interface VerifyRow {
  id: string;
  identifier: string;
  title: 'match' | 'differs' | 'unknown';
  year: 'match' | 'differs' | 'unknown';
  status: VerifyStatus;
  /** What the service holds, or why it could not say. */
  detail: string;
}

export interface VerifyOptions extends ServiceOptions {
  /** Pause between requests (NCBI allows 3 a second without an API key); default 350 ms. */
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Lower case, no markup, accents or punctuation: "The <i>MRI</i>: a Review." → "the mri a review". */
export function normalizeTitle(title: string): string {
  return title
    .replace(/<[^>]+>/g, '')
    // Publishers prefix retracted titles ("RETRACTED: …"); the retraction is reported on its own.
    .replace(/^\s*retracted(?:\s+article)?\s*:\s*/i, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Same title: equal once normalised, one a prefix of the other (subtitle dropped), or ≤ 10% edits apart. */
export function titlesMatch(ours: string, theirs: string): boolean {
  const a = normalizeTitle(ours);
  const b = normalizeTitle(theirs);
  if (a === '' || b === '') return false;
  if (a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `)) return true;
  return distance(a, b) <= Math.max(a.length, b.length) * 0.1;
}

/** The references of an article (inline and its bibliography files) or of a bibliography file. */
export function collectReferences(path: string, readFile: (path: string) => string | Uint8Array): ReferenceToVerify[] {
  const format = formatOf(path);
  const text = decodeSource(readFile(path)).text;
  if (format) {
    const parsed = parseBibliography(text, format);
    if (!parsed.ok) throw new Error(`${path}:${parsed.problem.line}:${parsed.problem.column}: ${parsed.problem.message}`);
    return parsed.entries.map((entry) => ({ id: entry.key, ...(cslToReferenceFields(entry.item) as Omit<ReferenceToVerify, 'id'>) }));
  }
  const file = new VFile({ path, value: text });
  const frontmatter = readFrontmatter(text, file, undefined);
  const loaded = loadReferences(frontmatter.references, frontmatter.bibliography, { articlePath: path, readFile }, file);
  // A broken bibliography would silently check nothing: say so instead.
  const broken = [...loaded.fileDiagnostics, ...file.messages.map((message) => ({ severity: message.fatal ? 'error' : 'warning', ruleId: message.ruleId, file: path, line: message.line, column: message.column, message: message.reason }))].find(
    (diagnostic) => diagnostic.severity === 'error' && String(diagnostic.ruleId).startsWith('bibliography-'),
  );
  if (broken) throw new Error(`${broken.file}:${broken.line ?? 1}:${broken.column ?? 1}: ${broken.message}`);
  return loaded.references;
}

function yearOf(value: number | string | undefined): string | undefined {
  return value === undefined ? undefined : /\d{4}/.exec(String(value))?.[0];
}

/**
 * Checks every DOI (Crossref) and PMID (PubMed) against the service: title and year, and retraction
 * notices. Stops early, marking the rest unreachable, when the network is down.
 */
export async function verifyReferences(references: readonly ReferenceToVerify[], options: VerifyOptions = {}): Promise<VerifyRow[]> {
  const rows: VerifyRow[] = [];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let offline: string | undefined;
  let requests = 0;
  for (const reference of references) {
    const identifiers: Identifier[] = [
      ...(reference.doi ? [{ kind: 'doi', value: reference.doi } as const] : []),
      ...(reference.pmid ? [{ kind: 'pmid', value: String(reference.pmid) } as const] : []),
    ];
    for (const identifier of identifiers) {
      const shown = `${identifier.kind === 'doi' ? 'DOI' : 'PMID'} ${identifier.value}`;
      const row: VerifyRow = { id: reference.id, identifier: shown, title: 'unknown', year: 'unknown', status: 'ok', detail: '' };
      rows.push(row);
      if (offline) {
        Object.assign(row, { status: 'unreachable', detail: offline });
        continue;
      }
      if (requests > 0) await sleep(options.delayMs ?? 350);
      requests += 1;
      try {
        const found = await lookup(identifier, options);
        const fields = cslToReferenceFields(found.item) as Omit<ReferenceToVerify, 'id'>;
        if (reference.title && fields.title) row.title = titlesMatch(reference.title, fields.title) ? 'match' : 'differs';
        const ours = yearOf(reference.year);
        const theirs = yearOf(fields.year);
        if (ours && theirs) row.year = ours === theirs ? 'match' : 'differs';
        const differences = [
          row.title === 'differs' ? `${found.source} title: "${fields.title}"` : '',
          row.year === 'differs' ? `${found.source} year: ${theirs}` : '',
        ].filter(Boolean);
        if (found.retraction) Object.assign(row, { status: 'retracted', detail: [found.retraction, ...differences].join('; ') });
        else if (differences.length > 0) Object.assign(row, { status: 'mismatch', detail: differences.join('; ') });
        else row.detail = found.source;
      } catch (error) {
        if (!(error instanceof LookupError)) throw error;
        row.status = error.kind === 'bad-response' ? 'error' : error.kind;
        row.detail = error.message;
        if (error.kind === 'unreachable') offline = error.message;
      }
    }
  }
  return rows;
}

const statusLabel: Record<VerifyStatus, string> = {
  ok: 'ok',
  mismatch: 'MISMATCH',
  retracted: 'RETRACTED',
  'not-found': 'NOT FOUND',
  'rate-limited': 'rate-limited',
  unreachable: 'unreachable',
  error: 'error',
};
const mark = { match: 'yes', differs: 'NO', unknown: '-' } as const;

/** A plain-text table: one row per identifier checked. */
export function formatVerifyTable(rows: readonly VerifyRow[]): string {
  const header = ['reference', 'identifier', 'title', 'year', 'status', 'detail'];
  const cells = rows.map((row) => [row.id, row.identifier, mark[row.title], mark[row.year], statusLabel[row.status], row.detail]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => (column === 5 ? 0 : (cell[column] ?? '').length))));
  const line = (cell: readonly string[]) => cell.map((value, column) => (column === cell.length - 1 ? value : value.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width)).slice(0, 5).concat('------')), ...cells.map(line)].join('\n');
}
