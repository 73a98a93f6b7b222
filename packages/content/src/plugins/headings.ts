import type { Element, Root, RootContent } from 'hast';
import GithubSlugger from 'github-slugger';
import type { VFile } from 'vfile';
import { citedData } from './context.js';

/** Heading text without citation markers (their fallback "[1]" is not part of the title). */
function headingText(heading: Element): string {
  let text = '';
  const stack: RootContent[] = [...heading.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as RootContent;
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element' && node.tagName !== 'cited-citation') stack.push(...[...node.children].reverse());
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Ids generated for citations, references and footnotes; heading slugs must not take them. */
const reservedId = /^(?:ref|cite|fn|fnref)-|^footnote-label$/;

/**
 * Heading ids and the table of contents. Same slugs as rehype-slug (github-slugger), but computed from
 * the heading text without citation markers (rehype-slug would turn "Results:cite[x]" into `results1`),
 * and never colliding with generated ids: a heading "Ref 1" would otherwise become `ref-1`, the first
 * reference's entry, so it becomes `section-ref-1`.
 */
export function rehypeCitedHeadings() {
  return (tree: Root, file: VFile): void => {
    const data = citedData(file);
    const ids = new Set<string>();
    const headings: Element[] = [];
    const stack: RootContent[] = [...tree.children].reverse();
    while (stack.length > 0) {
      const node = stack.pop() as RootContent;
      if (node.type !== 'element') continue;
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
      else stack.push(...[...node.children].reverse());
    }
    const slugger = new GithubSlugger();
    const unique = (base: string): string => {
      let candidate = base;
      for (let suffix = 1; ids.has(candidate); suffix += 1) candidate = `${base}-${suffix}`;
      ids.add(candidate);
      return candidate;
    };
    for (const heading of headings) {
      if (typeof heading.properties.id === 'string') continue; // e.g. the footnotes label
      const slug = slugger.slug(headingText(heading)) || 'section';
      heading.properties.id = unique(reservedId.test(slug) ? `section-${slug}` : slug);
    }
    // Only the article's own sections: headings inside quotes or callouts are not part of the outline.
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const depth = node.tagName === 'h2' ? 2 : node.tagName === 'h3' ? 3 : undefined;
      const id = node.properties.id;
      if (depth && typeof id === 'string') data.toc.push({ id, text: headingText(node), depth });
    }
  };
}
