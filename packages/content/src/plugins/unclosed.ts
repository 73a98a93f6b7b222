import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';

/** A closing fence, possibly inside quotes or list indentation: `:::`, `> :::`. */
const closingFence = /^(?:\s*>)*\s*(:{3,})\s*$/;

/**
 * remark-directive lets a container run to the end of the document when its `:::` is missing, so
 * everything after it silently renders inside the quote or callout. A container whose last source
 * line is not a closing fence was never closed: reported at its opener.
 */
export function checkUnclosedContainers(tree: Root, text: string, file: VFile): void {
  const lines = text.split(/\r\n|\n|\r/);
  const stack: RootContent[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop() as RootContent;
    if ('children' in node) stack.push(...(node.children as RootContent[]));
    if (node.type !== 'containerDirective' || !node.position) continue;
    const { start, end } = node.position;
    const opener = /^(?:\s*>)*\s*(:{3,})/.exec(lines[start.line - 1] ?? '')?.[1] ?? ':::';
    const last = closingFence.exec(lines[end.line - 1] ?? '');
    if (end.line > start.line && last && (last[1] ?? '').length >= opener.length) continue;
    report(
      file,
      'directive-unclosed',
      `\`${opener}${node.name}\` is never closed: add a line with just \`${opener}\` where it should end (until then, everything after it renders inside it)`,
      { line: start.line, column: start.column },
    );
  }
}
