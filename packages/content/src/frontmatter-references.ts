// The `references:` list of the frontmatter: each entry checked field by field and reported where
// it was written, so an editor can fix a reference without reading the schema.
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { report } from './diagnostics.js';
import type { RuleId } from './diagnostics.js';
import { referenceGaps } from './reference-gaps.js';
import { referenceFieldSchemas } from './schema.js';
import type { ReferenceField } from './schema.js';
import { didYouMean } from './suggest.js';
import type { NumberedReference } from './types.js';

/** A reference as written in the frontmatter (not yet numbered), with where it was written. */
export interface SourceReference extends Omit<NumberedReference, 'number' | 'backlinks'> {
  position: Position;
  /** For editors only: dropped when the references are numbered, so it never reaches a page. */
  editorNote?: string;
}

const referenceRuleForField: Partial<Record<ReferenceField, RuleId>> = {
  doi: 'reference-invalid-doi',
  pmid: 'reference-invalid-pmid',
  url: 'reference-invalid-url',
};

export function readReferences(
  entries: unknown[],
  file: VFile,
  nodePosition: (path: readonly (string | number)[]) => Position,
): SourceReference[] {
  const references: SourceReference[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const position = nodePosition(['references', index]);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      report(file, 'reference-invalid', `Reference ${index + 1} must be a mapping with at least an \`id\``, position);
      return;
    }
    const raw = entry as Record<string, unknown>;
    const idCheck = referenceFieldSchemas.id.safeParse(raw.id);
    if (!idCheck.success) {
      const shown = raw.id === undefined ? 'has no `id`' : `has an invalid id: ${idCheck.error.issues[0]?.message ?? ''}`;
      report(file, 'reference-invalid', `Reference ${index + 1} ${shown}`, raw.id === undefined ? position : nodePosition(['references', index, 'id']));
      return;
    }
    const id = idCheck.data;
    if (seen.has(id)) {
      report(file, 'reference-duplicate-id', `Duplicate reference id "${id}" (ids must be unique)`, nodePosition(['references', index, 'id']));
      return;
    }
    seen.add(id);

    const reference: SourceReference = { id, position };
    const referenceRecord = reference as unknown as Record<string, unknown>;
    for (const key of Object.keys(raw)) {
      if (key === 'id') continue;
      if (!(key in referenceFieldSchemas)) {
        report(file, 'reference-invalid', `Reference "${id}" has an unknown field \`${key}\`${didYouMean(key, Object.keys(referenceFieldSchemas))}`, nodePosition(['references', index, key]));
        continue;
      }
      const field = key as ReferenceField;
      const value = raw[field];
      if (value === null || value === undefined) continue;
      const parsed = referenceFieldSchemas[field].safeParse(value);
      if (parsed.success) {
        referenceRecord[field] = parsed.data;
      } else {
        const shown = typeof value === 'string' || typeof value === 'number' ? ` "${String(value)}"` : '';
        report(
          file,
          referenceRuleForField[field] ?? 'reference-invalid',
          `Reference "${id}": \`${field}\`${shown} ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
          nodePosition(['references', index, field]),
        );
      }
    }

    for (const gap of referenceGaps(reference, { hint: 'leave it incomplete rather than guess; say why in an editorNote', siteField: '`journal:`' })) {
      report(file, gap.ruleId, gap.message, position);
    }
    references.push(reference);
  });
  return references;
}
