// The markdown and HTML trees a compile walks: parsing (in chunks when long), the depth limit the
// recursive transformers rely on, positions, and the word count. Iterative walks throughout, so a
// hostile document cannot overflow the stack here.
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { minChunkChars, splitIntoChunks } from './chunks.js';
import { report } from './diagnostics.js';

/** Deepest mdast tree handed to the (recursive) transformers; deeper subtrees are cut off and reported. */
export const maxTreeDepth = 200;

// Built once and reused.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

/** Moves a chunk's positions to where the chunk sits in the document (chunks start at a line start). */
function shiftPositions(tree: MdastRoot, line: number, offset: number): void {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Node & { children?: Node[] };
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      point.line += line - 1;
      if (point.offset !== undefined) point.offset += offset;
    }
    if (node.children) stack.push(...node.children);
  }
}

/**
 * Parses the document, section by section when it is long (see chunks.ts): the tree, positions
 * included, is the same as parsing it whole.
 */
export function parseMarkdown(text: string, chunkChars = minChunkChars): MdastRoot {
  const chunks = splitIntoChunks(text, chunkChars);
  if (chunks.length === 1) return parser.parse(text);
  const root: MdastRoot = { type: 'root', children: [] };
  for (const chunk of chunks) {
    const tree = parser.parse(chunk.text);
    shiftPositions(tree, chunk.line, chunk.offset);
    for (const child of tree.children) root.children.push(child);
    if (tree.position) root.position = { start: { line: 1, column: 1, offset: 0 }, end: tree.position.end };
  }
  return root;
}

/** Cuts subtrees below maxTreeDepth (iteratively, so it cannot overflow itself). */
export function limitTreeDepth(tree: MdastRoot, file: VFile): void {
  const stack: { node: MdastRoot | MdastContent; depth: number }[] = [{ node: tree, depth: 0 }];
  let reported = false;
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: MdastRoot | MdastContent; depth: number };
    if (!('children' in node)) continue;
    if (depth >= maxTreeDepth) {
      if (!reported) {
        report(file, 'source-too-deep', `Content is nested more than ${maxTreeDepth} levels deep; the deeper part is not rendered`, node.position);
        reported = true;
      }
      node.children = [];
      continue;
    }
    for (const child of node.children as MdastContent[]) stack.push({ node: child, depth: depth + 1 });
  }
}

/**
 * Drops source positions from the rendered tree: diagnostics already carry them, and the tree is often
 * serialized (e.g. in a Remix loader), where positions would add about a third to its size.
 */
export function stripPositions(tree: HastRoot): void {
  const stack: (HastRoot | HastContent)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as HastRoot | HastContent;
    delete node.position;
    if ('children' in node) stack.push(...node.children);
  }
}

/** Words in the rendered text, not counting citation markers. */
export function countWords(tree: HastRoot): number {
  let count = 0;
  const stack: HastContent[] = [...tree.children];
  const word = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
  while (stack.length > 0) {
    const node = stack.pop() as HastContent;
    if (node.type === 'text') count += node.value.match(word)?.length ?? 0;
    else if (node.type === 'element' && node.tagName !== 'cited-citation') stack.push(...node.children);
  }
  return count;
}
