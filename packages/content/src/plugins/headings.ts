import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { citedData } from './context.js';

/** Ids generated for citations, references and footnotes; heading slugs must not take them. */
const reservedId = /^(?:ref|cite|fn|fnref)-|^footnote-label$/;

/**
 * Runs after rehype-slug: renames heading ids that would collide with generated ids (a heading
 * "Ref 1" would otherwise become `ref-1`, the first reference's entry) and collects the table of
 * contents from h2/h3.
 */
export function rehypeCitedHeadings() {
  return (tree: Root, file: VFile): void => {
    const data = citedData(file);
    const ids = new Set<string>();
    const headings: Element[] = [];
    const stack: RootContent[] = [...tree.children];
    while (stack.length > 0) {
      const node = stack.pop() as RootContent;
      if (node.type !== 'element') continue;
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
      stack.push(...node.children);
    }
    for (const heading of headings) {
      const id = heading.properties.id;
      if (typeof id === 'string' && reservedId.test(id)) {
        let candidate = `section-${id}`;
        for (let suffix = 1; ids.has(candidate); suffix += 1) candidate = `section-${id}-${suffix}`;
        ids.add(candidate);
        heading.properties.id = candidate;
      }
    }
    // Only the article's own sections: headings inside quotes or callouts are not part of the outline.
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const depth = node.tagName === 'h2' ? 2 : node.tagName === 'h3' ? 3 : undefined;
      const id = node.properties.id;
      if (depth && typeof id === 'string') data.toc.push({ id, text: toString(node).trim(), depth });
    }
  };
}
