import { parseTree } from 'jsonc-parser';
import type { Node as JsonNode } from 'jsonc-parser';
import type { Position } from 'unist';
import { location } from 'vfile-location';
import type { ReferenceField } from '../schema.js';
import type { CslItem } from './csl.js';
import { referenceFieldPositions } from './field-sources.js';
import { loadCitationJs } from './load-citation-js.js';
import { locateBibtexEntries } from './locate-bibtex.js';
import type { LocatedBibtexEntry } from './locate-bibtex.js';

export const bibliographyFormats = ['csl-json', 'bibtex', 'ris'] as const;
export type BibliographyFormat = (typeof bibliographyFormats)[number];

/** File extensions per format (what Zotero, Mendeley, EndNote and JabRef export). */
export const bibliographyExtensions: Record<string, BibliographyFormat> = {
  '.json': 'csl-json',
  '.bib': 'bibtex',
  '.bibtex': 'bibtex',
  '.ris': 'ris',
};

export function formatOf(path: string): BibliographyFormat | undefined {
  const lower = path.toLowerCase();
  const extension = Object.keys(bibliographyExtensions).find((candidate) => lower.endsWith(candidate));
  return extension ? bibliographyExtensions[extension] : undefined;
}

export interface BibliographyEntry {
  /** The citation key: CSL `id`, the BibTeX key, the RIS `ID` (or one derived from author and year). */
  key: string;
  item: CslItem;
  /** 1-based line and column of the entry in its file. */
  line: number;
  column: number;
  /** Where the key is written (a missing field is reported there); else the entry's start. */
  keyPosition?: Position;
  /** Where each reference field was read from in the file, when known. */
  fields?: Map<ReferenceField, Position>;
}

export interface ParseProblem {
  message: string;
  line: number;
  column: number;
}

export type ParsedBibliography = { ok: true; entries: BibliographyEntry[] } | { ok: false; problem: ParseProblem };

function failure(message: string, line: number, column: number): ParsedBibliography {
  return { ok: false, problem: { message, line, column } };
}

function stripGraph(item: Record<string, unknown>): CslItem {
  const { _graph: _ignored, ...rest } = item;
  return rest as CslItem;
}

function parseCslJson(text: string): ParsedBibliography {
  const place = location(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message);
    const point = place.toPoint(offset ? Number(offset[1]) : text.length) ?? { line: 1, column: 1 };
    return failure(`Invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)$/, '')}`, point.line, point.column);
  }
  const items = Array.isArray(data) ? data : data !== null && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : undefined;
  if (!items) return failure('A CSL-JSON bibliography must be a list of items ([{ "id": …, "type": … }, …])', 1, 1);
  // The same text as a syntax tree (jsonc-parser, the parser of VS Code's JSON): it knows where every value is.
  const tree = parseTree(text);
  const itemNodes = (tree?.type === 'array' ? tree : tree?.children?.find((pair) => pair.children?.[0]?.value === 'items')?.children?.[1])?.children ?? [];
  const toPosition = (node: JsonNode): Position | undefined => {
    const start = place.toPoint(node.offset);
    const end = place.toPoint(node.offset + node.length);
    return start && end ? { start, end } : undefined;
  };
  const entries: BibliographyEntry[] = [];
  for (const [index, raw] of items.entries()) {
    const node = itemNodes[index];
    const point = (node && place.toPoint(node.offset)) ?? { line: 1, column: 1 };
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return failure(`Item ${index + 1} is not an object`, point.line, point.column);
    const item = raw as CslItem;
    const key = item['citation-key'] ?? item.id;
    if (key === undefined || key === null || String(key).trim() === '') return failure(`Item ${index + 1} has no "id"`, point.line, point.column);
    const written = new Map<string, Position>();
    for (const pair of node?.children ?? []) {
      const [name, value] = pair.children ?? [];
      const position = value && toPosition(value);
      // A repeated property: JSON.parse keeps the last one, so does this.
      if (typeof name?.value === 'string' && position) written.set(name.value, position);
    }
    const keyPosition = written.get(item['citation-key'] !== undefined ? 'citation-key' : 'id');
    entries.push({ key: String(key), item, line: point.line, column: point.column, fields: referenceFieldPositions('csl-json', written), ...(keyPosition ? { keyPosition } : {}) });
  }
  return { ok: true, entries };
}

function parseBibtex(text: string): ParsedBibliography {
  const citationJs = loadCitationJs('bibtex');
  if ('missing' in citationJs) return failure(citationJs.missing, 1, 1);
  const { Cite, bibtexGrammar } = citationJs;
  let data: Record<string, unknown>[];
  try {
    data = new Cite(text, { forceType: '@biblatex/text', generateGraph: false }).data;
  } catch (error) {
    // citation-js reports "… at line L col C:" followed by an excerpt; keep the first line only.
    const message = ((error as Error).message.split('\n')[0] ?? '').replace(/:$/, '');
    const at = /at line (\d+) col (\d+)/.exec(message);
    return failure(`Invalid BibTeX: ${message.replace(/ at line \d+ col \d+/, '')}`, at ? Number(at[1]) : 1, at ? Number(at[2]) : 1);
  }
  const place = location(text);
  // Per key, in file order: citation-js returns the entries in file order too.
  const located = new Map<string, LocatedBibtexEntry[]>();
  for (const entry of locateBibtexEntries(text, bibtexGrammar as Parameters<typeof locateBibtexEntries>[1])) located.set(entry.key, [...(located.get(entry.key) ?? []), entry]);
  const entries: BibliographyEntry[] = [];
  // Entries come back in file order: each one's `@type{key,` is searched after the previous one.
  let searchFrom = 0;
  for (const raw of data) {
    const item = stripGraph(raw);
    const key = String(item['citation-key'] ?? item.id ?? '');
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`@\\w+\\s*[{(]\\s*${escaped}\\s*,`, 'g');
    pattern.lastIndex = searchFrom;
    const match = pattern.exec(text);
    if (match) searchFrom = match.index + 1;
    const point = place.toPoint(match?.index ?? 0) ?? { line: 1, column: 1 };
    const where = located.get(key)?.shift();
    entries.push({
      key,
      item,
      line: point.line,
      column: point.column,
      ...(where ? { keyPosition: where.keyPosition, fields: referenceFieldPositions('bibtex', where.fields) } : {}),
    });
  }
  return { ok: true, entries };
}

const risTag = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

/**
 * RIS is line-based: every line is "XX  - value", records run from TY to ER. citation-js skips lines it
 * does not understand, so the shape is checked here first to report a broken export at its line.
 */
function parseRis(text: string): ParsedBibliography {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const records: { start: number; text: string; id?: string; written: Map<string, Position> }[] = [];
  let current: { start: number; lines: string[]; id?: string; written: Map<string, Position> } | undefined;
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    if (line.trim() === '') continue;
    const match = risTag.exec(line.trimEnd());
    if (!match) return failure(`Invalid RIS: expected a "XX  - value" tag line, found "${line.slice(0, 40)}"`, number, 1);
    const [, tag, value = ''] = match;
    if (tag === 'TY') {
      if (current) return failure('Invalid RIS: a record starts (TY) before the previous one ended with ER', number, 1);
      current = { start: number, lines: [line], written: new Map() };
    }
    if (!current) return failure(`Invalid RIS: "${tag}" appears outside a record (records start with "TY  - ")`, number, 1);
    // The value starts after "XX  - "; a tag given several times (AU) is shown at its first line.
    if (tag && !current.written.has(tag)) current.written.set(tag, { start: { line: number, column: 7 }, end: { line: number, column: line.trimEnd().length + 1 } });
    if (tag === 'TY') continue;
    current.lines.push(line);
    if (tag === 'ID' && value.trim() !== '') current.id = value.trim();
    if (tag === 'ER') {
      records.push({ start: current.start, text: `${current.lines.join('\n')}\n`, written: current.written, ...(current.id ? { id: current.id } : {}) });
      current = undefined;
    }
  }
  if (current) return failure('Invalid RIS: the last record never ends with "ER  - "', current.start, 1);
  const citationJs = loadCitationJs('ris');
  if ('missing' in citationJs) return failure(citationJs.missing, records[0]?.start ?? 1, 1);
  const { Cite } = citationJs;
  const entries: BibliographyEntry[] = [];
  for (const record of records) {
    let data: Record<string, unknown>[];
    try {
      data = new Cite(record.text, { forceType: '@ris/file', generateGraph: false }).data;
    } catch (error) {
      return failure(`Invalid RIS: ${(error as Error).message.split('\n')[0]}`, record.start, 1);
    }
    const item = stripGraph(data[0] ?? {});
    // PubMed's RIS puts the PMID in AN when the database is PubMed/MEDLINE; citation-js leaves it out.
    const pmid = /^AN {2}- (\d{1,9})\s*$/m.exec(record.text)?.[1];
    if (pmid && item.PMID === undefined && /^(?:DB|DP) {2}- .*(?:pubmed|medline)/im.test(record.text)) item.PMID = pmid;
    const keyPosition = record.written.get('ID');
    entries.push({ key: record.id ?? derivedKey(item, entries), item, line: record.start, column: 1, fields: referenceFieldPositions('ris', record.written), ...(keyPosition ? { keyPosition } : {}) });
  }
  return { ok: true, entries };
}

/** "bodiu2014" from the first author and year, with a/b/c when taken (RIS exports often lack IDs). */
function derivedKey(item: CslItem, taken: readonly BibliographyEntry[]): string {
  const family = item.author?.[0]?.family ?? item.author?.[0]?.literal ?? item.title?.split(/\s+/)[0] ?? 'ref';
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? '';
  const base = `${family.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'ref'}${year}`;
  let key = base;
  for (let suffix = 0; taken.some((entry) => entry.key === key); suffix += 1) key = `${base}${String.fromCharCode(97 + (suffix % 26))}${suffix >= 26 ? suffix : ''}`;
  return key;
}

/** Parses one bibliography file's text. Never throws. */
export function parseBibliography(text: string, format: BibliographyFormat): ParsedBibliography {
  try {
    if (format === 'csl-json') return parseCslJson(text);
    if (format === 'bibtex') return parseBibtex(text);
    return parseRis(text);
  } catch (error) {
    return failure(`Could not read the bibliography: ${(error as Error).message.split('\n')[0]}`, 1, 1);
  }
}
