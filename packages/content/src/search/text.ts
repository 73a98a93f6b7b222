import type { Root, RootContent } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { directive } from 'micromark-extension-directive';
import { splitFrontmatter } from '../frontmatter.js';
import type { ArticleMeta } from '../types.js';
import type { SearchDoc } from './search.js';

/** Blocks kept in the searchable body: prose, not the reference list or code. */
function collect(node: Root | RootContent, headings: string[], body: string[]): void {
  if (node.type === 'heading') {
    headings.push(toString(node));
    return;
  }
  if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
  if (node.type === 'paragraph' || node.type === 'tableCell') {
    body.push(toString(node));
    return;
  }
  if ('children' in node) for (const child of node.children) collect(child as RootContent, headings, body);
}

/**
 * The searchable text of an article's markdown source: its headings and the plain text of its
 * paragraphs (directive labels included, syntax removed). Parsed with mdast-util-from-markdown
 * and the directive extension only, which is several times cheaper than a full compile, so a
 * site's index can be built from sources that have not been compiled yet.
 */
export function searchDocFromMarkdown(meta: ArticleMeta, source: string): SearchDoc {
  const block = splitFrontmatter(source);
  const markdown = block ? source.slice(block.end) : source;
  const tree = fromMarkdown(markdown, { extensions: [directive()], mdastExtensions: [directiveFromMarkdown()] });
  const headings: string[] = [];
  const body: string[] = [];
  collect(tree, headings, body);
  return {
    id: meta.slug,
    title: meta.title,
    description: meta.description,
    tags: meta.tags,
    category: meta.category,
    headings,
    body: body.join('\n'),
    published: meta.published,
  };
}
