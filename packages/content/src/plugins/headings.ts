import type { Element, Root, RootContent } from 'hast';
import GithubSlugger from 'github-slugger';
import type { VFile } from 'vfile';
import type { CareLevel } from './care.js';
import { report } from '../diagnostics.js';
import { citedData } from './context.js';
import { readableText } from './readable-text.js';

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
      if (/^h[1-6]$/.test(node.tagName) || node.tagName === 'cited-care') headings.push(node);
      if (!/^h[1-6]$/.test(node.tagName)) stack.push(...[...node.children].reverse());
    }
    const slugger = new GithubSlugger();
    const unique = (base: string): string => {
      let candidate = base;
      for (let suffix = 1; ids.has(candidate); suffix += 1) candidate = `${base}-${suffix}`;
      ids.add(candidate);
      return candidate;
    };
    const idFor = (text: string): string => {
      const slug = slugger.slug(text) || 'section';
      return unique(reservedId.test(slug) ? `section-${slug}` : slug);
    };
    // Headings and care cards in document order, so their ids are numbered as a reader meets them.
    for (const node of headings) {
      if (node.tagName === 'cited-care') {
        const heading = String(node.properties.dataHeading ?? '');
        node.properties.id = idFor(heading);
        node.properties.dataHeadingLevel = '3'; // inside a list or quote; the top level is set below
        data.careCards.push({ id: node.properties.id, level: node.properties.dataLevel as CareLevel, heading });
      } else if (typeof node.properties.id !== 'string') node.properties.id = idFor(readableText(node)); // else e.g. the footnotes label
    }
    // Only the article's own sections (and its care cards): headings inside quotes or callouts are
    // not part of the outline. A care card's heading sits one level below the section it is in.
    let sectionDepth = 1;
    let headingLevel = 1; // the page title is the h1
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level !== undefined) {
        checkHeadingLevel(file, node, Number(level), headingLevel);
        headingLevel = Number(level);
      }
      const id = node.properties.id;
      if (typeof id !== 'string') continue;
      const depth = node.tagName === 'h2' ? 2 : node.tagName === 'h3' ? 3 : undefined;
      if (depth) {
        sectionDepth = depth;
        data.toc.push({ id, text: readableText(node), depth });
      } else if (node.tagName === 'cited-care') {
        const level = Math.min(sectionDepth + 1, 4);
        node.properties.dataHeadingLevel = String(level);
        data.toc.push({ id, text: String(node.properties.dataHeading ?? ''), depth: level === 2 ? 2 : 3 });
      } else if (/^h[4-6]$/.test(node.tagName)) sectionDepth = Math.max(sectionDepth, Number(node.tagName[1]));
    }
  };
}

/** `## A` then `#### B`: screen-reader users navigate by level, and a skipped one reads as missing. */
function checkHeadingLevel(file: VFile, heading: Element, level: number, previous: number): void {
  if (level <= previous + 1) return;
  const hashes = (count: number): string => '#'.repeat(count);
  report(
    file,
    'heading-level-skipped',
    `Heading "${readableText(heading)}" is level ${level} (\`${hashes(level)}\`) after a level-${previous} heading: use \`${hashes(previous + 1)}\` so no level is skipped`,
    heading.position,
  );
}
