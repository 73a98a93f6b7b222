import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

/**
 * Pairs of marks a quotation may already open and close with, as copied from an article or a
 * paper. Both ends must come from the same family, so a closing apostrophe ("patients'") is never
 * mistaken for the end of a double-quoted passage.
 */
const markFamilies: ReadonlyArray<{ opening: readonly string[]; closing: readonly string[] }> = [
  { opening: ['“', '"', '„', '«'], closing: ['”', '"', '»'] },
  { opening: ['‘', "'"], closing: ['’', "'"] },
];

type Edge = 'start' | 'end';

interface ElementWithChildren {
  children?: ReactNode;
}

function hasChildren(node: ReactNode): node is ReactElement<ElementWithChildren> {
  return isValidElement<ElementWithChildren>(node) && node.props.children !== undefined;
}

/** The first (or last) non-blank piece of text in a React tree, looking inside elements' children. */
function edgeText(node: ReactNode, edge: Edge): string | undefined {
  if (typeof node === 'string') return node.trim() === '' ? undefined : node;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) {
    const items = edge === 'start' ? node : [...node].reverse();
    for (const item of items) {
      const text = edgeText(item as ReactNode, edge);
      if (text !== undefined) return text;
    }
    return undefined;
  }
  if (hasChildren(node)) return edgeText(Children.toArray(node.props.children), edge);
  return undefined;
}

/**
 * Rewrites the first (or last) non-blank text in a tree with `rewrite`, leaving everything else
 * (including elements without text, such as a citation marker) untouched.
 * Returns undefined when the tree holds no text on that edge.
 */
function rewriteEdge(node: ReactNode, edge: Edge, rewrite: (text: string) => ReactNode): ReactNode | undefined {
  if (typeof node === 'string') return node.trim() === '' ? undefined : rewrite(node);
  if (typeof node === 'number') return rewrite(String(node));
  if (Array.isArray(node)) {
    const items = [...(node as ReactNode[])];
    const order = items.map((_, index) => index);
    if (edge === 'end') order.reverse();
    for (const index of order) {
      const rewritten = rewriteEdge(items[index], edge, rewrite);
      if (rewritten !== undefined) {
        items[index] = rewritten;
        return items;
      }
    }
    return undefined;
  }
  if (hasChildren(node)) {
    // Children.toArray keys every child, so the rebuilt list renders without key warnings.
    const rewritten = rewriteEdge(Children.toArray(node.props.children), edge, rewrite);
    return rewritten === undefined ? undefined : cloneElement(node, undefined, rewritten);
  }
  return undefined;
}

/**
 * Removes the quotation's own outer quote marks, but only when it has both an opening and a
 * closing one, so the component can set its own typographic marks without doubling them.
 * Inner quotations (“failed back syndrome”) are left alone.
 */
export function withoutOuterQuoteMarks(children: ReactNode): ReactNode {
  const nodes = Children.toArray(children);
  const first = edgeText(nodes, 'start')?.trimStart();
  const last = edgeText(nodes, 'end')?.trimEnd();
  if (first === undefined || last === undefined) return nodes;
  const quoted = markFamilies.some(
    ({ opening, closing }) =>
      opening.some((mark) => first.startsWith(mark)) && closing.some((mark) => last.endsWith(mark)),
  );
  // A lone text holding only the marks (`“”`, or a single `"`) has no inside to keep.
  const onlyMarks = nodes.length === 1 && typeof nodes[0] === 'string' && nodes[0].trim().length < 3;
  if (!quoted || onlyMarks) return nodes;
  const withoutOpening = rewriteEdge(nodes, 'start', (text) => text.trimStart().slice(1));
  return rewriteEdge(withoutOpening, 'end', (text) => text.trimEnd().slice(0, -1));
}

/** Wraps the first and last text of the quotation with the given nodes (the typographic marks). */
export function withQuoteMarks(children: ReactNode, open: ReactElement, close: ReactElement): ReactNode {
  const opened = rewriteEdge(children, 'start', (text) => [open, text]) ?? [open, children];
  return rewriteEdge(opened, 'end', (text) => [text, close]) ?? [opened, close];
}
