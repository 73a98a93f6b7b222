import { location } from 'vfile-location';
import { parseDocument, type Node as YamlNode } from 'yaml';
import { rules } from '../diagnostics.js';
import { splitFrontmatter } from '../frontmatter.js';
import type { Diagnostic } from '../types.js';
import type { PeopleRegistry } from './registry.js';

/** Frontmatter fields that name a registry id. */
export const personFields = ['author', 'reviewedBy'] as const;

/**
 * `person-unknown` errors for every author/reviewedBy id the registry does not hold, at the
 * value in the frontmatter. A separate pass (not part of compileArticle) so compiling needs no
 * registry; whoever publishes (the CLI check, the blog's catalog) runs it with theirs.
 */
export function checkPersonIds(source: string, path: string, registry: PeopleRegistry): Diagnostic[] {
  const text = source.replace(/^\uFEFF/, '');
  const block = splitFrontmatter(text);
  if (!block) return []; // reported by the frontmatter checks
  const doc = parseDocument(block.yaml, { prettyErrors: false });
  if (doc.errors.length > 0) return [];
  const place = location(text);
  const diagnostics: Diagnostic[] = [];
  for (const field of personFields) {
    const node = doc.get(field, true) as (YamlNode & { value?: unknown }) | undefined;
    if (!node || typeof node.value !== 'string' || node.value.trim() === '') continue;
    const id = node.value.trim();
    if (registry.has(id)) continue;
    const point = place.toPoint(block.yamlOffset + (node.range?.[0] ?? 0));
    const known = [...registry.keys()].sort();
    diagnostics.push({
      severity: rules['person-unknown'].severity,
      ruleId: 'person-unknown',
      message: `\`${field}\` "${id}" is not in the people registry (known ids: ${known.length > 0 ? known.join(', ') : 'none'}): add it to people.yml or fix the id`,
      file: path,
      line: point?.line ?? 1,
      column: point?.column ?? 1,
    });
  }
  return diagnostics;
}
