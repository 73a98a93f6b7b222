import type { Element, RootContent } from 'hast';

/**
 * An element's words as a reader hears them in a heading, a table of contents or a region's name:
 * without citation markers (their fallback "[1]") and footnote calls (the `sup` GFM footnotes
 * render; nothing else in a sanitized body is a `sup`), whitespace collapsed.
 */
export function readableText(element: Element): string {
  let text = '';
  const stack: RootContent[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as RootContent;
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element' && node.tagName !== 'cited-citation' && node.tagName !== 'sup') stack.push(...[...node.children].reverse());
  }
  return text.replace(/\s+/g, ' ').trim();
}
