import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { citedData } from './context.js';

/** One `@key` of a bracketed Pandoc citation, with its locator ("p. 12") and prefix ("see"). */
export interface PandocCitationItem {
  key: string;
  suppressAuthor: boolean;
  locator?: string;
  prefix?: string;
  /** Offset of the `@` in the bracket's text. */
  at: number;
}

/**
 * Pandoc's citation key: a letter, digit or `_`, then alphanumerics and `_:.#$%&-+?<>~/`, not ending in
 * punctuation; or any text in braces (`@{key}`). The `@` must open the item or follow a space or `-`,
 * which is what keeps e-mail addresses out.
 */
const itemPattern = /^(?<prefix>(?:[^@]*\s)?)(?<suppress>-?)@(?:\{(?<braced>[^{}]+)\}|(?<key>[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?))(?<suffix>.*)$/su;
/**
 * `[` … `]` without nested brackets (links are separate mdast nodes). The `@` is checked afterwards:
 * a pattern requiring it inside would backtrack quadratically on long bracketed text full of `@`.
 */
const bracketPattern = /\[([^[\]]*)\]/g;

/**
 * Parses the inside of `[…]` as a Pandoc citation: `@a`, `@a; @b`, `@a, p. 12`, `-@a`, `see @a`.
 * Undefined unless every `;`-separated item holds a key (then it is ordinary bracketed text).
 */
export function parsePandocCitation(inner: string): PandocCitationItem[] | undefined {
  const items: PandocCitationItem[] = [];
  let offset = 0;
  for (const part of inner.split(';')) {
    const match = itemPattern.exec(part);
    if (!match?.groups) return undefined;
    const { prefix = '', suppress = '', braced, key, suffix = '' } = match.groups;
    const locator = suffix.replace(/^\s*,/, '').trim();
    items.push({
      key: (braced ?? key ?? '').trim(),
      suppressAuthor: suppress === '-',
      ...(locator ? { locator } : {}),
      ...(prefix.trim() ? { prefix: prefix.trim() } : {}),
      at: offset + prefix.length,
    });
    offset += part.length + 1;
  }
  return items.length > 0 ? items : undefined;
}

const skipped = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'yaml', 'definition', 'textDirective', 'leafDirective']);

/**
 * `[@key]`, `[@a; @b]`, `[@key, p. 12]` and `[-@key]` (Pandoc's citation syntax) → the same citation
 * node as `:cite[…]`, so both are numbered together, in document order, by remarkCitedDirectives. In a
 * numbered style, `-@` (suppress author) looks the same as `@`. A bare `@key` stays text, as do escaped
 * brackets and e-mail addresses. Unknown keys are reported at the key, with a suggestion.
 */
export function remarkPandocCitations() {
  return (tree: Root, file: VFile): void => {
    const data = citedData(file);
    const source = String(file.value);
    const place = location(source);
    const pointAt = (offset: number): Point | undefined => place.toPoint(offset);

    const convert = (text: Text): PhrasingContent[] | undefined => {
      if (!text.value.includes('@')) return undefined;
      const start = text.position?.start.offset;
      const end = text.position?.end.offset;
      // Offsets inside the node are only exact when the source spells the text as it is (no escapes
      // or entities); otherwise the bracket is found in the node's source span.
      const raw = start !== undefined && end !== undefined ? source.slice(start, end) : undefined;
      const out: PhrasingContent[] = [];
      let last = 0;
      let rawCursor = 0;
      for (const match of text.value.matchAll(bracketPattern)) {
        if (!match[1]?.includes('@')) continue;
        const items = parsePandocCitation(match[1]);
        if (!items) continue;
        let sourceOffset: number | undefined;
        if (raw !== undefined && start !== undefined) {
          const found = raw.indexOf(match[0], rawCursor);
          if (found < 0) continue; // written with escapes (`\[@key]`): literal text, as in Pandoc
          if (found > 0 && raw[found - 1] === '\\') continue;
          rawCursor = found + match[0].length;
          sourceOffset = start + found;
        }
        const index = match.index ?? 0;
        const position: Position | undefined =
          sourceOffset === undefined
            ? text.position
            : { start: pointAt(sourceOffset) ?? text.position!.start, end: pointAt(sourceOffset + match[0].length) ?? text.position!.end };

        const known: string[] = [];
        const locators: Record<string, string> = {};
        for (const item of items) {
          const keyPlace = sourceOffset === undefined ? position : { start: pointAt(sourceOffset + 1 + item.at) ?? position!.start, end: pointAt(sourceOffset + 1 + item.at + 1 + item.key.length) ?? position!.end };
          if (!data.referenceIds.has(item.key)) {
            report(file, 'cite-unknown-key', `Citation key "${item.key}" is not in the references${didYouMean(item.key, data.referenceIds)}`, keyPlace);
            continue;
          }
          if (item.prefix) {
            report(file, 'cite-prefix-ignored', `"${item.prefix}" before @${item.key} is not shown in a numbered citation: write it in the sentence, before the brackets`, keyPlace);
          }
          if (!known.includes(item.key)) known.push(item.key);
          if (item.locator && locators[item.key] === undefined) locators[item.key] = item.locator;
        }
        if (known.length === 0) continue; // leave the text as written; the error says why
        if (index > last) out.push({ type: 'text', value: text.value.slice(last, index) });
        const directive: TextDirective = {
          type: 'textDirective',
          name: 'cite',
          attributes: {},
          children: [{ type: 'text', value: known.join(' ') }],
          data: { citedLocators: locators } as TextDirective['data'],
          ...(position ? { position } : {}),
        };
        out.push(directive);
        last = index + match[0].length;
      }
      if (out.length === 0) return undefined;
      if (last < text.value.length) out.push({ type: 'text', value: text.value.slice(last) });
      return out;
    };

    const walk = (parent: Parent): void => {
      const children: RootContent[] = [];
      let changed = false;
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'text') {
          const replaced = convert(child);
          if (replaced) {
            children.push(...replaced);
            changed = true;
            continue;
          }
        } else if ('children' in child && !skipped.has(child.type)) walk(child as Parent);
        children.push(child);
      }
      if (changed) parent.children = children as Parent['children'];
    };
    walk(tree);
  };
}
