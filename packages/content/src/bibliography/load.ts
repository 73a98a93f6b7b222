import type { Position } from 'unist';
import { VFile } from 'vfile';
import { report, toDiagnostics } from '../diagnostics.js';
import type { RuleId } from '../diagnostics.js';
import type { SourceReference } from '../frontmatter-references.js';
import { referenceFieldSchemas } from '../schema.js';
import type { ReferenceField } from '../schema.js';
import { decodeSource } from '../source.js';
import type { Diagnostic } from '../types.js';
import { cslToReferenceFields } from './csl.js';
import { bibliographyExtensions, formatOf, parseBibliography } from './parse.js';
import type { BibliographyEntry } from './parse.js';
import { referenceGaps } from '../reference-gaps.js';

/** Reads a bibliography file, synchronously; throws when it cannot (missing file, no permission…). */
export type ReadFile = (path: string) => string | Uint8Array;

/** A `bibliography:` path as written in the frontmatter, with where it was written. */
export interface BibliographyPath {
  path: string;
  position: Position;
}

/** Larger files are refused: a bibliography is a few hundred KB even for a whole Zotero library. */
export const maxBibliographyChars = 5_000_000;

interface Origin {
  file: string;
  line: number;
  column: number;
}

export interface LoadedReferences {
  /** Inline references first, then each file's entries in file order; duplicates dropped. */
  references: SourceReference[];
  /** Keys that came from a file: left out of the list (silently) unless cited, like Pandoc. */
  fromFiles: Set<string>;
  /** Resolved paths of the files read, so a cache can watch them. */
  dependencies: string[];
  /** Problems in other files than the article (malformed file, invalid field, duplicate key there). */
  fileDiagnostics: Diagnostic[];
  /** Per key, problems with an entry's fields: reported only if the entry is cited. */
  entryDiagnostics: Map<string, Diagnostic[]>;
}

/**
 * "articles/a.md" + "../refs/x.bib" → "refs/x.bib": posix-style resolution without node:path, so
 * compiling still runs in a browser. Undefined when the target is absolute or a URL.
 */
export function resolveBibliographyPath(articlePath: string, target: string): string | undefined {
  if (/^(?:[a-z][a-z0-9+.-]*:|[/\\])/i.test(target)) return undefined;
  const separator = articlePath.includes('\\') && !articlePath.includes('/') ? '\\' : '/';
  const baseParts = articlePath.split(/[/\\]/).slice(0, -1);
  const absolute = articlePath.startsWith('/');
  const parts: string[] = [];
  for (const part of [...baseParts, ...target.split(/[/\\]/)]) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return (absolute ? separator : '') + parts.join(separator);
}

function place(origin: Origin): string {
  return `${origin.file}:${origin.line}:${origin.column}`;
}

const fieldRule: Partial<Record<ReferenceField, RuleId>> = {
  doi: 'reference-invalid-doi',
  pmid: 'reference-invalid-pmid',
  url: 'reference-invalid-url',
};

/**
 * Validates mapped fields with the inline references' schemas; invalid fields are dropped and reported
 * where the file wrote them (`fields`), a missing one at the entry's key.
 */
function validateEntry(entry: BibliographyEntry, fields: Record<string, unknown>, bibFile: VFile): SourceReference {
  const id = entry.key;
  const at = entry.keyPosition ?? { start: { line: entry.line, column: entry.column }, end: { line: entry.line, column: entry.column } };
  const reference: SourceReference = { id, position: at };
  const record = reference as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    const field = key as ReferenceField;
    const parsed = referenceFieldSchemas[field].safeParse(value);
    if (parsed.success) record[field] = parsed.data;
    else {
      const shown = typeof value === 'string' || typeof value === 'number' ? ` "${String(value)}"` : '';
      report(bibFile, fieldRule[field] ?? 'reference-invalid', `Reference "${id}": \`${field}\`${shown} ${parsed.error.issues[0]?.message ?? 'is invalid'}`, entry.fields?.get(field) ?? at);
    }
  }
  const written = (field: ReferenceField) => entry.fields?.has(field) === true;
  for (const gap of referenceGaps(reference, { hint: 'leave it incomplete rather than guess; add a note', written })) {
    // A field written but unreadable (a date with no year, an empty author list) is shown where it is written.
    report(bibFile, gap.ruleId, gap.message, gap.fields.map((field) => entry.fields?.get(field)).find((position) => position !== undefined) ?? at);
  }
  return reference;
}

/**
 * Reads the `bibliography:` files and merges their entries after the inline references. Problems in
 * a file are reported in that file's own line:column; a key defined twice names both places.
 */
export function loadReferences(
  inline: readonly SourceReference[],
  paths: readonly BibliographyPath[],
  options: { articlePath: string; readFile?: ReadFile | undefined },
  articleFile: VFile,
): LoadedReferences {
  const loaded: LoadedReferences = { references: [...inline], fromFiles: new Set(), dependencies: [], fileDiagnostics: [], entryDiagnostics: new Map() };
  const origins = new Map<string, Origin>();
  for (const reference of inline) {
    origins.set(reference.id, { file: options.articlePath, line: reference.position.start.line, column: reference.position.start.column });
  }

  for (const { path, position } of paths) {
    const format = formatOf(path);
    if (!format) {
      report(articleFile, 'bibliography-invalid', `Bibliography "${path}" has an unknown extension (use ${Object.keys(bibliographyExtensions).join(', ')})`, position);
      continue;
    }
    const resolved = resolveBibliographyPath(options.articlePath, path);
    if (resolved === undefined) {
      report(articleFile, 'bibliography-invalid', `Bibliography "${path}" must be a path relative to the article, not an absolute path or URL`, position);
      continue;
    }
    if (!options.readFile) {
      report(articleFile, 'bibliography-not-found', `Bibliography "${path}" cannot be read: this compiler was given no way to read files (CompileOptions.readFile)`, position);
      continue;
    }
    let source: string | Uint8Array;
    try {
      source = options.readFile(resolved);
    } catch (error) {
      const code = (error as { code?: string }).code;
      report(articleFile, 'bibliography-not-found', `Bibliography "${path}" cannot be read (${code === 'ENOENT' ? `no file at ${resolved}` : (error as Error).message})`, position);
      continue;
    }
    loaded.dependencies.push(resolved);
    const bibFile = new VFile({ path: resolved });
    const decoded = decodeSource(source);
    const firstIssue = decoded.issues[0];
    if (firstIssue) {
      report(bibFile, 'bibliography-invalid', 'The bibliography is not valid UTF-8: re-export it as UTF-8', { line: firstIssue.line, column: firstIssue.column });
    } else if (decoded.text.length > maxBibliographyChars) {
      report(bibFile, 'bibliography-invalid', `The bibliography has ${decoded.text.length} characters; the maximum is ${maxBibliographyChars}`, { line: 1, column: 1 });
    } else {
      const parsed = parseBibliography(decoded.text, format);
      if (!parsed.ok) {
        report(bibFile, 'bibliography-invalid', parsed.problem.message, { line: parsed.problem.line, column: parsed.problem.column });
      } else {
        const unkeyed: typeof parsed.entries = [];
        for (const entry of parsed.entries) {
          const here: Origin = { file: resolved, line: entry.line, column: entry.column };
          const entryPosition: Position = { start: { line: entry.line, column: entry.column }, end: { line: entry.line, column: entry.column } };
          if (!referenceFieldSchemas.id.safeParse(entry.key).success) {
            unkeyed.push(entry);
            continue;
          }
          const first = origins.get(entry.key);
          if (first !== undefined) {
            report(bibFile, 'reference-duplicate-id', `Duplicate reference id "${entry.key}": already defined at ${place(first)}`, entryPosition);
            continue;
          }
          origins.set(entry.key, here);
          const entryFile = new VFile({ path: resolved });
          const reference = validateEntry(entry, cslToReferenceFields(entry.item), entryFile);
          // In the article the entry is "at" its bibliography line (e.g. for reference-unused).
          reference.position = position;
          loaded.references.push(reference);
          loaded.fromFiles.add(entry.key);
          if (entryFile.messages.length > 0) loaded.entryDiagnostics.set(entry.key, toDiagnostics(entryFile));
        }
        const [firstUnkeyed] = unkeyed;
        if (firstUnkeyed) {
          // Zotero exports items without a Citation Key under their URI: one warning for the file.
          report(
            bibFile,
            'bibliography-entry-skipped',
            `${unkeyed.length} entr${unkeyed.length === 1 ? 'y has' : 'ies have'} no usable citation key (this one is "${firstUnkeyed.key}") and cannot be cited: give ${unkeyed.length === 1 ? 'it' : 'them'} a Citation Key (letters, digits, ".", "_", "-") in Zotero or your reference manager`,
            { line: firstUnkeyed.line, column: firstUnkeyed.column },
          );
        }
      }
    }
    loaded.fileDiagnostics.push(...toDiagnostics(bibFile));
  }
  return loaded;
}
