import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown-tree.js';
import type { ArticleMeta } from '../types.js';
import type { SearchDoc } from './search.js';

/** The searchable text of an article's body: its headings, and its prose as one line per block. */
export interface SearchText {
  headings: string[];
  body: string;
}

/** Blocks kept in the searchable body: prose and table cells, not the frontmatter, HTML or code. */
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
 * The searchable text of the compile's markdown tree, read before the transform changes it
 * (directive labels included, syntax removed). The store collects it during the compile
 * (`onMarkdownTree`), so the source is parsed once.
 */
export function searchTextOfTree(tree: Readonly<Root>): SearchText {
  const headings: string[] = [];
  const body: string[] = [];
  collect(tree, headings, body);
  return { headings, body: body.join('\n') };
}

/** An article's search document: its listing fields and the searchable text of its body. */
export function searchDocOf(meta: ArticleMeta, text: SearchText): SearchDoc {
  return {
    id: meta.slug,
    title: meta.title,
    description: meta.description,
    tags: meta.tags,
    category: meta.category,
    headings: text.headings,
    body: text.body,
    published: meta.published,
  };
}

/**
 * The search document of an article's markdown source, parsed as the compile parses it: the same
 * text the store indexes for that article.
 */
export function searchDocFromMarkdown(meta: ArticleMeta, source: string): SearchDoc {
  return searchDocOf(meta, searchTextOfTree(parseMarkdown(source)));
}
