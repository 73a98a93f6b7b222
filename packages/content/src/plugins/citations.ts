// Citation numbering: `:cite[key]` and a container's `cite` attribute both number their keys
// here, in document order (first use wins), and record the backlinks the reference list shows.
import type { ElementContent } from 'hast';
import type { PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { citationIdPrefix, referenceIdPrefix } from './context.js';
import type { CitedFileData } from './context.js';
import type { Directive } from './directive-helpers.js';

/** Splits a citation label "a, b c" into keys. */
export function parseCiteKeys(label: string): string[] {
  return label.split(/[\s,;]+/).filter((key) => key !== '');
}

interface CitationInfo {
  id: string;
  numbers: number[];
  keys: string[];
}

/** Numbers the known keys (first use wins) and records a marker id for this occurrence. */
export function cite(keys: readonly string[], node: Directive, file: VFile, data: CitedFileData): CitationInfo | undefined {
  const known = data.referenceIds;
  const resolved: string[] = [];
  for (const key of keys) {
    if (!known.has(key)) {
      report(file, 'cite-unknown-key', `Citation key "${key}" is not in the frontmatter references${didYouMean(key, known)}`, node.position);
    } else if (!resolved.includes(key)) resolved.push(key);
  }
  if (resolved.length === 0) return undefined;
  data.markerCount += 1;
  const id = `${citationIdPrefix}${data.markerCount}`;
  const numbers = resolved.map((key) => {
    let number = data.numbers.get(key);
    if (number === undefined) {
      number = data.numbers.size + 1;
      data.numbers.set(key, number);
      data.firstCitation.set(key, node.position);
    }
    const backlinks = data.backlinks.get(key) ?? [];
    backlinks.push(id);
    data.backlinks.set(key, backlinks);
    return number;
  });
  return { id, numbers, keys: resolved };
}

/**
 * Fallback children for renderers without the React components: plain links to the reference entries,
 * each followed by its locator if it has one ("[3, p. 12]"; items with locators are separated by ";").
 */
function citationFallback(numbers: readonly number[], locators: readonly (string | undefined)[] = []): ElementContent[] {
  const children: ElementContent[] = [{ type: 'text', value: '[' }];
  const separator = locators.some(Boolean) ? '; ' : ', ';
  numbers.forEach((number, index) => {
    if (index > 0) children.push({ type: 'text', value: separator });
    children.push({
      type: 'element',
      tagName: 'a',
      properties: { href: `#${referenceIdPrefix}${number}` },
      children: [{ type: 'text', value: String(number) }],
    });
    const locator = locators[index];
    if (locator) children.push({ type: 'text', value: `, ${locator}` });
  });
  children.push({ type: 'text', value: ']' });
  return children;
}

export function citationProperties(info: CitationInfo | undefined): Record<string, string> {
  return info
    ? { dataCitationId: info.id, dataCitationNumbers: info.numbers.join(' '), dataCitationKeys: info.keys.join(' ') }
    : {};
}

/** `:cite[a, b]` → `cited-citation`, numbered, with plain links as fallback children. */
export function transformCite(node: TextDirective, file: VFile, data: CitedFileData): PhrasingContent[] | undefined {
  const keys = parseCiteKeys(toString(node));
  if (keys.length === 0) {
    report(file, 'cite-missing-key', 'A :cite directive needs at least one reference key, e.g. :cite[bodiu2014]', node.position);
    return [];
  }
  for (const name of Object.keys(node.attributes ?? {})) {
    report(file, 'directive-invalid-attribute', `:cite does not accept attributes (found \`${name}\`)`, node.position);
  }
  const info = cite(keys, node, file, data);
  if (!info) return [];
  // Pandoc citations carry locators per key ("p. 12"): see pandoc-citations.ts.
  const locatorByKey = (node.data as { citedLocators?: Record<string, string> } | undefined)?.citedLocators ?? {};
  const locators = info.keys.map((key) => locatorByKey[key]);
  node.data = {
    ...node.data,
    hName: 'cited-citation',
    hProperties: {
      id: info.id,
      dataNumbers: info.numbers.join(' '),
      dataKeys: info.keys.join(' '),
      ...(locators.some(Boolean) ? { dataLocators: JSON.stringify(locators.map((locator) => locator ?? '')) } : {}),
    },
    hChildren: citationFallback(info.numbers, locators),
  };
  return undefined;
}
