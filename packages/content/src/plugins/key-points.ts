import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { List, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import type { ArticleKeyPoints } from '../types.js';
import type { CitedFileData } from './context.js';
import { citedData } from './context.js';
import { missing, setElement } from './directive-helpers.js';

/** Readers take in a handful of points at a glance; more, or longer ones, are a summary of their own. */
export const maxKeyPoints = 6;
export const maxKeyPointWords = 25;

const word = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** Words a reader reads in a point: citation markers (still directives here) are not words. */
function wordsOf(node: RootContent): number {
  if (node.type === 'text') return node.value.match(word)?.length ?? 0;
  if (node.type === 'textDirective' || node.type === 'html' || node.type === 'code') return 0;
  if (node.type === 'inlineCode') return node.value.match(word)?.length ?? 0;
  return 'children' in node ? (node.children as RootContent[]).reduce((sum, child) => sum + wordsOf(child), 0) : 0;
}

/**
 * `:::key-points` (optionally `[A heading]`) holding one list → `cited-key-points`, which
 * rehypeKeyPoints then takes out of the body. Points are counted and measured here, where the
 * source positions still are.
 */
export function transformKeyPoints(node: ContainerDirective, file: VFile, label: string | undefined, data: CitedFileData): void {
  if (data.keyPointsAt) {
    report(file, 'key-points-duplicate', `An article has one :::key-points list; the first is at line ${data.keyPointsAt}`, node.position);
  } else data.keyPointsAt = node.position?.start.line ?? 1;
  const lists = node.children.filter((child): child is List => child.type === 'list');
  if (lists.length !== 1 || node.children.length !== 1) {
    missing(file, node, 'needs exactly one list of points ("- " lines) and nothing else');
  }
  const items = lists.flatMap((list) => list.children);
  if (items.length > maxKeyPoints) {
    report(file, 'key-points-too-many', `:::key-points has ${items.length} points; keep to ${maxKeyPoints} or fewer, the ones a reader must not miss`, node.position);
  }
  for (const item of items) {
    const count = wordsOf(item);
    if (count > maxKeyPointWords) {
      report(file, 'key-point-too-long', `This key point has ${count} words; keep each to ${maxKeyPointWords} or fewer (one idea, one short sentence)`, item.position);
    }
  }
  setElement(node, 'cited-key-points', label ? { dataHeading: label } : {});
}

/** Takes the `cited-key-points` elements out of the body (the page shows them before the contents). */
export function rehypeKeyPoints() {
  return (tree: HastRoot, file: VFile): void => {
    const data = citedData(file);
    const stack: (HastRoot | Element)[] = [tree];
    while (stack.length > 0) {
      const parent = stack.pop() as HastRoot | Element;
      const kept: HastContent[] = [];
      for (const child of parent.children) {
        if (child.type === 'element' && child.tagName === 'cited-key-points') {
          const heading = child.properties.dataHeading;
          data.keyPoints ??= {
            ...(typeof heading === 'string' && heading !== '' ? { heading } : {}),
            hast: { type: 'root', children: child.children.filter((node) => node.type !== 'text' || node.value.trim() !== '') },
          } satisfies ArticleKeyPoints;
          continue;
        }
        if (child.type === 'element') stack.push(child);
        kept.push(child);
      }
      if (kept.length !== parent.children.length) parent.children = kept as ElementContent[];
    }
  };
}
