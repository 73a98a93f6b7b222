import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { rules, type RuleId } from '../diagnostics.js';
import type { Diagnostic } from '../types.js';
import { explainYamlError } from '../yaml-errors.js';

/**
 * A YAML file validated against a zod schema, every problem a Diagnostic at the YAML node it
 * concerns (file:line:column), so an editor fixing site.yml or people.yml is told where, as for
 * an article. Never throws: `value` is undefined when anything is an error.
 */
export function readYamlFile<T>(
  text: string,
  path: string,
  schema: z.ZodType<T>,
  ruleId: RuleId,
): { value: T | undefined; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number, message: string): void => {
    const { line, col } = lineCounter.linePos(offset);
    diagnostics.push({ severity: rules[ruleId].severity, ruleId, message, file: path, line, column: col });
  };
  const [firstError] = doc.errors;
  if (firstError) {
    // One error, in plain words, as for an article's frontmatter (yaml-errors.ts).
    const explained = explainYamlError(text, firstError);
    const message = `Invalid YAML: ${explained.message}`;
    if ('line' in explained.place) diagnostics.push({ severity: rules[ruleId].severity, ruleId, message, file: path, line: explained.place.line, column: explained.place.column });
    else at(explained.place.range[0], message);
    return { value: undefined, diagnostics };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    at(0, `Invalid YAML: ${(error as Error).message}`);
    return { value: undefined, diagnostics };
  }
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) return { value: parsed.data, diagnostics };
  for (const issue of parsed.error.issues) {
    // The deepest node that exists on the issue's path (a missing key points at its parent).
    let offset = doc.contents?.range?.[0] ?? 0;
    for (let depth = issue.path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(issue.path.slice(0, depth) as (string | number)[], true) as YamlNode | undefined;
      if (node?.range) {
        offset = node.range[0];
        break;
      }
    }
    const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\` ` : '';
    at(offset, `${where}${issue.message}`);
  }
  return { value: undefined, diagnostics };
}
